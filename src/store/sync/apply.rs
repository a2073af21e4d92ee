//! Writing an import plan, and marking an export, each in one transaction.

use rusqlite::{Connection, params};

use crate::authorship::RecordSignature;
use crate::domain::establishment_merge::Merged;
use crate::domain::inspection::Rectification;
use crate::store::rows::timestamp;
use crate::store::sync::{AttachmentMeta, ChecklistVersion, InspectionEntry};
use crate::store::tables::inspection_rows;
use crate::store::tables::revisions::EstablishmentRevision;
use crate::store::tables::stations::{self, BundleLogEntry, StationRow};
use crate::store::{Result, Store, signatures};

/// A record that arrived with an id already here and other content: kept aside, not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub record_kind: String,
    pub record_id: String,
    /// The incoming record as JSON.
    pub content: String,
    pub content_sha256: String,
}

/// A conflict kept from an import, for review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptConflict {
    pub record_kind: String,
    pub record_id: String,
    pub bundle_id: String,
    pub source_station: String,
    pub found_at: String,
}

/// Everything an import writes. Built by the bundle planner from what is already here.
#[derive(Debug, Clone, Default)]
pub struct ImportChanges {
    pub bundle_id: String,
    pub source_station: String,
    pub at: String,
    /// First contact: the station to trust together with its first bundle.
    pub trust: Option<StationRow>,
    pub checklists: Vec<ChecklistVersion>,
    pub attachments: Vec<(AttachmentMeta, Vec<u8>)>,
    /// Each establishment that gains revisions, with its facts as the merge of all its
    /// revisions gives them (docs/data-model.md, "Establishment revisions").
    pub establishments_merged: Vec<(String, Merged)>,
    pub establishment_revisions: Vec<EstablishmentRevision>,
    /// New inspections, earlier revisions first.
    pub inspections: Vec<InspectionEntry>,
    pub new_rectifications: Vec<Rectification>,
    /// Open rectifications here that arrive closed, or followed up later.
    pub updated_rectifications: Vec<Rectification>,
    pub conflicts: Vec<ConflictRow>,
    /// Office bundles: the stations the office lists (docs/trust.md).
    pub stations: Vec<StationRow>,
    /// The office's decisions that close rectifications, with their signatures.
    pub decisions: Vec<crate::store::Decision>,
    /// `(record kind, record id)` of the records this import brings in.
    pub marks: Vec<(String, String)>,
    pub log: Option<BundleLogEntry>,
    /// The office's planning (issue 14), applied whole; or a station's untags.
    pub planning: Option<crate::store::CarriedPlanning>,
}

/// An import under way: one write transaction that the import fills in parts (the records
/// before the inspections, the inspections a batch at a time, then the rest), so that a large
/// bundle is never held whole (issue 16). Dropped without [`ImportTransaction::commit`] (an
/// error, a dry run), it is rolled back: all of the import or none of it. Reads through
/// [`ImportTransaction::store`] see what the parts already wrote.
pub struct ImportTransaction<'a> {
    store: &'a Store,
    open: bool,
}

impl ImportTransaction<'_> {
    pub fn store(&self) -> &Store {
        self.store
    }

    /// Writes one part of the import.
    pub fn apply(&self, c: &ImportChanges) -> Result<()> {
        Store::apply_changes(&self.store.conn, c)
    }

    pub fn commit(mut self) -> Result<()> {
        self.store.conn.execute_batch("COMMIT")?;
        self.open = false;
        Ok(())
    }
}

impl Drop for ImportTransaction<'_> {
    fn drop(&mut self) {
        if self.open {
            // Nothing more can be done about a failed rollback here; SQLite also rolls back an
            // unfinished transaction when the connection closes.
            let _ = self.store.conn.execute_batch("ROLLBACK");
        }
        // Back to files for what other statements sort or hold aside (a report's sort may be
        // large); failing that, the setting only costs memory.
        let _ = self.store.conn.execute_batch("PRAGMA temp_store = DEFAULT");
    }
}

