//! The sign-off rules of issue 18 where the store makes a record final: a result set against
//! the computed one needs its reason and is kept with it; every kind but 飞行检查 and 复查
//! covers the whole checklist (合理缺项 counts), and the record says it was made under these
//! rules (docs/outcome.md).

use shian::checklists::Catalog;
use shian::domain::final_check::FinalProblem;
use shian::domain::inspection::{Conclusion, InspectionKind, Status};
use shian::domain::outcome::{Handling, Outcome, Verdict};
use shian::domain::sign_off::{OutcomeOverride, RULES_VERSION, SignOffProblem};
use shian::store::{Store, StoreError};

use crate::support::store::{answer, author, restaurant, signed_off, start_draft, sun, zhou};

/// The finalize as the review asks it, without answering anything for the test (unlike
/// `FinalizeAsAuthor`, which covers the rest of the checklist).
fn finalize(
    store: &mut Store,
    id: &str,
    conclusion: Conclusion,
) -> shian::store::Result<shian::domain::inspection::Inspection> {
    let key = author();
    store.finalize_inspection(
        id,
        &signed_off(conclusion),
        key.signing_key(),
        chrono::Utc::now(),
    )
}

fn store() -> (tempfile::TempDir, Store, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let facts = restaurant();
    let id = store.add_establishment(&facts, "AB12CD").expect("add").id;
    (dir, store, id)
}

/// A catering-daily draft with 1.1 passed and 3.1 failed; with `all`, every other item
/// answered too (passed, or 合理缺项 when `na`).
fn draft(
    store: &mut Store,
    establishment: &str,
    kind: InspectionKind,
    rest: Option<Verdict>,
) -> String {
    let id = start_draft(store, establishment, kind, vec![zhou(), sun()], 2);
    store
        .save_answer(&id, &answer("1.1", Verdict::Pass))
        .expect("save");
    store
        .save_answer(&id, &answer("3.1", Verdict::Fail))
        .expect("save");
    if let Some(verdict) = rest {
        let checklist = Catalog::shipped()
            .get("catering-daily")
            .expect("shipped")
            .clone();
        for item in checklist.items().filter(|i| i.id != "1.1" && i.id != "3.1") {
            store
                .save_answer(&id, &answer(&item.id, verdict))
                .expect("save");
        }
    }
    id
}

