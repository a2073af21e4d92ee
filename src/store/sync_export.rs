//! What a bundle carries out of this station: the export sets.

use std::collections::BTreeSet;

use rusqlite::params;

use super::sync::{
    ExportSet, MARK_ESTABLISHMENT_REVISION, MARK_INSPECTION, all_checklists, all_rectifications,
    attachment_meta, checklist_version, establishment_history, inspection_entry, revision_key,
};
use super::{Result, Store, StoreError};

impl Store {
    /// Field → office: final inspections and establishment edits made here and not yet exported
    /// (all of them with `all`), with what they need to stand alone at the other end: earlier
    /// revisions, the establishments' histories, checklist versions, rectifications, photos.
    pub fn field_export(&self, station: &str, all: bool) -> Result<ExportSet> {
        let conn = &self.conn;
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
                       AND m.record_id = r.establishment_id || '/' || r.revision
                       AND (m.direction = 'in' OR (?2 = 0 AND m.direction = 'out')))",
            )?
            .query_map(params![station, all], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, revision) in &edited {
            marks.push((
                MARK_ESTABLISHMENT_REVISION.to_string(),
                revision_key(id, *revision),
            ));
        }
        let establishments: BTreeSet<String> = edited.into_iter().map(|(id, _)| id).collect();
        let mut set = self.export_closure(inspection_ids, establishments)?;
        set.marks = marks;
        Ok(set)
    }

    /// Office → field: the whole roster with its history, every checklist version, and the open
    /// rectifications with the inspections that ordered them.
    pub fn office_export(&self) -> Result<ExportSet> {
        let conn = &self.conn;
        let establishments: BTreeSet<String> = conn
            .prepare_cached("SELECT id FROM establishments")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let ordering: Vec<String> = conn
            .prepare_cached(
                "SELECT DISTINCT inspection_id FROM rectifications WHERE status = 'open'
                 ORDER BY inspection_id",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut set = self.export_closure(ordering, establishments)?;
        set.rectifications.retain(|r| r.open);
        set.checklists = all_checklists(conn)?;
        set.stations = self.stations()?;
        Ok(set)
    }

    /// The inspections (with the revisions they correct), the histories of the establishments
    /// named or referenced, the checklists and attachments they use, and their rectifications.
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
                .extend(establishment_history(conn, id)?);
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
        set.inspections = entries;
        Ok(set)
    }
}
