//! A long 说明 continues on an attached page (附页) of its record form instead of pushing the
//! signatures off the form's sheet (docs/reports.md): `shian report record` on a real store.

use std::path::Path;

use crate::support::district::{empty_station, read, report};
use crate::support::store::{answer, author, signed_off, start_draft, sun, zhou};
use shian::checklists::Catalog;
use shian::domain::establishment::{EstablishmentFacts, EstablishmentKind};
use shian::domain::inspection::{Conclusion, InspectionKind};
use shian::domain::outcome::Verdict;
use shian::store::Store;

/// A final, all-compliant inspection with this 说明; its serial.
fn inspected_with_remarks(dir: &Path, day: u32, remarks: &str) -> String {
    let mut store = Store::open(dir).unwrap();
    let facts = EstablishmentFacts {
        name: format!("鲅鱼圈区海湾小厨{day}号"),
        kind: EstablishmentKind::Restaurant,
        address: "鲅鱼圈区海滨路 1 号".into(),
        town: "海星街道".into(),
        person_in_charge: "张立新".into(),
        phone: "0417-5550000".into(),
        license_no: "JY22108040000001".into(),
        credit_code: String::new(),
        risk_grade: None,
        bright_kitchen: None,
    };
    let establishment = store.add_establishment(&facts, "AB12CD").unwrap();
    let id = start_draft(
        &mut store,
        &establishment.id,
        InspectionKind::Routine,
        vec![zhou(), sun()],
        day,
    );
    let catalog = Catalog::shipped();
    for item in catalog.get("catering-daily").unwrap().items() {
        store
            .save_answer(&id, &answer(&item.id, Verdict::Pass))
            .unwrap();
    }
    let conclusion = signed_off(Conclusion {
        remarks: remarks.into(),
        ..Default::default()
    });
    let done = store
        .finalize_inspection(&id, &conclusion, author().signing_key(), chrono::Utc::now())
        .unwrap();
    done.serial.unwrap()
}

#[test]
fn a_long_remark_continues_on_an_attached_page_and_a_short_one_stays_on_the_form() {
    let station = empty_station();
    let dir = station.path();
    let first = "现场检查时，后厨正在进行午餐加工，操作人员均穿戴工作衣帽。".repeat(3);
    let rest = "冷藏柜温度显示 3°C；留样柜内留样记录完整，负责人签字齐全。".repeat(5);
    let long = format!("{first}{rest}");
    let serial = inspected_with_remarks(dir, 2, &long);
    let html = read(&report(dir, &["record", &serial], "long.html"));

    let (sheet, attached) = html
        .split_once(r#"<div class="attached">"#)
        .expect("an attached page");
    let cell = sheet
        .split(r#"<th>说明</th><td colspan="3" style="height: 14mm">"#)
        .nth(1)
        .and_then(|c| c.split("</td>").next())
        .unwrap();
    let on_form = cell
        .strip_suffix("<strong>（续见附页）</strong>")
        .expect("the cell says it continues");
    assert!(on_form.starts_with(&first), "{on_form}");
    assert!(on_form.chars().count() <= 120, "{on_form}");
    let continued = attached
        .split(r#"<td class="rest">"#)
        .nth(1)
        .and_then(|c| c.split("</td>").next())
        .unwrap();
    assert_eq!(
        format!("{on_form}{continued}"),
        long,
        "nothing lost at the cut"
    );
    assert!(on_form.ends_with('。'), "cut at a sentence end: {on_form}");
    // The attached page names its record, with room to sign it.
    assert!(attached.contains(&format!("编号 {serial}")));
    assert!(attached.contains("执法人员签名"));
    assert_eq!(html.matches(r#"<table class="sheet">"#).count(), 1);

    let short = "现场无异常。";
    let serial = inspected_with_remarks(dir, 3, short);
    let html = read(&report(dir, &["record", &serial], "short.html"));
    assert!(html.contains(&format!(r#"style="height: 14mm">{short}</td>"#)));
    assert!(!html.contains(r#"<div class="attached">"#));
    assert!(!html.contains("续见附页"));
}
