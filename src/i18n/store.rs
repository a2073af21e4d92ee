//! The words of the store's failures (the database file, the disk), in Chinese and English.

use crate::i18n::Lang;
use crate::store::StoreError;

impl Lang {
    pub fn store_error(self, e: &StoreError) -> String {
        let zh = self == Lang::Zh;
        match e {
            StoreError::NotADatabase { path } => {
                if zh {
                    format!(
                        "{}：不是 shian 数据库（不是 SQLite 文件，或已损坏）。shian 没有改动它；请换一个数据文件夹（--data-dir），或把该文件移走。",
                        path.display()
                    )
                } else {
                    format!(
                        "{}: not a shian database (not an SQLite file, or damaged). shian has not written to it; choose another data folder (--data-dir) or move the file away.",
                        path.display()
                    )
                }
            }
            StoreError::Foreign { path } => {
                if zh {
                    format!(
                        "{}：这是其他程序的 SQLite 数据库，shian 不会改动它。请换一个数据文件夹（--data-dir）。",
                        path.display()
                    )
                } else {
                    format!(
                        "{}: an SQLite database of another program; shian will not change it. Choose another data folder (--data-dir).",
                        path.display()
                    )
                }
            }
            StoreError::TooNew { path, found, known } => {
                if zh {
                    format!(
                        "{}：由更新版本的 shian 创建（数据库版本 {found}，本程序支持到 {known}），请升级 shian。",
                        path.display()
                    )
                } else {
                    format!(
                        "{}: made by a newer shian (schema {found}, this one knows {known}); please upgrade.",
                        path.display()
                    )
                }
            }
            StoreError::Busy { path, holder } => match (zh, holder) {
                (true, Some(holder)) => format!(
                    "{}：数据库正被另一个程序写入：{holder}。等了 5 秒它仍未写完；请等它完成后再试。",
                    path.display()
                ),
                (true, None) => format!(
                    "{}：数据库正被另一个程序写入（无法确定是哪一个），等了 5 秒它仍未写完；请稍后再试。",
                    path.display()
                ),
                (false, Some(holder)) => format!(
                    "{}: another program is writing to the database: {holder}. It was still writing after 5 s; try again when it has finished.",
                    path.display()
                ),
                (false, None) => format!(
                    "{}: another program is writing to the database (which one cannot be told); it was still writing after 5 s. Try again shortly.",
                    path.display()
                ),
            },
            StoreError::NotFound { what, id } => {
                if zh {
                    format!(
                        "找不到{}：{id}",
                        match *what {
                            "establishment" => "单位",
                            "inspection" => "检查记录",
                            "final inspection" => "已定稿的检查记录",
                            _ => "检查表版本",
                        }
                    )
                } else {
                    format!("no such {what}: {id}")
                }
            }
            StoreError::ReadOnly { id } => {
                if zh {
                    format!("检查记录 {id} 已定稿，不能修改；如需更正，请新建更正版本。")
                } else {
                    format!(
                        "inspection {id} is final and cannot be changed; start a correction instead."
                    )
                }
            }
            StoreError::NothingChecked { id } => {
                if zh {
                    format!("检查记录 {id} 没有任何一项判为符合或不符合，无法得出结果，不能定稿。")
                } else {
                    format!(
                        "inspection {id} has no item passed or failed: there is no result to finalize."
                    )
                }
            }
            StoreError::NotAPhoto { file_name } => {
                if zh {
                    format!("{file_name}：不是照片（按文件内容判断，须为 JPEG、PNG、HEIC 或 WebP）。")
                } else {
                    format!(
                        "{file_name}: not a photo (by its content it must be JPEG, PNG, HEIC or WebP)."
                    )
                }
            }
            StoreError::InspectorRefused { id, why } => {
                format!("{id}: {}", self.inspector_refusal(why))
            }
            StoreError::DecisionRefused { id, why } => match (why, zh) {
                (crate::store::DecisionRefusal::Closed, true) => {
                    format!("整改 {id} 已经关闭，不需要再作决定。")
                }
                (crate::store::DecisionRefusal::Closed, false) => {
                    format!("rectification {id} is closed already.")
                }
                (crate::store::DecisionRefusal::Reason, true) => format!(
                    "整改 {id}：关闭整改需写明理由（不超过 {} 字）。",
                    crate::domain::final_check::MAX_LONG_TEXT_CHARS
                ),
                (crate::store::DecisionRefusal::Reason, false) => format!(
                    "rectification {id}: closing it needs a written reason (at most {} characters).",
                    crate::domain::final_check::MAX_LONG_TEXT_CHARS
                ),
            },
            StoreError::NoConflict { id, fact } => {
                let fact = self.fact_name(fact);
                if zh {
                    format!("单位 {id} 的“{fact}”没有冲突，无需处理（用 shian conflicts list 查看冲突）。")
                } else {
                    format!("establishment {id}: its {fact} is not in conflict (shian conflicts list shows the conflicts).")
                }
            }
            StoreError::NotTheOffice { office } => {
                if zh {
                    format!("本机是外勤站点（信任办公室 {office}）：单位信息的冲突由办公室裁定。请在办公室的电脑上处理；办公室的裁定会随下一个办公室数据包回到本机。")
                } else {
                    format!("this is a field station (it trusts the office {office}): the office settles conflicts in an establishment's facts. Settle it at the office; its choice comes back with its next bundle.")
                }
            }
            StoreError::BadFactValue { fact, value } => {
                let fact = self.fact_name(fact);
                if zh {
                    format!("“{value}”不是“{fact}”的有效值。")
                } else {
                    format!("\"{value}\" is not a valid {fact}.")
                }
            }
            StoreError::NotFinal { id, problem } => {
                if zh {
                    format!("检查记录 {id} 不能定稿：{}。", self.final_problem(problem))
                } else {
                    format!("inspection {id} cannot be final: {}.", self.final_problem(problem))
                }
            }
            StoreError::Sqlite(e) if crate::store::is_disk_full(e) => self
                .pick(
                    "磁盘空间已满：数据库无法写入，本次操作没有保存（之前已保存的记录都在）。请清理数据文件夹所在磁盘的空间后重试。",
                    "the disk is full: the database cannot be written, so this was not saved (everything saved before is kept). Free space on the disk that holds the data folder and try again.",
                )
                .into(),
            StoreError::Sqlite(e) if crate::store::is_io_error(e) => self
                .pick(
                    "读写数据库时出现磁盘错误，本次操作没有保存（之前已保存的记录都在）。请检查磁盘或 U 盘后重试。",
                    "a disk error while reading or writing the database, so this was not saved (everything saved before is kept). Check the disk and try again.",
                )
                .into(),
            StoreError::Io { path, source } => self.io_error(path, source),
            // Every variant by name: a new one is a compile error here until it has its words.
            StoreError::Damaged { table, detail } => {
                if zh {
                    format!("数据库中表 {table} 的一条记录已损坏，无法读取：{detail}。其他记录不受影响；请把此信息告知技术人员。")
                } else {
                    format!("a record in table {table} is damaged and cannot be read: {detail}. Other records are not affected; tell whoever supports shian.")
                }
            }
            StoreError::Sqlite(e) => {
                if zh {
                    format!("数据库出错，本次操作没有保存（之前已保存的记录都在）：{e}")
                } else {
                    format!("database error; this was not saved (everything saved before is kept): {e}")
                }
            }
        }
    }

