//! The four tables of the workbook and the CSV files (检查记录, 不符合项, 整改, 单位名录), built
//! once from the period's data so the two formats always agree.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Labels, Result};
use crate::domain::establishment::Establishment;
use crate::domain::inspection::Inspection;
use crate::i18n::Lang;
use crate::store::PeriodData;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    fn count(n: u32) -> Cell {
        Cell::Number(f64::from(n))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name, also the CSV file's stem.
    pub name: &'static str,
    pub headers: Vec<&'static str>,
    /// Column widths in characters of the default font (a CJK character counts two).
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<Cell>>,
}

/// The period's tables, in sheet order.
pub fn tables(data: &PeriodData, lang: Lang) -> Vec<Table> {
    let t = Labels::of(lang);
    let by_id: HashMap<&str, &Establishment> = data
        .establishments
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    // An inspection's row names the establishment as the record keeps it (its facts of the
    // day, docs/reports.md), or as the roster has it now for a record from before.
    let facts_of = |i: &'_ Inspection| {
        i.establishment.clone().or_else(|| {
            by_id
                .get(i.establishment_id.as_str())
                .map(|e| e.facts.clone())
        })
    };
    let name_of = |id: &str| {
        by_id
            .get(id)
            .map(|e| e.facts.name.clone())
            .unwrap_or_default()
    };
    let town_of = |id: &str| {
        by_id
            .get(id)
            .map(|e| e.facts.town.clone())
            .unwrap_or_default()
    };

    let inspections = Table {
        name: t.sheet_inspections,
        headers: vec![
            t.serial,
            t.date,
            t.establishment,
            t.kind,
            t.town,
            t.inspection_kind,
            t.checklist,
            t.inspectors,
            t.key_items,
            t.key_failed,
            t.general_items,
            t.general_failed,
            t.not_applicable,
            t.pass_rate,
            t.result,
            t.handling,
            t.deadline,
            t.revision,
        ],
        widths: vec![
            18.0, 12.0, 34.0, 20.0, 12.0, 10.0, 28.0, 24.0, 8.0, 10.0, 8.0, 10.0, 9.0, 12.0, 10.0,
            16.0, 12.0, 6.0,
        ],
        rows: data
            .inspections
            .iter()
            .map(|p| {
                let i = &p.inspection;
                let facts = facts_of(i);
                let kind = facts
                    .as_ref()
                    .map(|f| lang.kind(f.kind))
                    .unwrap_or_default();
                let (name, town) = facts.map(|f| (f.name, f.town)).unwrap_or_default();
                // The column is 检查人员及执法证件号: each name with its number, as on the form.
                let inspectors: Vec<String> = i
                    .inspectors
                    .iter()
                    .map(|x| match x.badge.trim() {
                        "" => x.name.clone(),
                        badge => lang.name_with_badge(&x.name, badge),
                    })
                    .collect();
                vec![
                    Cell::text(i.serial.clone().unwrap_or_default()),
                    Cell::Date(p.date),
                    Cell::text(name),
                    Cell::text(kind),
                    Cell::text(town),
                    Cell::text(lang.inspection_kind(i.kind)),
                    Cell::text(p.checklist_title.clone()),
                    Cell::text(inspectors.join(lang.list_separator())),
                    Cell::count(p.tally.key_checked()),
                    Cell::count(p.tally.key_failed),
                    Cell::count(p.tally.general_checked()),
                    Cell::count(p.tally.general_failed),
                    Cell::count(p.tally.not_applicable()),
                    p.tally
                        .general_pass_rate()
                        .map_or(Cell::Empty, |r| Cell::Number((r * 10.0).round() / 10.0)),
                    i.outcome
                        .map_or(Cell::Empty, |o| Cell::text(lang.outcome(o))),
                    i.conclusion
                        .handling
                        .map_or(Cell::Empty, |h| Cell::text(lang.handling(h))),
                    Cell::date(i.conclusion.deadline),
                    Cell::Number(i.revision as f64),
                ]
            })
            .collect(),
    };

    let failed = Table {
        name: t.sheet_failed,
        headers: vec![
            t.serial,
            t.date,
            t.establishment,
            t.town,
            t.item_no,
            t.key_item,
            t.item_text,
            t.finding,
            t.measured,
        ],
        widths: vec![18.0, 12.0, 34.0, 12.0, 10.0, 8.0, 50.0, 36.0, 10.0],
        rows: data
            .inspections
            .iter()
            .flat_map(|p| {
                let i = &p.inspection;
                let (name, town) = facts_of(i).map(|f| (f.name, f.town)).unwrap_or_default();
                p.failed.iter().map(move |f| {
                    vec![
                        Cell::text(i.serial.clone().unwrap_or_default()),
                        Cell::Date(p.date),
                        Cell::text(name.clone()),
                        Cell::text(town.clone()),
                        Cell::text(f.number.clone()),
                        if f.key {
                            Cell::text(t.yes)
                        } else {
                            Cell::Empty
                        },
                        Cell::text(f.text.clone()),
                        Cell::text(f.note.clone()),
                        f.value.map_or(Cell::Empty, Cell::Number),
                    ]
                })
            })
            .collect(),
    };

    let rectifications = Table {
        name: t.sheet_rectifications,
        headers: vec![
            t.establishment,
            t.town,
            t.serial,
            t.ordered_on,
            t.item_no,
            t.item_text,
            t.deadline,
            t.status,
            t.closed_on,
        ],
        widths: vec![34.0, 12.0, 18.0, 12.0, 10.0, 50.0, 12.0, 10.0, 12.0],
        rows: data
            .rectifications
            .iter()
            .map(|r| {
                let status = if !r.open {
                    t.closed
                } else if r.deadline.is_some_and(|d| d < data.period.to) {
                    t.overdue
                } else {
                    t.open
                };
                vec![
                    Cell::text(name_of(&r.establishment_id)),
                    Cell::text(town_of(&r.establishment_id)),
                    Cell::text(r.serial.clone().unwrap_or_default()),
                    Cell::Date(r.ordered_on),
                    Cell::text(r.item_number.clone()),
                    Cell::text(r.item_text.clone()),
                    Cell::date(r.deadline),
                    Cell::text(status),
                    Cell::date(r.closed_on),
                ]
            })
            .collect(),
    };

    let establishments = Table {
        name: t.sheet_establishments,
        headers: vec![
            t.establishment,
            t.kind,
            t.town,
            t.address,
            t.person_in_charge,
            t.phone,
            t.license,
            t.credit_code,
            t.risk_grade,
            t.bright_kitchen,
            t.last_inspected,
        ],
        widths: vec![
            34.0, 20.0, 12.0, 36.0, 10.0, 14.0, 20.0, 22.0, 8.0, 16.0, 12.0,
        ],
        rows: data
            .establishments
            .iter()
            .map(|e| {
                let f = &e.facts;
                vec![
                    Cell::text(f.name.clone()),
                    Cell::text(lang.kind(f.kind)),
                    Cell::text(f.town.clone()),
                    Cell::text(f.address.clone()),
                    Cell::text(f.person_in_charge.clone()),
                    Cell::text(f.phone.clone()),
                    Cell::text(f.license_no.clone()),
                    Cell::text(f.credit_code.clone()),
                    f.risk_grade.map_or(Cell::Empty, |g| Cell::text(g.code())),
                    f.bright_kitchen
                        .map_or(Cell::Empty, |b| Cell::text(lang.bright_kitchen(b))),
                    Cell::date(data.last_inspected.get(&e.id).copied()),
                ]
            })
            .collect(),
    };

    vec![inspections, failed, rectifications, establishments]
}

