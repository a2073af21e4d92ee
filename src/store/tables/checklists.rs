//! Checklist versions: the full content of every checklist an inspection was made with.

use chrono::Utc;
use rusqlite::OptionalExtension;

use crate::domain::checklist::Checklist;
use crate::store::rows::timestamp;
use crate::store::{Result, Store, StoreError};

impl Store {
    /// Stores this exact version if it is not stored yet, and returns its hash.
    pub fn put_checklist_version(&self, checklist: &Checklist) -> Result<String> {
        put(&self.conn, checklist)
    }

    pub fn checklist_version(&self, hash: &str) -> Result<Checklist> {
        let content: Option<String> = self
            .conn
            .query_row(
                "SELECT content FROM checklist_versions WHERE hash = ?1",
                [hash],
                |r| r.get(0),
            )
            .optional()?;
        let content = content.ok_or_else(|| StoreError::NotFound {
            what: "checklist version",
            id: hash.to_string(),
        })?;
        serde_json::from_str(&content).map_err(|e| StoreError::Damaged {
            table: "checklist_versions",
            detail: format!("{hash}: {e}"),
        })
    }
}

pub(in crate::store) fn put(conn: &rusqlite::Connection, checklist: &Checklist) -> Result<String> {
    let hash = checklist.content_hash();
    // The hash above was made from the same bytes.
    let content = crate::store::rows::to_json("checklist_versions", checklist)?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO checklist_versions
             (hash, checklist_id, version, title, content, stored_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute((
        &hash,
        &checklist.id,
        &checklist.version,
        &checklist.title,
        &content,
        timestamp(Utc::now()),
    ))?;
    Ok(hash)
}
