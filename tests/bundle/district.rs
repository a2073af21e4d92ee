//! The field sees its district (docs/bundle-format.md, section 1): laptop A's inspections reach
//! laptop B through the office, and B's 首页 due list, 必查项, roster detail and
//! `roster list --json` reflect them. Real stations in temporary folders, the real binary for
//! every bundle, the store for what the screens read.

use crate::support::store;
use crate::support::store::answer;
use std::collections::HashMap;
use std::path::Path;

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};
use chrono::{Days, Duration, Local, Utc};
use shian::checklists::Catalog;
use shian::domain::inspection::{Conclusion, InspectionKind};
use shian::domain::outcome::{Handling, Verdict};
use shian::identity::Identity;
use shian::store::{InspectionFilter, NewInspection, Store};
use shian::tui::due::{Frequencies, due};

const QINGHE: &str = "鲅鱼圈区青禾实验小学";
const XINGFAN: &str = "鲅鱼圈区星帆小学";
const LANJING: &str = "鲅鱼圈区蓝鲸小学";

fn id_of(store: &Store, name: &str) -> String {
    store
        .establishments()
        .unwrap()
        .into_iter()
        .find(|e| e.facts.name == name)
        .unwrap()
        .id
}

/// A food-sample inspection at the station in `dir`, started `days_ago`, failing 1.1 (with its
/// photo) when `handling` is not 通过; finalized with the station's own key. Its id.
fn inspect(dir: &Path, name: &str, days_ago: i64, handling: Handling) -> String {
    let identity = Identity::load_or_create(dir).unwrap();
    let mut store = Store::open(dir).unwrap();
    let establishment = id_of(&store, name);
    let catalog = Catalog::shipped();
    let started_at = Utc::now() - Duration::days(days_ago);
    let draft = store
        .start_inspection(NewInspection {
            establishment_id: &establishment,
            checklist: catalog.get("food-sample").unwrap(),
            kind: InspectionKind::Routine,
            station: &identity.station_code(),
            bureau: "营口市鲅鱼圈区市场监督管理局",
            inspectors: vec![store::zhou(), store::sun()],
            started_at,
            utc_offset_seconds: 8 * 3600,
        })
        .unwrap();
    let fails = handling != Handling::Pass;
    let verdict = if fails { Verdict::Fail } else { Verdict::Pass };
    store
        .save_answer(&draft.id, &answer("1.1", verdict))
        .unwrap();
    store
        .save_answer(&draft.id, &answer("2.1", Verdict::Pass))
        .unwrap();
    if fails {
        store
            .attach_photo(
                &draft.id,
                "1.1",
                "留样柜.jpg",
                "image/jpeg",
                b"\xff\xd8\xff",
                started_at,
            )
            .unwrap();
    }
    let conclusion = Conclusion {
        handling: Some(handling),
        deadline: (handling == Handling::RectifyByDeadline)
            .then(|| (started_at + Duration::hours(8)).date_naive() + Days::new(30)),
        ..store::signed_off(Conclusion::default())
    };
    store::cover_the_rest(&store, &draft.id);
    store
        .finalize_inspection(&draft.id, &conclusion, identity.signing_key(), Utc::now())
        .unwrap()
        .id
}

fn roster_json(dir: &Path) -> HashMap<String, serde_json::Value> {
    let text = stdout(shian_en(dir).arg("roster").arg("list").arg("--json"));
    let list: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    list.into_iter()
        .map(|e| (e["name"].as_str().unwrap().to_string(), e))
        .collect()
}

