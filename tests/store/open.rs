//! Opening the store: creating, migrating from every earlier schema, refusing foreign files,
//! and two writers on one database.

use std::path::Path;

use rusqlite::Connection;
use shian::checklists::Catalog;
use shian::domain::inspection::Conclusion;
use shian::store::schema::MIGRATIONS;
use shian::store::{DATABASE_FILE, Store, StoreError, migrate_to};

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

#[test]
fn a_new_database_is_created_at_the_latest_schema_with_durable_settings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("open");
    assert_eq!(
        store.schema_version().expect("version"),
        MIGRATIONS.len() as i64
    );
    assert!(store.integrity_check().expect("check").is_empty());
    let conn = Connection::open(dir.path().join(DATABASE_FILE)).expect("raw open");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal mode");
    assert_eq!(mode, "wal");
}

/// Builds a database at each earlier schema version, with a row in the oldest tables, and
/// checks that opening it migrates it forward without losing the row.
#[test]
fn every_earlier_schema_migrates_forward_keeping_data() {
    for version in 1..=MIGRATIONS.len() {
        let dir = tempfile::tempdir().expect("tempdir");
        {
            let conn = Connection::open(dir.path().join(DATABASE_FILE)).expect("raw open");
            migrate_to(&conn, version).expect("old schema");
            conn.execute(
                "INSERT INTO establishments (id, revision, name, kind, updated_at, updated_by)
                 VALUES ('e1', 1, '鲅鱼圈区青禾实验小学食堂', 'school_canteen', '2020-01-01T00:00:00Z', 'X')",
                [],
            )
            .expect("insert");
            conn.execute(
                "INSERT INTO settings (key, value) VALUES ('bureau', '测试局')",
                [],
            )
            .expect("insert setting");
        }
        let store = Store::open(dir.path()).expect("migrates");
        assert_eq!(
            store.schema_version().expect("version"),
            MIGRATIONS.len() as i64
        );
        let e = store.establishment("e1").expect("row kept");
        assert_eq!(e.facts.name, "鲅鱼圈区青禾实验小学食堂");
        assert_eq!(
            store
                .setting(shian::store::Setting::Bureau)
                .expect("setting")
                .as_deref(),
            Some("测试局")
        );
        assert!(store.integrity_check().expect("check").is_empty());
    }
}

/// A final record made at schema 6, before records kept the establishment's facts (migration
/// 7): it keeps none, and prints the roster's facts of today, with the record code it always
/// had (docs/data-model.md).
#[test]
fn a_final_record_from_schema_6_keeps_no_facts_and_prints_todays_roster() {
    let dir = tempfile::tempdir().expect("tempdir");
    let checklist = Catalog::shipped()
        .get("catering-daily")
        .expect("shipped")
        .clone();
    let hash = checklist.content_hash();
    {
        let conn = Connection::open(dir.path().join(DATABASE_FILE)).expect("raw open");
        migrate_to(&conn, 6).expect("schema 6");
        conn.execute_batch(&format!(
            "INSERT INTO establishments (id, revision, name, kind, person_in_charge, updated_at,
                 updated_by)
             VALUES ('e1', 1, '鲅鱼圈区星帆小学食堂', 'school_canteen', '王晓梅',
                     '2026-01-01T00:00:00.000Z', 'AB12CD');
             INSERT INTO checklist_versions (hash, checklist_id, version, title, content, stored_at)
             VALUES ('{hash}', 'catering-daily', '{}', '表', '{}', '2026-01-01T00:00:00.000Z');
             INSERT INTO inspections (id, establishment_id, checklist_id, checklist_hash, kind,
                 status, serial, station, started_at, utc_offset, finalized_at, outcome,
                 conclusion, year_sequence)
             VALUES ('i1', 'e1', 'catering-daily', '{hash}', 'routine', 'final',
                     'AB12CD-2026-0001', 'AB12CD', '2026-03-02T01:30:00.000Z', 28800,
                     '2026-03-02T02:30:00.000Z', 'compliant', '{}', 1);
             INSERT INTO answers (inspection_id, item_id, verdict, answered_at)
             VALUES ('i1', '1.1', 'pass', '2026-03-02T01:40:00.000Z');",
            checklist.version,
            serde_json::to_string(&checklist)
                .expect("json")
                .replace('\'', "''"),
            serde_json::to_string(&Conclusion::default()).expect("json"),
        ))
        .expect("a schema-6 final record");
    }
    let mut store = Store::open(dir.path()).expect("migrates");
    assert_eq!(
        store.schema_version().expect("version"),
        MIGRATIONS.len() as i64
    );
    let record = store.inspection_record("i1").expect("record");
    assert_eq!(record.inspection.establishment, None);
    let code = shian::report::record_code(&record, &[]);
    let printed = |store: &Store| {
        let record = store.inspection_record("i1").expect("record");
        let input = shian::report::RecordInput {
            record: &record,
            photos: &[],
            superseded_by: Vec::new(),
        };
        shian::report::render_records(&[input], shian::i18n::Lang::Zh).expect("form")
    };
    assert!(printed(&store).contains("王晓梅"));

    let mut facts = record.establishment.facts.clone();
    facts.person_in_charge = "李新".into();
    store
        .update_establishment("e1", &facts, "AB12CD")
        .expect("roster edit");
    let html = printed(&store);
    assert!(html.contains("李新") && !html.contains("王晓梅"), "{html}");
    let record = store.inspection_record("i1").expect("record");
    assert_eq!(shian::report::record_code(&record, &[]), code);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DATABASE_FILE);
    std::fs::write(&path, "检查记录\nthis is a text file, not a database\n").expect("write");
    let before = file_bytes(&path);
    match Store::open(dir.path()) {
        Err(StoreError::NotADatabase { path: p }) => assert_eq!(p, path),
        other => panic!("expected NotADatabase, got {:?}", other.err()),
    }
    assert_eq!(file_bytes(&path), before);
    assert!(!dir.path().join("shian.db-wal").exists());
}

