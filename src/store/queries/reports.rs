//! What the reports read: the photos of a record, and everything a period report draws on,
//! gathered in a few queries. Dates of a period are the inspectors' local dates (the offset an
//! inspection was made in), not UTC dates.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::domain::checklist::{Checklist, ItemKind};
use crate::domain::establishment::Establishment;
use crate::domain::inspection::{self as rules, Inspection};
use crate::domain::outcome::{Tally, Verdict};
use crate::store::queries::report_sql::{
    answers_of_sql, last_inspected_sql, period_inspections_sql, period_rectifications_sql,
};
use crate::store::rows::{self, ESTABLISHMENT_COLUMNS};
use crate::store::{Result, Store, StoreError};

/// A photo attached to an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoBytes {
    pub item_id: String,
    pub sha256: String,
    pub media_type: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Which part of the record a period report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Only establishments of this 镇/街道.
    pub town: Option<String>,
}

/// A failed item of an inspection, with the item as its checklist version words it.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedItem {
    pub item_id: String,
    pub number: String,
    pub text: String,
    pub key: bool,
    pub note: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
}

/// A final inspection of the period (the latest revision of it), with its counts.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodInspection {
    pub inspection: Inspection,
    /// The inspector's local date.
    pub date: NaiveDate,
    pub checklist_title: String,
    pub tally: Tally,
    pub failed: Vec<FailedItem>,
}

/// A written rectification order.
#[derive(Debug, Clone, PartialEq)]
pub struct RectificationRow {
    pub establishment_id: String,
    pub inspection_id: String,
    pub serial: Option<String>,
    /// Local date of the inspection that ordered it.
    pub ordered_on: NaiveDate,
    pub item_number: String,
    pub item_text: String,
    pub deadline: Option<NaiveDate>,
    pub open: bool,
    pub closed_on: Option<NaiveDate>,
}

/// Everything a period report draws on.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodData {
    pub period: Period,
    /// The roster (of the town, when one is given), by town and name.
    pub establishments: Vec<Establishment>,
    /// Final inspections dated in the period, oldest first; superseded revisions left out.
    pub inspections: Vec<PeriodInspection>,
    /// Rectifications still open, and those ordered in the period.
    pub rectifications: Vec<RectificationRow>,
    /// The local date of each establishment's latest final inspection on or before `to`.
    pub last_inspected: HashMap<String, NaiveDate>,
    /// The rectifications ordered by `to` and open in or after the period, with their history
    /// (issue 13), of the roster's establishments.
    pub cases: Vec<crate::domain::rectification::Case>,
}

