//! The sign-off rules as `check_final` applies them, on a small checklist: one key item, three
//! general items and a text item. The 70% boundaries are tested where the rule is
//! (src/domain/outcome.rs, src/domain/checklist/rules.rs); here, what the inspectors add.

use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::checklist::{parse_draft, resolve_all};
use crate::domain::final_check::{FinalContext, FinalProblem, check_final};
use crate::domain::inspection::{Inspection, Inspector};
use crate::domain::outcome::Verdict::{Fail, NotApplicable, NotChecked, Pass};

fn checklist(head: &str) -> Checklist {
    let file = format!(
        "id = \"t\"\nversion = \"1\"\ntitle = \"试表\"\napplies_to = [\"超市\"]\n{head}\n\
         [[section]]\nid = \"1\"\ntitle = \"一\"\n\
         [[section.item]]\nid = \"1.1\"\ntext = \"甲\"\nkey = true\n\
         [[section.item]]\nid = \"1.2\"\ntext = \"乙\"\n\
         [[section.item]]\nid = \"1.3\"\ntext = \"丙\"\n\
         [[section.item]]\nid = \"1.4\"\ntext = \"丁\"\n\
         [[section.item]]\nid = \"1.5\"\ntext = \"记录人\"\nkind = \"text\"\n"
    );
    let draft = parse_draft("t.toml", &file).unwrap();
    let (mut all, errors) = resolve_all(vec![draft]);
    assert!(errors.is_empty(), "{errors:?}");
    all.remove(0)
}

fn answer(item: &str, verdict: Verdict) -> Answer {
    Answer {
        item_id: item.into(),
        verdict,
        value: None,
        choice: None,
        note: "现场所见".into(),
        answered_at: Utc.with_ymd_and_hms(2026, 3, 2, 2, 0, 0).unwrap(),
    }
}

/// 1.1 passed, 1.2 failed, 1.3 as given, 1.4 passed: 2 of 3 general items at most, so
/// 基本符合 or 不符合 by the 2016 counts.
fn answers(third: Verdict) -> Vec<Answer> {
    vec![
        answer("1.1", Pass),
        answer("1.2", Fail),
        answer("1.3", third),
        answer("1.4", Pass),
    ]
}

fn record(kind: InspectionKind, conclusion: Conclusion, outcome: Outcome) -> Inspection {
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 1, 30, 0).unwrap();
    let person = |name: &str, badge: &str| Inspector {
        name: name.into(),
        badge: badge.into(),
    };
    Inspection {
        checklist_id: "t".into(),
        kind,
        serial: Some("AB12CD-2026-0001".into()),
        station: "AB12CD".into(),
        bureau: "局".into(),
        inspectors: vec![person("周", "1"), person("孙", "2")],
        outcome: Some(outcome),
        conclusion: Conclusion {
            operator_signatory: "张立新".into(),
            rules: RULES_VERSION,
            ..conclusion
        },
        ..Inspection::final_at("i", "e", at)
    }
}

fn check(c: &Checklist, i: &Inspection, answers: &[Answer]) -> Result<Outcome, FinalProblem> {
    let photos = Default::default();
    let cx = FinalContext {
        items_with_photos: &photos,
        now: Utc.with_ymd_and_hms(2026, 3, 3, 0, 0, 0).unwrap(),
    };
    check_final(c, i, answers, &cx).map(|(outcome, _)| outcome)
}

fn set(computed: Outcome, chosen: Outcome, reason: &str) -> Conclusion {
    Conclusion {
        outcome_override: Some(OutcomeOverride {
            computed,
            chosen,
            reason: reason.into(),
        }),
        ..Conclusion::default()
    }
}

use Outcome::{BasicallyCompliant as Basic, Compliant, NonCompliant};

#[test]
fn under_the_70_rule_the_computed_result_stands_unless_set_with_a_reason() {
    let c = checklist("");
    let a = answers(Pass); // 2 of 3 general items: 66.7% → 不符合
    let plain = record(InspectionKind::Routine, Conclusion::default(), NonCompliant);
    assert_eq!(check(&c, &plain, &a), Ok(NonCompliant));
    // Stating another result without an override is the old disagreement.
    let stated = record(InspectionKind::Routine, Conclusion::default(), Basic);
    assert!(matches!(
        check(&c, &stated, &a),
        Err(FinalProblem::OutcomeDisagrees { .. })
    ));
    // With a reason, the inspectors' result is the record's.
    let overridden = record(
        InspectionKind::Routine,
        set(NonCompliant, Basic, "不符合的一般项已当场改正"),
        Basic,
    );
    assert_eq!(check(&c, &overridden, &a), Ok(Basic));
    // Without one, refused.
    let bare = record(
        InspectionKind::Routine,
        set(NonCompliant, Basic, "  "),
        Basic,
    );
    assert_eq!(
        check(&c, &bare, &a),
        Err(FinalProblem::SignOff(SignOffProblem::NeedOutcomeReason))
    );
}

