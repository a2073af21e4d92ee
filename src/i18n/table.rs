//! The words of `shian checklists import`: what is wrong with a bureau's table, and where.

use crate::checklist_table::{Counts, ImportError, TableProblem};
use crate::domain::checklist::ChecklistError;
use crate::i18n::Lang;

impl Lang {
    /// `file[sheet]:row:column: rule`, like the checklist format's `file:line:column: rule`.
    pub fn table_import_error(self, e: &ImportError) -> String {
        let lang = self;
        if let TableProblem::Rule(problem) = &e.problem {
            let full = lang.checklist_error(&ChecklistError {
                file: e.label.clone(),
                line: e.row,
                column: e.column,
                problem: problem.clone(),
            });
            // A value from the command line (--id, --title, --applies-to) has no cell.
            let head = format!("{}:0:0", e.label);
            return match full.strip_prefix(&head) {
                Some(rest) if e.row == 0 => {
                    format!(
                        "{}{}{rest}",
                        e.label,
                        lang.pick("（命令行参数）", " (command line)")
                    )
                }
                _ => full,
            };
        }
        let place = if e.row == 0 {
            e.label.clone()
        } else {
            format!("{}:{}:{}", e.label, e.row, e.column)
        };
        format!("{place}: {}", self.table_problem(&e.problem))
    }
}

impl Lang {
    fn table_problem(self, problem: &TableProblem) -> String {
        let lang = self;
        let zh = lang == Lang::Zh;
        let counts = |c: &Counts| {
            if zh {
                format!(
                    "重点项 {} 项、一般项 {} 项、共 {} 项",
                    c.key, c.general, c.total
                )
            } else {
                format!("{} key, {} general, {} in all", c.key, c.general, c.total)
            }
        };
        match problem {
            TableProblem::Unreadable(why) => format!("{}：{why}", lang.pick("无法读取", "cannot read")),
            TableProblem::TooLarge { limit } => format!(
                "{} {} MB",
                lang.pick("文件太大，上限", "file too large; the limit is"),
                limit >> 20
            ),
            TableProblem::TooManyRows { limit } => format!(
                "{} {limit}",
                lang.pick("行数太多，上限", "too many rows; the limit is")
            ),
            TableProblem::UnknownFileType => lang
                .pick(
                    "只能导入 .xlsx（Excel）或 .csv 文件",
                    "only .xlsx (Excel) or .csv files can be imported",
                )
                .into(),
            TableProblem::NoSuchSheet { wanted, sheets } => format!(
                "{} {wanted:?}；{} {}",
                lang.pick("没有这个工作表", "no such sheet"),
                lang.pick("有：", "there are:"),
                sheets.join("、")
            ),
            TableProblem::NoHeader => lang
                .pick(
                    "前 20 行里找不到表头（须有“检查内容”列）",
                    "no header row in the first 20 rows (a 检查内容 column is needed)",
                )
                .into(),
            TableProblem::NoNumberColumn => lang
                .pick("表头缺少“序号”列", "the header has no 序号 column")
                .into(),
            TableProblem::NoNumber => lang
                .pick(
                    "这一行有检查内容但没有序号",
                    "this row has a 检查内容 but no 序号",
                )
                .into(),
            TableProblem::ItemBeforeSection => lang
                .pick(
                    "第一个部分标题之前就有条目",
                    "an item comes before the first section heading",
                )
                .into(),
            TableProblem::EmptySection => lang
                .pick("这个部分没有条目", "this section has no items")
                .into(),
            TableProblem::NoItems => lang.pick("表中没有条目", "the table has no items").into(),
            TableProblem::CountsDiffer { stated, found } => format!(
                "{}{}，{}{}",
                lang.pick("表头写明 ", "the title states "),
                counts(stated),
                lang.pick("实际读到 ", "but the table has "),
                counts(found)
            ),
            TableProblem::SectionCountDiffers { stated, found } => {
                if zh {
                    format!("部分标题写明 {stated} 项，实际有 {found} 项")
                } else {
                    format!("the heading states {stated} items, the section has {found}")
                }
            }
            TableProblem::Rule(problem) => format!("{problem:?}"),
            TableProblem::QuestionWording => lang
                .pick(
                    "提示：检查内容是问句（“是否”），请改写为陈述句，使“符合”表示合规",
                    "note: the item asks a question (是否); rephrase it so that 符合 means compliant",
                )
                .into(),
        }
    }
}
