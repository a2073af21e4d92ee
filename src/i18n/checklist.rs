//! What is wrong with a checklist file, at its file, line and column (docs/checklist-format.md).

use super::Lang;
use crate::domain::checklist::{ChecklistError, Problem};

impl Lang {
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
}
