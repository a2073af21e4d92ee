//! The words of bundles, devices and sync, in Chinese and English.

use crate::bundle::{Action, BundleError, RecordKind};
use crate::i18n::Lang;

impl Lang {
    /// Why a bundle was refused (or an export failed). `trust_command` is the exact command
    /// that trusts an unknown signer, and `one_step` the one that trusts and imports at once
    /// (office bundles), for that message.
    pub fn bundle_error(
        self,
        e: &BundleError,
        trust_command: &str,
        one_step: Option<&str>,
    ) -> String {
        let zh = self == Lang::Zh;
        match e {
            BundleError::UnknownStation {
                station,
                fingerprint,
                ..
            } => {
                let mut text = if zh {
                    format!(
                        "拒绝导入：数据包来自未信任的站点 {station}（密钥指纹 {fingerprint}）。\n\
                         请当面或电话与该站点的使用者核对指纹，一致后运行：\n  {trust_command}\n然后重新导入。"
                    )
                } else {
                    format!(
                        "refused: the bundle comes from station {station}, which is not trusted here (key fingerprint {fingerprint}).\n\
                         Compare the fingerprint with the station's user in person or by phone; if it matches, run:\n  {trust_command}\nthen import again."
                    )
                };
                if let Some(one_step) = one_step {
                    text.push_str(self.pick(
                        "\n也可以一步完成信任与导入：\n  ",
                        "\nOr trust and import in one step:\n  ",
                    ));
                    text.push_str(one_step);
                }
                text
            }
            BundleError::RevokedStation {
                station,
                fingerprint,
            } => {
                if zh {
                    format!(
                        "拒绝导入：站点 {station}（密钥指纹 {fingerprint}）已被撤销信任。如确需恢复，请用 shian devices trust 重新信任。"
                    )
                } else {
                    format!(
                        "refused: station {station} (key fingerprint {fingerprint}) has been revoked. To accept it again, trust it anew with shian devices trust."
                    )
                }
            }
            BundleError::BadSignature => self
                .pick(
                    "拒绝导入：签名与清单不符，数据包被改动或已损坏。请让对方重新导出。",
                    "refused: the signature does not match the manifest; the bundle was altered or damaged. Ask for a new export.",
                )
                .into(),
            BundleError::NewerFormat { found, known } => {
                if zh {
                    format!(
                        "拒绝导入：数据包格式版本为 {found}，本程序只能读取到版本 {known}。请先升级 shian。"
                    )
                } else {
                    format!(
                        "refused: the bundle has format version {found}; this shian reads up to version {known}. Please upgrade shian."
                    )
                }
            }
            BundleError::HashMismatch(name) | BundleError::SizeMismatch { name, .. } => {
                if zh {
                    format!("拒绝导入：条目 {name} 已损坏（与清单中的大小或 SHA-256 不符）。")
                } else {
                    format!(
                        "refused: entry {name} is damaged (its size or SHA-256 does not match the manifest)."
                    )
                }
            }
            BundleError::TooLarge { name, limit } => {
                if zh {
                    format!("拒绝导入：条目 {name} 解压后超过上限 {limit} 字节。")
                } else {
                    format!(
                        "refused: entry {name} decompresses to more than the limit of {limit} bytes."
                    )
                }
            }
            BundleError::TooManyEntries { count, limit } => {
                if zh {
                    format!("拒绝导入：数据包含有 {count} 个条目，上限为 {limit} 个。")
                } else {
                    format!("refused: the bundle holds {count} entries; at most {limit} are allowed.")
                }
            }
            BundleError::UnsafeName(name) => {
                if zh {
                    format!("拒绝导入：条目名称 {name:?} 不安全（绝对路径或含 ..）。")
                } else {
                    format!("refused: unsafe entry name {name:?} (absolute or with ..).")
                }
            }
            BundleError::UnexpectedEntry(name) => {
                if zh {
                    format!("拒绝导入：数据包含有清单之外的条目 {name:?}。")
                } else {
                    format!("refused: the bundle holds an entry the manifest does not list: {name:?}.")
                }
            }
            BundleError::MissingEntry(name) => {
                if zh {
                    format!("拒绝导入：缺少条目 {name:?}（数据包不完整）。")
                } else {
                    format!("refused: entry {name:?} is missing (incomplete bundle).")
                }
            }
            BundleError::DuplicateEntry(name) => {
                if zh {
                    format!("拒绝导入：条目 {name:?} 出现了两次。")
                } else {
                    format!("refused: entry {name:?} appears twice.")
                }
            }
            BundleError::NamedTwice { declared, distinct } => {
                if zh {
                    format!(
                        "拒绝导入：压缩包列出 {declared} 个条目，却只有 {distinct} 个不同的名称：有条目名称出现了两次（不同的程序会读到不同的内容）。"
                    )
                } else {
                    format!(
                        "refused: the archive lists {declared} entries under {distinct} names: an entry name appears twice (different programs would read different content)."
                    )
                }
            }
            BundleError::NotAZip(detail) => {
                if zh {
                    format!("拒绝导入：不是 shian 数据包，或文件不完整（{detail}）。")
                } else {
                    format!("refused: not a shian bundle, or the file is incomplete ({detail}).")
                }
            }
            BundleError::NotShian(format) => {
                if zh {
                    format!("拒绝导入：不是 shian 数据包（格式 {format:?}）。")
                } else {
                    format!("refused: not a shian bundle (format {format:?}).")
                }
            }
            BundleError::BadManifest(detail) => {
                format!("{}{detail}", self.pick("拒绝导入：清单有误：", "refused: bad manifest: "))
            }
            BundleError::BadRecord { entry, detail } => {
                if zh {
                    format!("拒绝导入：{entry} 中的记录有误：{detail}")
                } else {
                    format!("refused: bad record in {entry}: {detail}")
                }
            }
            BundleError::MissingReference { what, id } => {
                if zh {
                    format!(
                        "拒绝导入：数据包引用的{} {id} 既不在包中，也不在本机。请先导入办公室的数据包或对方较早的数据包。",
                        match *what {
                            "establishment" => "单位",
                            "inspection" => "检查记录",
                            "attachment" => "附件",
                            _ => "检查表版本",
                        }
                    )
                } else {
                    format!(
                        "refused: the bundle refers to {what} {id}, which is neither in it nor here. Import the office bundle or the sender's earlier bundles first."
                    )
                }
            }
            BundleError::NothingToExport => self
                .pick(
                    "没有尚未导出的记录；如需全部重新导出（例如 U 盘丢失），请加 --all。",
                    "nothing new to export; to export everything again (say, a lost USB stick), add --all.",
                )
                .into(),
            BundleError::Exists(path) => {
                if zh {
                    format!("{} 已存在，不会覆盖。", path.display())
                } else {
                    format!("{} already exists; it is not overwritten.", path.display())
                }
            }
            BundleError::OlderFormat { found, known } => {
                if zh {
                    format!(
                        "拒绝导入：数据包格式版本为 {found}，本程序读取版本 {known} 及以上：旧版本的记录没有作者签名，无法证明由谁填写。请用新版 shian 重新导出。"
                    )
                } else {
                    format!(
                        "refused: the bundle has format version {found}; this shian reads version {known} and later: older records carry no author signatures, so nothing proves who wrote them. Export it again with this shian."
                    )
                }
            }
            BundleError::Refused { record, rule } => self.refusal(record, rule),
            BundleError::StationCodeTaken {
                station,
                fingerprint,
                known_name,
            } => {
                if zh {
                    format!(
                        "拒绝导入：数据包的签名密钥（指纹 {fingerprint}）未被信任，而它的站点代码 {station} 已属于本机信任的站点（{known_name}）。这可能是冒充；请核实来源。"
                    )
                } else {
                    format!(
                        "refused: the bundle's key (fingerprint {fingerprint}) is not trusted, and its station code {station} belongs to a known station ({known_name}). This may be an impersonation; check where the file came from."
                    )
                }
            }
            BundleError::ReusedBundleId { bundle_id } => {
                if zh {
                    format!(
                        "拒绝导入：数据包编号 {bundle_id} 以前导入过，但内容或签名站点不同。同一编号只能对应同一个数据包；请核实来源。"
                    )
                } else {
                    format!(
                        "refused: bundle id {bundle_id} was imported before with other content or from another station. One id names one bundle; check where this file came from."
                    )
                }
            }
            BundleError::Store(e) => self.store_error(e),
            BundleError::Io { path, source } => self.io_error(path, source),
            // Every variant by name: a new one is a compile error here until it has its words.
            BundleError::Identity(e) => self.identity_error(e),
        }
    }

