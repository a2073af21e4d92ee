//! Bundles end to end with the real binary: field → office → field, idempotence, trust.

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};
use predicates::prelude::*;
use tempfile::TempDir;

struct Stations {
    _tmp: TempDir,
    field: std::path::PathBuf,
    office: std::path::PathBuf,
    out: std::path::PathBuf,
}

fn stations() -> Stations {
    let tmp = TempDir::new().unwrap();
    let field = tmp.path().join("field");
    let office = tmp.path().join("office");
    let out = tmp.path().join("stick");
    demo(&field, 12, 40, 7);
    stdout(shian_en(&office).arg("identity").arg("show"));
    trust(&office, &field);
    Stations {
        _tmp: tmp,
        field,
        office,
        out,
    }
}

fn json_of(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    serde_json::from_str(&stdout(cmd)).unwrap()
}

#[test]
fn field_to_office_to_field_round_trip() {
    let s = stations();
    let bundle = export(&s.field, &s.out, &[]);
    let name = bundle.file_name().unwrap().to_string_lossy().to_string();
    assert!(
        name.starts_with("shian-") && name.ends_with(".shian"),
        "{name}"
    );

    let out = stdout(shian_en(&s.office).arg("import").arg(&bundle));
    assert!(out.contains("inspections: new 40"), "{out}");
    let field_list = json_of(shian_en(&s.field).args(["inspections", "list", "--json"]));
    let office_list = json_of(shian_en(&s.office).args(["inspections", "list", "--json"]));
    assert_eq!(field_list, office_list);
    let id = field_list[0]["id"].as_str().unwrap();
    assert_eq!(
        json_of(shian_en(&s.field).args(["inspections", "show", "--json", id])),
        json_of(shian_en(&s.office).args(["inspections", "show", "--json", id]))
    );

    // Office → field: the laptop that sent the records already has everything.
    let office_bundle = export(&s.office, &s.out, &["--roster", "--name", "鲅鱼圈区局"]);
    let office_fp = fingerprint(&s.office);
    let before = dump(&s.field, &["bundle_log", "sync_marks", "stations"]);
    let out = stdout(
        shian_en(&s.field)
            .arg("import")
            .arg(&office_bundle)
            .arg("--trust-fingerprint")
            .arg(&office_fp),
    );
    assert!(out.contains("establishments: identical 12"), "{out}");
    assert_eq!(
        before,
        dump(&s.field, &["bundle_log", "sync_marks", "stations"])
    );

    // A new laptop: refused without confirmation, then set up from the office bundle.
    let laptop = s.out.parent().unwrap().join("laptop");
    stdout(shian_en(&laptop).arg("devices").arg("list"));
    let empty = dump(&laptop, &[]);
    shian_en(&laptop)
        .arg("import")
        .arg(&office_bundle)
        .assert()
        .failure()
        .stderr(predicate::str::contains(office_fp.as_str()))
        .stderr(predicate::str::contains("devices trust"));
    assert_eq!(empty, dump(&laptop, &[]));
    shian_en(&laptop)
        .arg("import")
        .arg(&office_bundle)
        .args([
            "--trust-fingerprint",
            "0000 1111 2222 3333 4444 5555 6666 7777",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("does not match"));
    assert_eq!(empty, dump(&laptop, &[]));
    stdout(
        shian_en(&laptop)
            .arg("import")
            .arg(&office_bundle)
            .arg("--trust-fingerprint")
            .arg(office_fp.to_lowercase().replace(' ', "")),
    );
    assert_eq!(
        json_of(shian_en(&laptop).args(["roster", "list", "--json"])),
        json_of(shian_en(&s.office).args(["roster", "list", "--json"]))
    );
    let devices = stdout(shian_en(&laptop).args(["devices", "list"]));
    assert!(
        devices.contains("office") && devices.contains("鲅鱼圈区局"),
        "{devices}"
    );
}

#[test]
fn importing_twice_changes_nothing() {
    let s = stations();
    let bundle = export(&s.field, &s.out, &[]);
    stdout(shian_en(&s.office).arg("import").arg(&bundle));
    let once = dump(&s.office, &[]);
    let records = dump(&s.office, BOOKKEEPING);
    let out = stdout(shian_en(&s.office).arg("import").arg(&bundle));
    assert!(out.contains("already imported"), "{out}");
    assert_eq!(once, dump(&s.office, &[]));
    // The same records in a new bundle (a lost stick, --all): identical, nothing new.
    let again = export(&s.field, &s.out, &["--all"]);
    stdout(shian_en(&s.office).arg("import").arg(&again));
    assert_eq!(records, dump(&s.office, BOOKKEEPING));
    let log = rusqlite::Connection::open(s.office.join("shian.db"))
        .unwrap()
        .query_row(
            "SELECT count(*) FROM bundle_log WHERE direction = 'import'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap();
    assert_eq!(log, 2);
}

#[test]
fn export_is_incremental_and_all_exports_again() {
    let s = stations();
    let first = export(&s.field, &s.out, &[]);
    let out = stdout(shian_en(&s.field).arg("export").arg("--out").arg(&s.out));
    assert!(out.contains("nothing new"), "{out}");
    assert_eq!(std::fs::read_dir(&s.out).unwrap().count(), 1);
    let all = export(&s.field, &s.out, &["--all"]);
    assert_ne!(first, all);
    let count = |p: &std::path::Path| {
        let m: serde_json::Value = serde_json::from_slice(
            &entries(p)
                .into_iter()
                .find(|e| e.0 == "manifest.json")
                .unwrap()
                .1,
        )
        .unwrap();
        m["counts"]["inspections"].as_u64().unwrap()
    };
    assert_eq!(count(&first), 40);
    assert_eq!(count(&all), 40);

    // A station's own bundle is not imported back into it.
    let before = dump(&s.field, &[]);
    let out = stdout(shian_en(&s.field).arg("import").arg(&first));
    assert!(out.contains("made by this station"), "{out}");
    assert_eq!(before, dump(&s.field, &[]));

    // A folder that does not exist yet is made; a .shian name is used as given, never replaced.
    let folder = s.out.join("later");
    let printed = stdout(
        shian_en(&s.field)
            .args(["export", "--all", "--out"])
            .arg(&folder),
    );
    let in_folder = std::path::PathBuf::from(printed.lines().next().unwrap());
    assert_eq!(in_folder.parent().unwrap(), folder);
    let named = s.out.join("named.shian");
    stdout(
        shian_en(&s.field)
            .args(["export", "--all", "--out"])
            .arg(&named),
    );
    assert_eq!(count(&named), 40);
    let before = std::fs::read(&named).unwrap();
    shian_en(&s.field)
        .args(["export", "--all", "--out"])
        .arg(&named)
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(before, std::fs::read(&named).unwrap());
}

#[test]
fn dry_run_and_revoked_station_write_nothing() {
    let s = stations();
    let bundle = export(&s.field, &s.out, &[]);
    let before = dump(&s.office, &[]);
    let out = stdout(
        shian_en(&s.office)
            .arg("import")
            .arg("--dry-run")
            .arg(&bundle),
    );
    assert!(
        out.contains("dry run") && out.contains("inspections: new 40"),
        "{out}"
    );
    assert_eq!(before, dump(&s.office, &[]));

    let code = stdout(shian_en(&s.field).args(["identity", "show"]))
        .lines()
        .find_map(|l| l.strip_prefix("Station code: ").map(str::to_string))
        .unwrap();
    stdout(shian_en(&s.office).args(["devices", "revoke", &code]));
    let before = dump(&s.office, &[]);
    shian_en(&s.office)
        .arg("import")
        .arg(&bundle)
        .assert()
        .failure()
        .stderr(predicate::str::contains("revoked"));
    assert_eq!(before, dump(&s.office, &[]));
}

#[test]
fn a_conflict_is_reported_and_kept_not_applied() {
    let s = stations();
    let bundle = export(&s.field, &s.out, &[]);
    stdout(shian_en(&s.office).arg("import").arg(&bundle));
    let list = json_of(shian_en(&s.office).args(["inspections", "list", "--json"]));
    let id = list[0]["id"].as_str().unwrap().to_string();
    let before = json_of(shian_en(&s.office).args(["inspections", "show", "--json", &id]));

    // The same inspection id with other content, properly signed by the same laptop.
    let mut e = entries(&bundle);
    let records = entry(&mut e, "records/inspections.json");
    let mut value: serde_json::Value = serde_json::from_slice(records).unwrap();
    for i in value.as_array_mut().unwrap() {
        if i["inspection"]["id"] == id.as_str() {
            // Its author signs a second content for one record (docs/trust.md): a conflict,
            // not a forgery.
            let mut changed: shian::store::InspectionEntry =
                serde_json::from_value(i.clone()).unwrap();
            changed.inspection.conclusion.remarks = "改过的说明".into();
            changed.signed = Some(changed.sign(&signing_key(&s.field)).unwrap());
            *i = serde_json::to_value(&changed).unwrap();
        }
    }
    *records = serde_json::to_vec(&value).unwrap();
    let digest = sha256_hex(records);
    let size = records.len();
    resign(&mut e, &signing_key(&s.field), |m| {
        m["bundle_id"] = "01a2275a-0000-7000-8000-000000000001".into();
        m["entries"]["records/inspections.json"]["sha256"] = digest.into();
        m["entries"]["records/inspections.json"]["size"] = size.into();
    });
    let changed = s.out.join("changed.shian");
    write_entries(&changed, &e);
    let out = stdout(shian_en(&s.office).arg("import").arg(&changed));
    assert!(out.contains("conflict") && out.contains(&id), "{out}");
    assert_eq!(
        before,
        json_of(shian_en(&s.office).args(["inspections", "show", "--json", &id]))
    );
    let kept: i64 = rusqlite::Connection::open(s.office.join("shian.db"))
        .unwrap()
        .query_row(
            "SELECT count(*) FROM sync_conflicts WHERE record_id = ?1",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, 1);
    // Twice: nothing changes, not even the log.
    let once = dump(&s.office, &[]);
    let out = stdout(shian_en(&s.office).arg("import").arg(&changed));
    assert!(out.contains("already imported"), "{out}");
    assert_eq!(once, dump(&s.office, &[]));
}

#[test]
fn a_database_at_schema_2_migrates_to_3() {
    let tmp = TempDir::new().unwrap();
    let path = tmp.path().join("shian.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        shian::store::migrate_to(&conn, 2).unwrap();
        conn.execute(
            "INSERT INTO stations (code, public_key, trusted, added_at) VALUES ('ABC123', 'k', 1, 't')",
            [],
        )
        .unwrap();
    }
    let store = shian::store::Store::open(tmp.path()).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        shian::store::schema::MIGRATIONS.len() as i64
    );
    let stations = store.stations().unwrap();
    assert_eq!(stations.len(), 1);
    assert_eq!(stations[0].role, "field");
    assert!(store.bundle_log().unwrap().is_empty());
}

#[test]
fn the_refusal_of_an_unknown_laptop_gives_the_exact_command_that_trusts_it() {
    let tmp = TempDir::new().unwrap();
    let field = tmp.path().join("field");
    let office = tmp.path().join("office");
    demo(&field, 3, 5, 9);
    stdout(shian_en(&office).args(["devices", "list"]));
    let bundle = export(&field, &tmp.path().join("out"), &[]);
    let before = dump(&office, &[]);
    let out = shian_en(&office)
        .arg("import")
        .arg(&bundle)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(before, dump(&office, &[]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let command = stderr
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("shian ") && l.contains("devices trust"))
        .unwrap_or_else(|| panic!("no command in: {stderr}"));
    assert!(command.contains(&fingerprint(&field)), "{command}");

    // Run it as printed (through a shell, as a user would paste it).
    let line = command.replacen("shian", env!("CARGO_BIN_EXE_shian"), 1);
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{line} --lang en"))
        .env_remove("SHIAN_DATA_DIR")
        .status()
        .unwrap();
    assert!(status.success());
    let out = stdout(shian_en(&office).arg("import").arg(&bundle));
    assert!(out.contains("inspections: new 5"), "{out}");
}
