//! A printed form keeps the facts of its day (issue 12, docs/reports.md): an inspection keeps the
//! establishment's facts as they were when it became final, and the form, the CSV and its record
//! code stay the same after the roster changes, at the station and at the office it travels to.

use crate::support::bundle;
use crate::support::cli;
use crate::support::district;
use crate::support::store;
use std::path::Path;

use chrono::Utc;
use shian::checklists::Catalog;
use shian::domain::inspection::{Answer, Conclusion, InspectionKind};
use shian::domain::outcome::Verdict;
use shian::store::Store;

const HEADER: &str =
    "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶";

/// The canteen as the roster had it on the day of the inspection.
const BEFORE: &str = "鲅鱼圈区星帆小学食堂,学校食堂,鲅鱼圈区红海街道星帆街8号,红海街道,王晓梅,0417-5550101,\
                      JY32108040000001,,C,透明厨房";
/// The same canteen (same licence) after the roster was updated: new name, contact and phone.
const AFTER: &str = "鲅鱼圈区星帆实验学校食堂,学校食堂,鲅鱼圈区红海街道星帆街8号,红海街道,李新,13900001111,\
                     JY32108040000001,,B,视频厨房";

fn import_roster(dir: &Path, row: &str) {
    let file = dir.join("roster.csv");
    std::fs::write(&file, format!("{HEADER}\n{row}\n")).unwrap();
    cli::shian(dir)
        .args(["roster", "import"])
        .arg(&file)
        .assert()
        .success();
}

/// Answers every item of a draft as passed and finalizes it, signed with `dir`'s station key,
/// as the review screen does; its serial.
fn inspect_and_finalize(dir: &Path, day: u32) -> String {
    let mut store = Store::open(dir).unwrap();
    let establishment = store.establishments().unwrap().remove(0).id;
    let id = store::start_draft(
        &mut store,
        &establishment,
        InspectionKind::Routine,
        vec![store::zhou(), store::sun()],
        day,
    );
    finalize_all_passed(&mut store, dir, &id)
}

fn finalize_all_passed(store: &mut Store, dir: &Path, id: &str) -> String {
    let checklist = Catalog::shipped().get("catering-daily").unwrap().clone();
    for item in checklist.items() {
        let answer = Answer {
            item_id: item.id.clone(),
            verdict: Verdict::Pass,
            value: None,
            choice: None,
            note: String::new(),
            answered_at: Utc::now(),
        };
        store.save_answer(id, &answer).unwrap();
    }
    let conclusion = store::signed_off(Conclusion::default());
    let key = bundle::signing_key(dir);
    let done = store
        .finalize_inspection(id, &conclusion, &key, Utc::now())
        .unwrap();
    done.serial.unwrap()
}

/// The record form of `serial`, printed at `dir`, and its record code.
fn print(dir: &Path, serial: &str, file: &str) -> (String, String) {
    let html = district::read(&district::report(dir, &["record", serial], file));
    let code = district::printed_code(&html);
    (html, code)
}

/// `report verify` of the paper's code: it must match; what it says.
fn verifies(dir: &Path, serial: &str, code: &str) -> String {
    let out = cli::shian(dir)
        .args(["report", "verify", serial, code])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success() && stdout.contains("核验码一致"),
        "{stdout}"
    );
    stdout
}

