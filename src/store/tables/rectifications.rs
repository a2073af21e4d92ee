//! Rectification orders and their follow-up.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::inspection::Rectification;
use crate::store::{Result, Store};

const COLUMNS: &str =
    "id, establishment_id, inspection_id, item_id, deadline, status, follow_up_id, closed_at";

impl Store {
    /// The open rectifications of one establishment, earliest deadline first.
    pub fn open_rectifications(&self, establishment_id: &str) -> Result<Vec<Rectification>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM rectifications
             WHERE establishment_id = ?1 AND status = 'open' ORDER BY deadline, item_id"
        ))?;
        let rows = stmt.query_map([establishment_id], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Writes one rectification as it is (demo data, imported bundles).
pub(in crate::store) fn insert(conn: &rusqlite::Connection, r: &Rectification) -> Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO rectifications ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    ))?
    .execute(rusqlite::params![
        r.id,
        r.establishment_id,
        r.inspection_id,
        r.item_id,
        r.deadline.map(|d| d.to_string()),
        if r.open { "open" } else { "closed" },
        r.follow_up_id,
        r.closed_at.map(crate::store::rows::timestamp),
    ])?;
    Ok(())
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Rectification> {
    let deadline: Option<String> = r.get(4)?;
    let status: String = r.get(5)?;
    let closed_at: Option<String> = r.get(7)?;
    Ok(Rectification {
        id: r.get(0)?,
        establishment_id: r.get(1)?,
        inspection_id: r.get(2)?,
        item_id: r.get(3)?,
        deadline: deadline.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        open: status == "open",
        follow_up_id: r.get(6)?,
        closed_at: closed_at
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc)),
    })
}
