//! The workbook: one sheet per table, Chinese headers in a frozen first row with filters,
//! column widths set, dates as real dates. Text is always written with `write_string`, which
//! stores a string cell and never a formula, so a name like `=HYPERLINK(…)` stays text.

use chrono::Datelike;
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook};

use super::Result;
use super::tables::{Cell, Table};

/// The most characters Excel keeps in one cell; a longer text fails the whole workbook.
pub const MAX_CELL_CHARS: usize = 32_767;

/// What ends a text cut to fit a cell.
const CUT_MARK: &str = "……（超出 Excel 单元格上限，已截断 / cut: longer than an Excel cell holds）";

/// A text that fits a cell: cut, with a mark saying so, when longer (issue 16: one 10 MB name
/// made the workbook of a whole period fail).
fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_CELL_CHARS || s.chars().count() <= MAX_CELL_CHARS {
        return s.into();
    }
    let keep = MAX_CELL_CHARS - CUT_MARK.chars().count();
    let mut cut: String = s.chars().take(keep).collect();
    cut.push_str(CUT_MARK);
    cut.into()
}

/// How many cells of `tables` are cut to fit, for the command to say so.
pub fn cut_cells(tables: &[Table]) -> usize {
    tables
        .iter()
        .flat_map(|t| &t.rows)
        .flatten()
        .filter(|c| matches!(c, Cell::Text(s) if matches!(fit(s), std::borrow::Cow::Owned(_))))
        .count()
}

/// The workbook of `tables` as the bytes of an .xlsx file.
pub fn workbook_bytes(tables: &[Table]) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let text = Format::new().set_num_format("@");
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.name)?;
        for (col, title) in (0u16..).zip(&table.headers) {
            sheet.write_string_with_format(0, col, *title, &header)?;
        }
        for (col, width) in (0u16..).zip(&table.widths) {
            sheet.set_column_width(col, *width)?;
        }
        for (row, cells) in (1u32..).zip(&table.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Text(s) => {
                        sheet.write_string_with_format(row, col, fit(s).as_ref(), &text)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(row, col, *n)?;
                    }
                    Cell::Date(d) => {
                        let day = ExcelDateTime::from_ymd(
                            u16::try_from(d.year()).unwrap_or(1900),
                            u8::try_from(d.month()).unwrap_or(1),
                            u8::try_from(d.day()).unwrap_or(1),
                        )?;
                        sheet.write_datetime_with_format(row, col, &day, &date)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        let last_col = u16::try_from(table.headers.len().saturating_sub(1)).unwrap_or(0);
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_longer_than_a_cell_is_cut_with_a_mark_and_counted() {
        let long = "名".repeat(MAX_CELL_CHARS + 10);
        let cut = fit(&long);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with(CUT_MARK));
        assert_eq!(fit("短"), "短");
        let table = Table {
            name: "检查记录",
            headers: vec!["名称"],
            widths: vec![10.0],
            rows: vec![
                vec![Cell::Text(long.clone())],
                vec![Cell::Text("短".into())],
            ],
        };
        assert_eq!(cut_cells(std::slice::from_ref(&table)), 1);
        assert!(workbook_bytes(&[table]).is_ok());
    }
}
