//! Read-only queries behind the field UI's home screen and checklist form: when each
//! establishment was last inspected, which rectifications are overdue, what failed last time.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::OptionalExtension;

use crate::store::{Result, Store};

/// One index seek per establishment: on five years a GROUP BY over every final record took
/// ten times as long (BENCHMARKS.md).
/// The latest visit of each establishment that counts toward the risk grade's frequency: a 复查
/// follows an order up and is not one (issue 13).
pub(in crate::store) const LAST_FINALS: &str =
    "SELECT e.id, (SELECT i.started_at FROM inspections i
         WHERE i.establishment_id = e.id AND i.status = 'final' AND i.kind <> 'follow_up'
         ORDER BY i.started_at DESC LIMIT 1)
     FROM establishments e";

pub(in crate::store) const OVERDUE: &str =
    "SELECT r.establishment_id, e.name, r.inspection_id, r.item_id, r.deadline
     FROM rectifications r JOIN establishments e ON e.id = r.establishment_id
     WHERE r.status = 'open' AND r.deadline IS NOT NULL AND r.deadline < ?1
     ORDER BY r.deadline, e.name";

pub(in crate::store) const LAST_FINAL_OF: &str =
    "SELECT id FROM inspections WHERE establishment_id = ?1 AND status = 'final'
     ORDER BY started_at DESC, revision DESC LIMIT 1";

pub(in crate::store) const FAILED_ITEMS: &str =
    "SELECT item_id FROM answers WHERE inspection_id = ?1 AND verdict = 'fail'";

pub(in crate::store) const FINALS_IN_YEAR: &str = "SELECT count(*) FROM inspections
     WHERE establishment_id = ?1 AND status = 'final' AND supersedes IS NULL
       AND strftime('%Y', started_at, utc_offset || ' seconds') = ?2";

/// Per establishment: the local date of its latest final inspection (in the inspector's own
/// time zone, as its record form prints it) and its open rectifications.
const STANDING: &str = "SELECT e.id,
       (SELECT date(i.started_at, i.utc_offset || ' seconds') FROM inspections i
         WHERE i.establishment_id = e.id AND i.status = 'final'
         ORDER BY i.started_at DESC LIMIT 1),
       (SELECT count(*) FROM rectifications r
         WHERE r.establishment_id = e.id AND r.status = 'open')
     FROM establishments e";

/// The latest first revision by another station: who went there, not who corrected a record
/// (an office correction carries the office's code).
const LAST_ELSEWHERE: &str = "SELECT date(started_at, utc_offset || ' seconds'), station, serial
     FROM inspections
     WHERE establishment_id = ?1 AND status = 'final' AND supersedes IS NULL AND station <> ?2
     ORDER BY started_at DESC LIMIT 1";

pub(in crate::store) const KNOWN_INSPECTORS: &str =
    "SELECT inspectors FROM inspections ORDER BY started_at DESC LIMIT 500";

/// A written rectification order still open after its deadline, or (on 首页) due soon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueRectification {
    pub establishment_id: String,
    pub establishment: String,
    pub inspection_id: String,
    pub item_id: String,
    /// The deadline in force (a 复查 that failed the item may have set a new one).
    pub deadline: NaiveDate,
    /// The order's checklist, which the 复查 answers again.
    pub checklist_id: String,
    /// Past its deadline (逾期未改); else due soon.
    pub overdue: bool,
    /// A 复查 failed the item again (复查不合格).
    pub failed_again: bool,
}

/// What this station knows of an establishment's inspections, whoever made them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Standing {
    /// The local date of its latest final inspection; `None` if it was never inspected.
    pub last_inspected: Option<NaiveDate>,
    pub open_rectifications: u32,
}

/// An establishment's latest inspection by another station.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectedElsewhere {
    /// The local date of the inspection, as its record form prints it.
    pub date: NaiveDate,
    pub station: String,
    pub serial: Option<String>,
}

