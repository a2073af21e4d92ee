//! Inspections in the store: answers saved one by one, finalization with serial numbers and
//! outcome, read-only final records, revisions, rectifications and follow-ups.

use crate::support::store;
use crate::support::store::FinalizeAsAuthor;
use chrono::NaiveDate;
use shian::checklists::Catalog;
use shian::domain::inspection::{Conclusion, InspectionKind, Status};
use shian::domain::outcome::{Handling, Outcome, Verdict};
use shian::store::{Store, StoreError};

use crate::support::store::{answer, school, start_draft, sun, zhou};

struct Fixture {
    dir: tempfile::TempDir,
    store: Store,
    establishment: String,
    catalog: Catalog,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let establishment = store
        .add_establishment(&school(), "AB12CD")
        .expect("add")
        .id;
    Fixture {
        dir,
        store,
        establishment,
        catalog: Catalog::shipped(),
    }
}

fn start(f: &mut Fixture, kind: InspectionKind, day: u32) -> String {
    start_draft(
        &mut f.store,
        &f.establishment,
        kind,
        vec![zhou(), sun()],
        day,
    )
}

/// Each answer saved in turn, as the form saves them.
fn answer_all(f: &mut Fixture, id: &str, answers: &[(&str, Verdict)]) {
    for (item, verdict) in answers {
        f.store
            .save_answer(id, &answer(item, *verdict))
            .expect("save");
    }
}

#[test]
fn a_draft_saves_each_answer_and_resumes_at_the_current_item() {
    let mut f = fixture();
    let id = start(&mut f, InspectionKind::Routine, 2);
    answer_all(
        &mut f,
        &id,
        &[
            ("1.1", Verdict::Pass),
            ("3.1", Verdict::Fail),
            ("3.1", Verdict::Pass),
        ],
    );
    f.store.set_current_item(&id, "4.1").expect("position");
    let answers = f.store.answers(&id).expect("answers");
    assert_eq!(answers.len(), 2);
    assert!(answers.iter().all(|a| a.verdict == Verdict::Pass));
    assert_eq!(
        f.store
            .inspection(&id)
            .expect("get")
            .current_item
            .as_deref(),
        Some("4.1")
    );
    f.store.clear_answer(&id, "1.1").expect("clear");
    assert_eq!(f.store.answers(&id).expect("answers").len(), 1);

    // The keypress that answers and moves on: both in one commit, both on disk.
    f.store
        .save_answer_and_move(&id, &answer("4.1", Verdict::Fail), "4.2")
        .expect("save and move");
    let reopened = Store::open(f.dir.path()).expect("reopen");
    let answers = reopened.answers(&id).expect("answers");
    assert!(
        answers
            .iter()
            .any(|a| a.item_id == "4.1" && a.verdict == Verdict::Fail)
    );
    let draft = reopened.inspection(&id).expect("get");
    assert_eq!(draft.current_item.as_deref(), Some("4.2"));
}

#[test]
fn finalizing_computes_the_outcome_and_gives_serial_and_year_sequence() {
    let mut f = fixture();
    let first = start(&mut f, InspectionKind::Routine, 2);
    let checklist = f.catalog.get("catering-daily").expect("shipped").clone();
    for item in checklist.items() {
        let verdict = if item.id == "3.1" || item.id == "5.1" {
            Verdict::Fail
        } else {
            Verdict::Pass
        };
        f.store
            .save_answer(&first, &answer(&item.id, verdict))
            .expect("save");
    }
    let conclusion = Conclusion {
        handling: Some(Handling::RectifyByDeadline),
        deadline: NaiveDate::from_ymd_opt(2026, 3, 20),
        ..Default::default()
    };
    let done = f
        .store
        .finalize_as_author(&first, conclusion.clone())
        .expect("finalize");
    assert_eq!(done.status, Status::Final);
    assert_eq!(
        done.serial.as_deref(),
        Some(format!("{}-2026-0001", store::author().station_code()).as_str())
    );
    assert_eq!(done.year_sequence, Some(1));
    // One key item (3.1) failed and 22 of 23 general items passed: 基本符合.
    assert_eq!(done.outcome, Some(Outcome::BasicallyCompliant));
    let record = f.store.inspection_record(&first).expect("record");
    assert_eq!(record.tally.key_failed, 1);
    assert_eq!(record.tally.general_failed, 1);

    let second = start(&mut f, InspectionKind::FollowUp, 21);
    answer_all(
        &mut f,
        &second,
        &[("3.1", Verdict::Pass), ("5.1", Verdict::Fail)],
    );
    let done = f
        .store
        .finalize_as_author(&second, Conclusion::default())
        .expect("finalize");
    assert_eq!(
        done.serial.as_deref(),
        Some(format!("{}-2026-0002", store::author().station_code()).as_str())
    );
    assert_eq!(done.year_sequence, Some(2));
}

