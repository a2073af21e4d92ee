use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::checklists::Catalog;
use crate::domain::establishment::{EstablishmentFacts, EstablishmentKind};
use crate::domain::inspection::Answer;
use crate::domain::inspection::Rectification;
use crate::domain::outcome::Verdict;

fn facts(name: &str, town: &str) -> EstablishmentFacts {
    EstablishmentFacts {
        name: name.into(),
        kind: EstablishmentKind::Restaurant,
        address: String::new(),
        town: town.into(),
        person_in_charge: String::new(),
        phone: String::new(),
        license_no: String::new(),
        credit_code: String::new(),
        risk_grade: None,
        bright_kitchen: None,
    }
}

fn final_inspection(
    id: &str,
    establishment: &str,
    hash: &str,
    at: DateTime<Utc>,
    supersedes: Option<&str>,
) -> Inspection {
    Inspection {
        checklist_id: "catering-daily".into(),
        checklist_hash: hash.into(),
        serial: Some(format!("T-{id}")),
        revision: if supersedes.is_some() { 2 } else { 1 },
        supersedes: supersedes.map(str::to_string),
        revision_reason: supersedes.map(|_| "更正".to_string()),
        station: "T".into(),
        ..Inspection::final_at(id, establishment, at)
    }
}

#[test]
fn a_period_is_in_local_dates_and_counts_the_latest_revision_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let here = store
        .add_establishment(&facts("甲", "熊岳镇"), "T")
        .unwrap();
    let there = store
        .add_establishment(&facts("乙", "芦屯镇"), "T")
        .unwrap();
    let catalog = Catalog::shipped();
    let checklist = catalog.get("catering-daily").unwrap();
    let hash = store.put_checklist_version(checklist).unwrap();
    let utc = |m, d, h, min| Utc.with_ymd_and_hms(2026, m, d, h, min, 0).unwrap();
    let records: Vec<(Inspection, Vec<Answer>)> = [
        // 23:30 on 30 June in Beijing: inside.
        final_inspection("late", &here.id, &hash, utc(6, 30, 15, 30), None),
        // 07:00 on 1 July in Beijing, still 30 June in UTC: outside.
        final_inspection("next", &here.id, &hash, utc(6, 30, 23, 0), None),
        // 03:00 on 1 June in Beijing, 31 May in UTC: inside.
        final_inspection("early", &here.id, &hash, utc(5, 31, 19, 0), None),
        final_inspection("old", &here.id, &hash, utc(6, 10, 2, 0), None),
        final_inspection("fixed", &here.id, &hash, utc(6, 11, 2, 0), Some("old")),
        final_inspection("away", &there.id, &hash, utc(6, 10, 2, 0), None),
    ]
    .into_iter()
    .map(|i| (i, Vec::new()))
    .collect();
    store.insert_final_records(&records, &[]).unwrap();

    let period = Period {
        from: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        town: Some("熊岳镇".into()),
    };
    let data = store.period_data(&period).unwrap();
    let ids: Vec<&str> = data
        .inspections
        .iter()
        .map(|p| p.inspection.id.as_str())
        .collect();
    assert_eq!(ids, ["early", "fixed", "late"]);
    assert_eq!(data.inspections[0].date, period.from);
    assert_eq!(data.establishments.len(), 1, "the town's roster only");
    assert_eq!(data.last_inspected.get(&here.id), Some(&period.to));
    assert_eq!(
        data.inspections[0].checklist_title, checklist.title,
        "the checklist version's own title"
    );
}

fn answer(item: &str, verdict: Verdict, note: &str) -> Answer {
    Answer {
        item_id: item.into(),
        verdict,
        value: None,
        choice: None,
        note: note.into(),
        answered_at: Utc.with_ymd_and_hms(2026, 6, 10, 2, 0, 0).unwrap(),
    }
}

