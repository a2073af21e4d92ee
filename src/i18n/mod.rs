//! Every user-facing word: Simplified Chinese by default, English with `--lang en`.
//!
//! `Lang` picks; the parts hold the words by face: the domain's values here, the errors of each
//! layer (`store`, `bundle`, `trust`, `roster`, `planning`, `conflicts`, `errors`), the printed
//! reports (`report`), the terminal UI (`tui`) and the command line (`cli`). Each word is
//! written once, with its two languages on one line or in one match arm.

/// A table of words as methods of `$ty`, which knows its language by `lang()`: one line per
/// word, `name => "中文", "English";`, so that the two never drift apart.
macro_rules! words {
    ($ty:ty; $($name:ident => $zh:literal, $en:literal;)*) => {
        impl $ty {
            $(pub fn $name(self) -> &'static str { self.lang().pick($zh, $en) })*
        }
    };
}

mod bundle;
mod cli;
mod conflicts;
mod errors;
pub mod order;
mod planning;
pub mod report;
pub mod report_2022;
mod roster;
mod sign_off;
mod store;
mod table;
mod trust;
pub mod tui;

use crate::domain::checklist::{ChecklistError, Problem};
use crate::domain::establishment::{BrightKitchen, EstablishmentKind};
use crate::domain::inspection::{InspectionKind, Status};
use crate::domain::outcome::{Handling, Outcome, Verdict};
use crate::roster::{RosterError, RosterProblem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Itself: the words tables (`words!`) ask every face for its language.
    pub fn lang(self) -> Lang {
        self
    }

    /// The `lang` of a printed page's `<html>`.
    pub fn html_lang(self) -> &'static str {
        self.pick("zh-CN", "en")
    }

    /// A date as a printed form writes it: 2026年3月5日, or 2026-03-05.
    pub fn printed_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        match self {
            Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
            Lang::En => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// Between two words: nothing in Chinese, a space in English.
    pub fn word_space(self) -> &'static str {
        self.pick("", " ")
    }

    /// Between the items of a list: 、 in Chinese, a comma in English.
    pub fn list_separator(self) -> &'static str {
        self.pick("、", ", ")
    }

    /// A person with their 执法证号: `name（badge）`.
    pub fn name_with_badge(self, name: &str, badge: &str) -> String {
        match self {
            Lang::Zh => format!("{name}（{badge}）"),
            Lang::En => format!("{name} ({badge})"),
        }
    }

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
            InspectionKind::Flight => self.inspection_kind_2022(true),
            InspectionKind::System => self.inspection_kind_2022(false),
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
            RosterProblem::BadActive(v) => {
                if zh {
                    format!("“{v}” 应为“是”或“否”")
                } else {
                    format!("{v:?} should be 是 (yes) or 否 (no)")
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
}
