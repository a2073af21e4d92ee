//! `shian report`: golden HTML for the demo district, the record code, the workbook read back,
//! the CSV files.

use crate::support::cli::shian;
use crate::support::district;
use crate::support::district::{demo_district, printed_code, read, report, serial_with_outcome};
use calamine::{Data, DataType, Reader, Xlsx, open_workbook};

/// Record codes depend on the establishments' ids, which are made fresh by every import; the
/// style sheet is left out so that the goldens are about what the forms say.
fn golden_filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"\b[0-9a-f]{12}\b", "[CODE]"),
        (r"(?s)<style>.*?</style>", "<style>[CSS]</style>"),
    ]
}

#[test]
fn record_form_golden() {
    let district = demo_district();
    let dir = district.path();
    let serial = serial_with_outcome(dir, "basically_compliant");
    let html = read(&report(dir, &["record", &serial], "record.html"));
    insta::with_settings!({ filters => golden_filters() }, {
        insta::assert_snapshot!("record_form", html);
    });
}

#[test]
fn summary_golden() {
    let district = demo_district();
    let dir = district.path();
    let args = ["summary", "--from", "2026-01-01", "--to", "2026-06-30"];
    let html = read(&report(dir, &args, "summary.html"));
    insta::with_settings!({ filters => golden_filters() }, {
        insta::assert_snapshot!("summary", html);
    });
}

#[test]
fn summary_of_one_town_counts_only_that_town() {
    let district = demo_district();
    let dir = district.path();
    let args = [
        "summary",
        "--from",
        "2026-01-01",
        "--to",
        "2026-06-30",
        "--town",
        "熊岳镇",
    ];
    let html = read(&report(dir, &args, "summary.html"));
    assert!(html.contains("熊岳镇 · 统计期间"), "{html}");
    assert!(!html.contains("芦屯镇"), "another town in a town's summary");
}

#[test]
fn record_form_has_every_field_and_english_labels() {
    let district = demo_district();
    let dir = district.path();
    let serial = serial_with_outcome(dir, "non_compliant");
    let html = read(&report(dir, &["record", &serial], "record.html"));
    for field in [
        "营口市鲅鱼圈区市场监督管理局",
        "被检查单位名称",
        "许可证编号",
        "本年度第",
        "执法证号",
        "☑ 不符合",
        "☑ 立即停止经营活动",
        "合理缺项",
        "执法人员签名",
        "被检查单位意见",
        "法定代表人（负责人）签名",
        "@page",
    ] {
        assert!(html.contains(field), "no {field} on the form");
    }
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "network reference"
    );

    let out = dir.join("record-en.html");
    shian(dir)
        .args(["--lang", "en", "report", "record", &serial, "--out"])
        .arg(&out)
        .assert()
        .success();
    let english = read(&out);
    assert!(english.contains("Routine Supervision and Inspection Record"));
    assert!(english.contains("☑ Non-compliant"));
}

