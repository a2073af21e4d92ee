//! Hostile data: markup and formulas in names, notes and file names print as text; photos are
//! embedded; a corrected record says so.

use std::path::Path;

use crate::support::cli::shian;
use crate::support::district::{empty_station, printed_code, read, report};
use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::{NaiveDate, TimeZone, Utc};
use shian::checklists::Catalog;
use shian::domain::establishment::{
    BrightKitchen, EstablishmentFacts, EstablishmentKind, RiskGrade,
};
use shian::domain::inspection::{Answer, Conclusion, InspectionKind, Inspector};
use shian::domain::outcome::{Handling, Verdict};
use shian::store::{NewInspection, Store};

const SCRIPT: &str = "<script>alert(1)</script>";
const FORMULA_TOWN: &str = "=HYPERLINK(\"http://evil.example\",\"x\")";

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// Makes a final inspection of a hostile establishment with two failed items, one with a photo
/// and one with an attachment that is not an image. Returns (inspection id, serial).
fn hostile_record(dir: &Path) -> (String, String) {
    let mut store = Store::open(dir).unwrap();
    let facts = EstablishmentFacts {
        name: SCRIPT.into(),
        kind: EstablishmentKind::SchoolCanteen,
        address: "\"><img src=x onerror=alert(2)>".into(),
        town: FORMULA_TOWN.into(),
        person_in_charge: "@SUM(1+1)".into(),
        phone: "+86 417 555 0000".into(),
        license_no: "JY3<b>bold</b>".into(),
        credit_code: "-1".into(),
        risk_grade: Some(RiskGrade::D),
        bright_kitchen: Some(BrightKitchen::None),
    };
    let establishment = store.add_establishment(&facts, "TEST01").unwrap();
    let catalog = Catalog::shipped();
    let checklist = catalog.get("school-canteen").unwrap();
    let started_at = Utc.with_ymd_and_hms(2026, 5, 11, 1, 30, 0).unwrap();
    let draft = store
        .start_inspection(NewInspection {
            establishment_id: &establishment.id,
            checklist,
            kind: InspectionKind::Routine,
            station: "TEST01",
            bureau: "<i>营口市鲅鱼圈区市场监督管理局</i>",
            inspectors: vec![
                Inspector {
                    name: "<u>周海明</u>".into(),
                    badge: "2108040101".into(),
                },
                Inspector {
                    name: "孙晓燕".into(),
                    badge: "2108040102".into(),
                },
            ],
            started_at,
            utc_offset_seconds: 8 * 3600,
        })
        .unwrap();
    let mut failed = Vec::new();
    for (n, item) in checklist.items().filter(|i| i.kind.is_scored()).enumerate() {
        let fail = n == 3 || n == 12;
        if fail {
            failed.push(item.id.clone());
        }
        let answer = Answer {
            item_id: item.id.clone(),
            verdict: if fail { Verdict::Fail } else { Verdict::Pass },
            value: None,
            choice: None,
            note: if fail {
                format!("{SCRIPT} & 留样不足")
            } else {
                String::new()
            },
            answered_at: started_at,
        };
        store.save_answer(&draft.id, &answer).unwrap();
    }
    let conclusion = Conclusion {
        handling: Some(Handling::RectifyByDeadline),
        deadline: NaiveDate::from_ymd_opt(2026, 5, 25),
        remarks: "</td></tr></table><h1>forged</h1>".into(),
        operator_signatory: "<b>负责人</b>".into(),
        operator_opinion: "<marquee>不同意</marquee>".into(),
        operator_refused: true,
        witness: "<em>见证人</em>".into(),
        ..Default::default()
    };
    let done = store
        .finalize_inspection(
            &draft.id,
            &conclusion,
            shian::identity::Identity::from_secret([5; 32]).signing_key(),
            started_at,
        )
        .unwrap();
    drop(store);

    // Photos come with bundles from the field; written here as the store keeps them.
    let conn = rusqlite::Connection::open(dir.join("shian.db")).unwrap();
    for (hash, media, bytes, name, item) in [
        (
            "a".repeat(64),
            "image/png",
            PNG,
            "<img src=x onerror=alert(3)>.png",
            &failed[0],
        ),
        (
            "b".repeat(64),
            "text/html",
            SCRIPT.as_bytes(),
            "page.html",
            &failed[1],
        ),
    ] {
        conn.execute(
            "INSERT INTO attachments (sha256, size, media_type, bytes, stored_at)
             VALUES (?1, ?2, ?3, ?4, '2026-05-11T01:40:00.000Z')",
            rusqlite::params![hash, bytes.len() as i64, media, bytes],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO answer_attachments (inspection_id, item_id, sha256, file_name, added_at)
             VALUES (?1, ?2, ?3, ?4, '2026-05-11T01:40:00.000Z')",
            rusqlite::params![done.id, item, hash, name],
        )
        .unwrap();
    }
    (done.id, done.serial.unwrap())
}

fn assert_no_markup_from_data(html: &str) {
    for raw in [
        SCRIPT,
        "<img src=x",
        "<b>",
        "<u>",
        "<i>",
        "<em>",
        "<marquee>",
        "<h1>forged",
        "</td></tr></table><h1>",
    ] {
        assert!(!html.contains(raw), "{raw} reached the HTML unescaped");
    }
    assert!(
        !html.contains("text/html;base64"),
        "a non-image was embedded"
    );
}

