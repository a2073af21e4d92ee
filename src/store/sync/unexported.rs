//! Read queries for the UI's home screen: which final records no bundle has carried yet.
//!
//! The rule is the field export's: a final inspection with no sync mark, neither out of this
//! station nor into it. The `unexported` table (migration 5) holds exactly those, kept by
//! triggers, so the home screen reads a few rows instead of checking every final record.

use crate::store::rows::{self, SUMMARY_COLUMNS};
use crate::store::{InspectionPage, Result, Store};

pub(in crate::store) fn unexported_newest_sql() -> String {
    format!(
        "SELECT {SUMMARY_COLUMNS}
         FROM unexported u
         JOIN inspections i ON i.id = u.inspection_id
         JOIN establishments e ON e.id = i.establishment_id
         ORDER BY u.started_at DESC LIMIT ?1"
    )
}

impl Store {
    /// The newest `limit` final records the next field export would carry, and how many there
    /// are in all.
    pub fn unexported_page(&self, limit: usize) -> Result<InspectionPage> {
        let tx = self.conn.unchecked_transaction()?;
        let inspections = tx
            .prepare_cached(&unexported_newest_sql())?
            .query_map([limit as i64], rows::summary)?
            .collect::<rusqlite::Result<_>>()?;
        let total: i64 = tx
            .prepare_cached("SELECT count(*) FROM unexported")?
            .query_row([], |r| r.get(0))?;
        tx.finish()?;
        Ok(InspectionPage {
            inspections,
            total: usize::try_from(total).unwrap_or(0),
        })
    }
}
