//! Record signatures (docs/trust.md): kept beside the records they sign, by record kind and id.

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::authorship::RecordSignature;

/// The record kinds as stored, the same words as the sync marks.
pub const INSPECTION: &str = "inspection";
pub const ESTABLISHMENT_REVISION: &str = "establishment_revision";
pub const DECISION: &str = "rectification_decision";

pub(super) fn get(conn: &Connection, kind: &str, id: &str) -> Result<Option<RecordSignature>> {
    Ok(conn
        .prepare_cached(
            "SELECT author_key, signature FROM record_signatures
             WHERE record_kind = ?1 AND record_id = ?2",
        )?
        .query_row(params![kind, id], |r| {
            Ok(RecordSignature {
                key: r.get(0)?,
                signature: r.get(1)?,
            })
        })
        .optional()?)
}

/// Keeps a signature; the first one kept for a record stays (a record is signed once).
pub(super) fn put(conn: &Connection, kind: &str, id: &str, s: &RecordSignature) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO record_signatures (record_kind, record_id, author_key, signature)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![kind, id, s.key, s.signature])?;
    Ok(())
}
