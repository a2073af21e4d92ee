//! Checklists from the tables bureaus receive as Excel (or CSV) files: `shian checklists
//! import`. The sheet is read (`read`), its sections and items found (`layout`), written as a
//! checklist TOML (`write`) and checked by the same rules as a hand-written file, each problem
//! reported at its sheet, row and column. See docs/checklist-format.md.

mod layout;
mod read;
mod write;

use std::path::Path;

pub use layout::{Cell, Counts};

use crate::domain::checklist::{Checklist, ChecklistError, Problem, parse_draft, resolve_all};
use crate::i18n::Lang;

/// The cells of one sheet as text, with the sheet row (or CSV line) of each row.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// The file, and for a workbook the sheet: `要点表.xlsx[Sheet1]`.
    pub label: String,
    pub rows: Vec<Vec<String>>,
    pub row_numbers: Vec<usize>,
    /// The sheet column of the first cell of each row (1 = A).
    pub first_column: usize,
}

/// What the command line gives beside the table.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub id: String,
    pub title: String,
    pub version: String,
    /// Establishment kinds, in the words of the format (Chinese names or codes).
    pub applies_to: Vec<String>,
    pub outcome: Option<String>,
    pub form: Option<String>,
    /// The sheet to read from a workbook; the first when not given.
    pub sheet: Option<String>,
}

/// What can be wrong with a table, beside the checklist rules themselves.
#[derive(Debug, Clone, PartialEq)]
pub enum TableProblem {
    Unreadable(String),
    TooLarge {
        limit: u64,
    },
    TooManyRows {
        limit: usize,
    },
    UnknownFileType,
    NoSuchSheet {
        wanted: String,
        sheets: Vec<String>,
    },
    /// No row within the first rows names a 检查内容 column.
    NoHeader,
    NoNumberColumn,
    /// An item row without a 序号.
    NoNumber,
    ItemBeforeSection,
    EmptySection,
    NoItems,
    /// The title row states other counts than the items found.
    CountsDiffer {
        stated: Counts,
        found: Counts,
    },
    SectionCountDiffers {
        stated: usize,
        found: usize,
    },
    /// A rule of the checklist format, as `shian checklists validate` reports it.
    Rule(Problem),
    /// A warning, not an error: the item asks a question (是否…), so 符合 may not mean compliant.
    QuestionWording,
}

/// One problem at a place: `row` and `column` are the sheet's (1-based); both 0 when the
/// problem is in a value given on the command line or in the file as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub label: String,
    pub row: usize,
    pub column: usize,
    pub problem: TableProblem,
}

/// A table read and checked.
#[derive(Debug, Clone)]
pub struct Imported {
    pub toml: String,
    pub checklist: Checklist,
    pub warnings: Vec<ImportError>,
}

/// Reads, converts and checks the table at `path`. Every problem found is returned.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Imported, Vec<ImportError>> {
    let grid = read::read_grid(path, options.sheet.as_deref()).map_err(|problem| {
        vec![ImportError {
            label: path.display().to_string(),
            row: 0,
            column: 0,
            problem,
        }]
    })?;
    from_grid(&grid, options)
}

/// The pure part of `import`: from cells to a checked checklist.
pub fn from_grid(grid: &Grid, options: &ImportOptions) -> Result<Imported, Vec<ImportError>> {
    let at = |cell: Option<Cell>, problem| ImportError {
        label: grid.label.clone(),
        row: cell.map_or(0, |c| c.row),
        column: cell.map_or(0, |c| c.column),
        problem,
    };
    let table = layout::read_table(grid).map_err(|found| {
        found
            .into_iter()
            .map(|(cell, problem)| at(Some(cell), problem))
            .collect::<Vec<_>>()
    })?;
    let written = write::write_toml(&table, options, &grid.label);
    let draft = parse_draft(&grid.label, &written.toml).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| at(written.cell_of(e.line), TableProblem::Rule(e.problem)))
            .collect::<Vec<_>>()
    })?;
    let (mut checklists, errors) = resolve_all(vec![draft]);
    let checklist = match checklists.pop() {
        Some(checklist) if errors.is_empty() => checklist,
        _ => {
            return Err(errors
                .into_iter()
                .map(|e| at(written.cell_of(e.line), TableProblem::Rule(e.problem)))
                .collect());
        }
    };
    let warnings = table
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter(|item| item.text.contains("是否"))
        .map(|item| at(Some(item.text_at), TableProblem::QuestionWording))
        .collect();
    Ok(Imported {
        toml: written.toml,
        checklist,
        warnings,
    })
}