#[test]
fn laptop_b_plans_with_laptop_as_inspections_after_a_round_trip_through_the_office() {
    let tmp = tempfile::tempdir().unwrap();
    let (office, a, b) = (
        tmp.path().join("office"),
        tmp.path().join("a"),
        tmp.path().join("b"),
    );
    // The office's roster: three school canteens, to both laptops.
    import_sample_schools(&office, tmp.path());
    let office_fp = fingerprint(&office);
    import_office_bundle(
        &a,
        &office_bundle(&office, &tmp.path().join("o1")),
        &office_fp,
    );

    // Laptop A: 青禾 yesterday, 1.1 failed and put right on the spot (no order travels with
    // it); 青禾 sixty days ago (neither its latest nor recent); 星帆 a hundred days ago with an
    // order still open.
    let yesterday = inspect(&a, QINGHE, 1, Handling::RectifyOnSite);
    let older = inspect(&a, QINGHE, 60, Handling::Pass);
    let ordered = inspect(&a, XINGFAN, 100, Handling::RectifyByDeadline);
    trust(&office, &a);
    let a_bundle = export(&a, &tmp.path().join("out-a"), &[]);
    stdout(shian_en(&office).arg("import").arg(&a_bundle));

    // A → office → B.
    let district = office_bundle(&office, &tmp.path().join("o2"));
    import_office_bundle(&b, &district, &office_fp);

    let store = Store::open(&b).unwrap();
    let (qinghe, xingfan, lanjing) = (
        id_of(&store, QINGHE),
        id_of(&store, XINGFAN),
        id_of(&store, LANJING),
    );
    let carried: Vec<String> = store
        .inspections(&InspectionFilter::default())
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert!(carried.contains(&yesterday), "the latest, and recent");
    assert!(
        carried.contains(&ordered),
        "the latest, with its open order"
    );
    assert!(
        !carried.contains(&older),
        "neither latest nor of the last 30 days"
    );

    // 首页: 青禾 and 星帆 were inspected (not 从未检查, not due); 蓝鲸 never was.
    let last: HashMap<String, chrono::NaiveDate> = store
        .last_final_inspections()
        .unwrap()
        .into_iter()
        .map(|(id, at)| (id, at.with_timezone(&Local).date_naive()))
        .collect();
    let today = Local::now().date_naive();
    assert!(last[&qinghe] >= today - Days::new(2), "{last:?}");
    let due_ids: Vec<String> = due(
        &store.establishments().unwrap(),
        &last,
        today,
        &Frequencies::default(),
    )
    .into_iter()
    .map(|d| d.establishment_id)
    .collect();
    assert_eq!(due_ids, vec![lanjing.clone()]);

    // 必查项: what failed at A's inspection.
    assert_eq!(
        store.failed_at_last_inspection(&qinghe).unwrap(),
        vec!["1.1".to_string()]
    );
    assert!(
        store
            .failed_at_last_inspection(&lanjing)
            .unwrap()
            .is_empty()
    );

    // The dates as A's inspectors saw them (UTC+8), as the record form prints them.
    let a_day = |days_ago: i64| {
        (Utc::now() - Duration::days(days_ago) + Duration::hours(8))
            .date_naive()
            .to_string()
    };
    // The roster detail: A's inspection and A's open order, and the notice's data.
    let b_code = Identity::load_or_create(&b).unwrap().station_code();
    let a_code = Identity::load_or_create(&a).unwrap().station_code();
    let elsewhere = store
        .inspected_elsewhere(&qinghe, &b_code)
        .unwrap()
        .unwrap();
    assert_eq!(elsewhere.station, a_code);
    assert_eq!(elsewhere.date.to_string(), a_day(1));
    assert_eq!(store.open_rectifications(&xingfan).unwrap().len(), 1);

    // `roster list --json`: the local date (the inspector's, UTC+8) and the open orders.
    let listed = roster_json(&b);
    assert_eq!(listed[QINGHE]["last_inspected"], a_day(1).as_str());
    assert_eq!(listed[QINGHE]["open_rectifications"], 0);
    assert_eq!(listed[XINGFAN]["last_inspected"], a_day(100).as_str());
    assert_eq!(listed[XINGFAN]["open_rectifications"], 1);
    assert!(listed[LANJING]["last_inspected"].is_null());
    assert_eq!(listed[LANJING]["open_rectifications"], 0);
    assert_eq!(listed[LANJING]["id"], lanjing.as_str());

    // B never sends A's records on as its own.
    let own = store.field_export(&b_code, true).unwrap();
    assert!(own.inspections.is_empty(), "{:?}", own.inspections);
    drop(store);

    // Back at A, its own records come in as identical: nothing changes, nothing conflicts.
    let before = dump(&a, &["bundle_log", "sync_marks", "stations"]);
    import_office_bundle(&a, &district, &office_fp);
    assert_eq!(dump(&a, &["bundle_log", "sync_marks", "stations"]), before);
}

#[test]
fn the_office_bundle_carries_the_last_thirty_days_and_each_latest() {
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("office");
    let sample = include_str!("../../data/roster-sample.csv");
    let csv = tmp.path().join("roster.csv");
    std::fs::write(&csv, sample.lines().take(3).collect::<Vec<_>>().join("\n")).unwrap();
    stdout(shian_en(&office).arg("roster").arg("import").arg(&csv));
    // Inspected at the office itself, for brevity: where a record was made does not matter.
    let recent = inspect(&office, QINGHE, 29, Handling::Pass);
    let latest = inspect(&office, QINGHE, 3, Handling::Pass);
    let old = inspect(&office, QINGHE, 31, Handling::Pass);
    let only = inspect(&office, XINGFAN, 400, Handling::Pass);
    let store = Store::open(&office).unwrap();
    let ids = |set: shian::store::ExportSet| -> Vec<String> {
        let mut ids: Vec<String> = set
            .inspections
            .into_iter()
            .map(|e| e.inspection.id)
            .collect();
        ids.sort();
        ids
    };
    let mut want = vec![recent.clone(), latest.clone(), only.clone()];
    want.sort();
    assert_eq!(ids(store.office_export().unwrap()), want);
    // The window is relative to the export: thirty days later only each latest is left.
    let later = Utc::now() + Duration::days(shian::store::OFFICE_RECENT_DAYS);
    let mut want = vec![latest, only];
    want.sort();
    assert_eq!(ids(store.office_export_at(later).unwrap()), want);
    assert!(!want.contains(&old));
}
