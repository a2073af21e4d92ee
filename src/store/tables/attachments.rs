//! Photos attached to answers: bytes stored once by SHA-256, linked to an item of an inspection.

use chrono::{DateTime, Utc};
use rusqlite::params;
use sha2::{Digest, Sha256};

use crate::store::rows::timestamp;
use crate::store::{Result, Store, StoreError};

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
    /// draft, in one transaction. Returns the SHA-256 in lowercase hex. The content decides:
    /// bytes that are no JPEG, PNG, HEIC or WebP are refused whatever the file is called (a
    /// text file renamed `fake.jpg`), and the media type stored is the content's: the type a
    /// caller names from the file's extension (`_named_type`) can be wrong, as for a HEIC photo
    /// saved as `.jpg`; the magic number cannot.
    pub fn attach_photo(
        &mut self,
        inspection_id: &str,
        item_id: &str,
        file_name: &str,
        _named_type: &str,
        bytes: &[u8],
        now: DateTime<Utc>,
    ) -> Result<String> {
        let sha = hex::encode(Sha256::digest(bytes));
        let tx = self.write_transaction()?;
        // Photos are attached to and removed from drafts only.
        crate::store::tables::inspections::require_draft(&tx, inspection_id)?;
        let Some(media_type) = photo_media_type(bytes) else {
            return Err(StoreError::NotAPhoto {
                file_name: file_name.to_string(),
            });
        };
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

    /// Removes a photo from an item of a draft (a wrong one attached by mistake); a final
    /// record keeps its photos (a correction is a new revision). The bytes go too when nothing
    /// else links them. Removing a photo that is not there changes nothing.
    pub fn remove_photo(&mut self, inspection_id: &str, item_id: &str, sha256: &str) -> Result<()> {
        let tx = self.write_transaction()?;
        // Photos are attached to and removed from drafts only.
        crate::store::tables::inspections::require_draft(&tx, inspection_id)?;
        tx.execute(
            "DELETE FROM answer_attachments WHERE inspection_id = ?1 AND item_id = ?2 AND sha256 = ?3",
            params![inspection_id, item_id, sha256],
        )?;
        tx.execute(
            "DELETE FROM attachments WHERE sha256 = ?1
               AND NOT EXISTS (SELECT 1 FROM answer_attachments WHERE sha256 = ?1)",
            [sha256],
        )?;
        tx.commit()?;
        Ok(())
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

/// The media type a photo's first bytes say it is (its magic number): JPEG, PNG, HEIC/HEIF or
/// WebP, the formats a phone or camera writes; `None` for anything else, whatever its name.
pub fn photo_media_type(bytes: &[u8]) -> Option<&'static str> {
    const HEIF_BRANDS: [&[u8]; 8] = [
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
    ];
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP".as_slice()) {
        Some("image/webp")
    } else if bytes.get(4..8) == Some(b"ftyp".as_slice())
        && bytes
            .get(8..12)
            .is_some_and(|brand| HEIF_BRANDS.contains(&brand))
    {
        Some("image/heic")
    } else {
        None
    }
}
