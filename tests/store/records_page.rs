//! The records screen's query: the newest page of inspections and how many match in all, with
//! the establishments a typed name found as a filter (issue 7).

use crate::support::store::FinalizeAsAuthor;
use chrono::{NaiveDate, Utc};
use shian::domain::establishment::{EstablishmentFacts, EstablishmentKind};
use shian::domain::inspection::{Answer, Conclusion, InspectionKind, Status};
use shian::domain::outcome::Verdict;
use shian::store::{InspectionFilter, Store};

use crate::support::store::{start_draft, sun, zhou};

fn facts(name: &str, license_no: &str) -> EstablishmentFacts {
    EstablishmentFacts {
        name: name.into(),
        kind: EstablishmentKind::Restaurant,
        address: "鲅鱼圈区红海街道云帆街88号".into(),
        town: "红海街道".into(),
        person_in_charge: "邓海川".into(),
        phone: "13900005226".into(),
        license_no: license_no.into(),
        credit_code: String::new(),
        risk_grade: None,
        bright_kitchen: None,
    }
}

/// A draft started at 09:30 local time on `day` of March 2026.
fn start(store: &mut Store, establishment_id: &str, day: u32) -> String {
    start_draft(
        store,
        establishment_id,
        InspectionKind::Routine,
        vec![zhou(), sun()],
        day,
    )
}

/// Two establishments: the first inspected on 1–12 March, the second on 13–17 March; the
/// first's inspection of 2 March is final.
fn district() -> (tempfile::TempDir, Store, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let fish = store
        .add_establishment(&facts("海之味快餐", "JY22108040073899"), "AB12CD")
        .expect("add")
        .id;
    let buns = store
        .add_establishment(&facts("胖鲸包子铺", "JY22108040073900"), "AB12CD")
        .expect("add")
        .id;
    for day in 1..=12 {
        let id = start(&mut store, &fish, day);
        if day == 2 {
            let answer = Answer {
                item_id: "1.1".into(),
                verdict: Verdict::Pass,
                value: None,
                choice: None,
                note: String::new(),
                answered_at: Utc::now(),
            };
            store.save_answer(&id, &answer).expect("answer");
            store
                .finalize_as_author(&id, Conclusion::default())
                .expect("finalize");
        }
    }
    for day in 13..=17 {
        start(&mut store, &buns, day);
    }
    (dir, store, fish, buns)
}

fn days(page: &shian::store::InspectionPage) -> Vec<u32> {
    use chrono::Datelike;
    page.inspections
        .iter()
        .map(|i| i.started_at.day())
        .collect()
}

#[test]
fn a_page_is_the_newest_inspections_and_the_total_counts_them_all() {
    let (_dir, store, _, _) = district();
    let page = store
        .inspection_page(&InspectionFilter {
            limit: Some(5),
            ..Default::default()
        })
        .expect("page");
    assert_eq!(days(&page), vec![17, 16, 15, 14, 13]);
    assert_eq!(page.total, 17);
    // A filter counts what it matches, not what the page holds.
    let page = store
        .inspection_page(&InspectionFilter {
            from: NaiveDate::from_ymd_opt(2026, 3, 10),
            limit: Some(5),
            ..Default::default()
        })
        .expect("page");
    assert_eq!((page.inspections.len(), page.total), (5, 8));
    let page = store
        .inspection_page(&InspectionFilter {
            status: Some(Status::Final),
            limit: Some(5),
            ..Default::default()
        })
        .expect("page");
    assert_eq!((days(&page), page.total), (vec![2], 1));
}

#[test]
fn the_establishments_a_name_found_filter_beyond_the_page() {
    let (_dir, store, fish, buns) = district();
    let of = |ids: Vec<String>, status: Option<Status>| {
        store
            .inspection_page(&InspectionFilter {
                establishment_ids: Some(ids),
                status,
                limit: Some(3),
                ..Default::default()
            })
            .expect("page")
    };
    // 海之味快餐's inspections are all older than the newest page of everything.
    let page = of(vec![fish.clone()], None);
    assert_eq!((days(&page), page.total), (vec![12, 11, 10], 12));
    assert!(
        page.inspections
            .iter()
            .all(|i| i.establishment == "海之味快餐")
    );
    let page = of(vec![fish.clone()], Some(Status::Final));
    assert_eq!((days(&page), page.total), (vec![2], 1));
    let page = of(vec![fish.clone()], Some(Status::Draft));
    assert_eq!((days(&page), page.total), (vec![12, 11, 10], 11));
    let page = of(vec![buns.clone(), fish], None);
    assert_eq!((days(&page), page.total), (vec![17, 16, 15], 17));
    // Ids of no establishment, or none at all, match nothing.
    let page = of(vec!["no-such-id".into()], None);
    assert_eq!((page.inspections.len(), page.total), (0, 0));
    let page = of(Vec::new(), None);
    assert_eq!((page.inspections.len(), page.total), (0, 0));
    // A name is a value, not SQL.
    let page = of(vec![format!("{buns}' OR '1'='1"), "\"]".into()], None);
    assert_eq!(page.total, 0);
}