/// Whether a spreadsheet would take this text for a formula (CSV injection, OWASP).
pub(crate) fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One table as CSV: UTF-8 with a byte-order mark so that Excel reads it as UTF-8, dates as
/// `YYYY-MM-DD`, and text that a spreadsheet would run as a formula prefixed with `'`.
pub fn csv_bytes(table: &Table) -> Result<Vec<u8>> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(&table.headers)?;
        for row in &table.rows {
            let fields: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Cell::Text(s) if looks_like_formula(s) => format!("'{s}"),
                    Cell::Text(s) => s.clone(),
                    Cell::Number(n) => n.to_string(),
                    Cell::Date(d) => d.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect();
            writer.write_record(&fields)?;
        }
        writer.flush().map_err(csv::Error::from)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_bom_and_defuses_formulas() {
        let table = Table {
            name: "t",
            headers: vec!["名称", "日期", "数"],
            widths: vec![10.0; 3],
            rows: vec![
                vec![
                    Cell::text("=HYPERLINK(\"x\")"),
                    Cell::Date(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or_default()),
                    Cell::Number(-3.0),
                ],
                vec![Cell::text("@SUM(A1)"), Cell::Empty, Cell::Number(1.5)],
                vec![Cell::text("鲅鱼圈"), Cell::Empty, Cell::Empty],
            ],
        };
        let bytes = csv_bytes(&table).unwrap_or_default();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap_or_default();
        assert_eq!(
            text,
            "名称,日期,数\n\"'=HYPERLINK(\"\"x\"\")\",2026-06-30,-3\n'@SUM(A1),,1.5\n鲅鱼圈,,\n"
        );
    }
}