#[test]
fn a_draft_with_nothing_judged_cannot_be_finalized() {
    let mut f = fixture();
    let id = start(&mut f, InspectionKind::Routine, 2);
    f.store
        .save_answer(&id, &answer("1.1", Verdict::NotApplicable))
        .expect("save");
    assert!(matches!(
        f.store.finalize_as_author(&id, Conclusion::default()),
        Err(StoreError::NothingChecked { .. })
    ));
    assert_eq!(f.store.inspection(&id).expect("get").status, Status::Draft);
}

#[test]
fn a_final_inspection_is_read_only_even_to_raw_sql() {
    let mut f = fixture();
    let id = start(&mut f, InspectionKind::Routine, 2);
    f.store
        .save_answer(&id, &answer("1.1", Verdict::Pass))
        .expect("save");
    f.store
        .finalize_as_author(&id, Conclusion::default())
        .expect("finalize");
    assert!(matches!(
        f.store.save_answer(&id, &answer("1.1", Verdict::Fail)),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(
        f.store
            .save_answer_and_move(&id, &answer("1.1", Verdict::Fail), "1.2"),
        Err(StoreError::ReadOnly { .. })
    ));
    assert_eq!(
        f.store.answers(&id).expect("answers")[0].verdict,
        Verdict::Pass
    );
    let raw = rusqlite::Connection::open(f.store.path()).expect("raw");
    let err = raw
        .execute(
            "UPDATE answers SET verdict = 'fail' WHERE inspection_id = ?1",
            [&id],
        )
        .expect_err("trigger refuses");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert!(
        raw.execute(
            "UPDATE inspections SET outcome = 'non_compliant' WHERE id = ?1",
            [&id]
        )
        .is_err()
    );
}

#[test]
fn a_correction_is_a_new_revision_and_both_stay_visible() {
    let mut f = fixture();
    let id = start(&mut f, InspectionKind::Routine, 2);
    f.store
        .save_answer(&id, &answer("1.1", Verdict::Pass))
        .expect("save");
    let original = f
        .store
        .finalize_as_author(&id, Conclusion::default())
        .expect("finalize");
    let revision = f
        .store
        .start_revision(&id, "误录：1.1 应为不符合")
        .expect("revise");
    assert_eq!(revision.supersedes.as_deref(), Some(id.as_str()));
    assert_eq!(
        f.store.answers(&revision.id).expect("copied"),
        f.store.answers(&id).expect("original")
    );
    f.store
        .save_answer(&revision.id, &answer("1.1", Verdict::Fail))
        .expect("save");
    let corrected = f
        .store
        .finalize_as_author(&revision.id, Conclusion::default())
        .expect("finalize");
    assert_eq!(
        corrected.serial,
        original.serial.as_ref().map(|s| format!("{s}-r2"))
    );
    assert_eq!(corrected.year_sequence, original.year_sequence);
    let record = f.store.inspection_record(&id).expect("original");
    assert_eq!(record.superseded_by, vec![revision.id.clone()]);
    assert_eq!(record.answers[0].verdict, Verdict::Pass);
}

#[test]
fn a_follow_up_closes_the_rectifications_whose_items_now_pass() {
    let mut f = fixture();
    let id = start(&mut f, InspectionKind::Routine, 2);
    answer_all(
        &mut f,
        &id,
        &[
            ("2.1", Verdict::Fail),
            ("4.3", Verdict::Fail),
            ("1.1", Verdict::Pass),
        ],
    );
    let conclusion = Conclusion {
        handling: Some(Handling::RectifyByDeadline),
        deadline: NaiveDate::from_ymd_opt(2026, 3, 16),
        ..Default::default()
    };
    f.store
        .finalize_as_author(&id, conclusion.clone())
        .expect("finalize");
    assert_eq!(
        f.store
            .open_rectifications(&f.establishment)
            .expect("open")
            .len(),
        2
    );

    let follow_up = start(&mut f, InspectionKind::FollowUp, 17);
    answer_all(
        &mut f,
        &follow_up,
        &[("2.1", Verdict::Pass), ("4.3", Verdict::Fail)],
    );
    f.store
        .finalize_as_author(&follow_up, Conclusion::default())
        .expect("finalize");
    let open = f.store.open_rectifications(&f.establishment).expect("open");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].item_id, "4.3");
    assert_eq!(open[0].follow_up_id.as_deref(), Some(follow_up.as_str()));
}