#[test]
fn an_override_must_name_the_computed_result_and_differ_from_it() {
    let c = checklist("");
    let a = answers(Pass);
    // It claims the counts gave 符合: they gave 不符合.
    let wrong_computed = record(
        InspectionKind::Routine,
        set(Compliant, Basic, "理由"),
        Basic,
    );
    assert!(matches!(
        check(&c, &wrong_computed, &a),
        Err(FinalProblem::OutcomeDisagrees { .. })
    ));
    // "Overriding" with the computed result itself.
    let same = record(
        InspectionKind::Routine,
        set(NonCompliant, NonCompliant, "理由"),
        NonCompliant,
    );
    assert!(matches!(
        check(&c, &same, &a),
        Err(FinalProblem::OutcomeDisagrees { .. })
    ));
    // The record's outcome must be the chosen one.
    let other = record(
        InspectionKind::Routine,
        set(NonCompliant, Basic, "理由"),
        Compliant,
    );
    assert!(matches!(
        check(&c, &other, &a),
        Err(FinalProblem::OutcomeDisagrees { .. })
    ));
}

#[test]
fn under_judgement_finalizing_confirms_the_proposal_and_another_result_needs_a_reason() {
    let c = checklist("outcome = \"judgement\"");
    let a = answers(NotApplicable); // 1 of 2 general items: 50% → proposed 不符合
    let confirmed = record(InspectionKind::Routine, Conclusion::default(), NonCompliant);
    assert_eq!(check(&c, &confirmed, &a), Ok(NonCompliant));
    let judged = record(
        InspectionKind::Routine,
        set(NonCompliant, Basic, "问题轻微，综合判断"),
        Basic,
    );
    assert_eq!(check(&c, &judged, &a), Ok(Basic));
    let unexplained = record(InspectionKind::Routine, set(NonCompliant, Basic, ""), Basic);
    assert_eq!(
        check(&c, &unexplained, &a),
        Err(FinalProblem::SignOff(SignOffProblem::NeedOutcomeReason))
    );
}

#[test]
fn every_kind_but_flight_and_follow_up_covers_every_scored_item() {
    let c = checklist("");
    // 1.3 not checked; the text item 1.5 never counts.
    let partial = answers(NotChecked);
    let covered = answers(NotApplicable);
    for kind in InspectionKind::ALL {
        let computed = |a: &[Answer]| crate::domain::inspection::tally(&c, a).outcome().unwrap();
        let r = record(kind, Conclusion::default(), computed(&partial));
        let expected = if kind.covers_whole_checklist() {
            Err(FinalProblem::SignOff(SignOffProblem::Uncovered {
                item: "1.3".into(),
            }))
        } else {
            Ok(computed(&partial))
        };
        assert_eq!(check(&c, &r, &partial), expected, "{kind:?}");
        // 合理缺项 counts as covered.
        let r = record(kind, Conclusion::default(), computed(&covered));
        assert_eq!(check(&c, &r, &covered), Ok(computed(&covered)), "{kind:?}");
    }
    assert_eq!(
        InspectionKind::ALL.map(InspectionKind::covers_whole_checklist),
        [true, true, false, false, true]
    );
}

#[test]
fn a_record_made_before_the_rules_version_is_not_held_to_coverage_or_the_notice() {
    let c = checklist("form = \"2022\"");
    let a = answers(NotChecked);
    let mut old = record(InspectionKind::Routine, Conclusion::default(), NonCompliant);
    old.conclusion.rules = 0;
    assert_eq!(check(&c, &old, &a), Ok(NonCompliant));
}

#[test]
fn the_2022_form_needs_a_complete_notice_and_the_2016_form_none() {
    let c = checklist("form = \"2022\"");
    let a = answers(Pass);
    let with = |notice: Option<Notice>| {
        let conclusion = Conclusion {
            notice,
            ..Conclusion::default()
        };
        check(
            &c,
            &record(InspectionKind::Routine, conclusion, NonCompliant),
            &a,
        )
    };
    let refused = |p| Err(FinalProblem::SignOff(p));
    assert_eq!(with(None), refused(SignOffProblem::NeedNotice));
    assert_eq!(
        with(Some(Notice::default())),
        refused(SignOffProblem::NoticeShowsNothing)
    );
    let shown = Notice {
        task_letter_shown: true,
        ..Notice::default()
    };
    assert_eq!(with(Some(shown.clone())), Ok(NonCompliant));
    let asked = Notice {
        recusal_requested: true,
        ..shown.clone()
    };
    assert_eq!(
        with(Some(asked.clone())),
        refused(SignOffProblem::NeedRecusalAction)
    );
    let answered = Notice {
        recusal_action: "更换检查人员".into(),
        ..asked
    };
    assert_eq!(with(Some(answered)), Ok(NonCompliant));
    // The 2016 form asks for none.
    let c2016 = checklist("");
    let plain = record(InspectionKind::Routine, Conclusion::default(), NonCompliant);
    assert_eq!(check(&c2016, &plain, &a), Ok(NonCompliant));
}

#[test]
fn members_at_their_default_are_left_out_of_the_record() {
    let c = Conclusion::default();
    let json = serde_json::to_string(&c).unwrap();
    for member in ["outcome_override", "notice", "rules"] {
        assert!(!json.contains(member), "{json}");
    }
    let n = Notice {
        credentials_shown: true,
        ..Notice::default()
    };
    assert!(
        !serde_json::to_string(&n)
            .unwrap()
            .contains("recusal_action")
    );
}