    pub fn record_kind(self, kind: RecordKind) -> &'static str {
        match kind {
            RecordKind::Inspection => self.pick("检查记录", "inspections"),
            RecordKind::Establishment => self.pick("单位", "establishments"),
            RecordKind::Checklist => self.pick("检查表版本", "checklist versions"),
            RecordKind::Rectification => self.pick("整改", "rectifications"),
            RecordKind::Attachment => self.pick("附件", "attachments"),
        }
    }

    pub fn plan_action(self, action: Action) -> &'static str {
        match action {
            Action::New => self.pick("新增", "new"),
            Action::Identical => self.pick("相同", "identical"),
            Action::Newer => self.pick("更新版本", "newer revision"),
            Action::Conflict => self.pick("冲突", "conflict"),
        }
    }

    /// Asked on first contact with an office key.
    pub fn first_contact_question(self, station: &str, name: &str, fingerprint: &str) -> String {
        if self == Lang::Zh {
            format!(
                "首次导入办公室数据包：站点 {station}{}\n密钥指纹：{fingerprint}\n请与办公室核对此指纹。一致并信任该办公室吗？[y/N] ",
                if name.is_empty() {
                    String::new()
                } else {
                    format!("（{name}）")
                }
            )
        } else {
            format!(
                "First office bundle: station {station}{}\nKey fingerprint: {fingerprint}\nCompare this fingerprint with the office. Does it match, and do you trust this office? [y/N] ",
                if name.is_empty() {
                    String::new()
                } else {
                    format!(" ({name})")
                }
            )
        }
    }
}
