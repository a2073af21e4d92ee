//! A database busy with a long write (issue 16 item 4): opening a current database takes no
//! write lock, so readers (`inspections list`, `report summary`, `roster list`) work while
//! another connection writes; a second writer waits, then is told what holds the database
//! when shian can tell (on Linux, the process holding the WAL write lock) and does not guess
//! "another shian process".

use crate::support::cli;
use crate::support::district;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, TransactionBehavior};

const ROSTER: &str = "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶\n\
                      海之味快餐,餐馆,青禾路1号,红海街道,李某,,JY32108040012345,,B,透明厨房\n";

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    cli::shian(dir).args(args).output().unwrap()
}

fn a_district() -> tempfile::TempDir {
    let dir = district::empty_station();
    let out = run(
        dir.path(),
        &["demo", "--establishments", "20", "--inspections", "60"],
    );
    assert!(out.status.success());
    dir
}

/// A connection of this test process holding the write lock, as a long import would.
fn hold_write_lock(dir: &Path) -> Connection {
    let conn = Connection::open(dir.join(shian::store::DATABASE_FILE)).unwrap();
    conn.execute_batch("PRAGMA busy_timeout = 0").unwrap();
    let tx = rusqlite::Transaction::new_unchecked(&conn, TransactionBehavior::Immediate).unwrap();
    tx.execute("UPDATE settings SET value = value WHERE 0", [])
        .unwrap();
    std::mem::forget(tx); // the transaction stays open with the connection
    conn
}

#[test]
fn readers_work_while_another_connection_writes() {
    let dir = a_district();
    let holder = hold_write_lock(dir.path());

    for args in [
        &["inspections", "list"][..],
        &["roster", "list"][..],
        &["checklists", "list"][..],
    ] {
        let out = run(dir.path(), args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
    }
    let report = dir.path().join("summary.html");
    let out = cli::shian(dir.path())
        .args([
            "report",
            "summary",
            "--from",
            "2026-01-01",
            "--to",
            "2026-06-30",
        ])
        .arg("--out")
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "report summary: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    drop(holder);
}

#[test]
fn a_second_writer_is_told_which_process_holds_the_database() {
    let dir = a_district();
    let csv = dir.path().join("roster.csv");
    std::fs::write(&csv, ROSTER).unwrap();
    let holder = hold_write_lock(dir.path());

    let started = Instant::now();
    let out = run(dir.path(), &["roster", "import", csv.to_str().unwrap()]);
    let waited = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "imported while locked: {stderr}");
    assert!(!stderr.contains("shian 进程"), "guessed: {stderr}");
    if cfg!(target_os = "linux") {
        // The holder is this test's own process: its id and program name are in the message.
        assert!(
            stderr.contains(&format!("{}", std::process::id())),
            "holder not named: {stderr}"
        );
        let me = std::env::current_exe().unwrap();
        let name = me.file_name().unwrap().to_string_lossy();
        let shown: String = name.chars().take(15).collect();
        assert!(stderr.contains(&shown), "program not named: {stderr}");
    }
    eprintln!("the second writer gave up after {waited:?}: {stderr}");
    drop(holder);

    // Once the holder is gone, the same import works and nothing was half-written.
    let out = run(dir.path(), &["roster", "import", csv.to_str().unwrap()]);
    assert!(out.status.success());
}

/// A real `shian roster import` of a large file as the writer: `inspections list` run while it
/// holds the write lock still lists the records.
#[test]
fn inspections_list_works_during_a_roster_import() {
    let dir = a_district();
    let csv = dir.path().join("big.csv");
    let mut text = String::from(ROSTER.lines().next().unwrap());
    text.push('\n');
    for n in 0..60_000 {
        text.push_str(&format!(
            "大型超市{n},超市,青禾路{n}号,红海街道,王某,0417-1234567,JY321080400{n:05},,B,\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let mut import = cli::process(dir.path())
        .args(["roster", "import"])
        .arg(&csv)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the import holds the write lock (or has finished already).
    let db = Connection::open(dir.path().join(shian::store::DATABASE_FILE)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(600);
    let mut overlapped = false;
    while Instant::now() < deadline {
        if import.try_wait().unwrap().is_some() {
            break;
        }
        if db.execute_batch("BEGIN IMMEDIATE; ROLLBACK").is_err() {
            overlapped = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = run(dir.path(), &["inspections", "list"]);
    let still_running = import.try_wait().unwrap().is_none();
    assert!(
        out.status.success(),
        "inspections list during the import: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 60);
    eprintln!(
        "reader ran while the import held the lock: {overlapped}, import still running after: {still_running}"
    );
    assert!(import.wait().unwrap().success());
}
