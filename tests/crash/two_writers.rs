//! Two shian processes on one data folder: two imports at once (of different bundles, and of
//! the same bundle twice). Each either works or says clearly that the database is busy; nothing
//! is lost or doubled.

#[cfg(unix)]
use crate::support::pty;
use std::path::Path;
use std::process::Output;

use crate::support::bundle::*;
use crate::support::cli::{process, shian_en, stdout};
use tempfile::TempDir;

fn import(office: &Path, bundle: &Path) -> std::process::Child {
    process(office)
        .arg("import")
        .arg(bundle)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Works, or fails with the clear "busy" message and nothing else.
fn worked_or_busy(out: &Output) -> bool {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    if out.status.success() {
        return true;
    }
    assert!(
        stderr.contains("数据库正被另一个程序写入"),
        "unclear failure: {stderr}"
    );
    false
}

fn count(data: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(data.join("shian.db")).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn two_imports_at_once_lose_and_double_nothing() {
    let tmp = TempDir::new().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    demo(&a, 60, 300, 21);
    demo(&b, 60, 300, 22);
    let office = tmp.path().join("office");
    let sequential = tmp.path().join("sequential");
    for dir in [&office, &sequential] {
        stdout(shian_en(dir).args(["roster", "list"]));
        trust(dir, &a);
        trust(dir, &b);
    }
    let bundle_a = export(&a, &tmp.path().join("stick"), &["--all"]);
    let bundle_b = export(&b, &tmp.path().join("stick"), &["--all"]);
    stdout(shian_en(&sequential).arg("import").arg(&bundle_a));
    stdout(shian_en(&sequential).arg("import").arg(&bundle_b));
    // Trusting writes the time of trust: compare everything but that and the bookkeeping.
    let skip = [BOOKKEEPING, &["stations"]].concat();
    let expected = dump(&sequential, &skip);

    let mut busy = 0;
    let rounds = 3;
    for round in 0..rounds {
        let (first, second) = if round == 0 {
            (&bundle_a, &bundle_b)
        } else {
            // The same bundle twice at once.
            (&bundle_a, &bundle_a)
        };
        let one = import(&office, first);
        let two = import(&office, second);
        let (one, two) = (
            one.wait_with_output().unwrap(),
            two.wait_with_output().unwrap(),
        );
        for (out, bundle) in [(one, first), (two, second)] {
            if !worked_or_busy(&out) {
                busy += 1;
                stdout(shian_en(&office).arg("import").arg(bundle));
            }
        }
    }
    eprintln!("{rounds} rounds of two imports at once; {busy} told busy and run again");
    let got = dump(&office, &skip);
    if got != expected {
        let (g, e): (std::collections::HashSet<_>, std::collections::HashSet<_>) =
            (got.lines().collect(), expected.lines().collect());
        let differing: Vec<_> = g.symmetric_difference(&e).take(5).collect();
        panic!("lost or doubled records: {differing:#?}");
    }
    assert_eq!(
        count(&office, "inspections"),
        count(&sequential, "inspections")
    );
}

/// The TUI answering while `shian import` writes a large bundle into the same folder.
#[cfg(unix)]
#[test]
fn the_tui_answers_while_an_import_runs() {
    use pty::{ENTER, TAB, Term};
    let tmp = TempDir::new().unwrap();
    let field = tmp.path().join("field");
    let office = tmp.path().join("office");
    demo(&field, 100, 600, 23);
    stdout(shian_en(&office).args(["roster", "list"]));
    trust(&office, &field);
    let bundle = export(&field, &tmp.path().join("stick"), &["--all"]);

    let mut term = Term::start(&office);
    term.wait_for(&["欢迎使用食安巡查", "执法证号"]);
    term.send("张三");
    term.send(TAB);
    term.send("21080001");
    term.send(TAB);
    term.send(TAB);
    term.send(TAB);
    term.send(ENTER);
    term.wait_for(&["首页"]);
    term.send("/");
    term.wait_for(&["搜索:"]);
    term.send("xfxx");
    term.wait_for(&["1 家", "鲅鱼圈区星帆小学"]);
    term.send(ENTER);
    term.wait_for(&["选择检查表"]);
    term.send(ENTER);
    term.wait_for(&["已答 0/"]);

    let importing = import(&office, &bundle);
    // Answer items one after another while the import runs; each must show as saved.
    let mut shown = 0;
    for n in 1..=5 {
        term.send("3");
        term.wait_for(&[&format!("已答 {n}/")]);
        shown = n;
    }
    let out = importing.wait_with_output().unwrap();
    let imported = worked_or_busy(&out);
    if !imported {
        stdout(shian_en(&office).arg("import").arg(&bundle));
    }
    term.send("\x03");
    term.wait_exit();

    let conn = rusqlite::Connection::open(office.join("shian.db")).unwrap();
    let answers: i64 = conn
        .query_row(
            "SELECT count(*) FROM answers a JOIN inspections i ON i.id = a.inspection_id
             WHERE i.status = 'draft'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(answers, shown, "answers shown as saved are missing");
    assert!(count(&office, "inspections") >= count(&field, "inspections"));
    eprintln!(
        "TUI answered {shown} items during an import; the import {}",
        if imported {
            "worked"
        } else {
            "was told busy and ran again"
        }
    );
}

/// Two TUIs on one folder, answering two inspections in turns: every answer either shows is
/// stored, in its own inspection.
#[cfg(unix)]
#[test]
fn two_tuis_answer_in_turns() {
    use pty::{ENTER, TAB, Term};
    let tmp = TempDir::new().unwrap();
    let data = tmp.path().join("data");
    let mut first = Term::start(&data);
    first.wait_for(&["欢迎使用食安巡查", "执法证号"]);
    first.send("张三");
    first.send(TAB);
    first.send("21080001");
    first.send(TAB);
    first.send(TAB);
    first.send(TAB);
    first.send(ENTER);
    first.wait_for(&["首页"]);
    let mut second = Term::start(&data);
    second.wait_for(&["首页"]);
    for (term, license) in [
        (&mut first, "JY32108040036702"),
        (&mut second, "JY32108040038288"),
    ] {
        term.send("/");
        term.wait_for(&["搜索:"]);
        term.send(license);
        term.wait_for(&["1 家", license]);
        term.send(ENTER);
        term.wait_for(&["选择检查表"]);
        term.send(ENTER);
        term.wait_for(&["已答 0/"]);
    }
    let turns = 6;
    for n in 1..=turns {
        for term in [&mut first, &mut second] {
            term.send(if n % 2 == 0 { "1" } else { "3" });
            term.wait_for(&[&format!("已答 {n}/")]);
        }
    }
    for term in [&mut first, &mut second] {
        term.send("\x03");
        term.wait_exit();
    }
    let conn = rusqlite::Connection::open(data.join("shian.db")).unwrap();
    let per_draft: Vec<i64> = conn
        .prepare(
            "SELECT count(a.item_id) FROM inspections i LEFT JOIN answers a
             ON a.inspection_id = i.id WHERE i.status = 'draft' GROUP BY i.id",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(per_draft, vec![turns, turns], "lost or doubled answers");
    eprintln!("two TUIs answered {turns} items each in turns; all stored");
}