impl Store {
    /// The start of the latest final inspection of every establishment inspected at least once.
    pub fn last_final_inspections(&self) -> Result<Vec<(String, DateTime<Utc>)>> {
        let mut stmt = self.conn.prepare_cached(LAST_FINALS)?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            // An establishment never inspected has no date.
            let (id, Some(at)) = row? else {
                continue;
            };
            // A start time that does not parse is left out rather than failing the home screen.
            if let Ok(at) = DateTime::parse_from_rfc3339(&at) {
                out.push((id, at.with_timezone(&Utc)));
            }
        }
        Ok(out)
    }

    /// Open rectifications whose deadline is before `today`, oldest deadline first.
    pub fn overdue_rectifications(&self, today: NaiveDate) -> Result<Vec<OverdueRectification>> {
        let mut stmt = self.conn.prepare_cached(OVERDUE)?;
        let rows = stmt.query_map([today.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (establishment_id, establishment, inspection_id, item_id, deadline) = row?;
            if let Ok(deadline) = deadline.parse() {
                out.push(OverdueRectification {
                    establishment_id,
                    establishment,
                    inspection_id,
                    item_id,
                    deadline,
                    checklist_id: String::new(),
                    overdue: true,
                    failed_again: false,
                });
            }
        }
        Ok(out)
    }

    /// The items that failed at the establishment's latest final inspection: the 必查项 of the
    /// next one.
    pub fn failed_at_last_inspection(&self, establishment_id: &str) -> Result<Vec<String>> {
        let last: Option<String> = self
            .conn
            .prepare_cached(LAST_FINAL_OF)?
            .query_row([establishment_id], |r| r.get(0))
            .optional()?;
        let Some(last) = last else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(FAILED_ITEMS)?;
        let rows = stmt.query_map([last], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every establishment's [`Standing`], by establishment id.
    pub fn standings(&self) -> Result<HashMap<String, Standing>> {
        let mut stmt = self.conn.prepare_cached(STANDING)?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, last, open_rectifications) = row?;
            let standing = Standing {
                // A start time that does not parse gives no date rather than failing the list.
                last_inspected: last.and_then(|d| d.parse().ok()),
                open_rectifications,
            };
            out.insert(id, standing);
        }
        Ok(out)
    }

    /// The establishment's latest inspection made by a station other than `station`, if any.
    pub fn inspected_elsewhere(
        &self,
        establishment_id: &str,
        station: &str,
    ) -> Result<Option<InspectedElsewhere>> {
        let row = self
            .conn
            .prepare_cached(LAST_ELSEWHERE)?
            .query_row([establishment_id, station], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })
            .optional()?;
        Ok(row.and_then(|(date, station, serial)| {
            Some(InspectedElsewhere {
                date: date?.parse().ok()?,
                station,
                serial,
            })
        }))
    }

    /// First-revision final inspections of the establishment in the local calendar `year`:
    /// the next one is 本年度第 N+1 次.
    pub fn finals_in_year(&self, establishment_id: &str, year: i32) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(FINALS_IN_YEAR)?
            .query_row(rusqlite::params![establishment_id, year.to_string()], |r| {
                r.get(0)
            })?)
    }

    /// Everyone named as an inspector on this station's inspections, most recent first, once
    /// each (by name and enforcement ID): the colleagues to offer as the second inspector.
    pub fn known_inspectors(&self) -> Result<Vec<crate::domain::inspection::Inspector>> {
        let mut stmt = self.conn.prepare_cached(KNOWN_INSPECTORS)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out: Vec<crate::domain::inspection::Inspector> = Vec::new();
        for row in rows {
            // A list that does not parse is skipped: it only feeds a suggestion.
            let list: Vec<crate::domain::inspection::Inspector> =
                serde_json::from_str(&row?).unwrap_or_default();
            for person in list {
                if !person.name.is_empty() && !out.contains(&person) {
                    out.push(person);
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