#[test]
fn hostile_names_print_as_text_on_the_record_form() {
    let station = empty_station();
    let dir = station.path();
    let (_, serial) = hostile_record(dir);
    let html = read(&report(dir, &["record", &serial], "record.html"));
    assert_no_markup_from_data(&html);
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(
        html.contains("data:image/png;base64,iVBORw0KGgo"),
        "photo embedded"
    );
    assert!(html.contains("page.html"), "a non-image is named");
    assert!(html.contains("被检查单位拒绝签字"));
    assert!(html.contains("☑ 书面限期整改"));
    assert!(html.contains("2026年5月25日"));

    // The photos are part of what the code covers.
    shian(dir)
        .args(["report", "verify", &serial, &printed_code(&html)])
        .assert()
        .success();
}

#[test]
fn hostile_names_print_as_text_in_the_summary() {
    let station = empty_station();
    let dir = station.path();
    hostile_record(dir);
    let args = ["summary", "--from", "2026-05-01", "--to", "2026-06-30"];
    let html = read(&report(dir, &args, "summary.html"));
    assert_no_markup_from_data(&html);
    assert!(html.contains("alert(1)"), "the name is shown, as text");
    assert!(html.contains("<svg"), "charts are inline SVG");
}

#[test]
fn formulas_in_data_stay_text_in_workbook_and_csv() {
    let station = empty_station();
    let dir = station.path();
    hostile_record(dir);
    let args = ["xlsx", "--from", "2026-05-01", "--to", "2026-06-30"];
    let path = report(dir, &args, "report.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    for sheet in book.sheet_names() {
        assert!(
            book.worksheet_formula(&sheet).unwrap().is_empty(),
            "a formula in {sheet}"
        );
    }
    let establishments = book.worksheet_range("单位名录").unwrap();
    assert_eq!(
        establishments.get((1, 2)),
        Some(&Data::String(FORMULA_TOWN.into()))
    );
    assert_eq!(
        establishments.get((1, 4)),
        Some(&Data::String("@SUM(1+1)".into()))
    );

    let args = ["csv", "--from", "2026-05-01", "--to", "2026-06-30"];
    let folder = report(dir, &args, "csv");
    let table = read(&folder.join("单位名录.csv"));
    assert!(table.contains("\"'=HYPERLINK("), "{table}");
    assert!(table.contains(",'@SUM(1+1),"), "{table}");
    assert!(table.contains(",'+86 417 555 0000,"), "{table}");
    assert!(table.contains(",'-1,"), "{table}");
}

#[test]
fn a_corrected_record_says_so() {
    let station = empty_station();
    let dir = station.path();
    let (id, serial) = hostile_record(dir);
    let mut store = Store::open(dir).unwrap();
    let revision = store.start_revision(&id, "录入错误：检查日期").unwrap();
    let now = Utc.with_ymd_and_hms(2026, 5, 12, 1, 0, 0).unwrap();
    let as_before = store.inspection(&id).unwrap().conclusion;
    let fixed = store
        .finalize_inspection(
            &revision.id,
            &as_before,
            shian::identity::Identity::from_secret([5; 32]).signing_key(),
            now,
        )
        .unwrap();
    drop(store);
    let fixed_serial = fixed.serial.unwrap();
    // A correction begun but not finished does not replace the record.
    Store::open(dir)
        .unwrap()
        .start_revision(&fixed.id, "再次更正")
        .unwrap();

    let original = read(&report(dir, &["record", &serial], "original.html"));
    assert!(
        original.contains("本记录已被更正"),
        "superseded record not marked"
    );
    assert!(original.contains(&fixed_serial));
    let corrected = read(&report(dir, &["record", &fixed_serial], "fixed.html"));
    assert!(corrected.contains("本记录为更正版本"));
    assert!(
        !corrected.contains("本记录已被更正"),
        "a draft correction counts"
    );
    assert!(corrected.contains("录入错误：检查日期"));
    shian(dir)
        .args(["report", "verify", &serial, &printed_code(&original)])
        .assert()
        .success()
        .stdout(predicates::str::contains("已被更正"));

    // Only the latest revision counts in a summary.
    let args = ["xlsx", "--from", "2026-05-01", "--to", "2026-06-30"];
    let path = report(dir, &args, "report.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let inspections = book.worksheet_range("检查记录").unwrap();
    assert_eq!(
        inspections.height(),
        2,
        "header and the corrected record only"
    );
    assert_eq!(
        inspections.get((1, 0)),
        Some(&Data::String(fixed_serial.clone()))
    );
}

#[test]
fn a_draft_prints_marked_as_a_draft() {
    let station = empty_station();
    let dir = station.path();
    let mut store = Store::open(dir).unwrap();
    let establishment = store
        .add_establishment(
            &EstablishmentFacts {
                name: "鲅鱼圈区试印饭庄".into(),
                kind: EstablishmentKind::Restaurant,
                address: String::new(),
                town: "红海街道".into(),
                person_in_charge: String::new(),
                phone: String::new(),
                license_no: String::new(),
                credit_code: String::new(),
                risk_grade: None,
                bright_kitchen: None,
            },
            "TEST01",
        )
        .unwrap();
    let catalog = Catalog::shipped();
    let draft = store
        .start_inspection(NewInspection {
            establishment_id: &establishment.id,
            checklist: catalog.get("catering-daily").unwrap(),
            kind: InspectionKind::Special,
            station: "TEST01",
            bureau: "营口市鲅鱼圈区市场监督管理局",
            inspectors: Vec::new(),
            started_at: Utc.with_ymd_and_hms(2026, 5, 11, 1, 30, 0).unwrap(),
            utc_offset_seconds: 8 * 3600,
        })
        .unwrap();
    drop(store);
    let html = read(&report(dir, &["record", &draft.id], "draft.html"));
    assert!(html.contains("草稿（未定稿，不作为检查结果）"));
    assert!(html.contains("鲅鱼圈区试印饭庄"));
    assert!(!html.contains("☑"), "nothing is ticked on an empty draft");
}