#[test]
fn several_records_print_on_separate_pages() {
    let district = demo_district();
    let dir = district.path();
    let a = serial_with_outcome(dir, "compliant");
    let b = serial_with_outcome(dir, "non_compliant");
    let html = read(&report(dir, &["record", &a, &b], "records.html"));
    assert_eq!(html.matches(r#"<table class="sheet">"#).count(), 2);
    assert!(html.contains("break-after: page"));
}

#[test]
fn record_code_verifies_the_paper() {
    let district = demo_district();
    let dir = district.path();
    let serial = serial_with_outcome(dir, "basically_compliant");
    let html = read(&report(dir, &["record", &serial], "record.html"));
    let code = printed_code(&html);
    shian(dir)
        .args(["report", "verify", &serial, &code])
        .assert()
        .success()
        .stdout(predicates::str::contains("核验码一致"));
    let mut wrong = code.clone().into_bytes();
    wrong[0] = if wrong[0] == b'0' { b'1' } else { b'0' };
    shian(dir)
        .args(["report", "verify", &serial])
        .arg(String::from_utf8(wrong).unwrap())
        .assert()
        .failure()
        .stderr(predicates::str::contains("核验码不一致"));
    // Another record's code does not verify this one.
    let other = serial_with_outcome(dir, "compliant");
    let other_html = read(&report(dir, &["record", &other], "other.html"));
    shian(dir)
        .args(["report", "verify", &serial, &printed_code(&other_html)])
        .assert()
        .failure();
}

#[test]
fn workbook_reopens_with_headers_dates_and_rows() {
    let district = demo_district();
    let dir = district.path();
    let args = ["xlsx", "--from", "2026-01-01", "--to", "2026-06-30"];
    let path = report(dir, &args, "report.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["检查记录", "不符合项", "整改", "单位名录"]
    );

    let sheet = book.worksheet_range("检查记录").unwrap();
    assert_eq!(sheet.get((0, 0)), Some(&Data::String("编号".into())));
    assert_eq!(sheet.get((0, 1)), Some(&Data::String("检查日期".into())));
    let in_period = district::inspections(dir)
        .iter()
        .filter(|i| i["started_at"].as_str().unwrap_or_default() >= "2026-01-01")
        .count();
    assert_eq!(sheet.height(), in_period + 1, "a row per inspection");
    let first_date = sheet.get((1, 1)).and_then(|d| d.as_date()).unwrap();
    assert!(first_date >= chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert!(
        sheet.get((1, 1)).is_some_and(|d| d.is_datetime()),
        "a real date"
    );
    assert!(
        matches!(sheet.get((1, 8)), Some(Data::Float(_))),
        "counts are numbers"
    );

    let failed = book.worksheet_range("不符合项").unwrap();
    assert_eq!(failed.get((0, 6)), Some(&Data::String("检查内容".into())));
    assert!(failed.height() > 1);
    let rectifications = book.worksheet_range("整改").unwrap();
    assert!(rectifications.height() > 1);
    let establishments = book.worksheet_range("单位名录").unwrap();
    assert_eq!(
        establishments.height(),
        61,
        "60 establishments and the header"
    );
    assert!(book.worksheet_formula("单位名录").unwrap().is_empty());

    // Frozen header row, filters and column widths, as the sheet's XML says them.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    for n in 1..=4 {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(
            xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
            "{xml}"
        );
        assert!(xml.contains("<autoFilter"), "sheet {n} has no filter");
        assert!(
            xml.contains("customWidth=\"1\""),
            "sheet {n} has no column widths"
        );
    }
}

#[test]
fn csv_files_are_utf8_with_bom() {
    let district = demo_district();
    let dir = district.path();
    let args = ["csv", "--from", "2026-01-01", "--to", "2026-06-30"];
    let folder = report(dir, &args, "csv");
    for name in ["检查记录", "不符合项", "整改", "单位名录"] {
        let bytes = std::fs::read(folder.join(format!("{name}.csv"))).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{name}.csv has no BOM");
        assert!(std::str::from_utf8(&bytes).is_ok());
    }
    let table = read(&folder.join("检查记录.csv"));
    assert!(
        table
            .trim_start_matches('\u{feff}')
            .starts_with("编号,检查日期,单位名称")
    );
    assert!(table.contains(",2026-0"), "dates as YYYY-MM-DD");
}

#[test]
fn record_forms_of_a_period_as_the_records_screen_prints_them() {
    let district = demo_district();
    let dir = district.path();
    let list = district::inspections(dir);
    let in_june: Vec<&str> = list
        .iter()
        .filter(|i| i["status"] == "final")
        .filter(|i| i["started_at"].as_str().unwrap_or_default() >= "2026-06-01")
        .filter_map(|i| i["serial"].as_str())
        .collect();
    assert!(!in_june.is_empty());
    let args = ["record", "--from", "2026-06-01", "--to", "2026-06-30"];
    let html = read(&report(dir, &args, "june.html"));
    assert_eq!(
        html.matches(r#"<table class="sheet">"#).count(),
        in_june.len(),
        "a page per final inspection of June"
    );
    for serial in &in_june {
        assert!(html.contains(serial), "{serial} missing");
    }
    // Named records and a period are two ways, not one.
    shian(dir)
        .args(["report", "record", in_june[0], "--from", "2026-06-01"])
        .args(["--out", "x.html"])
        .assert()
        .failure();
    // An empty period is said, not written as an empty file.
    shian(dir)
        .args([
            "report",
            "record",
            "--from",
            "2030-01-01",
            "--to",
            "2030-01-31",
        ])
        .arg("--out")
        .arg(dir.join("empty.html"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("没有已定稿的检查记录"));
    assert!(!dir.join("empty.html").exists());
}

#[test]
fn the_workbooks_inspectors_column_carries_their_certificate_numbers() {
    let district = demo_district();
    let dir = district.path();
    let serial = serial_with_outcome(dir, "compliant");
    let shown = shian(dir)
        .args(["inspections", "show", &serial, "--json"])
        .output()
        .unwrap();
    let record: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let first = &record["inspection"]["inspectors"][0];
    let (name, badge) = (
        first["name"].as_str().unwrap(),
        first["badge"].as_str().unwrap(),
    );
    let args = ["xlsx", "--from", "2020-01-01", "--to", "2026-06-30"];
    let path = report(dir, &args, "report.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = book.worksheet_range("检查记录").unwrap();
    assert_eq!(
        sheet.get((0, 7)),
        Some(&Data::String("检查人员及执法证件号".into()))
    );
    let row = (0..sheet.height())
        .find(|r| sheet.get((*r, 0)) == Some(&Data::String(serial.clone())))
        .expect("the record's row");
    let cell = sheet.get((row, 7)).and_then(|d| d.get_string()).unwrap();
    assert!(
        cell.starts_with(&format!("{name}（{badge}）")),
        "{cell:?} should carry {name}'s number {badge}"
    );
}