impl Store {
    /// The photos of an inspection's answers, in item order then file name.
    pub fn photo_bytes(&self, inspection_id: &str) -> Result<Vec<PhotoBytes>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT aa.item_id, a.sha256, a.media_type, aa.file_name, a.bytes
             FROM answer_attachments aa JOIN attachments a ON a.sha256 = aa.sha256
             WHERE aa.inspection_id = ?1 ORDER BY aa.item_id, aa.file_name",
        )?;
        let rows = stmt.query_map([inspection_id], |r| {
            Ok(PhotoBytes {
                item_id: r.get(0)?,
                sha256: r.get(1)?,
                media_type: r.get(2)?,
                file_name: r.get(3)?,
                bytes: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Reads what a period report needs, in one read transaction so the parts agree.
    pub fn period_data(&self, period: &Period) -> Result<PeriodData> {
        let tx = self.conn.unchecked_transaction()?;
        let mut checklists = ChecklistCache::default();
        let establishments = establishments(&tx, period)?;
        let inspections = inspections(&tx, period, &mut checklists)?;
        let rectifications = rectifications(&tx, period, &establishments, &mut checklists)?;
        let last_inspected = last_inspected(&tx, period)?;
        let cases =
            crate::store::queries::rectification_cases::period_cases(&tx, period, &establishments)?;
        tx.finish()?;
        Ok(PeriodData {
            period: period.clone(),
            establishments,
            inspections,
            rectifications,
            last_inspected,
            cases,
        })
    }
}

/// A checklist version with where each item stands in it, so an answer row finds its item
/// without building an `Answer`.
struct Scored {
    checklist: Checklist,
    position: HashMap<String, usize>,
}

/// Checklist versions by hash, parsed once per report.
#[derive(Default)]
struct ChecklistCache(HashMap<String, Scored>);

impl ChecklistCache {
    fn get(&mut self, conn: &Connection, hash: &str) -> Result<&Scored> {
        if !self.0.contains_key(hash) {
            let content: String = conn
                .prepare_cached("SELECT content FROM checklist_versions WHERE hash = ?1")?
                .query_row([hash], |r| r.get(0))?;
            let checklist: Checklist =
                serde_json::from_str(&content).map_err(|e| StoreError::Damaged {
                    table: "checklist_versions",
                    detail: format!("{hash}: {e}"),
                })?;
            let position = checklist
                .items()
                .enumerate()
                .map(|(i, item)| (item.id.clone(), i))
                .collect();
            self.0.insert(
                hash.to_string(),
                Scored {
                    checklist,
                    position,
                },
            );
        }
        self.0.get(hash).ok_or_else(|| StoreError::NotFound {
            what: "checklist version",
            id: hash.to_string(),
        })
    }
}

fn establishments(conn: &Connection, period: &Period) -> Result<Vec<Establishment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ESTABLISHMENT_COLUMNS} FROM establishments
         WHERE ?1 IS NULL OR town = ?1 ORDER BY town, name"
    ))?;
    let rows = stmt.query_map([&period.town], rows::establishment)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn inspections(
    conn: &Connection,
    period: &Period,
    checklists: &mut ChecklistCache,
) -> Result<Vec<PeriodInspection>> {
    let mut stmt = conn.prepare_cached(&period_inspections_sql())?;
    let found: Vec<Inspection> = stmt
        .query_map(
            params![period.from.to_string(), period.to.to_string(), period.town],
            rows::inspection,
        )?
        .collect::<rusqlite::Result<_>>()?;
    let mut answers_of = conn.prepare_cached(&answers_of_sql())?;
    let mut out = Vec::with_capacity(found.len());
    for inspection in found {
        let scored = checklists.get(conn, &inspection.checklist_hash)?;
        let (tally, failed) = score(&mut answers_of, &inspection.id, scored)?;
        out.push(PeriodInspection {
            date: inspection.local_started_at().date_naive(),
            checklist_title: scored.checklist.title.clone(),
            tally,
            failed,
            inspection,
        });
    }
    Ok(out)
}

/// An inspection's counts and failed items. A year's summary reads some 800,000 answers, so
/// each row is looked at where it lies (no `Answer` built, no time parsed) and only a failed
/// one's note is copied (issue 7: this halved the summary).
fn score(
    answers_of: &mut rusqlite::CachedStatement<'_>,
    inspection_id: &str,
    scored: &Scored,
) -> Result<(Tally, Vec<FailedItem>)> {
    let damaged = |detail: String| StoreError::Damaged {
        table: "answers",
        detail: format!("{inspection_id}: {detail}"),
    };
    let mut verdicts = vec![Verdict::NotChecked; scored.position.len()];
    let mut findings: HashMap<usize, (String, Option<f64>)> = HashMap::new();
    let mut rows = answers_of.query([inspection_id])?;
    while let Some(row) = rows.next()? {
        let text = |column| {
            row.get_ref(column)?
                .as_str()
                .map_err(|e| damaged(e.to_string()))
        };
        // Answers to items the checklist version does not have are not counted (as in `tally`).
        let Some(&at) = scored.position.get(text(0)?) else {
            continue;
        };
        let code = text(1)?;
        let verdict =
            Verdict::from_code(code).ok_or_else(|| damaged(format!("unknown verdict {code:?}")))?;
        verdicts[at] = verdict;
        if verdict == Verdict::Fail {
            findings.insert(at, (row.get(3)?, row.get(2)?));
        }
    }
    let failed = (scored.checklist.items().enumerate())
        .filter_map(|(at, item)| {
            let (note, value) = findings.remove(&at)?;
            Some(FailedItem {
                item_id: item.id.clone(),
                number: item.number.clone(),
                text: item.text.clone(),
                key: item.key,
                note,
                value,
                unit: match &item.kind {
                    ItemKind::Measurement { unit, .. } => Some(unit.clone()),
                    _ => None,
                },
            })
        })
        .collect();
    let tally = rules::tally_items(scored.checklist.items().zip(verdicts));
    Ok((tally, failed))
}

