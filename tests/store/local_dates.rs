//! Dates are shown in the time of the place the inspection was made: an inspection started at
//! 02:00 on 1 July in Beijing (18:00 UTC on 30 June) is listed on 1 July; the JSON keeps the UTC
//! instant and gives the offset beside it (issue 16 item 7).

use crate::support::cli;
use crate::support::district;
use crate::support::store;
use chrono::{TimeZone, Utc};
use shian::checklists::Catalog;
use shian::domain::establishment::{EstablishmentFacts, EstablishmentKind};
use shian::domain::inspection::InspectionKind;
use shian::store::{NewInspection, Store};

#[test]
fn inspections_list_shows_the_local_date_and_json_keeps_utc_with_the_offset() {
    let dir = district::empty_station();
    let mut store = Store::open(dir.path()).unwrap();
    let facts = EstablishmentFacts {
        name: "海之味快餐".into(),
        kind: EstablishmentKind::Restaurant,
        address: "青禾路1号".into(),
        town: "红海街道".into(),
        person_in_charge: String::new(),
        phone: String::new(),
        license_no: "JY32108040012345".into(),
        credit_code: String::new(),
        risk_grade: None,
        bright_kitchen: None,
    };
    let shop = store.add_establishment(&facts, "AB12CD").unwrap();
    let checklist = Catalog::shipped().get("catering-daily").unwrap().clone();
    let id = store
        .start_inspection(NewInspection {
            establishment_id: &shop.id,
            checklist: &checklist,
            kind: InspectionKind::Routine,
            station: "AB12CD",
            bureau: "营口市鲅鱼圈区市场监督管理局",
            inspectors: vec![store::zhou()],
            started_at: Utc.with_ymd_and_hms(2026, 6, 30, 18, 0, 0).unwrap(),
            utc_offset_seconds: 8 * 3600,
        })
        .unwrap()
        .id;
    drop(store);

    let out = cli::shian(dir.path())
        .args(["inspections", "list"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains(&id)).expect("listed");
    assert!(line.starts_with("2026-07-01\t"), "{line}");

    let json = district::inspections(dir.path());
    assert_eq!(json[0]["started_at"], "2026-06-30T18:00:00Z");
    assert_eq!(json[0]["utc_offset_seconds"], 8 * 3600);
}
