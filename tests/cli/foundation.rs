//! The real binary on real data folders: checklists, roster import, inspections, demo.

use crate::support::cli::{shian, stdout};
use std::path::Path;

use predicates::prelude::*;

#[test]
fn the_shipped_checklists_validate() {
    let data = tempfile::tempdir().expect("tempdir");
    shian(data.path())
        .args(["checklists", "validate", "checklists"])
        .assert()
        .success()
        .stdout(predicate::str::contains("12 张检查表校验通过"));
}

#[test]
fn a_syntax_error_and_a_semantic_error_name_file_line_and_rule() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let syntax = dir.path().join("broken.toml");
    std::fs::write(
        &syntax,
        "id = \"broken\"\nversion = \"1\"\ntitle = \"坏表\"\napplies_to = [\"超市\"\n",
    )
    .expect("write");
    let semantic = dir.path().join("fridge.toml");
    std::fs::write(
        &semantic,
        r#"id = "fridge"
version = "1"
title = "冷藏检查"
applies_to = ["超市"]

[[section]]
id = "1"
title = "冷藏"

[[section.item]]
id = "1.1"
text = "冷藏温度符合要求"
guidance = "看温度计"
kind = "measurement"
unit = "°C"
min = 8
max = 0
"#,
    )
    .expect("write");
    let good = dir.path().join("good.toml");
    std::fs::write(
        &good,
        "id = \"good\"\nversion = \"1\"\ntitle = \"好表\"\napplies_to = [\"超市\"]\n\n[[section]]\nid = \"1\"\ntitle = \"一\"\n\n[[section.item]]\nid = \"1.1\"\ntext = \"有营业执照\"\n",
    )
    .expect("write");
    let assert = shian(data.path())
        .args(["checklists", "validate"])
        .arg(dir.path())
        .assert()
        .failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
    let syntax_line = format!("{}:4:", syntax.display());
    assert!(err.contains(&syntax_line), "{err}");
    assert!(err.contains("TOML"), "{err}");
    let semantic_line = format!("{}:16:7: 下限 min = 8 大于上限 max = 0", semantic.display());
    assert!(err.contains(&semantic_line), "{err}");
    assert!(!err.contains("good.toml"), "{err}");

    // English, on request.
    let assert = shian(data.path())
        .args(["--lang", "en", "checklists", "validate"])
        .arg(&semantic)
        .assert()
        .failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
    assert!(err.contains("min = 8 is greater than max = 0"), "{err}");
}

#[test]
fn a_bad_override_file_does_not_stop_the_others_from_loading() {
    let data = tempfile::tempdir().expect("tempdir");
    let folder = data.path().join("checklists");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(
        folder.join("food-sample.toml"),
        "id = \"food-sample\"\nnot toml at all",
    )
    .expect("write");
    let assert = shian(data.path())
        .args(["checklists", "list"])
        .assert()
        .success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).expect("utf-8");
    let err = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
    assert!(err.contains("food-sample.toml:2:"), "{err}");
    // The shipped food-sample stays in use, and every other checklist loads.
    assert!(out.contains("food-sample"), "{out}");
    assert_eq!(out.lines().count(), 12, "{out}");
}

fn roster_without_ids(data: &Path) -> serde_json::Value {
    let json = stdout(shian(data).args(["roster", "list", "--json"]));
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("json");
    for e in value.as_array_mut().expect("array") {
        e.as_object_mut().expect("object").remove("id");
    }
    value
}