impl ImportError {
    /// `file[sheet]:row:column: rule`, like the checklist format's `file:line:column: rule`.
    pub fn describe(&self, lang: Lang) -> String {
        if let TableProblem::Rule(problem) = &self.problem {
            let full = lang.checklist_error(&ChecklistError {
                file: self.label.clone(),
                line: self.row,
                column: self.column,
                problem: problem.clone(),
            });
            // A value from the command line (--id, --title, --applies-to) has no cell.
            let head = format!("{}:0:0", self.label);
            return match full.strip_prefix(&head) {
                Some(rest) if self.row == 0 => {
                    format!(
                        "{}{}{rest}",
                        self.label,
                        lang.pick("（命令行参数）", " (command line)")
                    )
                }
                _ => full,
            };
        }
        let place = if self.row == 0 {
            self.label.clone()
        } else {
            format!("{}:{}:{}", self.label, self.row, self.column)
        };
        format!("{place}: {}", self.problem.describe(lang))
    }
}

impl TableProblem {
    fn describe(&self, lang: Lang) -> String {
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
        match self {
            Self::Unreadable(why) => format!("{}：{why}", lang.pick("无法读取", "cannot read")),
            Self::TooLarge { limit } => format!(
                "{} {} MB",
                lang.pick("文件太大，上限", "file too large; the limit is"),
                limit >> 20
            ),
            Self::TooManyRows { limit } => format!(
                "{} {limit}",
                lang.pick("行数太多，上限", "too many rows; the limit is")
            ),
            Self::UnknownFileType => lang
                .pick(
                    "只能导入 .xlsx（Excel）或 .csv 文件",
                    "only .xlsx (Excel) or .csv files can be imported",
                )
                .into(),
            Self::NoSuchSheet { wanted, sheets } => format!(
                "{} {wanted:?}；{} {}",
                lang.pick("没有这个工作表", "no such sheet"),
                lang.pick("有：", "there are:"),
                sheets.join("、")
            ),
            Self::NoHeader => lang
                .pick(
                    "前 20 行里找不到表头（须有“检查内容”列）",
                    "no header row in the first 20 rows (a 检查内容 column is needed)",
                )
                .into(),
            Self::NoNumberColumn => lang
                .pick("表头缺少“序号”列", "the header has no 序号 column")
                .into(),
            Self::NoNumber => lang
                .pick(
                    "这一行有检查内容但没有序号",
                    "this row has a 检查内容 but no 序号",
                )
                .into(),
            Self::ItemBeforeSection => lang
                .pick(
                    "第一个部分标题之前就有条目",
                    "an item comes before the first section heading",
                )
                .into(),
            Self::EmptySection => lang
                .pick("这个部分没有条目", "this section has no items")
                .into(),
            Self::NoItems => lang.pick("表中没有条目", "the table has no items").into(),
            Self::CountsDiffer { stated, found } => format!(
                "{}{}，{}{}",
                lang.pick("表头写明 ", "the title states "),
                counts(stated),
                lang.pick("实际读到 ", "but the table has "),
                counts(found)
            ),
            Self::SectionCountDiffers { stated, found } => {
                if zh {
                    format!("部分标题写明 {stated} 项，实际有 {found} 项")
                } else {
                    format!("the heading states {stated} items, the section has {found}")
                }
            }
            Self::Rule(problem) => format!("{problem:?}"),
            Self::QuestionWording => lang
                .pick(
                    "提示：检查内容是问句（“是否”），请改写为陈述句，使“符合”表示合规",
                    "note: the item asks a question (是否); rephrase it so that 符合 means compliant",
                )
                .into(),
        }
    }
}