fn roster_json(dir: &Path) -> String {
    let out = cli::shian(dir)
        .args(["roster", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_roster_change_after_the_inspection_leaves_the_reprinted_form_and_its_code_unchanged() {
    let station = district::empty_station();
    let dir = station.path();
    import_roster(dir, BEFORE);
    let serial = inspect_and_finalize(dir, 2);
    let (first, code) = print(dir, &serial, "first.html");
    for fact in [
        "鲅鱼圈区星帆小学食堂",
        "王晓梅",
        "0417-5550101",
        "JY32108040000001",
    ] {
        assert!(first.contains(fact), "{fact} not on the form");
    }

    import_roster(dir, AFTER);
    let roster = roster_json(dir);
    assert!(roster.contains("李新") && roster.contains("鲅鱼圈区星帆实验学校食堂"));

    let (again, code_again) = print(dir, &serial, "again.html");
    assert_eq!(again, first, "the reprinted form differs");
    assert_eq!(code_again, code);
    assert!(!again.contains("李新") && !again.contains("13900001111"));
    // Verifying names the establishment as the paper does.
    assert!(verifies(dir, &serial, &code).contains("鲅鱼圈区星帆小学食堂"));

    // The period's CSV names the inspection's establishment as it was; the roster sheet as
    // it is.
    let out = dir.join("csv");
    cli::shian(dir)
        .args([
            "report",
            "csv",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
        ])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let inspections = district::read(&out.join("检查记录.csv"));
    assert!(
        inspections.contains("鲅鱼圈区星帆小学食堂"),
        "{inspections}"
    );
    assert!(!inspections.contains("星帆实验学校"), "{inspections}");
    let roster_sheet = district::read(&out.join("单位名录.csv"));
    assert!(roster_sheet.contains("鲅鱼圈区星帆实验学校食堂,学校食堂"));

    // An inspection finalized after the change keeps the new facts.
    let later = inspect_and_finalize(dir, 9);
    let (html, _) = print(dir, &later, "later.html");
    assert!(html.contains("鲅鱼圈区星帆实验学校食堂") && html.contains("李新"));
}

#[test]
fn a_correction_keeps_the_facts_of_the_day_of_the_record_it_corrects() {
    let station = district::empty_station();
    let dir = station.path();
    import_roster(dir, BEFORE);
    let serial = inspect_and_finalize(dir, 2);
    import_roster(dir, AFTER);
    let mut store = Store::open(dir).unwrap();
    let original = store.find_inspection(&serial).unwrap();
    let draft = store.start_revision(&original.id, "笔误更正").unwrap();
    let corrected = finalize_all_passed(&mut store, dir, &draft.id);
    assert_eq!(
        store.find_inspection(&corrected).unwrap().establishment,
        original.establishment
    );
    drop(store);
    let (html, code) = print(dir, &corrected, "corrected.html");
    assert!(html.contains("鲅鱼圈区星帆小学食堂") && html.contains("王晓梅"));
    assert!(!html.contains("李新"));
    verifies(dir, &corrected, &code);
}

#[test]
fn the_facts_travel_in_the_bundle_and_print_the_same_at_the_office() {
    let tmp = tempfile::tempdir().unwrap();
    let field = tmp.path().join("field");
    let office = tmp.path().join("office");
    std::fs::create_dir_all(&field).unwrap();
    std::fs::write(field.join("station.key"), district::STATION_KEY).unwrap();
    import_roster(&field, BEFORE);
    let serial = inspect_and_finalize(&field, 2);
    let (at_field, code) = print(&field, &serial, "form.html");
    // The roster changes at the station before the bundle leaves: the office receives both
    // revisions, and its roster is the new one.
    import_roster(&field, AFTER);

    cli::stdout(cli::shian_en(&office).args(["devices", "list"]));
    bundle::trust(&office, &field);
    let bundle = bundle::export(&field, &tmp.path().join("out"), &[]);
    let members: Vec<serde_json::Value> = bundle::entries(&bundle)
        .into_iter()
        .find(|(name, _)| name == "records/inspections.json")
        .map(|(_, bytes)| serde_json::from_slice(&bytes).unwrap())
        .unwrap();
    assert_eq!(
        members[0]["inspection"]["establishment"]["person_in_charge"],
        "王晓梅"
    );
    cli::stdout(cli::shian_en(&office).arg("import").arg(&bundle));

    assert!(roster_json(&office).contains("李新"));
    let (at_office, office_code) = print(&office, &serial, "form.html");
    assert_eq!(office_code, code);
    assert_eq!(at_office, at_field, "the office prints another form");
    verifies(&office, &serial, &code);
}

#[test]
fn a_snapshot_with_a_text_over_the_roster_limit_is_refused_at_import() {
    let tmp = tempfile::tempdir().unwrap();
    let field = tmp.path().join("field");
    let office = tmp.path().join("office");
    std::fs::create_dir_all(&field).unwrap();
    std::fs::write(field.join("station.key"), district::STATION_KEY).unwrap();
    import_roster(&field, BEFORE);
    let serial = inspect_and_finalize(&field, 2);
    cli::stdout(cli::shian_en(&office).args(["devices", "list"]));
    bundle::trust(&office, &field);
    let bundle = bundle::export(&field, &tmp.path().join("out"), &[]);

    // The author itself signs a snapshot with a 501-character address.
    let key = bundle::signing_key(&field);
    let mut entries = bundle::entries(&bundle);
    let records = bundle::entry(&mut entries, "records/inspections.json");
    let mut list: Vec<shian::store::InspectionEntry> = serde_json::from_slice(records).unwrap();
    if let Some(facts) = list[0].inspection.establishment.as_mut() {
        facts.address = "址".repeat(501);
    }
    list[0].signed = Some(list[0].sign(&key).unwrap());
    *records = serde_json::to_vec(&list).unwrap();
    let digest = serde_json::json!({
        "sha256": bundle::sha256_hex(records),
        "size": records.len(),
    });
    bundle::resign(&mut entries, &key, |m| {
        m["entries"]["records/inspections.json"] = digest;
        m["bundle_id"] = serde_json::Value::String(uuid::Uuid::now_v7().to_string());
    });
    let edited = tmp.path().join("edited.shian");
    bundle::write_entries(&edited, &entries);

    let before = bundle::dump(&office, &[]);
    let out = cli::shian_en(&office)
        .arg("import")
        .arg(&edited)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains(&serial), "{stderr}");
    assert!(
        stderr.contains("establishment.address is longer than"),
        "{stderr}"
    );
    assert_eq!(bundle::dump(&office, &[]), before);
}
