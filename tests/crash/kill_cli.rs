//! The real binary SIGKILLed at random moments of `import`, of `roster list` opening (and
//! migrating) an older database, and of `demo`. Afterwards the database opens, passes
//! `PRAGMA integrity_check`, and an import is all or nothing.
//!
//! Kill moments come from a seeded RNG (`SHIAN_KILL_SEED` repeats a run); the export case is in
//! tests/bundle_kill.rs.

use crate::support::cli::process;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};
use tempfile::TempDir;

fn rng() -> fastrand::Rng {
    let seed = std::env::var("SHIAN_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261129u64);
    eprintln!("kill seed {seed} (set SHIAN_KILL_SEED to repeat)");
    fastrand::Rng::with_seed(seed)
}

fn spawn(data: &Path, args: &[&str]) -> Child {
    process(data)
        .args(["--lang", "en"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Kills `child` after `delay` unless it finished first; true when it was killed while running.
fn kill_after(mut child: Child, delay: Duration) -> bool {
    // The moment of the kill is the experiment, not a wait for a condition.
    std::thread::sleep(delay);
    let running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    running
}

/// Opens the store (recovering a WAL left by the killed process) and checks it is sound.
fn assert_sound(data: &Path) {
    let store = shian::store::Store::open(data).unwrap();
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    assert_eq!(
        store.schema_version().unwrap(),
        shian::store::schema::MIGRATIONS.len() as i64
    );
}

fn timed(data: &Path, args: &[&str]) -> Duration {
    let started = Instant::now();
    let status = spawn(data, args).wait().unwrap();
    assert!(status.success(), "{args:?} failed");
    started.elapsed()
}

#[test]
fn a_killed_import_applies_all_or_nothing() {
    let tmp = TempDir::new().unwrap();
    let field = tmp.path().join("field");
    let office = tmp.path().join("office");
    let baseline = tmp.path().join("baseline");
    demo(&field, 100, 600, 3);
    stdout(shian_en(&office).args(["roster", "list"]));
    trust(&office, &field);
    let bundle = export(&field, &tmp.path().join("stick"), &["--all"]);
    let bundle = bundle.to_str().unwrap().to_string();
    assert_sound(&office);
    copy_dir(&office, &baseline);
    let before = dump(&office, &[]);

    // One whole import, for the content it leaves and how long it takes here.
    let whole = timed(&office, &["import", &bundle]);
    assert_sound(&office);
    let complete = dump(&office, BOOKKEEPING);
    let restore = |office: &Path| {
        std::fs::remove_dir_all(office).unwrap();
        copy_dir(&baseline, office);
    };
    restore(&office);

    let mut rng = rng();
    let (mut killed, mut nothing, mut all) = (0, 0, 0);
    let trials = 12;
    for _ in 0..trials {
        let child = spawn(&office, &["import", &bundle]);
        if kill_after(child, whole.mul_f64(rng.f64() * 1.1)) {
            killed += 1;
        }
        assert_sound(&office);
        if dump(&office, &[]) == before {
            nothing += 1;
        } else {
            assert_eq!(
                dump(&office, BOOKKEEPING),
                complete,
                "a killed import left part of the bundle"
            );
            all += 1;
            restore(&office);
        }
    }
    eprintln!(
        "{trials} imports, {killed} killed while running: {nothing} left nothing, {all} left all"
    );
}

#[test]
fn a_killed_migration_leaves_a_database_that_opens_at_the_latest_schema() {
    let tmp = TempDir::new().unwrap();
    let mut rng = rng();
    let latest = shian::store::schema::MIGRATIONS.len();
    let old = tmp.path().join("old");
    let make_old = |dir: &Path, version: usize| {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).unwrap();
        let conn = rusqlite::Connection::open(dir.join("shian.db")).unwrap();
        shian::store::migrate_to(&conn, version).unwrap();
    };
    make_old(&old, 1);
    let whole = timed(&old, &["roster", "list"]);
    let mut killed = 0;
    let trials = 16;
    for trial in 0..trials {
        let version = 1 + trial % latest.max(1);
        make_old(&old, version.min(latest));
        let child = spawn(&old, &["roster", "list"]);
        if kill_after(child, whole.mul_f64(rng.f64())) {
            killed += 1;
        }
        assert_sound(&old);
    }
    eprintln!("{trials} migrations from every older schema, {killed} killed while running");
}

#[test]
fn a_killed_demo_leaves_a_sound_database() {
    let tmp = TempDir::new().unwrap();
    let mut rng = rng();
    let whole = timed(
        &tmp.path().join("timing"),
        &["demo", "--establishments", "60", "--inspections", "300"],
    );
    let mut killed = 0;
    let trials = 6;
    for trial in 0..trials {
        let data = tmp.path().join(format!("demo{trial}"));
        let child = spawn(
            &data,
            &["demo", "--establishments", "60", "--inspections", "300"],
        );
        if kill_after(child, whole.mul_f64(rng.f64())) {
            killed += 1;
        }
        if data.join("shian.db").exists() {
            assert_sound(&data);
            // What was written is whole: every final inspection has its answers.
            let conn = rusqlite::Connection::open(data.join("shian.db")).unwrap();
            let bare: i64 = conn
                .query_row(
                    "SELECT count(*) FROM inspections i WHERE NOT EXISTS
                     (SELECT 1 FROM answers a WHERE a.inspection_id = i.id)",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(bare, 0, "an inspection without its answers");
        }
    }
    eprintln!("{trials} demos, {killed} killed while running");
}
