//! Reading a sheet's cells: the first (or a named) sheet of an .xlsx workbook, or a CSV file in
//! UTF-8 or GBK as Excel saves it.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use super::{Grid, TableProblem};

/// Larger files are refused before they are read; a checklist table is a few dozen kilobytes.
pub const MAX_TABLE_BYTES: u64 = 16 << 20;
/// More rows than any checklist has; a guard against a sheet that is mostly empty rows.
pub const MAX_ROWS: usize = 10_000;

/// Reads the cells as text. The grid's label names the file and, for a workbook, the sheet.
pub fn read_grid(path: &Path, sheet: Option<&str>) -> Result<Grid, TableProblem> {
    let size = std::fs::metadata(path)
        .map_err(|e| TableProblem::Unreadable(e.to_string()))?
        .len();
    if size > MAX_TABLE_BYTES {
        return Err(TableProblem::TooLarge {
            limit: MAX_TABLE_BYTES,
        });
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => read_csv(path),
        Some("xlsx" | "xlsm" | "xls" | "ods") => read_workbook(path, sheet),
        _ => Err(TableProblem::UnknownFileType),
    }
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Grid, TableProblem> {
    let mut workbook =
        open_workbook_auto(path).map_err(|e| TableProblem::Unreadable(e.to_string()))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| TableProblem::NoSuchSheet {
                wanted: wanted.to_string(),
                sheets: names.clone(),
            })?,
        None => names.first().cloned().ok_or(TableProblem::NoItems)?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| TableProblem::Unreadable(e.to_string()))?;
    if range.height() > MAX_ROWS {
        return Err(TableProblem::TooManyRows { limit: MAX_ROWS });
    }
    // The range starts at its first used cell, which need not be A1.
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect();
    Ok(Grid {
        label: format!("{}[{name}]", path.display()),
        row_numbers: (0..rows.len())
            .map(|i| first_row as usize + 1 + i)
            .collect(),
        rows,
        first_column: first_column as usize + 1,
    })
}

/// A cell as the office sees it. A number typed into the 序号 column (1.1 as a number) reads
/// as its shortest form, so 1.10 typed as a number reads 1.1: the duplicate is then reported.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(x) => x.to_string(),
        Data::Int(n) => n.to_string(),
        other => other.to_string(),
    }
}

fn read_csv(path: &Path) -> Result<Grid, TableProblem> {
    let bytes = std::fs::read(path).map_err(|e| TableProblem::Unreadable(e.to_string()))?;
    // The roster's reader: one encoding per file (UTF-8, UTF-16 with a BOM, or GBK), nothing
    // replaced; a byte that is not text is refused with where it is.
    let (text, _) = crate::roster::decode(&bytes).map_err(|e| {
        TableProblem::Unreadable(format!(
            "byte {} is not text ({:?}); save the file as UTF-8 or GBK",
            e.offset, e.problem
        ))
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut row_numbers = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TableProblem::Unreadable(e.to_string()))?;
        if rows.len() >= MAX_ROWS {
            return Err(TableProblem::TooManyRows { limit: MAX_ROWS });
        }
        // The line the record starts on (a quoted cell may span lines), counted from its byte
        // offset: with CRLF endings the reader's own line count lags by one.
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| line_at(&text, p.byte() as usize));
        row_numbers.push(line);
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(Grid {
        label: path.display().to_string(),
        rows,
        row_numbers,
        first_column: 1,
    })
}

/// The 1-based line of the first character at or after `byte` that is not a line break.
fn line_at(text: &str, byte: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = byte.min(bytes.len());
    while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    1 + bytes[..at].iter().filter(|b| **b == b'\n').count()
}
