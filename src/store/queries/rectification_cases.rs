//! Rectifications with their history (`domain::rectification::Case`): the order's finding and
//! each 复查 that looked at the item since, read from the final records themselves. Behind the
//! 复查 form, 首页's list of orders to follow up, the record form of a 复查 and the summary.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::store::{Result, Store};
use std::collections::HashMap;

use crate::domain::inspection::Rectification;
use crate::domain::outcome::{Handling, Verdict};
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
       r.status, r.follow_up_id, r.closed_at, e.name, o.checklist_id, o.id, o.serial,
       date(o.started_at, o.utc_offset || ' seconds'), json_extract(o.conclusion, '$.handling'),
       json_extract(o.conclusion, '$.deadline'),
       a.verdict, a.value, a.choice, a.note,
       EXISTS (SELECT 1 FROM rectification_decisions d WHERE d.rectification_id = r.id)
     FROM rectifications r
     JOIN inspections o ON o.id = r.inspection_id
     JOIN establishments e ON e.id = r.establishment_id
     LEFT JOIN answers a ON a.inspection_id = r.inspection_id AND a.item_id = r.item_id";

const OPEN: &str = "r.status = 'open'";
/// One establishment's, found by its index (the roster's detail pane and the 复查 form); `+` keeps
/// SQLite off the status index, which holds every open one of the district.
const OPEN_OF_ONE: &str = "r.establishment_id = ?1 AND +r.status = 'open'";

