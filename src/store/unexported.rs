//! A read query for the UI's home screen: which final records no bundle has carried yet.

use std::collections::HashSet;

use super::{Result, Store};

impl Store {
    /// Ids of final inspections that no bundle has carried out of (or into) this station: what
    /// the next field export (without `--all`) would carry. Same rule as `field_export`.
    pub fn unexported_finals(&self) -> Result<HashSet<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM inspections i WHERE status = 'final' AND NOT EXISTS (
                 SELECT 1 FROM sync_marks m WHERE m.record_kind = 'inspection'
                   AND m.record_id = i.id)",
        )?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }
}
