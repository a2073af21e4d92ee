//! 专项行动 from the command line (issue 14): a file with an error on a line is reported at that
//! line and saves nothing; the shipped sample adds, its targets become tasks, and the summary
//! report prints its section. The real binary on temporary data folders.

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};
use crate::support::planning::*;
use shian::domain::inspection::Inspector;

#[test]
fn a_campaign_file_with_an_error_is_reported_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("office");
    let sample = include_str!("../../data/campaign-sample.toml");
    let line = sample.lines().position(|l| l.starts_with("kinds")).unwrap() + 1;
    let bad = sample.replace("\"幼儿园食堂\"", "\"幼儿圆食堂\"");
    let file = tmp.path().join("campaign.toml");
    std::fs::write(&file, bad).unwrap();
    let out = shian_en(&office)
        .args(["campaigns", "add"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("campaign.toml:{line}:")),
        "line {line}: {err}"
    );
    assert!(err.contains("幼儿圆食堂"), "{err}");
    assert_eq!(stdout(shian_en(&office).args(["campaigns", "list"])), "");
}

#[test]
fn the_sample_campaign_gives_tasks_and_a_summary_section() {
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("office");
    let roster = tmp.path().join("roster.csv");
    std::fs::write(&roster, include_str!("../../data/roster-sample.csv")).unwrap();
    stdout(shian_en(&office).arg("roster").arg("import").arg(&roster));
    stdout(shian_en(&office).args(["campaigns", "add"]).arg(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/campaign-sample.toml"
    )));
    let roster: Vec<serde_json::Value> = serde_json::from_str(&stdout(
        shian_en(&office).args(["roster", "list", "--json"]),
    ))
    .unwrap();
    let kinds = [
        "school_canteen",
        "kindergarten_canteen",
        "meal_delivery",
        "campus_shop",
    ];
    let targets = roster
        .iter()
        .filter(|e| kinds.contains(&e["kind"].as_str().unwrap()) || e["name"] == "胖鲸包子铺")
        .count();
    let tasks: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(shian_en(&office).args(["tasks", "list", "--json"]))).unwrap();
    assert_eq!(tasks.len(), targets);
    assert!(tasks.iter().all(|t| t["deadline"] == "2027-08-25"));
    let shown = stdout(shian_en(&office).args(["campaigns", "show", "campus-2027"]));
    assert_eq!(shown.lines().count(), targets + 1);

    let page = tmp.path().join("summary.html");
    stdout(
        shian_en(&office)
            .args([
                "report",
                "summary",
                "--from",
                "2027-03-01",
                "--to",
                "2027-08-25",
            ])
            .arg("--out")
            .arg(&page),
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("Campaign: 2027 年春季校园食品安全守护行动（示例）"));
    assert!(html.contains(&format!("<strong>0</strong> / {targets}")));
}

#[test]
fn an_inspection_untagged_on_the_laptop_leaves_the_campaign_at_the_office() {
    let tmp = tempfile::tempdir().unwrap();
    let (office, a, tasks) = campaign_this_week(tmp.path());
    let today = bureau_today();

    // Laptop A inspects two targets and takes the first out of the campaign.
    let target = |i: usize| tasks[i]["establishment_id"].as_str().unwrap().to_string();
    let wang = || Inspector {
        name: "王立".into(),
        badge: "21080499".into(),
    };
    let untagged = inspect(&a, &target(0), wang()).unwrap();
    inspect(&a, &target(1), wang()).unwrap();
    stdout(shian_en(&a).args(["campaigns", "untag", &untagged, "campus-2027"]));
    trust(&office, &a);
    let bundle = export(&a, &tmp.path().join("out-a"), &[]);
    stdout(shian_en(&office).arg("import").arg(&bundle));

    let page = tmp.path().join("summary.html");
    stdout(
        shian_en(&office)
            .args(["report", "summary", "--from"])
            .arg((today - chrono::Days::new(7)).to_string())
            .arg("--to")
            .arg(today.to_string())
            .arg("--out")
            .arg(&page),
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains(&format!("<strong>1</strong> / {}", tasks.len())),
        "one target covered, the untagged one not"
    );

    // An untag of another station's inspection is refused: the office's own inspection,
    // untagged in A's bundle (signed again by A).
    let office_own = inspect(&office, &target(2), wang()).unwrap();
    let list = serde_json::to_vec(&serde_json::json!([
        { "inspection_id": office_own, "campaign_id": "campus-2027" }
    ]))
    .unwrap();
    let forged = tmp.path().join("forged.shian");
    forge_entry(
        &bundle,
        &forged,
        &signing_key(&a),
        "records/untagged.json",
        &list,
    );
    assert!(import_refused(&office, &forged).contains("records/untagged.json"));
}