/// Issue 13: a 复查 that fails an item again under a new written order keeps the one order that
/// item is under; the detail pane listed 4.2 twice with two deadlines.
#[test]
fn a_failed_follow_up_under_a_new_order_keeps_one_rectification_per_item() {
    let mut f = fixture();
    let id = start(&mut f, InspectionKind::Routine, 2);
    answer_all(
        &mut f,
        &id,
        &[("4.3", Verdict::Fail), ("1.1", Verdict::Pass)],
    );
    let order = |day| Conclusion {
        handling: Some(Handling::RectifyByDeadline),
        deadline: NaiveDate::from_ymd_opt(2026, 3, day),
        ..Default::default()
    };
    f.store
        .finalize_as_author(&id, order(16))
        .expect("finalize");
    let follow_up = start(&mut f, InspectionKind::FollowUp, 17);
    answer_all(
        &mut f,
        &follow_up,
        &[("4.3", Verdict::Fail), ("1.1", Verdict::Pass)],
    );
    f.store
        .finalize_as_author(&follow_up, order(31))
        .expect("finalize");
    let open = f.store.open_rectifications(&f.establishment).expect("open");
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].inspection_id, id);
    assert_eq!(open[0].follow_up_id.as_deref(), Some(follow_up.as_str()));
}

/// Issue 13: a 复查 follows an order up; it is not the routine visit the risk grade asks for, so
/// the due list keeps counting from the last routine inspection.
#[test]
fn a_follow_up_does_not_count_toward_the_routine_frequency() {
    let mut f = fixture();
    let routine = start(&mut f, InspectionKind::Routine, 2);
    f.store
        .save_answer(&routine, &answer("4.3", Verdict::Fail))
        .expect("save");
    let order = Conclusion {
        handling: Some(Handling::RectifyByDeadline),
        deadline: NaiveDate::from_ymd_opt(2026, 3, 16),
        ..Default::default()
    };
    f.store
        .finalize_as_author(&routine, order)
        .expect("finalize");
    let follow_up = start(&mut f, InspectionKind::FollowUp, 17);
    f.store
        .save_answer(&follow_up, &answer("4.3", Verdict::Pass))
        .expect("save");
    f.store
        .finalize_as_author(&follow_up, Conclusion::default())
        .expect("finalize");
    let last: Vec<_> = f
        .store
        .last_final_inspections()
        .expect("last")
        .into_iter()
        .filter(|(id, _)| *id == f.establishment)
        .collect();
    assert_eq!(last.len(), 1);
    let routine_start = f.store.inspection(&routine).expect("get").started_at;
    assert_eq!(
        last[0].1, routine_start,
        "the 复查 of day 17 is not the last visit"
    );
}
