//! The `unexported` table (migration 5) that the home screen reads must always hold exactly what
//! the field export's rule says: the final inspections with no sync mark. Checked on real data
//! folders through demo, export, import, a correction, and the migration of an older database.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::Utc;
use rusqlite::Connection;
use shian::store::{DATABASE_FILE, Store};

use crate::support::bundle::{demo, export, trust};
use crate::support::cli::{shian_en, stdout};

fn ids(conn: &Connection, sql: &str) -> BTreeSet<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// The ids in the table, after checking that they are the ids the export's rule gives.
fn unexported(dir: &Path) -> BTreeSet<String> {
    let conn = Connection::open(dir.join(DATABASE_FILE)).unwrap();
    let by_rule = ids(
        &conn,
        "SELECT id FROM inspections i WHERE status = 'final' AND NOT EXISTS (
             SELECT 1 FROM sync_marks m
             WHERE m.record_kind = 'inspection' AND m.record_id = i.id)",
    );
    let in_table = ids(&conn, "SELECT inspection_id FROM unexported");
    assert_eq!(in_table, by_rule, "the table is the export's rule");
    in_table
}

/// A correction of one final record, finalized: a new final record made here.
fn correct_one(dir: &Path) -> String {
    let mut store = Store::open(dir).unwrap();
    let any = store
        .unexported_page(1)
        .unwrap()
        .inspections
        .first()
        .map(|s| s.id.clone());
    let final_id = match any {
        Some(id) => id,
        None => {
            let conn = Connection::open(dir.join(DATABASE_FILE)).unwrap();
            conn.query_row(
                "SELECT id FROM inspections WHERE status = 'final' LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap()
        }
    };
    let revision = store.start_revision(&final_id, "笔误更正").unwrap();
    let as_before = store.inspection(&final_id).unwrap().conclusion;
    let author = shian::identity::Identity::load_or_create(dir).unwrap();
    store
        .finalize_inspection(&revision.id, &as_before, author.signing_key(), Utc::now())
        .unwrap()
        .id
}

#[test]
fn the_table_follows_finalize_export_import_and_correction() {
    let field = tempfile::tempdir().unwrap();
    let office = tempfile::tempdir().unwrap();
    let bundles = tempfile::tempdir().unwrap();
    demo(field.path(), 12, 40, 3);
    let made = unexported(field.path());
    assert!(made.len() >= 40, "every demo final is waiting for export");

    let page = Store::open(field.path())
        .unwrap()
        .unexported_page(5)
        .unwrap();
    assert_eq!(page.total, made.len());
    assert_eq!(page.inspections.len(), 5);
    assert!(
        page.inspections
            .windows(2)
            .all(|w| w[0].started_at >= w[1].started_at),
        "newest first"
    );

    let bundle = export(field.path(), bundles.path(), &[]);
    assert!(unexported(field.path()).is_empty(), "exported: marked out");

    trust(office.path(), field.path());
    stdout(shian_en(office.path()).arg("import").arg(&bundle));
    assert!(
        unexported(office.path()).is_empty(),
        "imported records are not exported again"
    );

    let corrected = correct_one(field.path());
    assert_eq!(
        unexported(field.path()),
        BTreeSet::from([corrected.clone()])
    );
    let corrected_at_office = correct_one(office.path());
    assert_eq!(
        unexported(office.path()),
        BTreeSet::from([corrected_at_office])
    );

    // Importing the same bundle again changes nothing; a second export carries the correction.
    stdout(shian_en(office.path()).arg("import").arg(&bundle));
    export(field.path(), bundles.path(), &[]);
    assert!(unexported(field.path()).is_empty());
}

#[test]
fn the_migration_fills_the_table_from_the_marks() {
    let field = tempfile::tempdir().unwrap();
    let bundles = tempfile::tempdir().unwrap();
    demo(field.path(), 8, 20, 5);
    export(field.path(), bundles.path(), &[]);
    let corrected = correct_one(field.path());
    // Back to schema 4, as a laptop that has not run this version yet.
    {
        let conn = Connection::open(field.path().join(DATABASE_FILE)).unwrap();
        conn.execute_batch(
            "DROP TRIGGER unexported_on_insert; DROP TRIGGER unexported_on_final;
             DROP TRIGGER unexported_on_delete; DROP TRIGGER unexported_on_mark;
             DROP TABLE unexported; DROP TABLE record_signatures;
             DROP INDEX bundle_log_by_bundle;
             ALTER TABLE bundle_log DROP COLUMN manifest_sha256;
             ALTER TABLE bundle_log DROP COLUMN signer_key;
             ALTER TABLE inspections DROP COLUMN establishment;
             DROP TABLE rectification_decisions;
             DROP TABLE office_inspectors; DROP TABLE campaigns; DROP TABLE draws;
             DROP TABLE tasks; DROP TABLE campaign_untagged;
             DROP TABLE establishment_conflicts;
             CREATE TABLE revisions_by_number (
                 establishment_id TEXT NOT NULL REFERENCES establishments(id),
                 revision INTEGER NOT NULL, facts TEXT NOT NULL, changed_at TEXT NOT NULL,
                 changed_by TEXT NOT NULL, PRIMARY KEY (establishment_id, revision)
             ) WITHOUT ROWID;
             INSERT INTO revisions_by_number
                 SELECT establishment_id, revision, facts, changed_at, changed_by
                 FROM establishment_revisions;
             DROP TABLE establishment_revisions;
             ALTER TABLE revisions_by_number RENAME TO establishment_revisions;
             CREATE INDEX establishment_revisions_by_station
                 ON establishment_revisions(changed_by);
             UPDATE sync_marks SET record_id = substr(record_id, 1, length(record_id) - 7)
                 WHERE record_kind = 'establishment_revision';
             PRAGMA user_version = 4;",
        )
        .unwrap();
    }
    let store = Store::open(field.path()).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        shian::store::schema::MIGRATIONS.len() as i64
    );
    drop(store);
    assert_eq!(unexported(field.path()), BTreeSet::from([corrected]));
}
