//! Checklists from the tables bureaus receive as Excel (or CSV) files: `shian checklists
//! import`. The sheet is read (`read`), its sections and items found (`layout`), written as a
//! checklist TOML (`write`) and checked by the same rules as a hand-written file, each problem
//! reported at its sheet, row and column. See docs/checklist-format.md.

mod layout;
mod read;
mod write;

use std::path::Path;

pub use layout::{Cell, Counts};

use crate::domain::checklist::{Checklist, Problem, parse_draft, resolve_all};

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
