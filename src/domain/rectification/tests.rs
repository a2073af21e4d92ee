use chrono::NaiveDate;

use super::*;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn visit(id: &str, date: NaiveDate, verdict: Verdict, handling: Option<Handling>) -> Visit {
    Visit {
        inspection_id: id.into(),
        serial: Some(format!("3FA9C2-2026-{id}")),
        date,
        verdict,
        value: None,
        choice: None,
        note: String::new(),
        photos: Vec::new(),
        handling,
        deadline: None,
    }
}

fn case(open: bool, follow_ups: Vec<Visit>) -> Case {
    Case {
        rectification: Rectification {
            id: "r1".into(),
            establishment_id: "e1".into(),
            inspection_id: "0001".into(),
            item_id: "4.2".into(),
            deadline: Some(day(11, 15)),
            open,
            follow_up_id: follow_ups.last().map(|v| v.inspection_id.clone()),
            closed_at: None,
        },
        establishment: "星帆小学食堂".into(),
        checklist_id: "school-canteen".into(),
        order: visit(
            "0001",
            day(11, 1),
            Verdict::Fail,
            Some(Handling::RectifyByDeadline),
        ),
        follow_ups,
        decided: false,
    }
}

#[test]
fn only_a_pass_closes_and_a_fail_keeps_the_order() {
    assert_eq!(step(Verdict::Pass), Step::Closes);
    assert_eq!(step(Verdict::Fail), Step::FailsAgain);
    assert_eq!(step(Verdict::NotApplicable), Step::Untouched);
    assert_eq!(step(Verdict::NotChecked), Step::Untouched);
}

#[test]
fn a_failed_follow_up_marks_the_same_rectification_and_after_the_deadline_overdue() {
    let c = case(true, vec![visit("0002", day(11, 10), Verdict::Fail, None)]);
    let before = c.marks(day(11, 12));
    assert!(before.failed_again && !before.overdue);
    let after = c.marks(day(11, 16));
    assert!(after.failed_again && after.overdue);
    assert_eq!(c.closing(), None);
}

#[test]
fn a_new_deadline_set_on_a_failed_follow_up_is_the_one_in_force() {
    let mut again = visit(
        "0002",
        day(11, 10),
        Verdict::Fail,
        Some(Handling::RectifyByDeadline),
    );
    again.deadline = Some(day(11, 30));
    let c = case(true, vec![again.clone()]);
    assert_eq!(c.deadline(), Some(day(11, 30)));
    assert!(!c.marks(day(11, 20)).overdue);
    // Closed on the 25th: late against the first deadline, on time against the one in force.
    let closed = case(
        false,
        vec![again, visit("0003", day(11, 25), Verdict::Pass, None)],
    );
    assert_eq!(closed.closing(), Some(Closing::OnTime));
    assert_eq!(closed.closed_by().unwrap().inspection_id, "0003");
}

#[test]
fn closing_after_the_deadline_is_late_and_an_office_decision_is_its_own() {
    let late = case(false, vec![visit("0002", day(11, 20), Verdict::Pass, None)]);
    assert_eq!(late.closing(), Some(Closing::Late));
    let on_time = case(false, vec![visit("0002", day(11, 15), Verdict::Pass, None)]);
    assert_eq!(on_time.closing(), Some(Closing::OnTime));
    let mut decided = case(false, Vec::new());
    decided.decided = true;
    assert_eq!(decided.closing(), Some(Closing::Decided));
}

#[test]
fn a_follow_up_that_fails_an_item_again_proposes_investigation() {
    assert_eq!(
        proposed_handling(Some(Outcome::BasicallyCompliant), true),
        Handling::Investigate
    );
    assert_eq!(
        proposed_handling(Some(Outcome::Compliant), false),
        Handling::Pass
    );
    let c = case(
        true,
        vec![visit(
            "0002",
            day(11, 10),
            Verdict::Fail,
            Some(Handling::Investigate),
        )],
    );
    assert_eq!(c.escalation().unwrap().inspection_id, "0002");
}