/// For each rectification of a JSON list of ids, every final 复查 of its establishment after the
/// order that answered the item, in one query (a year's summary reads thousands of cases); a
/// 复查 with a final correction counts by its correction. `CROSS JOIN` keeps SQLite to this
/// order (the rectifications, then each one's establishment's 复查 by index); left to itself it
/// walked every final inspection first, ten times as long on a district.
const VISITS: &str =
    "SELECT r.id, r.item_id, f.id, f.serial, date(f.started_at, f.utc_offset || ' seconds'),
       json_extract(f.conclusion, '$.handling'), json_extract(f.conclusion, '$.deadline'),
       a.verdict, a.value, a.choice, a.note
     FROM rectifications r
     CROSS JOIN inspections o ON o.id = r.inspection_id
     CROSS JOIN inspections f ON f.establishment_id = r.establishment_id AND f.status = 'final'
       AND f.kind = 'follow_up' AND f.started_at > o.started_at
       AND (r.closed_at IS NULL OR f.started_at <= r.closed_at)
     JOIN answers a ON a.inspection_id = f.id AND a.item_id = r.item_id
     WHERE r.id IN (SELECT value FROM json_each(?1))
       AND NOT EXISTS (SELECT 1 FROM inspections s WHERE s.supersedes = f.id AND s.status = 'final')
     ORDER BY r.id, f.started_at";

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
        cases(&self.conn, filter, Photos::Named)
    }

    /// The open rectifications to follow up from 首页: those past the deadline in force first
    /// (oldest deadline first), then those due by `until`.
    pub fn follow_ups_due(
        &self,
        today: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<crate::store::OverdueRectification>> {
        let mut out: Vec<_> = cases(&self.conn, CaseFilter::Open(None), Photos::Left)?
            .into_iter()
            .filter_map(|case| {
                let deadline = case.deadline().filter(|d| *d <= until)?;
                let marks = case.marks(today);
                Some(crate::store::OverdueRectification {
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

/// The queries of this file for tests/store/query_plans.rs (`plans::screen_queries`).
pub(in crate::store) fn screen_queries() -> Vec<(&'static str, String)> {
    vec![
        (
            "home: open rectifications",
            format!("{CASES} WHERE {OPEN} ORDER BY r.deadline, e.name, r.item_id"),
        ),
        (
            "roster, form: open rectifications of one establishment",
            format!("{CASES} WHERE {OPEN_OF_ONE} ORDER BY r.deadline, e.name, r.item_id"),
        ),
        ("rectifications: their 复查", VISITS.to_string()),
        (
            "record, list: what a 复查 follows up",
            FOLLOWS_UP.to_string(),
        ),
    ]
}

/// Whether the visits carry their photos' names: the form shows them; the lists and the
/// summary do not, and a year's summary reads thousands of cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::store) enum Photos {
    Named,
    Left,
}

pub(in crate::store) fn cases(
    conn: &Connection,
    filter: CaseFilter,
    photos: Photos,
) -> Result<Vec<Case>> {
    let (clause, args): (&str, Vec<Option<String>>) = match filter {
        CaseFilter::Open(Some(establishment)) => {
            (OPEN_OF_ONE, vec![Some(establishment.to_string())])
        }
        CaseFilter::Open(None) => (OPEN, Vec::new()),
        CaseFilter::Period { from, to } => (
            "date(o.started_at, o.utc_offset || ' seconds') <= ?2
             AND (r.status = 'open' OR substr(r.closed_at, 1, 10) >= ?1)",
            vec![Some(from.to_string()), Some(to.to_string())],
        ),
    };
    let sql = format!("{CASES} WHERE {clause} ORDER BY r.deadline, e.name, r.item_id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(&args), |r| {
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
        let order = visit_row(r, 10, 15)?;
        Ok((
            rectification,
            r.get::<_, String>(8)?,
            r.get::<_, String>(9)?,
            order,
            r.get::<_, bool>(19)?,
        ))
    })?;
    let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    // The history of exactly these, by their ids: the filter is not evaluated twice.
    let ids: Vec<&str> = rows.iter().map(|(r, ..)| r.id.as_str()).collect();
    let mut follow_ups = visits(conn, &ids, photos)?;
    let mut out = Vec::with_capacity(rows.len());
    for (rectification, establishment, checklist_id, order, decided) in rows {
        let Some(mut order) = order else {
            continue;
        };
        if photos == Photos::Named {
            order.photos = photo_names(conn, &order.inspection_id, &rectification.item_id)?;
        }
        let follow_ups = follow_ups.remove(&rectification.id).unwrap_or_default();
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

/// The cases of a period report: of the roster's establishments (the town's, when one is given).
pub(in crate::store) fn period_cases(
    conn: &Connection,
    period: &crate::store::Period,
    establishments: &[crate::domain::establishment::Establishment],
) -> Result<Vec<Case>> {
    let ids: std::collections::HashSet<&str> =
        establishments.iter().map(|e| e.id.as_str()).collect();
    let mut out = cases(
        conn,
        CaseFilter::Period {
            from: period.from,
            to: period.to,
        },
        Photos::Left,
    )?;
    out.retain(|c| ids.contains(c.rectification.establishment_id.as_str()));
    Ok(out)
}

/// By rectification, the 复查 that passed or failed its item, oldest first, up to the one that
/// closed it.
fn visits(conn: &Connection, ids: &[&str], photos: Photos) -> Result<HashMap<String, Vec<Visit>>> {
    let ids = serde_json::to_string(ids).unwrap_or_default();
    let mut stmt = conn.prepare_cached(VISITS)?;
    let rows = stmt.query_map([ids], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            visit_row(r, 2, 7)?,
        ))
    })?;
    let mut out: HashMap<String, Vec<Visit>> = HashMap::new();
    for row in rows {
        let (id, item_id, Some(mut visit)) = row? else {
            continue;
        };
        let history = out.entry(id).or_default();
        // Nothing after the 复查 that closed it belongs to this rectification.
        if history
            .last()
            .is_some_and(|v| step(v.verdict) == Step::Closes)
            || step(visit.verdict) == Step::Untouched
        {
            continue;
        }
        if photos == Photos::Named {
            visit.photos = photo_names(conn, &visit.inspection_id, &item_id)?;
        }
        history.push(visit);
    }
    Ok(out)
}

/// A visit from the columns from `at`: id, serial, local date, handling, deadline, then from
/// `answer` the verdict, value, choice and note. `None` when the date or verdict does not read
/// (a damaged row is left out of the history rather than failing the screen).
fn visit_row(r: &rusqlite::Row, at: usize, answer: usize) -> rusqlite::Result<Option<Visit>> {
    let date: Option<String> = r.get(at + 2)?;
    let handling: Option<String> = r.get(at + 3)?;
    let deadline: Option<String> = r.get(at + 4)?;
    let verdict: Option<String> = r.get(answer)?;
    let (Some(date), Some(verdict)) = (
        date.and_then(|d| d.parse::<NaiveDate>().ok()),
        verdict.as_deref().and_then(Verdict::from_code),
    ) else {
        return Ok(None);
    };
    Ok(Some(Visit {
        inspection_id: r.get(at)?,
        serial: r.get(at + 1)?,
        date,
        verdict,
        value: r.get(answer + 1)?,
        choice: r.get(answer + 2)?,
        note: r.get::<_, Option<String>>(answer + 3)?.unwrap_or_default(),
        photos: Vec::new(),
        handling: handling.as_deref().and_then(Handling::from_code),
        deadline: deadline.and_then(|d| d.parse().ok()),
    }))
}

fn photo_names(conn: &Connection, inspection_id: &str, item_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(PHOTO_NAMES)?;
    let rows = stmt.query_map([inspection_id, item_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
