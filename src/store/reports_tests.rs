use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::checklists::Catalog;
use crate::domain::establishment::{EstablishmentFacts, EstablishmentKind};
use crate::domain::inspection::{Conclusion, InspectionKind, Status};
use crate::domain::outcome::Outcome;

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
        id: id.into(),
        establishment_id: establishment.into(),
        checklist_id: "catering-daily".into(),
        checklist_hash: hash.into(),
        kind: InspectionKind::Routine,
        status: Status::Final,
        serial: Some(format!("T-{id}")),
        revision: if supersedes.is_some() { 2 } else { 1 },
        supersedes: supersedes.map(str::to_string),
        revision_reason: supersedes.map(|_| "更正".to_string()),
        station: "T".into(),
        bureau: String::new(),
        inspectors: Vec::new(),
        started_at: at,
        utc_offset_seconds: 8 * 3600,
        finalized_at: Some(at),
        outcome: Some(Outcome::Compliant),
        conclusion: Conclusion::default(),
        year_sequence: Some(1),
        current_item: None,
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