#[test]
fn a_damaged_database_is_refused_with_its_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(Store::open(dir.path()).expect("create"));
    let path = dir.path().join(DATABASE_FILE);
    let mut bytes = file_bytes(&path);
    // Keep the SQLite header but scramble the rest of the first page and beyond.
    for b in bytes.iter_mut().skip(16) {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    std::fs::write(&path, &bytes).expect("write");
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DATABASE_FILE);
    {
        let conn = Connection::open(&path).expect("raw open");
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .expect("foreign db");
    }
    let before = file_bytes(&path);
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Foreign { .. })
    ));
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_database_from_a_newer_shian_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(Store::open(dir.path()).expect("create"));
    {
        let conn = Connection::open(dir.path().join(DATABASE_FILE)).expect("raw open");
        conn.execute_batch("PRAGMA user_version = 999")
            .expect("bump");
    }
    match Store::open(dir.path()) {
        Err(StoreError::TooNew { found, .. }) => assert_eq!(found, 999),
        other => panic!("expected TooNew, got {:?}", other.err()),
    }
}

#[test]
fn two_writers_on_one_database_both_succeed() {
    use shian::domain::establishment::{EstablishmentFacts, EstablishmentKind};
    let dir = tempfile::tempdir().expect("tempdir");
    drop(Store::open(dir.path()).expect("create"));
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).expect("open");
                for n in 0..50 {
                    let facts = EstablishmentFacts {
                        name: format!("测试单位{w}-{n}"),
                        kind: EstablishmentKind::Restaurant,
                        address: String::new(),
                        town: "红海街道".into(),
                        person_in_charge: String::new(),
                        phone: String::new(),
                        license_no: format!("JY2{w}{n:05}"),
                        credit_code: String::new(),
                        risk_grade: None,
                        bright_kitchen: None,
                    };
                    store.add_establishment(&facts, "T").expect("write");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer thread");
    }
    let store = Store::open(dir.path()).expect("open");
    assert_eq!(store.establishments().expect("list").len(), 100);
}

/// The migration that keys establishment revisions by number and station moves their sync
/// marks and signatures to the longer key, so nothing exported before is exported again and
/// every signature is still found; a revision from before names no parents.
#[test]
fn revisions_keep_their_marks_and_signatures_when_keyed_by_station() {
    let keyed = MIGRATIONS
        .iter()
        .position(|m| m.contains("establishment_revisions_keyed"))
        .expect("the migration");
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let conn = Connection::open(dir.path().join(DATABASE_FILE)).expect("raw open");
        migrate_to(&conn, keyed).expect("schema before");
        conn.execute_batch(
            r#"
INSERT INTO establishments (id, revision, name, kind, person_in_charge, updated_at, updated_by)
VALUES ('e1', 2, '青禾示例小学食堂', 'school_canteen', '乙', '2026-01-02T00:00:00Z', 'S1');
INSERT INTO establishment_revisions (establishment_id, revision, facts, changed_at, changed_by)
VALUES ('e1', 1, '{"name":"青禾示例小学食堂","kind":"school_canteen","address":"","town":"","person_in_charge":"甲","phone":"","license_no":"","credit_code":"","risk_grade":null,"bright_kitchen":null}', '2026-01-01T00:00:00Z', 'S0'),
       ('e1', 2, '{"name":"青禾示例小学食堂","kind":"school_canteen","address":"","town":"","person_in_charge":"乙","phone":"","license_no":"","credit_code":"","risk_grade":null,"bright_kitchen":null}', '2026-01-02T00:00:00Z', 'S1');
INSERT INTO sync_marks (record_kind, record_id, direction, bundle_id, at)
VALUES ('establishment_revision', 'e1/2', 'out', 'b1', '2026-01-03T00:00:00Z');
INSERT INTO record_signatures (record_kind, record_id, author_key, signature)
VALUES ('establishment_revision', 'e1/2', 'k', 's');
"#,
        )
        .expect("rows");
    }
    let store = Store::open(dir.path()).expect("migrates");
    let history = store.sync_establishment_history("e1").expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].key(), "e1/2/S1");
    assert_eq!(history[1].parents, None);
    assert_eq!(
        history[1].signed.as_ref().map(|s| s.key.as_str()),
        Some("k")
    );
    // The next edit here is made from the last of them.
    let mut store = store;
    let mut facts = store.establishment("e1").expect("row").facts;
    facts.phone = "0417-5550000".into();
    store
        .update_establishment("e1", &facts, "S2")
        .expect("edit");
    let history = store.sync_establishment_history("e1").expect("history");
    assert_eq!(
        history[2].parents.as_ref().map(|p| p[0].to_string()),
        Some("2@S1".into())
    );
    assert_eq!(store.establishment("e1").expect("row").facts, facts);
    assert!(
        store
            .establishment_conflicts()
            .expect("conflicts")
            .is_empty()
    );
    drop(store);
    let conn = Connection::open(dir.path().join(DATABASE_FILE)).expect("raw open");
    let mark: String = conn
        .query_row(
            "SELECT record_id FROM sync_marks WHERE record_kind = 'establishment_revision'",
            [],
            |r| r.get(0),
        )
        .expect("mark");
    assert_eq!(mark, "e1/2/S1");
}
