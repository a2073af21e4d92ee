//! `shian settings list|get|set` on a real data folder: every setting shian reads, each value
//! checked before it is saved, and the one frequency setting the summary reads (docs/settings.md).

use crate::support::cli::shian;
use crate::support::district::{empty_station, report};
use predicates::prelude::*;

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// The summary's "per year" cell of grade A.
fn grade_a_per_year(html: &str) -> &str {
    let row = html
        .split("<tr><td>A</td>")
        .nth(1)
        .expect("a row for grade A");
    row.split("<td class=\"n\">")
        .nth(2)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
}

#[test]
fn every_setting_is_listed_and_a_good_value_is_saved_and_read_back() {
    let dir = empty_station();
    let list = stdout(shian(dir.path()).args(["settings", "list"]));
    for key in [
        "inspector_name",
        "inspector_badge",
        "bureau",
        "colleague_name",
        "colleague_badge",
        "inspection_frequency",
        "tui.bundle_folder",
        "tui.report_folder",
    ] {
        assert!(list.contains(key), "{key} missing from:\n{list}");
    }
    shian(dir.path())
        .args(["settings", "set", "inspector_badge", "21080001"])
        .assert()
        .success();
    shian(dir.path())
        .args(["settings", "set", "inspection_frequency", "A=2， c级=5"])
        .assert()
        .success();
    let folder = dir.path().to_str().unwrap();
    shian(dir.path())
        .args(["settings", "set", "tui.report_folder", folder])
        .assert()
        .success();
    // `~/` as the screens take it, kept as typed.
    std::fs::create_dir(dir.path().join("bundles")).unwrap();
    shian(dir.path())
        .env("HOME", dir.path())
        .args(["settings", "set", "tui.bundle_folder", "~/bundles"])
        .assert()
        .success();
    let get = |key: &str| stdout(shian(dir.path()).args(["settings", "get", key]));
    assert_eq!(get("inspector_badge"), "21080001\n");
    assert_eq!(get("inspection_frequency"), "A=2,B=2,C=5,D=4\n");
    assert_eq!(get("tui.report_folder"), format!("{folder}\n"));
    assert_eq!(get("tui.bundle_folder"), "~/bundles\n");
    assert_eq!(get("bureau"), "");

    let html = report(dir.path(), &["summary"], "summary.html");
    let html = std::fs::read_to_string(html).unwrap();
    assert_eq!(grade_a_per_year(&html), "2");
}

#[test]
fn a_bad_value_is_refused_with_what_is_wrong_and_nothing_is_saved() {
    let dir = empty_station();
    let refused = |args: &[&str], says: &str| {
        shian(dir.path())
            .arg("settings")
            .args(args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(says));
    };
    refused(
        &["set", "inspection_frequency", "A=1,B=0"],
        "\"B=0\" 中的 \"0\" 不是 1 到 365 的整数",
    );
    refused(
        &["set", "inspection_frequency", "E=2"],
        "没有风险等级 \"E\"",
    );
    refused(
        &["set", "inspector_badge", "2108 0001"],
        "执法证号只含字母、数字和 -",
    );
    refused(&["set", "inspector_name", ""], "不能为空");
    refused(
        &["set", "tui.bundle_folder", "/no/such/folder"],
        "已存在的文件夹",
    );
    refused(&["set", "station_public_key", "00"], "没有这个设置项");
    refused(&["get", "frequency"], "inspection_frequency");
    shian(dir.path())
        .args([
            "--lang",
            "en",
            "settings",
            "set",
            "inspection_frequency",
            "A=x",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "\"x\" is not a whole number from 1 to 365",
        ));
    let get = stdout(shian(dir.path()).args(["settings", "get", "inspection_frequency"]));
    assert_eq!(get, "");
}

#[test]
fn the_summarys_old_frequency_key_is_still_read_until_the_one_setting_is_set() {
    let dir = empty_station();
    // A station set up before the two were one: the summary's key, written as sqlite3 would.
    shian(dir.path())
        .args(["settings", "list"])
        .assert()
        .success();
    let db = rusqlite::Connection::open(dir.path().join("shian.db")).unwrap();
    db.execute(
        "INSERT INTO settings (key, value) VALUES ('report.frequencies', 'A=3')",
        [],
    )
    .unwrap();
    drop(db);
    let get = || stdout(shian(dir.path()).args(["settings", "get", "inspection_frequency"]));
    assert_eq!(get(), "A=3\n");
    let html = report(dir.path(), &["summary"], "old.html");
    assert_eq!(
        grade_a_per_year(&std::fs::read_to_string(html).unwrap()),
        "3"
    );

    shian(dir.path())
        .args(["settings", "set", "inspection_frequency", "A=4"])
        .assert()
        .success();
    assert_eq!(get(), "A=4,B=2,C=3,D=4\n");
    let html = report(dir.path(), &["summary"], "new.html");
    assert_eq!(
        grade_a_per_year(&std::fs::read_to_string(html).unwrap()),
        "4"
    );
}