/// The period's rectification orders by deadline (none first), establishment name and item.
fn rectifications(
    conn: &Connection,
    period: &Period,
    establishments: &[Establishment],
    checklists: &mut ChecklistCache,
) -> Result<Vec<RectificationRow>> {
    struct Order {
        establishment_id: String,
        inspection_id: String,
        serial: Option<String>,
        ordered: String,
        hash: String,
        item_id: String,
        deadline: Option<String>,
        open: bool,
        closed: Option<String>,
    }
    let name_of: HashMap<&str, &str> = establishments
        .iter()
        .map(|e| (e.id.as_str(), e.facts.name.as_str()))
        .collect();
    let mut stmt = conn.prepare_cached(&period_rectifications_sql())?;
    let mut orders: Vec<(&str, Order)> = stmt
        .query_map(
            params![period.from.to_string(), period.to.to_string(), period.town],
            |r| {
                Ok(Order {
                    establishment_id: r.get(0)?,
                    inspection_id: r.get(1)?,
                    serial: r.get(2)?,
                    ordered: r.get(3)?,
                    hash: r.get(4)?,
                    item_id: r.get(5)?,
                    deadline: r.get(6)?,
                    open: r.get_ref(7)?.as_str()? == "open",
                    closed: r.get(8)?,
                })
            },
        )?
        .map(|order| {
            order.map(|o| {
                let name = name_of.get(o.establishment_id.as_str()).copied();
                (name.unwrap_or_default(), o)
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    // Sorted here rather than in SQL, where the name costs a roster lookup per order; the
    // inspection breaks ties so the order is the same every time.
    orders.sort_by(|(a_name, a), (b_name, b)| {
        (&a.deadline, a_name, &a.item_id, &a.inspection_id).cmp(&(
            &b.deadline,
            b_name,
            &b.item_id,
            &b.inspection_id,
        ))
    });
    let date = |text: &str| parse_date("rectifications", text);
    let mut out = Vec::with_capacity(orders.len());
    for (_, o) in orders {
        let checklist = &checklists.get(conn, &o.hash)?.checklist;
        let (item_number, item_text) = checklist
            .item(&o.item_id)
            .map_or((o.item_id.clone(), String::new()), |item| {
                (item.number.clone(), item.text.clone())
            });
        out.push(RectificationRow {
            establishment_id: o.establishment_id,
            inspection_id: o.inspection_id,
            serial: o.serial,
            ordered_on: date(&o.ordered)?,
            item_number,
            item_text,
            deadline: o.deadline.as_deref().map(date).transpose()?,
            open: o.open,
            closed_on: o.closed.as_deref().map(date).transpose()?,
        });
    }
    Ok(out)
}

fn last_inspected(conn: &Connection, period: &Period) -> Result<HashMap<String, NaiveDate>> {
    let mut stmt = conn.prepare_cached(&last_inspected_sql())?;
    let rows: Vec<(String, String)> = stmt
        .query_map([period.to.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, date)| Ok((id, parse_date("inspections", &date)?)))
        .collect()
}

fn parse_date(table: &'static str, text: &str) -> Result<NaiveDate> {
    text.parse().map_err(|_| StoreError::Damaged {
        table,
        detail: format!("not a date: {text:?}"),
    })
}

#[cfg(test)]
mod tests;