/// The office with the sample campaign running this week, laptop A holding its office bundle,
/// and the campaign's tasks as A lists them.
fn campaign_this_week(
    tmp: &std::path::Path,
) -> (
    std::path::PathBuf,
    std::path::PathBuf,
    Vec<serde_json::Value>,
) {
    let (office, a) = (tmp.join("office"), tmp.join("a"));
    let roster = tmp.join("roster.csv");
    std::fs::write(&roster, include_str!("../../data/roster-sample.csv")).unwrap();
    stdout(shian_en(&office).arg("roster").arg("import").arg(&roster));
    let today = bureau_today();
    let campaign = include_str!("../../data/campaign-sample.toml")
        .replace(
            "from = 2027-03-01",
            &format!("from = {}", today - chrono::Days::new(7)),
        )
        .replace(
            "to = 2027-08-25",
            &format!("to = {}", today + chrono::Days::new(7)),
        );
    let file = tmp.join("campaign.toml");
    std::fs::write(&file, campaign).unwrap();
    stdout(shian_en(&office).args(["campaigns", "add"]).arg(&file));
    let office_fp = fingerprint(&office);
    import_office_bundle(&a, &office_bundle(&office, &tmp.join("o1")), &office_fp);
    let tasks =
        serde_json::from_str(&stdout(shian_en(&a).args(["tasks", "list", "--json"]))).unwrap();
    (office, a, tasks)
}

/// A final inspection at `a` of the campaign's first target; its id.
fn inspect_first_target(a: &std::path::Path, tasks: &[serde_json::Value]) -> String {
    let target = tasks[0]["establishment_id"].as_str().unwrap();
    let wang = Inspector {
        name: "王立".into(),
        badge: "21080499".into(),
    };
    inspect(a, target, wang).unwrap()
}

/// The office's summary of this week, with the campaign's targets covered.
fn covered_at(office: &std::path::Path, page: &std::path::Path) -> String {
    let today = bureau_today();
    stdout(
        shian_en(office)
            .args(["report", "summary", "--from"])
            .arg((today - chrono::Days::new(7)).to_string())
            .arg("--to")
            .arg(today.to_string())
            .arg("--out")
            .arg(page),
    );
    std::fs::read_to_string(page).unwrap()
}

/// Issue 14: `campaigns untag --undo` did not reach the office, which kept the untag. A re-tag
/// now travels in `records/untagged.json` (bundle format 4), even in a bundle with no new
/// record, and the office ends with the laptop's latest choice.
#[test]
fn an_inspection_tagged_again_on_the_laptop_counts_again_at_the_office() {
    let tmp = tempfile::tempdir().unwrap();
    let (office, a, tasks) = campaign_this_week(tmp.path());
    let id = inspect_first_target(&a, &tasks);
    stdout(shian_en(&a).args(["campaigns", "untag", &id, "campus-2027"]));
    trust(&office, &a);
    let first = export(&a, &tmp.path().join("out-1"), &[]);
    stdout(shian_en(&office).arg("import").arg(&first));
    let page = tmp.path().join("summary.html");
    let covered = |n: usize| format!("<strong>{n}</strong> / {}", tasks.len());
    assert!(covered_at(&office, &page).contains(&covered(0)));

    // Back in the campaign: the next bundle carries only that, as format 4.
    stdout(shian_en(&a).args(["campaigns", "untag", &id, "campus-2027", "--undo"]));
    let second = export(&a, &tmp.path().join("out-2"), &[]);
    let manifest: serde_json::Value = serde_json::from_slice(
        &entries(&second)
            .into_iter()
            .find(|(n, _)| n == "manifest.json")
            .unwrap()
            .1,
    )
    .unwrap();
    assert_eq!(manifest["format_version"], 4);
    stdout(shian_en(&office).arg("import").arg(&second));
    assert!(
        covered_at(&office, &page).contains(&covered(1)),
        "the re-tagged inspection counts again"
    );

    // Nothing changed since: no bundle.
    let out = stdout(
        shian_en(&a)
            .arg("export")
            .arg("--out")
            .arg(tmp.path().join("out-3")),
    );
    assert!(out.contains("nothing new to export"), "{out}");
}

/// A bundle imported late never undoes a newer choice: untag, re-tag, untag again, and the
/// office imports the last bundle before the one in the middle.
#[test]
fn an_older_tag_choice_imported_late_does_not_undo_a_newer_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (office, a, tasks) = campaign_this_week(tmp.path());
    let id = inspect_first_target(&a, &tasks);
    let mut bundles = Vec::new();
    for (n, undo) in [false, true, false].into_iter().enumerate() {
        let mut untag = shian_en(&a);
        untag.args(["campaigns", "untag", &id, "campus-2027"]);
        if undo {
            untag.arg("--undo");
        }
        stdout(&mut untag);
        bundles.push(export(&a, &tmp.path().join(format!("out-{n}")), &[]));
    }
    trust(&office, &a);
    for i in [0, 2, 1] {
        stdout(shian_en(&office).arg("import").arg(&bundles[i]));
    }
    let page = tmp.path().join("summary.html");
    assert!(
        covered_at(&office, &page).contains(&format!("<strong>0</strong> / {}", tasks.len())),
        "the last choice, an untag, holds"
    );
}