fn rectification(
    id: &str,
    inspection: &Inspection,
    item: &str,
    deadline: (u32, u32),
    open: bool,
) -> Rectification {
    Rectification {
        id: id.into(),
        establishment_id: inspection.establishment_id.clone(),
        inspection_id: inspection.id.clone(),
        item_id: item.into(),
        deadline: NaiveDate::from_ymd_opt(2026, deadline.0, deadline.1),
        open,
        follow_up_id: None,
        closed_at: (!open).then(|| Utc.with_ymd_and_hms(2026, 6, 25, 2, 0, 0).unwrap()),
    }
}

#[test]
fn counts_failed_items_and_orders_rectifications_as_the_domain_rules_say() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let jia = store
        .add_establishment(&facts("甲", "熊岳镇"), "T")
        .unwrap();
    let bing = store
        .add_establishment(&facts("丙", "熊岳镇"), "T")
        .unwrap();
    let yi = store
        .add_establishment(&facts("乙", "芦屯镇"), "T")
        .unwrap();
    let catalog = Catalog::shipped();
    let checklist = catalog.get("catering-daily").unwrap();
    let hash = store.put_checklist_version(checklist).unwrap();
    let utc = |m, d| Utc.with_ymd_and_hms(2026, m, d, 2, 0, 0).unwrap();
    let june = final_inspection("june", &jia.id, &hash, utc(6, 10), None);
    let june_bing = final_inspection("june-bing", &bing.id, &hash, utc(6, 12), None);
    let may = final_inspection("may", &jia.id, &hash, utc(5, 10), None);
    let away = final_inspection("away", &yi.id, &hash, utc(6, 10), None);
    let answers = vec![
        answer("1.1", Verdict::Pass, ""),
        answer("2.1", Verdict::NotApplicable, ""),
        answer("3.1", Verdict::Fail, "无许可证"),
        answer("2.2", Verdict::Fail, "地面积水"),
        // An item the checklist version does not have is not counted.
        answer("gone", Verdict::Fail, "旧版条目"),
    ];
    let rectifications = [
        rectification("r1", &june, "3.1", (7, 5), true),
        rectification("r2", &june_bing, "2.2", (7, 5), true),
        rectification("r3", &june, "2.2", (6, 20), false),
        // Closed, and ordered before the period: not in it.
        rectification("r4", &may, "2.3", (5, 20), false),
        // Still open, though ordered before the period: in it.
        rectification("r5", &may, "4.1", (6, 1), true),
        // Another town.
        rectification("r6", &away, "3.1", (6, 1), true),
    ];
    let records = vec![
        (june.clone(), answers.clone()),
        (june_bing.clone(), Vec::new()),
        (may.clone(), Vec::new()),
        (away.clone(), answers.clone()),
    ];
    store
        .insert_final_records(&records, &rectifications)
        .unwrap();

    let period = Period {
        from: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        town: Some("熊岳镇".into()),
    };
    let data = store.period_data(&period).unwrap();
    let june = &data.inspections[0];
    assert_eq!(june.inspection.id, "june");
    assert_eq!(june.tally, rules::tally(checklist, &answers));
    assert_eq!(june.tally.key_failed, 1);
    assert_eq!(june.tally.general_failed, 1);
    let failed: Vec<(&str, bool, &str)> = june
        .failed
        .iter()
        .map(|f| (f.number.as_str(), f.key, f.note.as_str()))
        .collect();
    assert_eq!(
        failed,
        [("2.2", false, "地面积水"), ("3.1", true, "无许可证")],
        "in the checklist's order, with the inspector's notes"
    );

    let orders: Vec<(&str, &str, bool)> = data
        .rectifications
        .iter()
        .map(|r| (r.inspection_id.as_str(), r.item_number.as_str(), r.open))
        .collect();
    // By deadline, then establishment name (丙 sorts before 甲), then item.
    assert_eq!(
        orders,
        [
            ("may", "4.1", true),
            ("june", "2.2", false),
            ("june-bing", "2.2", true),
            ("june", "3.1", true),
        ]
    );
    assert_eq!(
        data.rectifications[1].closed_on,
        NaiveDate::from_ymd_opt(2026, 6, 25)
    );
}
