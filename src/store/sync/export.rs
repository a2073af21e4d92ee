//! What a bundle carries out of this station: the export sets.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::store::rows::timestamp;
use crate::store::sync::{
    ExportSet, MARK_ESTABLISHMENT_REVISION, MARK_INSPECTION, all_checklists, all_rectifications,
    attachment_meta, checklist_version, inspection_entry,
};
use crate::store::types::revision_key;
use crate::store::{Result, Store, StoreError};

/// How many days back an office bundle carries every final inspection of the district, besides
/// each establishment's latest (docs/bundle-format.md, section 1): enough for a laptop to see who
/// inspected what lately, without sending years of records to every laptop.
pub const OFFICE_RECENT_DAYS: i64 = 30;

/// Each establishment's latest final inspection (its latest revision): one index seek each.
const LATEST_FINAL_EACH: &str = "SELECT (SELECT i.id FROM inspections i
         WHERE i.establishment_id = e.id AND i.status = 'final'
         ORDER BY i.started_at DESC, i.revision DESC LIMIT 1)
     FROM establishments e";

/// The final inspections started since ?1 (a stored timestamp, which sorts in time order).
const RECENT_FINALS: &str =
    "SELECT id FROM inspections WHERE status = 'final' AND started_at >= ?1";

impl Store {
    /// Field → office: final inspections and establishment edits made here and not yet exported
    /// (all of them with `all`), with what they need to stand alone at the other end: earlier
    /// revisions, the establishments' histories, checklist versions, rectifications, photos.
    pub fn field_export(&self, station: &str, all: bool) -> Result<ExportSet> {
        let conn = &self.conn;
        let snapshot = conn.unchecked_transaction()?;
        let mut marks = Vec::new();
        let inspection_ids: Vec<String> = conn
            .prepare_cached(
                "SELECT id FROM inspections i WHERE status = 'final' AND NOT EXISTS (
                     SELECT 1 FROM sync_marks m WHERE m.record_kind = 'inspection'
                       AND m.record_id = i.id AND (m.direction = 'in' OR (?1 = 0 AND m.direction = 'out')))
                 ORDER BY started_at, id",
            )?
            .query_map([all], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in &inspection_ids {
            marks.push((MARK_INSPECTION.to_string(), id.clone()));
        }
        let edited: Vec<(String, i64)> = conn
            .prepare_cached(
                "SELECT establishment_id, revision FROM establishment_revisions r
                 WHERE changed_by = ?1 AND NOT EXISTS (
                     SELECT 1 FROM sync_marks m WHERE m.record_kind = 'establishment_revision'
                       AND m.record_id = r.establishment_id || '/' || r.revision || '/' || r.changed_by
                       AND (m.direction = 'in' OR (?2 = 0 AND m.direction = 'out')))",
            )?
            .query_map(params![station, all], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, revision) in &edited {
            marks.push((
                MARK_ESTABLISHMENT_REVISION.to_string(),
                revision_key(id, *revision, station),
            ));
        }
        let establishments: BTreeSet<String> = edited.into_iter().map(|(id, _)| id).collect();
        let mut set = self.export_closure(inspection_ids, establishments)?;
        set.marks = marks;
        snapshot.finish()?;
        Ok(set)
    }

    /// Office → field, as of now: see [`Store::office_export_at`].
    pub fn office_export(&self) -> Result<ExportSet> {
        self.office_export_at(Utc::now())
    }