fn refusal(result: shian::store::Result<shian::domain::inspection::Inspection>) -> FinalProblem {
    match result {
        Err(StoreError::NotFinal { problem, .. }) => problem,
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn every_kind_but_flight_and_follow_up_answers_every_item_before_it_is_final() {
    let (_dir, mut store, e) = store();
    for kind in InspectionKind::ALL {
        let id = draft(&mut store, &e, kind, None);
        let result = finalize(&mut store, &id, Conclusion::default());
        if kind.covers_whole_checklist() {
            // The first scored item not answered is named (section 1 holds only 1.1).
            assert_eq!(
                refusal(result),
                FinalProblem::SignOff(SignOffProblem::Uncovered { item: "2.1".into() }),
                "{kind:?}"
            );
            assert_eq!(store.inspection(&id).expect("get").status, Status::Draft);
        } else {
            let done = result.expect("finalize");
            assert_eq!(done.status, Status::Final, "{kind:?}");
            assert_eq!(done.conclusion.rules, RULES_VERSION);
        }
    }
    // 合理缺项 counts as covered: the same routine inspection finalizes.
    let id = draft(
        &mut store,
        &e,
        InspectionKind::Routine,
        Some(Verdict::NotApplicable),
    );
    let done = finalize(&mut store, &id, Conclusion::default()).expect("finalize");
    assert_eq!(done.outcome, Some(Outcome::BasicallyCompliant));
    assert_eq!(done.conclusion.rules, RULES_VERSION);
    assert_eq!(store.inspection(&id).expect("get"), done);
}

#[test]
fn a_result_set_against_the_computed_one_is_final_only_with_a_reason_and_keeps_both() {
    let (_dir, mut store, e) = store();
    let id = draft(&mut store, &e, InspectionKind::Routine, Some(Verdict::Pass));
    let set = |reason: &str| Conclusion {
        handling: Some(Handling::Investigate),
        outcome_override: Some(OutcomeOverride {
            computed: Outcome::BasicallyCompliant,
            chosen: Outcome::NonCompliant,
            reason: reason.into(),
        }),
        ..Conclusion::default()
    };
    assert_eq!(
        refusal(finalize(&mut store, &id, set(" "))),
        FinalProblem::SignOff(SignOffProblem::NeedOutcomeReason)
    );
    // Naming another computed result than the answers give is refused too.
    let mut wrong = set("理由");
    if let Some(o) = &mut wrong.outcome_override {
        o.computed = Outcome::Compliant;
    }
    assert!(matches!(
        refusal(finalize(&mut store, &id, wrong)),
        FinalProblem::OutcomeDisagrees { .. }
    ));
    assert_eq!(store.inspection(&id).expect("get").status, Status::Draft);

    let done =
        finalize(&mut store, &id, set("后厨排水沟与卫生间相通，现场综合判断")).expect("finalize");
    let on_disk = store.inspection(&id).expect("get");
    assert_eq!(on_disk, done);
    assert_eq!(on_disk.outcome, Some(Outcome::NonCompliant));
    let kept = on_disk.conclusion.outcome_override.expect("kept");
    assert_eq!(kept.computed, Outcome::BasicallyCompliant);
    assert_eq!(kept.reason, "后厨排水沟与卫生间相通，现场综合判断");
}

/// A correction keeps the rules of the record it corrects: one of a record made before the
/// coverage rule (the demo's, made as older shian made them) may leave an item unanswered; one
/// of a record made under it may not.
#[test]
fn a_correction_is_held_to_the_rules_of_its_original() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("station.key"), "01".repeat(32)).expect("key");
    let demo = std::process::Command::new(env!("CARGO_BIN_EXE_shian"))
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "demo",
            "--establishments",
            "3",
            "--inspections",
            "6",
            "--seed",
            "3",
        ])
        .output()
        .expect("demo");
    assert!(demo.status.success(), "{demo:?}");
    let mut store = Store::open(dir.path()).expect("open");
    let filter = shian::store::InspectionFilter {
        status: Some(Status::Final),
        ..Default::default()
    };
    let older = store
        .inspections(&filter)
        .expect("list")
        .into_iter()
        .map(|s| store.inspection(&s.id).expect("get"))
        .find(|i| i.kind == InspectionKind::Routine)
        .expect("a routine record");
    assert_eq!(older.conclusion.rules, 0);
    let unanswer_one = |store: &mut Store, id: &str| {
        let revision = store.start_revision(id, "误录").expect("revise");
        let first = store.answers(&revision.id).expect("answers")[0]
            .item_id
            .clone();
        store.clear_answer(&revision.id, &first).expect("clear");
        revision.id
    };
    let revision = unanswer_one(&mut store, &older.id);
    let conclusion = older.conclusion.clone();
    let done = finalize(&mut store, &revision, conclusion).expect("its day's rules");
    assert_eq!(done.conclusion.rules, 0);

    // A record made under the rules, corrected the same way, is refused.
    let e = store.inspection(&older.id).expect("get").establishment_id;
    let id = draft(&mut store, &e, InspectionKind::Routine, Some(Verdict::Pass));
    let made = finalize(&mut store, &id, Conclusion::default()).expect("finalize");
    let revision = unanswer_one(&mut store, &made.id);
    assert!(matches!(
        refusal(finalize(&mut store, &revision, made.conclusion)),
        FinalProblem::SignOff(SignOffProblem::Uncovered { .. })
    ));
}
