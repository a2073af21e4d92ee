//! Every user-facing word: Simplified Chinese by default, English with `--lang en`.

use crate::domain::checklist::{ChecklistError, Problem};
use crate::domain::establishment::{BrightKitchen, EstablishmentKind};
use crate::domain::inspection::{InspectionKind, Status};
use crate::domain::outcome::{Handling, Outcome, Verdict};
use crate::roster::{RosterError, RosterProblem};
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks between the two texts of one message.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn kind(self, kind: EstablishmentKind) -> &'static str {
        self.pick(kind.name_zh(), kind.name_en())
    }

    pub fn bright_kitchen(self, form: BrightKitchen) -> &'static str {
        self.pick(form.name_zh(), form.name_en())
    }

    pub fn verdict(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Pass => self.pick("符合", "Compliant"),
            Verdict::Fail => self.pick("不符合", "Non-compliant"),
            Verdict::NotApplicable => self.pick("合理缺项", "Not applicable"),
            Verdict::NotChecked => self.pick("未检查", "Not checked"),
        }
    }

    pub fn outcome(self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Compliant => self.pick("符合", "Compliant"),
            Outcome::BasicallyCompliant => self.pick("基本符合", "Basically compliant"),
            Outcome::NonCompliant => self.pick("不符合", "Non-compliant"),
        }
    }

    pub fn handling(self, handling: Handling) -> &'static str {
        match handling {
            Handling::Pass => self.pick("通过", "Passed"),
            Handling::RectifyOnSite => self.pick("当场整改", "Rectified on site"),
            Handling::RectifyByDeadline => self.pick("书面限期整改", "Written rectification order"),
            Handling::Investigate => self.pick("依法调查处理", "Investigation under the law"),
            Handling::StopOperations => self.pick("立即停止经营活动", "Stop operations at once"),
        }
    }

    pub fn inspection_kind(self, kind: InspectionKind) -> &'static str {
        match kind {
            InspectionKind::Routine => self.pick("日常检查", "Routine"),
            InspectionKind::Special => self.pick("专项检查", "Special"),
            InspectionKind::FollowUp => self.pick("复查", "Follow-up"),
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match status {
            Status::Draft => self.pick("草稿", "Draft"),
            Status::Final => self.pick("已定稿", "Final"),
        }
    }

    /// `file:line:column: rule` for one checklist problem.
    pub fn checklist_error(self, e: &ChecklistError) -> String {
        format!(
            "{}:{}:{}: {}",
            e.file,
            e.line,
            e.column,
            self.checklist_problem(&e.problem)
        )
    }

    fn checklist_problem(self, problem: &Problem) -> String {
        let zh = self == Lang::Zh;
        match problem {
            Problem::Unreadable(why) => format!("{}：{why}", self.pick("无法读取", "cannot read")),
            Problem::Syntax(msg) => format!("{}：{msg}", self.pick("TOML 语法错误", "TOML syntax")),
            Problem::UnknownField(f) => {
                if zh {
                    format!("未知字段 `{f}`（拼写错误？）")
                } else {
                    format!("unknown field `{f}` (a typo?)")
                }
            }
            Problem::MissingField(f) => {
                if zh {
                    format!("缺少必填字段 `{f}`")
                } else {
                    format!("missing field `{f}`")
                }
            }
            Problem::UnknownValue(msg) => {
                format!("{}：{msg}", self.pick("取值无效", "invalid value"))
            }
            Problem::BadChecklistId(id) => {
                if zh {
                    format!("检查表 id “{id}” 无效：须以小写字母开头，只含小写字母、数字和 -")
                } else {
                    format!(
                        "checklist id {id:?} is invalid: lowercase letters, digits and -, starting with a letter"
                    )
                }
            }
            Problem::DuplicateChecklistId { id, other_file } => {
                if zh {
                    format!("检查表 id “{id}” 与 {other_file} 重复")
                } else {
                    format!("checklist id {id:?} is also used by {other_file}")
                }
            }
            Problem::EmptyText(field) => {
                if zh {
                    format!("`{field}` 不能为空")
                } else {
                    format!("`{field}` must not be empty")
                }
            }
            Problem::NoAppliesTo => self
                .pick(
                    "applies_to 至少要有一个单位类型",
                    "applies_to needs at least one establishment kind",
                )
                .into(),
            Problem::UnknownEstablishmentKind(k) => {
                if zh {
                    format!("未知的单位类型 “{k}”（见 docs/checklist-format.md）")
                } else {
                    format!("unknown establishment kind {k:?} (see docs/checklist-format.md)")
                }
            }
            Problem::NoSections => self
                .pick(
                    "检查表没有任何部分（[[section]]）",
                    "the checklist has no [[section]]",
                )
                .into(),
            Problem::EmptySection(id) => {
                if zh {
                    format!("部分 “{id}” 没有条目")
                } else {
                    format!("section {id:?} has no items")
                }
            }
            Problem::DuplicateSection(id) => {
                if zh {
                    format!("部分编号 “{id}” 重复")
                } else {
                    format!("duplicate section id {id:?}")
                }
            }
            Problem::DuplicateItem(id) => {
                if zh {
                    format!("条目编号 “{id}” 重复")
                } else {
                    format!("duplicate item id {id:?}")
                }
            }
            Problem::IncludeWithItems => self
                .pick(
                    "include 的部分不能再写 id、title 或条目",
                    "an include section cannot also have id, title or items",
                )
                .into(),
            Problem::SectionWithoutTitle => self
                .pick("部分缺少 title", "section without a title")
                .into(),
            Problem::UnknownInclude(id) => {
                if zh {
                    format!("引用的检查表 “{id}” 不存在或有错误")
                } else {
                    format!("included checklist {id:?} does not exist or has errors")
                }
            }
            Problem::IncludeCycle(chain) => format!(
                "{}：{}",
                self.pick("引用成环", "include cycle"),
                chain.join(" → ")
            ),
            Problem::IncludedTwice(id) => {
                if zh {
                    format!("检查表 “{id}” 被引用了两次")
                } else {
                    format!("checklist {id:?} is included twice")
                }
            }
            Problem::MeasurementWithoutUnit => self
                .pick("测量项缺少单位 unit", "measurement without a unit")
                .into(),
            Problem::MeasurementWithoutLimits => self
                .pick("测量项至少要有 min 或 max", "measurement needs min or max")
                .into(),
            Problem::MinAboveMax { min, max } => {
                if zh {
                    format!("下限 min = {min} 大于上限 max = {max}")
                } else {
                    format!("min = {min} is greater than max = {max}")
                }
            }
            Problem::LimitNotFinite => self
                .pick(
                    "上下限必须是普通数字（不能是 nan 或 inf）",
                    "limits must be ordinary numbers, not nan or inf",
                )
                .into(),
            Problem::LimitsOnNonMeasurement => self
                .pick(
                    "只有测量项（kind = \"measurement\"）才能写 unit、min、max",
                    "unit, min and max belong to measurements only",
                )
                .into(),
            Problem::TooFewOptions => self
                .pick(
                    "选择项至少要有两个选项",
                    "a choice needs at least two options",
                )
                .into(),
            Problem::EmptyOption => self.pick("选项名称为空", "empty option label").into(),
            Problem::DuplicateOption(o) => {
                if zh {
                    format!("选项 “{o}” 重复")
                } else {
                    format!("duplicate option {o:?}")
                }
            }
            Problem::OptionsOnNonChoice => self
                .pick(
                    "只有选择项（kind = \"choice\"）才能写 options",
                    "options belong to choices only",
                )
                .into(),
        }
    }

    /// `file:line: column: problem` for one roster row.
    pub fn roster_error(self, file: &str, e: &RosterError) -> String {
        let zh = self == Lang::Zh;
        let problem = match &e.problem {
            RosterProblem::NoHeader => self
                .pick("文件为空或第一行不是表头", "empty file or no header line")
                .to_string(),
            RosterProblem::MissingColumn => self
                .pick("表头缺少此列", "this column is missing from the header")
                .to_string(),
            RosterProblem::DuplicateColumn => self
                .pick(
                    "表头中此列出现了两次",
                    "this column appears twice in the header",
                )
                .to_string(),
            RosterProblem::Malformed(msg) => {
                format!("{}：{msg}", self.pick("CSV 格式错误", "malformed CSV"))
            }
            RosterProblem::WrongFieldCount { expected, found } => {
                if zh {
                    format!("应有 {expected} 列，实际 {found} 列")
                } else {
                    format!("expected {expected} fields, found {found}")
                }
            }
            RosterProblem::TooLong { limit } => {
                if zh {
                    format!("内容过长（超过 {limit} 个字），请检查文件是否损坏")
                } else {
                    format!("too long (over {limit} characters); is the file damaged?")
                }
            }
            RosterProblem::FileTooLarge { limit } => {
                if zh {
                    format!("文件过大（超过 {} MB），不是花名册", limit >> 20)
                } else {
                    format!("file too large (over {} MB) for a roster", limit >> 20)
                }
            }
            RosterProblem::Required => self
                .pick("必填，不能为空", "required, must not be empty")
                .to_string(),
            RosterProblem::UnknownKind(k) => {
                if zh {
                    format!("未知的单位类型 “{k}”（见 docs/roster.md）")
                } else {
                    format!("unknown establishment kind {k:?} (see docs/roster.md)")
                }
            }
            RosterProblem::BadRiskGrade(g) => {
                if zh {
                    format!("风险等级 “{g}” 无效，应为 A、B、C 或 D")
                } else {
                    format!("risk grade {g:?} is invalid: A, B, C or D")
                }
            }
            RosterProblem::BadBrightKitchen(v) => {
                if zh {
                    format!("明厨亮灶 “{v}” 无效，应为 无、透明厨房、视频厨房 或 互联网+明厨亮灶")
                } else {
                    format!("明厨亮灶 {v:?} is invalid: 无, 透明厨房, 视频厨房 or 互联网+明厨亮灶")
                }
            }
            RosterProblem::DuplicateIdentifier { other_line } => {
                if zh {
                    format!("与第 {other_line} 行重复")
                } else {
                    format!("the same as on line {other_line}")
                }
            }
            RosterProblem::DuplicateNameAddress { other_line } => {
                if zh {
                    format!("名称和地址与第 {other_line} 行相同（同一单位只能有一行）")
                } else {
                    format!(
                        "the same name and address as line {other_line} (one row per establishment)"
                    )
                }
            }
            RosterProblem::ForbiddenCharacter(c) => self.roster_forbidden_character(*c),
            RosterProblem::Encoding(problem) => self.roster_encoding_problem(problem),
        };
        let line = if zh {
            format!("第 {} 行", e.line)
        } else {
            format!("line {}", e.line)
        };
        match &e.column {
            Some(column) => format!(
                "{file}: {line}, {}“{column}”: {problem}",
                self.pick("列", "column ")
            ),
            None => format!("{file}: {line}: {problem}"),
        }
    }

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
            other => other.to_string(),
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
