//! Rectifications with their history (`domain::rectification::Case`): the order's finding and
//! each 复查 that looked at the item since, read from the final records themselves. Behind the
//! 复查 form, 首页's list of orders to follow up, the record form of a 复查 and the summary.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{Result, Store};
use crate::domain::inspection::{Conclusion, Rectification};
use crate::domain::outcome::Verdict;
use crate::domain::rectification::{Case, Step, Visit, step};

/// Which rectifications to read.
#[derive(Debug, Clone, Copy)]
pub enum CaseFilter<'a> {
    /// The open ones, of one establishment or of all.
    Open(Option<&'a str>),
    /// Those ordered on or before `to` and still open or closed on or after `from` (UTC day).
    Period { from: NaiveDate, to: NaiveDate },
}

const CASES: &str = "SELECT r.id, r.establishment_id, r.inspection_id, r.item_id, r.deadline,
       r.status, r.follow_up_id, r.closed_at, e.name, o.checklist_id, o.serial,
       date(o.started_at, o.utc_offset || ' seconds'), o.conclusion, o.started_at,
       a.verdict, a.value, a.choice, a.note,
       EXISTS (SELECT 1 FROM rectification_decisions d WHERE d.rectification_id = r.id)
     FROM rectifications r
     JOIN inspections o ON o.id = r.inspection_id
     JOIN establishments e ON e.id = r.establishment_id
     LEFT JOIN answers a ON a.inspection_id = r.inspection_id AND a.item_id = r.item_id";

/// Every final 复查 of the establishment after the order that answered the item; a 复查 with a
/// final correction counts by its correction.
const VISITS: &str = "SELECT f.id, f.serial, date(f.started_at, f.utc_offset || ' seconds'),
       f.conclusion, a.verdict, a.value, a.choice, a.note
     FROM inspections f JOIN answers a ON a.inspection_id = f.id AND a.item_id = ?2
     WHERE f.establishment_id = ?1 AND f.status = 'final' AND f.kind = 'follow_up'
       AND f.started_at > ?3
       AND NOT EXISTS (SELECT 1 FROM inspections s WHERE s.supersedes = f.id AND s.status = 'final')
     ORDER BY f.started_at";

const PHOTO_NAMES: &str = "SELECT file_name FROM answer_attachments
     WHERE inspection_id = ?1 AND item_id = ?2 ORDER BY added_at, file_name";

/// The orders a 复查 follows up (issue 13): the rectifications of its establishment ordered
/// before it that were open when it was made. A draft follows up every open one; a final 复查
/// those whose item it passed or failed and that it found open.
const FOLLOWS_UP: &str = "SELECT DISTINCT o.id, o.serial, o.started_at FROM inspections f
     JOIN rectifications r ON r.establishment_id = f.establishment_id
     JOIN inspections o ON o.id = r.inspection_id
     WHERE f.id = ?1 AND f.kind = 'follow_up' AND o.started_at < f.started_at
       AND CASE WHEN f.status = 'draft' THEN r.status = 'open'
           ELSE (r.status = 'open' OR r.closed_at >= f.finalized_at)
                AND EXISTS (SELECT 1 FROM answers a WHERE a.inspection_id = f.id
                            AND a.item_id = r.item_id AND a.verdict IN ('pass', 'fail'))
           END
     ORDER BY o.started_at";

impl Store {
    /// The rectifications `filter` picks, each with its history, by deadline, establishment
    /// and item.
    pub fn rectification_cases(&self, filter: CaseFilter) -> Result<Vec<Case>> {
        cases(&self.conn, filter)
    }