    /// A file that could not be read or written: says whether the disk is full or the place is
    /// read-only, the two causes a user can fix.
    pub fn io_error(self, path: &std::path::Path, e: &std::io::Error) -> String {
        use std::io::ErrorKind;
        let zh = self == Lang::Zh;
        let path = path.display();
        match e.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                if zh {
                    format!("磁盘空间已满：无法写入 {path}。请清理空间或换一个位置后重试。")
                } else {
                    format!(
                        "the disk is full: cannot write {path}. Free some space or choose another place and try again."
                    )
                }
            }
            ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => {
                if zh {
                    format!("无法写入 {path}：该位置是只读的或没有写入权限。请换一个位置。")
                } else {
                    format!(
                        "cannot write {path}: the place is read-only or not writable. Choose another place."
                    )
                }
            }
            _ => {
                if zh {
                    format!("{path}：读写出错：{e}")
                } else {
                    format!("{path}: {e}")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Chinese user reads Chinese for every store error, the rare ones included (issue 17:
    /// a wildcard arm used to print these in English).
    #[test]
    fn damaged_records_and_database_errors_are_in_the_users_language() {
        let damaged = StoreError::Damaged {
            table: "establishment_revisions",
            detail: "e1: no revisions".into(),
        };
        let sqlite = StoreError::Sqlite(rusqlite::Error::InvalidQuery);
        for e in [&damaged, &sqlite] {
            let zh = Lang::Zh.store_error(e);
            assert!(zh.contains("数据库"), "{zh}");
            assert_ne!(zh, e.to_string());
        }
        assert!(
            Lang::En
                .store_error(&damaged)
                .contains("establishment_revisions")
        );
    }

    #[test]
    fn a_damaged_station_key_is_told_in_the_users_language() {
        let e = crate::identity::IdentityError::Damaged {
            path: "/data/station.key".into(),
        };
        let zh = Lang::Zh.identity_error(&e);
        assert!(
            zh.contains("密钥文件") && zh.contains("/data/station.key"),
            "{zh}"
        );
        let wrapped = crate::bundle::BundleError::Identity(e);
        assert_eq!(Lang::Zh.bundle_error(&wrapped, "", None), zh);
    }
}