#[test]
fn the_sample_roster_imports_the_same_from_utf8_and_gbk_and_reimport_adds_nothing() {
    let utf8 = std::fs::read("data/roster-sample.csv").expect("sample");
    let text = std::str::from_utf8(&utf8).expect("utf-8 sample");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(
        !unmappable,
        "the sample roster must be representable in GBK"
    );
    let files = tempfile::tempdir().expect("tempdir");
    let gbk_path = files.path().join("名录-gbk.csv");
    std::fs::write(&gbk_path, &gbk).expect("write");
    let bom_path = files.path().join("名录-bom.csv");
    std::fs::write(&bom_path, [b"\xEF\xBB\xBF".as_slice(), &utf8].concat()).expect("write");

    let a = tempfile::tempdir().expect("tempdir");
    shian(a.path())
        .args(["roster", "import", "data/roster-sample.csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("新增 60 家，更新 0 家，未变 0 家"));
    let b = tempfile::tempdir().expect("tempdir");
    shian(b.path())
        .args(["roster", "import"])
        .arg(&gbk_path)
        .assert()
        .success();
    let c = tempfile::tempdir().expect("tempdir");
    shian(c.path())
        .args(["roster", "import"])
        .arg(&bom_path)
        .assert()
        .success();
    let from_utf8 = roster_without_ids(a.path());
    assert_eq!(from_utf8.as_array().map(Vec::len), Some(60));
    assert_eq!(roster_without_ids(b.path()), from_utf8);
    assert_eq!(roster_without_ids(c.path()), from_utf8);

    shian(a.path())
        .args(["roster", "import"])
        .arg(&gbk_path)
        .assert()
        .success()
        .stdout(predicate::str::contains("新增 0 家，更新 0 家，未变 60 家"));
    assert_eq!(
        roster_without_ids(a.path()).as_array().map(Vec::len),
        Some(60)
    );
}

#[test]
fn an_edited_row_updates_the_establishment_and_keeps_one_row() {
    let data = tempfile::tempdir().expect("tempdir");
    shian(data.path())
        .args(["roster", "import", "data/roster-sample.csv"])
        .assert()
        .success();
    let text = std::fs::read_to_string("data/roster-sample.csv").expect("sample");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // Line 2 is the first establishment: give it a new phone number.
    let mut fields: Vec<String> = lines[1].split(',').map(str::to_string).collect();
    fields[5] = "0417-5559999".into();
    lines[1] = fields.join(",");
    let edited = data.path().join("edited.csv");
    std::fs::write(&edited, lines.join("\n")).expect("write");
    shian(data.path())
        .args(["roster", "import"])
        .arg(&edited)
        .assert()
        .success()
        .stdout(predicate::str::contains("新增 0 家，更新 1 家，未变 59 家"));
    let list = roster_without_ids(data.path());
    assert_eq!(list.as_array().map(Vec::len), Some(60));
    assert!(list.to_string().contains("0417-5559999"));
}

#[test]
fn a_bad_risk_grade_on_line_3_is_reported_and_nothing_is_imported() {
    let data = tempfile::tempdir().expect("tempdir");
    shian(data.path())
        .args(["roster", "import", "tests/fixtures/roster-bad-grade.csv"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "roster-bad-grade.csv: 第 3 行, 列“风险等级”: 风险等级 “E” 无效",
        ))
        .stderr(predicate::str::contains("未导入任何单位"));
    assert_eq!(
        roster_without_ids(data.path()).as_array().map(Vec::len),
        Some(0)
    );
}

#[test]
fn demo_makes_the_inspections_asked_for_the_same_for_a_seed() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    for dir in [&a, &b] {
        shian(dir.path())
            .args([
                "demo",
                "--establishments",
                "80",
                "--inspections",
                "300",
                "--seed",
                "5",
            ])
            .args(["--until", "2026-06-30"])
            .assert()
            .success();
    }
    let list = |dir: &Path| -> Vec<serde_json::Value> {
        let json = stdout(shian(dir).args(["inspections", "list", "--json"]));
        serde_json::from_str(&json).expect("json")
    };
    let from_a = list(a.path());
    assert_eq!(from_a.len(), 300);
    let key = |v: &serde_json::Value| {
        (
            v["id"].clone(),
            v["outcome"].clone(),
            v["establishment"].clone(),
        )
    };
    let from_b = list(b.path());
    assert_eq!(
        from_a.iter().map(key).collect::<Vec<_>>(),
        from_b.iter().map(key).collect::<Vec<_>>()
    );
    let outcomes: std::collections::HashSet<String> =
        from_a.iter().map(|v| v["outcome"].to_string()).collect();
    assert!(
        outcomes.len() >= 2,
        "a realistic mix of outcomes: {outcomes:?}"
    );

    // Every inspection shows its answers with item, key flag and verdict, and the counts.
    let id = from_a[0]["id"].as_str().expect("id");
    let shown: serde_json::Value = serde_json::from_str(&stdout(shian(a.path()).args([
        "inspections",
        "show",
        id,
        "--json",
    ])))
    .expect("json");
    let answers = shown["answers"].as_array().expect("answers");
    assert!(!answers.is_empty());
    assert!(
        answers
            .iter()
            .all(|a| a["key"].is_boolean() && a["verdict"].is_string())
    );
    assert!(shown["outcome"]["key_checked"].as_u64().is_some());

    // A second demo into the same folder is refused, leaving it as it was.
    shian(a.path())
        .args(["demo", "--inspections", "10"])
        .assert()
        .failure();
    assert_eq!(list(a.path()).len(), 300);
}

#[test]
fn help_and_version_work_without_a_data_folder() {
    let data = tempfile::tempdir().expect("tempdir");
    shian(data.path()).arg("--version").assert().success();
    shian(data.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("checklists"));
}

#[test]
fn two_imports_at_once_in_two_processes_add_each_establishment_once() {
    let data = tempfile::tempdir().expect("tempdir");
    // Create the database first so both processes find it migrated.
    shian(data.path())
        .args(["roster", "list"])
        .assert()
        .success();
    let bin = assert_cmd::cargo::cargo_bin("shian");
    let spawn = || {
        std::process::Command::new(&bin)
            .arg("--data-dir")
            .arg(data.path())
            .args(["roster", "import", "data/roster-sample.csv"])
            .output()
            .expect("spawn")
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(spawn);
        let b = s.spawn(spawn);
        (a.join().expect("a"), b.join().expect("b"))
    });
    for out in [&a, &b] {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&a.stdout),
        String::from_utf8_lossy(&b.stdout)
    );
    assert!(said.contains("新增 60 家"), "{said}");
    assert!(said.contains("未变 60 家"), "{said}");
    assert_eq!(
        roster_without_ids(data.path()).as_array().map(Vec::len),
        Some(60)
    );
}