    /// The open rectifications to follow up from 首页: those past the deadline in force first
    /// (oldest deadline first), then those due by `until`.
    pub fn follow_ups_due(
        &self,
        today: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<super::OverdueRectification>> {
        let mut out: Vec<_> = cases(&self.conn, CaseFilter::Open(None))?
            .into_iter()
            .filter_map(|case| {
                let deadline = case.deadline().filter(|d| *d <= until)?;
                let marks = case.marks(today);
                Some(super::OverdueRectification {
                    establishment_id: case.rectification.establishment_id,
                    establishment: case.establishment,
                    inspection_id: case.rectification.inspection_id,
                    item_id: case.rectification.item_id,
                    deadline,
                    checklist_id: case.checklist_id,
                    overdue: marks.overdue,
                    failed_again: marks.failed_again,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            (!a.overdue, a.deadline, &a.establishment).cmp(&(
                !b.overdue,
                b.deadline,
                &b.establishment,
            ))
        });
        Ok(out)
    }

    /// The orders (inspection id, serial) the 复查 `inspection_id` follows up, oldest first;
    /// none for another kind of inspection.
    pub fn follows_up(&self, inspection_id: &str) -> Result<Vec<(String, Option<String>)>> {
        let mut stmt = self.conn.prepare_cached(FOLLOWS_UP)?;
        let rows = stmt.query_map([inspection_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(super) fn cases(conn: &Connection, filter: CaseFilter) -> Result<Vec<Case>> {
    let (clause, args): (&str, Vec<Option<String>>) = match filter {
        CaseFilter::Open(establishment) => (
            "r.status = 'open' AND (?1 IS NULL OR r.establishment_id = ?1)",
            vec![establishment.map(str::to_string)],
        ),
        CaseFilter::Period { from, to } => (
            "date(o.started_at, o.utc_offset || ' seconds') <= ?2
             AND (r.status = 'open' OR substr(r.closed_at, 1, 10) >= ?1)",
            vec![Some(from.to_string()), Some(to.to_string())],
        ),
    };
    let sql = format!("{CASES} WHERE {clause} ORDER BY r.deadline, e.name, r.item_id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
        let deadline: Option<String> = r.get(4)?;
        let status: String = r.get(5)?;
        let closed_at: Option<String> = r.get(7)?;
        let rectification = Rectification {
            id: r.get(0)?,
            establishment_id: r.get(1)?,
            inspection_id: r.get(2)?,
            item_id: r.get(3)?,
            deadline: deadline.and_then(|d| d.parse().ok()),
            open: status == "open",
            follow_up_id: r.get(6)?,
            closed_at: closed_at
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
                .map(|t| t.with_timezone(&chrono::Utc)),
        };
        let order = visit_row(r, [2, 10, 11, 12, 14, 15, 16, 17])?;
        Ok((
            rectification,
            r.get::<_, String>(8)?,
            r.get::<_, String>(9)?,
            order,
            r.get::<_, String>(13)?,
            r.get::<_, bool>(18)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (rectification, establishment, checklist_id, order, ordered_at, decided) = row?;
        let Some(mut order) = order else {
            continue;
        };
        order.photos = photo_names(conn, &order.inspection_id, &rectification.item_id)?;
        let follow_ups = visits(conn, &rectification, &ordered_at)?;
        out.push(Case {
            rectification,
            establishment,
            checklist_id,
            order,
            follow_ups,
            decided,
        });
    }
    Ok(out)
}

/// The 复查 that passed or failed the item, up to the one that closed it.
fn visits(conn: &Connection, r: &Rectification, ordered_at: &str) -> Result<Vec<Visit>> {
    let mut stmt = conn.prepare_cached(VISITS)?;
    let rows = stmt.query_map(params![r.establishment_id, r.item_id, ordered_at], |row| {
        visit_row(row, [0, 1, 2, 3, 4, 5, 6, 7])
    })?;
    let mut out = Vec::new();
    for row in rows {
        let Some(mut visit) = row? else {
            continue;
        };
        let passed = match step(visit.verdict) {
            Step::Untouched => continue,
            Step::Closes => true,
            Step::FailsAgain => false,
        };
        visit.photos = photo_names(conn, &visit.inspection_id, &r.item_id)?;
        out.push(visit);
        if passed {
            break;
        }
    }
    Ok(out)
}

/// A visit from the columns at `at`: id, serial, local date, conclusion, verdict, value,
/// choice, note. `None` when the date or verdict does not read (a damaged row is left out of
/// the history rather than failing the screen).
fn visit_row(r: &rusqlite::Row, at: [usize; 8]) -> rusqlite::Result<Option<Visit>> {
    let date: Option<String> = r.get(at[2])?;
    let conclusion: String = r.get(at[3])?;
    let verdict: Option<String> = r.get(at[4])?;
    let conclusion: Conclusion = serde_json::from_str(&conclusion).unwrap_or_default();
    let (Some(date), Some(verdict)) = (
        date.and_then(|d| d.parse::<NaiveDate>().ok()),
        verdict.as_deref().and_then(Verdict::from_code),
    ) else {
        return Ok(None);
    };
    Ok(Some(Visit {
        inspection_id: r.get(at[0])?,
        serial: r.get(at[1])?,
        date,
        verdict,
        value: r.get(at[5])?,
        choice: r.get(at[6])?,
        note: r.get::<_, Option<String>>(at[7])?.unwrap_or_default(),
        photos: Vec::new(),
        handling: conclusion.handling,
        deadline: conclusion.deadline,
    }))
}

fn photo_names(conn: &Connection, inspection_id: &str, item_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(PHOTO_NAMES)?;
    let rows = stmt.query_map([inspection_id, item_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
