//! Issue 13: a rectification's history as the store reads it back: the order's finding, each 复查
//! after it, the same rectification kept when an item fails again (with a new deadline), and
//! which orders a 复查 follows up.

use crate::support::store::FinalizeAsAuthor;
use chrono::NaiveDate;
use shian::domain::establishment::{EstablishmentFacts, EstablishmentKind};
use shian::domain::inspection::{Conclusion, InspectionKind};
use shian::domain::outcome::{Handling, Verdict};
use shian::domain::rectification::Closing;
use shian::store::{CaseFilter, Store};

use crate::support::store::{answer, start_draft, sun, zhou};

fn march(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).expect("date")
}

fn order(day: u32) -> Conclusion {
    Conclusion {
        handling: Some(Handling::RectifyByDeadline),
        deadline: Some(march(day)),
        ..Default::default()
    }
}

fn canteen(store: &mut Store) -> String {
    let facts = EstablishmentFacts {
        name: "鲅鱼圈区星帆小学食堂".into(),
        kind: EstablishmentKind::SchoolCanteen,
        address: "鲅鱼圈区红海街道星帆街8号".into(),
        town: "红海街道".into(),
        person_in_charge: "王晓梅".into(),
        phone: String::new(),
        license_no: "JY32108040000001".into(),
        credit_code: String::new(),
        risk_grade: None,
        bright_kitchen: None,
    };
    store.add_establishment(&facts, "AB12CD").expect("add").id
}

fn visit(
    store: &mut Store,
    place: &str,
    kind: InspectionKind,
    day: u32,
    answers: &[(&str, Verdict)],
    c: Conclusion,
) -> String {
    let id = start_draft(store, place, kind, vec![zhou(), sun()], day);
    for (item, verdict) in answers {
        store
            .save_answer(&id, &answer(item, *verdict))
            .expect("save");
    }
    store.finalize_as_author(&id, c).expect("finalize");
    id
}

#[test]
fn a_failed_follow_up_keeps_the_same_case_with_both_visits_and_the_new_deadline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let place = canteen(&mut store);
    let first = visit(
        &mut store,
        &place,
        InspectionKind::Routine,
        2,
        &[
            ("4.3", Verdict::Fail),
            ("4.4", Verdict::Fail),
            ("1.1", Verdict::Pass),
        ],
        order(16),
    );
    let open = store
        .rectification_cases(CaseFilter::Open(Some(&place)))
        .expect("cases");
    assert_eq!(open.len(), 2);
    assert_eq!(open[0].order.note, "现场发现问题");
    assert_eq!(open[0].order.verdict, Verdict::Fail);
    assert_eq!(open[0].checklist_id, "catering-daily");

    // A draft 复查 follows up the open order.
    let draft = start_draft(
        &mut store,
        &place,
        InspectionKind::FollowUp,
        vec![zhou(), sun()],
        10,
    );
    let names = store.follows_up(&draft).expect("follows up");
    assert_eq!(names.len(), 1);
    assert_eq!(names[0].0, first);
    store
        .save_answer(&draft, &answer("4.3", Verdict::Fail))
        .expect("save");
    store
        .save_answer(&draft, &answer("4.4", Verdict::Pass))
        .expect("save");
    store
        .finalize_as_author(&draft, order(31))
        .expect("finalize");

    let open = store
        .rectification_cases(CaseFilter::Open(Some(&place)))
        .expect("cases");
    assert_eq!(
        open.len(),
        1,
        "one rectification for 4.3, not two: {open:?}"
    );
    let case = &open[0];
    assert_eq!(case.rectification.inspection_id, first);
    assert_eq!(case.follow_ups.len(), 1);
    assert_eq!(case.follow_ups[0].inspection_id, draft);
    assert_eq!(
        case.deadline(),
        Some(march(31)),
        "the new deadline is on the same rectification"
    );
    let marks = case.marks(march(20));
    assert!(marks.failed_again && !marks.overdue);
    assert!(case.marks(march(31).succ_opt().expect("day")).overdue);
    assert_eq!(store.follows_up(&draft).expect("follows up")[0].0, first);

    // The next 复查 passes 4.3 after the first deadline but before the new one: on time.
    let closing = visit(
        &mut store,
        &place,
        InspectionKind::FollowUp,
        25,
        &[("4.3", Verdict::Pass)],
        Conclusion {
            handling: Some(Handling::Pass),
            ..Default::default()
        },
    );
    assert!(
        store
            .rectification_cases(CaseFilter::Open(Some(&place)))
            .expect("cases")
            .is_empty()
    );
    let all = store
        .rectification_cases(CaseFilter::Period {
            from: march(1),
            to: march(31),
        })
        .expect("cases");
    assert_eq!(all.len(), 2);
    let item = |id: &str| {
        all.iter()
            .find(|c| c.rectification.item_id == id)
            .expect("case")
    };
    assert_eq!(
        item("4.3").follow_ups.len(),
        2,
        "both visits in its history"
    );
    assert_eq!(
        item("4.3").closed_by().map(|v| v.inspection_id.as_str()),
        Some(closing.as_str())
    );
    assert_eq!(item("4.3").closing(), Some(Closing::OnTime));
    assert_eq!(item("4.4").closing(), Some(Closing::OnTime));
    assert_eq!(store.follows_up(&closing).expect("follows up")[0].0, first);
}
