//! Photos attached to answers: bytes stored once by SHA-256, linked to an item of an inspection.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::rows::timestamp;
use super::{Result, Store, StoreError};

/// Photos larger than this are refused, on the form and in bundles: a phone photo is a few MB,
/// a video is not a photo.
pub const MAX_PHOTO_BYTES: u64 = 20 * 1024 * 1024;

/// A photo linked to one item of an inspection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub item_id: String,
    pub sha256: String,
    pub file_name: String,
}

impl Store {
    /// Stores the bytes (once, however often they are attached) and links them to the item of a
    /// draft, in one transaction. Returns the SHA-256 in lowercase hex.
    pub fn attach_photo(
        &mut self,
        inspection_id: &str,
        item_id: &str,
        file_name: &str,
        media_type: &str,
        bytes: &[u8],
        now: DateTime<Utc>,
    ) -> Result<String> {
        let sha = hex::encode(Sha256::digest(bytes));
        let tx = self.write_transaction()?;
        let status: Option<String> = tx
            .query_row(
                "SELECT status FROM inspections WHERE id = ?1",
                [inspection_id],
                |r| r.get(0),
            )
            .optional()?;
        match status.as_deref() {
            Some("draft") => {}
            Some(_) => {
                return Err(StoreError::ReadOnly {
                    id: inspection_id.to_string(),
                });
            }
            None => {
                return Err(StoreError::NotFound {
                    what: "inspection",
                    id: inspection_id.to_string(),
                });
            }
        }
        let at = timestamp(now);
        tx.execute(
            "INSERT OR IGNORE INTO attachments (sha256, size, media_type, bytes, stored_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![sha, bytes.len() as i64, media_type, bytes, at],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO answer_attachments (inspection_id, item_id, sha256, file_name, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![inspection_id, item_id, sha, file_name, at],
        )?;
        tx.commit()?;
        Ok(sha)
    }

    /// The photos of an inspection, in the order they were added.
    pub fn photos(&self, inspection_id: &str) -> Result<Vec<Photo>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT item_id, sha256, file_name FROM answer_attachments
             WHERE inspection_id = ?1 ORDER BY added_at, file_name",
        )?;
        let rows = stmt.query_map([inspection_id], |r| {
            Ok(Photo {
                item_id: r.get(0)?,
                sha256: r.get(1)?,
                file_name: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Links the photos of one inspection to another (a correction keeps the original's photos).
    pub fn copy_photos(&self, from: &str, to: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO answer_attachments (inspection_id, item_id, sha256, file_name, added_at)
             SELECT ?2, item_id, sha256, file_name, added_at FROM answer_attachments
             WHERE inspection_id = ?1",
            [from, to],
        )?;
        Ok(())
    }
}