    /// Office → field: what a laptop needs to plan and to inspect (docs/bundle-format.md,
    /// section 1). The whole roster with its history and every checklist version; each
    /// establishment's latest final inspection, whoever made it (its date, outcome and failed
    /// items are the laptop's 上次检查 and 必查项); every final inspection of the
    /// [`OFFICE_RECENT_DAYS`] before `now`; every open rectification with the inspection that
    /// ordered it; and, through the closure, the revisions those inspections correct and the
    /// rectifications on either end of them, open or closed, so that a laptop also learns which
    /// orders a follow-up closed.
    pub fn office_export_at(&self, now: DateTime<Utc>) -> Result<ExportSet> {
        let conn = &self.conn;
        let snapshot = conn.unchecked_transaction()?;
        let establishments: BTreeSet<String> = conn
            .prepare_cached("SELECT id FROM establishments")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // Open orders, and the orders the office closed by a decision: a laptop that holds one
        // open learns it is closed (docs/trust.md, rule 7).
        let mut carried: BTreeSet<String> = conn
            .prepare_cached(
                "SELECT DISTINCT inspection_id FROM rectifications WHERE status = 'open'
                 UNION SELECT r.inspection_id FROM rectification_decisions d
                     JOIN rectifications r ON r.id = d.rectification_id",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // An establishment never inspected gives NULL.
        let latest = conn
            .prepare_cached(LATEST_FINAL_EACH)?
            .query_map([], |r| r.get::<_, Option<String>>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        carried.extend(latest.into_iter().flatten());
        // A correction keeps its original's start, so the window takes whole chains.
        let since = timestamp(now - chrono::Duration::days(OFFICE_RECENT_DAYS));
        let recent = conn
            .prepare_cached(RECENT_FINALS)?
            .query_map([since], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        carried.extend(recent);
        let mut set = self.export_closure(carried.into_iter().collect(), establishments)?;
        set.checklists = all_checklists(conn)?;
        set.stations = self.stations()?;
        snapshot.finish()?;
        Ok(set)
    }

    /// The inspections (with the revisions they correct), the histories of the establishments
    /// named or referenced, the checklists and attachments they use, and their rectifications.
    /// Read in the caller's read transaction: one snapshot, and SQLite takes its read lock
    /// on the WAL once rather than for each of the few statements per record (the locks'
    /// system calls were about 8 % of a district year's export, issue 20, BENCHMARKS.md).
    fn export_closure(
        &self,
        inspection_ids: Vec<String>,
        mut establishments: BTreeSet<String>,
    ) -> Result<ExportSet> {
        let conn = &self.conn;
        let rectifications = all_rectifications(conn)?;
        let mut wanted: BTreeSet<String> = inspection_ids.iter().cloned().collect();
        let mut queue = inspection_ids;
        let mut entries = Vec::new();
        // To a fixed point: the revisions each inspection corrects, and the inspections on both
        // ends of each rectification, so the bundle stands alone whatever arrived before it.
        loop {
            while let Some(id) = queue.pop() {
                let entry = inspection_entry(conn, &id)?.ok_or_else(|| StoreError::NotFound {
                    what: "inspection",
                    id: id.clone(),
                })?;
                if let Some(earlier) = &entry.inspection.supersedes
                    && wanted.insert(earlier.clone())
                {
                    queue.push(earlier.clone());
                }
                entries.push(entry);
            }
            for r in &rectifications {
                let linked = wanted.contains(&r.inspection_id)
                    || r.follow_up_id.as_ref().is_some_and(|f| wanted.contains(f));
                if linked {
                    for id in std::iter::once(&r.inspection_id).chain(r.follow_up_id.iter()) {
                        if wanted.insert(id.clone()) {
                            queue.push(id.clone());
                        }
                    }
                }
            }
            if queue.is_empty() {
                break;
            }
        }
        entries.sort_by(|a, b| {
            (a.inspection.revision, &a.inspection.id)
                .cmp(&(b.inspection.revision, &b.inspection.id))
        });
        let mut checklist_hashes = BTreeSet::new();
        let mut attachment_hashes = BTreeSet::new();
        for e in &entries {
            establishments.insert(e.inspection.establishment_id.clone());
            checklist_hashes.insert(e.inspection.checklist_hash.clone());
            attachment_hashes.extend(e.attachments.iter().map(|a| a.sha256.clone()));
        }
        let mut set = ExportSet::default();
        for id in &establishments {
            set.establishment_revisions
                .extend(crate::store::tables::revisions::history(conn, id)?);
        }
        for hash in &checklist_hashes {
            if let Some(c) = checklist_version(conn, hash)? {
                set.checklists.push(c);
            }
        }
        for hash in &attachment_hashes {
            if let Some(a) = attachment_meta(conn, hash)? {
                set.attachments.push(a);
            }
        }
        set.rectifications = rectifications
            .into_iter()
            .filter(|r| {
                wanted.contains(&r.inspection_id)
                    || r.follow_up_id.as_ref().is_some_and(|f| wanted.contains(f))
            })
            .collect();
        for r in &set.rectifications {
            if let Some(d) = crate::store::tables::decisions::get(conn, &r.id)? {
                set.decisions.push(d);
            }
        }
        set.inspections = entries;
        Ok(set)
    }
}
