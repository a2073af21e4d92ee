//! Reading the records that travel in bundles, and looking up what is already here.
//!
//! The record types are the bundle's JSON records (docs/bundle-format.md); timestamps that are
//! only carried (not computed with) stay text, exactly as stored, so a record read here and
//! written elsewhere compares equal when it comes back.

pub(super) mod apply;
pub(super) mod export;
pub(super) mod planning;
pub(super) mod unexported;

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::authorship::{self, AuthorshipError, RecordKind, RecordSignature};
use crate::domain::inspection::{Answer, Inspection, Rectification};
use crate::store::rows::{self, INSPECTION_COLUMNS};
use crate::store::tables::inspections;
use crate::store::tables::revisions::EstablishmentRevision;
use crate::store::{Result, Store, StoreError, signatures};

/// A final inspection with its answers and the photos attached to them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InspectionEntry {
    pub inspection: Inspection,
    /// Sorted by item id.
    pub answers: Vec<Answer>,
    /// Sorted by item id, then hash.
    pub attachments: Vec<AttachmentLink>,
    /// The author station's signature of everything above (docs/trust.md). `None` only for a
    /// record made before signatures (schema 5 and earlier) that its station has not exported.
    pub signed: Option<RecordSignature>,
}

/// What an inspection's signature covers: the entry without the signature.
#[derive(Serialize)]
struct SignedInspection<'a> {
    inspection: &'a Inspection,
    answers: &'a [Answer],
    attachments: &'a [AttachmentLink],
}

impl InspectionEntry {
    fn signed_part(&self) -> SignedInspection<'_> {
        SignedInspection {
            inspection: &self.inspection,
            answers: &self.answers,
            attachments: &self.attachments,
        }
    }

    /// Signs the entry as its author.
    pub fn sign(
        &self,
        key: &ed25519_dalek::SigningKey,
    ) -> std::result::Result<RecordSignature, AuthorshipError> {
        authorship::sign(key, RecordKind::Inspection, &self.signed_part())
    }

    /// Checks the entry's signature; gives the key that made it.
    pub fn verify(&self) -> std::result::Result<ed25519_dalek::VerifyingKey, AuthorshipError> {
        let signed = self.signed.as_ref().ok_or(AuthorshipError::Unsigned)?;
        authorship::verify(signed, RecordKind::Inspection, &self.signed_part())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentLink {
    pub item_id: String,
    pub sha256: String,
    pub file_name: String,
    pub added_at: String,
}

/// An attachment's description; its bytes travel as their own entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentMeta {
    pub sha256: String,
    pub size: i64,
    pub media_type: String,
    pub stored_at: String,
}

/// A checklist version exactly as stored: `content` is the JSON whose SHA-256 is `hash`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistVersion {
    pub hash: String,
    pub checklist_id: String,
    pub version: String,
    pub title: String,
    pub content: String,
    pub stored_at: String,
}

/// Everything one bundle carries, except attachment bytes (read one by one when written).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportSet {
    pub inspections: Vec<InspectionEntry>,
    pub establishment_revisions: Vec<EstablishmentRevision>,
    pub checklists: Vec<ChecklistVersion>,
    pub rectifications: Vec<Rectification>,
    pub attachments: Vec<AttachmentMeta>,
    /// The office's decisions that closed carried rectifications without a follow-up.
    pub decisions: Vec<crate::store::Decision>,
    /// Office bundles: every station the office knows, trusted or revoked, so a laptop can
    /// check who wrote each record the office relays (docs/trust.md).
    pub stations: Vec<crate::store::StationRow>,
    /// `(record kind, record id)` to mark as exported once the bundle is written.
    pub marks: Vec<(String, String)>,
    /// Signatures made for this export (records from before signatures), kept with its marks.
    pub new_signatures: Vec<(String, String, RecordSignature)>,
}

pub const MARK_INSPECTION: &str = "inspection";
pub const MARK_ESTABLISHMENT_REVISION: &str = "establishment_revision";

impl Store {
    pub fn sync_inspection(&self, id: &str) -> Result<Option<InspectionEntry>> {
        inspection_entry(&self.conn, id)
    }

    pub fn has_inspection(&self, id: &str) -> Result<bool> {
        exists(&self.conn, "SELECT 1 FROM inspections WHERE id = ?1", id)
    }

    pub fn has_rectification(&self, id: &str) -> Result<bool> {
        exists(&self.conn, "SELECT 1 FROM rectifications WHERE id = ?1", id)
    }

    pub fn has_establishment(&self, id: &str) -> Result<bool> {
        exists(&self.conn, "SELECT 1 FROM establishments WHERE id = ?1", id)
    }

