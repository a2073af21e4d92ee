//! The long commands show a progress bar on a terminal and nothing extra when piped
//! (README): demo, roster import, a period's reports and record forms, export.

use std::path::Path;

use crate::support::cli::shian;
use crate::support::district::{DEMO_DISTRICT as DEMO, empty_station};
use crate::support::pty::Term;

/// Runs shian in a pseudo-terminal until it exits; returns what it wrote and the screen.
fn on_a_terminal(dir: &Path, args: &[&str]) -> (String, String) {
    let mut term = Term::start_with(dir, args);
    term.wait_exit();
    (String::from_utf8_lossy(&term.raw).into_owned(), term.text())
}

#[test]
fn long_commands_draw_a_bar_on_a_terminal_and_end_its_line() {
    let station = empty_station();
    let dir = station.path();
    let (raw, screen) = on_a_terminal(dir, &DEMO);
    assert!(
        raw.contains("正在生成演示数据 [....................]   0% 1/401"),
        "{raw:?}"
    );
    assert!(
        raw.contains("[####################] 100% 401/401"),
        "{raw:?}"
    );
    // The result starts a line of its own, after the bar's.
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with("已生成 60 家单位、400 条检查记录")),
        "{screen}"
    );

    let out = dir.join("summary.html");
    let out = out.to_str().unwrap();
    let args = [
        "report",
        "summary",
        "--from",
        "2025-07-01",
        "--to",
        "2026-06-30",
    ];
    let (raw, screen) = on_a_terminal(dir, &[&args[..], &["--out", out]].concat());
    assert!(
        raw.contains("正在生成报表：已生成 [####################] 100% 2/2"),
        "{raw:?}"
    );
    assert!(screen.lines().any(|l| l.starts_with("已写入")), "{screen}");

    let out = dir.join("june.html");
    let out = out.to_str().unwrap();
    let args = [
        "report",
        "record",
        "--from",
        "2026-01-01",
        "--to",
        "2026-06-30",
    ];
    let (raw, _) = on_a_terminal(dir, &[&args[..], &["--out", out]].concat());
    assert!(
        raw.contains("正在读取检查记录 [####################] 100%"),
        "{raw:?}"
    );

    let fresh = empty_station();
    let (raw, _) = on_a_terminal(
        fresh.path(),
        &["roster", "import", "data/roster-sample.csv"],
    );
    assert!(
        raw.contains("正在导入单位名录：已保存 [####################] 100% 3/3"),
        "{raw:?}"
    );
}

#[test]
fn piped_they_write_nothing_but_their_result() {
    let station = empty_station();
    let dir = station.path();
    let quiet = |args: &[&str]| {
        let out = shian(dir).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "{args:?} wrote {stderr:?}");
        assert!(!out.stdout.contains(&b'\r'), "{args:?}");
    };
    quiet(&DEMO);
    quiet(&["roster", "import", "data/roster-sample.csv"]);
    let summary = dir.join("summary.html");
    quiet(&[
        "report",
        "summary",
        "--to",
        "2026-06-30",
        "--out",
        summary.to_str().unwrap(),
    ]);
    let forms = dir.join("forms.html");
    quiet(&[
        "report",
        "record",
        "--to",
        "2026-06-30",
        "--out",
        forms.to_str().unwrap(),
    ]);
    let csv = dir.join("csv");
    quiet(&[
        "report",
        "csv",
        "--to",
        "2026-06-30",
        "--out",
        csv.to_str().unwrap(),
    ]);
    let bundles = dir.join("bundles");
    quiet(&["export", "--out", bundles.to_str().unwrap()]);
}