impl Store {
    /// Begins an import: the write lock is taken now, as by every other write.
    pub fn begin_import(&self) -> Result<ImportTransaction<'_>> {
        // Each insert into a table with several indexes and a trigger keeps the pages it
        // changes aside until it ends (SQLite's statement journal). Once one statement's pages
        // outgrew SQLite's 64 KiB in memory, that went to a temporary file for the rest of
        // the transaction: a system call per page of every inspection written (issue 20,
        // BENCHMARKS.md). In memory, it is a few pages per statement.
        self.conn.execute_batch("PRAGMA temp_store = MEMORY")?;
        // Dropped unopened when the lock is not had: the setting goes back all the same.
        let mut tx = ImportTransaction {
            store: self,
            open: false,
        };
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| crate::store::open::classify(&self.path, e))?;
        tx.open = true;
        Ok(tx)
    }

    /// Applies an import in one transaction: all of it or, on any error, none of it.
    pub fn apply_import(&mut self, c: &ImportChanges) -> Result<()> {
        let tx = self.write_transaction()?;
        Store::apply_changes(&tx, c)?;
        tx.commit()?;
        Ok(())
    }

    /// Writes `c` within the transaction open on `tx`.
    fn apply_changes(tx: &Connection, c: &ImportChanges) -> Result<()> {
        if let Some(s) = &c.trust {
            stations::trust(tx, s)?;
        }
        for s in &c.stations {
            stations::from_office(tx, s)?;
        }
        if let Some(p) = &c.planning {
            crate::store::sync::planning::apply_carried(tx, p)?;
        }
        for v in &c.checklists {
            // The earliest stored time wins, so the same version from two bundles converges.
            tx.prepare_cached(
                "INSERT INTO checklist_versions (hash, checklist_id, version, title, content,
                     stored_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (hash) DO UPDATE SET stored_at = min(stored_at, excluded.stored_at)",
            )?
            .execute(params![
                v.hash,
                v.checklist_id,
                v.version,
                v.title,
                v.content,
                v.stored_at
            ])?;
        }
        for (meta, bytes) in &c.attachments {
            tx.prepare_cached(
                "INSERT INTO attachments (sha256, size, media_type, bytes, stored_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (sha256) DO UPDATE SET stored_at = min(stored_at, excluded.stored_at)",
            )?
            .execute(params![
                meta.sha256,
                meta.size,
                meta.media_type,
                bytes,
                meta.stored_at
            ])?;
        }
        // A new establishment's row first (its revisions refer to it); then every row is
        // settled from the revisions in the database, so it is the merge of all of them.
        for (id, m) in &c.establishments_merged {
            let latest = (m.revision, m.latest_at.as_str(), m.latest.station.as_str());
            crate::store::tables::revisions::write_row(tx, id, &m.facts, latest, true)?;
        }
        for e in &c.establishment_revisions {
            crate::store::tables::revisions::insert(tx, e)?;
        }
        for (id, _) in &c.establishments_merged {
            crate::store::tables::revisions::settle(tx, id)?;
        }
        // Marked first, so the records come in already marked and never pass through the
        // `unexported` table (its triggers would insert each, then delete it).
        mark(tx, &c.marks, "in", &c.bundle_id, &c.at)?;
        for entry in &c.inspections {
            insert_inspection(tx, entry)?;
        }
        for r in &c.new_rectifications {
            crate::store::tables::rectifications::insert(tx, r)?;
        }
        for r in &c.updated_rectifications {
            tx.prepare_cached(
                "UPDATE rectifications SET status = ?2, follow_up_id = ?3, closed_at = ?4
                 WHERE id = ?1",
            )?
            .execute(params![
                r.id,
                if r.open { "open" } else { "closed" },
                r.follow_up_id,
                r.closed_at.map(timestamp)
            ])?;
        }
        for d in &c.decisions {
            crate::store::tables::decisions::insert(tx, d)?;
        }
        for k in &c.conflicts {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO sync_conflicts (record_kind, record_id, content_sha256,
                     content, bundle_id, source_station, found_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                k.record_kind,
                k.record_id,
                k.content_sha256,
                k.content,
                c.bundle_id,
                c.source_station,
                c.at
            ])?;
        }
        if let Some(log) = &c.log {
            stations::log(tx, log)?;
        }
        Ok(())
    }

    /// Records a written bundle: its log line, for a field bundle what it carried out, and the
    /// signatures made for it (records from before signatures).
    pub fn record_export(
        &mut self,
        marks: &[(String, String)],
        new_signatures: &[(String, String, RecordSignature)],
        log: &BundleLogEntry,
    ) -> Result<()> {
        let tx = self.write_transaction()?;
        for (kind, id, signed) in new_signatures {
            signatures::put(&tx, kind, id, signed)?;
        }
        mark(&tx, marks, "out", &log.bundle_id, &log.at)?;
        stations::log(&tx, log)?;
        tx.commit()?;
        Ok(())
    }

    /// Conflicts kept from imports, oldest first.
    pub fn sync_conflicts(&self) -> Result<Vec<KeptConflict>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT record_kind, record_id, bundle_id, source_station, found_at
             FROM sync_conflicts ORDER BY found_at, record_kind, record_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KeptConflict {
                record_kind: r.get(0)?,
                record_id: r.get(1)?,
                bundle_id: r.get(2)?,
                source_station: r.get(3)?,
                found_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn mark(
    conn: &Connection,
    marks: &[(String, String)],
    direction: &str,
    bundle_id: &str,
    at: &str,
) -> Result<()> {
    for (kind, id) in marks {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO sync_marks (record_kind, record_id, direction, bundle_id, at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![kind, id, direction, bundle_id, at])?;
    }
    Ok(())
}

fn insert_inspection(conn: &Connection, entry: &InspectionEntry) -> Result<()> {
    let i = &entry.inspection;
    // As it was made: final. The triggers guard a final record's rows against change, not
    // their first writing.
    inspection_rows::insert(conn, i)?;
    inspection_rows::insert_answers(conn, &i.id, &entry.answers)?;
    for a in &entry.attachments {
        conn.prepare_cached(
            "INSERT INTO answer_attachments (inspection_id, item_id, sha256, file_name, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![i.id, a.item_id, a.sha256, a.file_name, a.added_at])?;
    }
    if let Some(signed) = &entry.signed {
        signatures::put(conn, signatures::INSPECTION, &i.id, signed)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_store(store: &Store) -> i64 {
        store
            .conn
            .query_row("PRAGMA temp_store", [], |r| r.get(0))
            .expect("temp_store")
    }

    /// An import keeps its statement journal in memory (2), and gives the setting back (0)
    /// when it ends, committed or not, and when it could not begin.
    #[test]
    fn an_import_holds_its_statement_journal_in_memory_only_while_it_runs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("open");
        assert_eq!(temp_store(&store), 0);
        let tx = store.begin_import().expect("begin");
        assert_eq!(temp_store(tx.store()), 2);
        tx.commit().expect("commit");
        assert_eq!(temp_store(&store), 0);
        drop(store.begin_import().expect("begin"));
        assert_eq!(temp_store(&store), 0);

        let other = rusqlite::Connection::open(&store.path).expect("other connection");
        other.execute_batch("BEGIN IMMEDIATE").expect("lock");
        store
            .conn
            .busy_timeout(std::time::Duration::ZERO)
            .expect("no wait");
        assert!(store.begin_import().is_err(), "began beside another writer");
        assert_eq!(temp_store(&store), 0);
    }
}