    pub fn inspection_id_by_serial(&self, serial: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM inspections WHERE serial = ?1")?
            .query_row([serial], |r| r.get(0))
            .optional()?)
    }

    pub fn sync_establishment_history(&self, id: &str) -> Result<Vec<EstablishmentRevision>> {
        crate::store::tables::revisions::history(&self.conn, id)
    }

    pub fn sync_checklist_version(&self, hash: &str) -> Result<Option<ChecklistVersion>> {
        checklist_version(&self.conn, hash)
    }

    pub fn sync_attachment(&self, sha256: &str) -> Result<Option<AttachmentMeta>> {
        attachment_meta(&self.conn, sha256)
    }

    pub fn attachment_bytes(&self, sha256: &str) -> Result<Vec<u8>> {
        self.conn
            .prepare_cached("SELECT bytes FROM attachments WHERE sha256 = ?1")?
            .query_row([sha256], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "attachment",
                id: sha256.to_string(),
            })
    }

    /// One rectification by id: an import looks up each it brings, so its memory does not grow
    /// with the rectifications already here (a city office's, issue 20).
    pub fn sync_rectification(&self, id: &str) -> Result<Option<Rectification>> {
        Ok(rectifications_where(&self.conn, "WHERE id = ?1", &[&id])?.pop())
    }

    pub fn sync_rectifications(&self) -> Result<BTreeMap<String, Rectification>> {
        Ok(all_rectifications(&self.conn)?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect())
    }
}

fn exists(conn: &Connection, sql: &str, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(sql)?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(in crate::store) fn inspection_entry(
    conn: &Connection,
    id: &str,
) -> Result<Option<InspectionEntry>> {
    let inspection: Option<Inspection> = conn
        .prepare_cached(&format!(
            "SELECT {INSPECTION_COLUMNS} FROM inspections WHERE id = ?1"
        ))?
        .query_row([id], rows::inspection)
        .optional()?;
    let Some(inspection) = inspection else {
        return Ok(None);
    };
    let mut answers = inspections::answers(conn, id)?;
    answers.sort_by(|a, b| a.item_id.cmp(&b.item_id));
    let attachments = conn
        .prepare_cached(
            "SELECT item_id, sha256, file_name, added_at FROM answer_attachments
             WHERE inspection_id = ?1 ORDER BY item_id, sha256",
        )?
        .query_map([id], |r| {
            Ok(AttachmentLink {
                item_id: r.get(0)?,
                sha256: r.get(1)?,
                file_name: r.get(2)?,
                added_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let signed = signatures::get(conn, signatures::INSPECTION, id)?;
    Ok(Some(InspectionEntry {
        inspection,
        answers,
        attachments,
        signed,
    }))
}

const CHECKLIST_COLUMNS: &str = "hash, checklist_id, version, title, content, stored_at";

fn checklist_row(r: &rusqlite::Row) -> rusqlite::Result<ChecklistVersion> {
    Ok(ChecklistVersion {
        hash: r.get(0)?,
        checklist_id: r.get(1)?,
        version: r.get(2)?,
        title: r.get(3)?,
        content: r.get(4)?,
        stored_at: r.get(5)?,
    })
}

pub(in crate::store) fn checklist_version(
    conn: &Connection,
    hash: &str,
) -> Result<Option<ChecklistVersion>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {CHECKLIST_COLUMNS} FROM checklist_versions WHERE hash = ?1"
        ))?
        .query_row([hash], checklist_row)
        .optional()?)
}

pub(in crate::store) fn all_checklists(conn: &Connection) -> Result<Vec<ChecklistVersion>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CHECKLIST_COLUMNS} FROM checklist_versions ORDER BY hash"
    ))?;
    let rows = stmt.query_map([], checklist_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(in crate::store) fn attachment_meta(
    conn: &Connection,
    sha256: &str,
) -> Result<Option<AttachmentMeta>> {
    Ok(conn
        .prepare_cached(
            "SELECT sha256, size, media_type, stored_at FROM attachments WHERE sha256 = ?1",
        )?
        .query_row([sha256], |r| {
            Ok(AttachmentMeta {
                sha256: r.get(0)?,
                size: r.get(1)?,
                media_type: r.get(2)?,
                stored_at: r.get(3)?,
            })
        })
        .optional()?)
}

pub(in crate::store) fn all_rectifications(conn: &Connection) -> Result<Vec<Rectification>> {
    rectifications_where(conn, "ORDER BY id", &[])
}

/// The rectifications that `clause` (a `WHERE` and/or `ORDER BY` with `params`) selects.
fn rectifications_where(
    conn: &Connection,
    clause: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<Rectification>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, establishment_id, inspection_id, item_id, deadline, status, follow_up_id,
             closed_at
         FROM rectifications {clause}"
    ))?;
    let rows = stmt.query_map(params, |r| {
        let deadline: Option<String> = r.get(4)?;
        let status: String = r.get(5)?;
        let closed_at: Option<String> = r.get(7)?;
        Ok((
            Rectification {
                id: r.get(0)?,
                establishment_id: r.get(1)?,
                inspection_id: r.get(2)?,
                item_id: r.get(3)?,
                deadline: None,
                open: status == "open",
                follow_up_id: r.get(6)?,
                closed_at: None,
            },
            deadline,
            closed_at,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut rect, deadline, closed_at) = row?;
        let damaged = |detail: String| StoreError::Damaged {
            table: "rectifications",
            detail,
        };
        rect.deadline = deadline
            .map(|d| d.parse())
            .transpose()
            .map_err(|e| damaged(format!("{}: {e}", rect.id)))?;
        rect.closed_at = closed_at
            .map(|t| chrono::DateTime::parse_from_rfc3339(&t).map(|t| t.to_utc()))
            .transpose()
            .map_err(|e| damaged(format!("{}: {e}", rect.id)))?;
        out.push(rect);
    }
    Ok(out)
}
