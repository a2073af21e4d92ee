//! The workbook: one sheet per table, Chinese headers in a frozen first row with filters,
//! column widths set, dates as real dates. Text is always written with `write_string`, which
//! stores a string cell and never a formula, so a name like `=HYPERLINK(…)` stays text.

use chrono::Datelike;
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook};

use super::Result;
use super::tables::{Cell, Table};

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
                        sheet.write_string_with_format(row, col, s, &text)?;
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
