//! Issue 13: the summary's rectification figures for March 2026 against a district counted by
//! hand (below), on a real store: orders issued, closed on time, closed late, 复查不合格 and
//! escalated, with the establishments named; and a 复查 not counted toward the frequency.
//!
//! | place | order (deadline) | 复查 | counts in March |
//! |---|---|---|---|
//! | A 星帆 | 3-02: 4.3, 4.4 (3-16) | 3-10 both pass | order, 2 items; 2 on time |
//! | B 海之味 | 3-03: 4.3 (3-10) | 3-20 pass | order, 1 item; 1 late |
//! | C 渔火 | 3-04: 4.3, 4.4 (3-14) | 3-12 4.3 fails (调查), 4.4 passes | order, 2 items; 1 on time, 1 复查不合格, 1 escalated |
//! | D 青禾 | 3-05: 4.3 (3-20) | 3-15 fails, new deadline 3-30; 3-25 passes | order, 1 item; 1 复查不合格; 1 on time (3-30) |
//! | E 明珠 | 2-20: 4.3 (3-05) | 3-03 passes | 1 on time (the order is February's) |
//! | F 金沙 | 3-28: 4.3 (4-10) | none | order, 1 item |
//! | G 银滩 | 3-06: 4.3 passed (通过) | none | no order |
//!
//! Orders 5 (7 items); on time 5 (A, C, D, E); late 1 (B); 复查不合格 2 (C, D); escalated 1 (C).
//! Routine visits of the period 6 (A B C D F G), 复查 6.

use crate::support::store::FinalizeAsAuthor;
use chrono::{NaiveDate, TimeZone, Utc};
use shian::checklists::Catalog;
use shian::domain::establishment::{EstablishmentFacts, EstablishmentKind, RiskGrade};
use shian::domain::inspection::{Conclusion, InspectionKind};
use shian::domain::outcome::{Handling, Verdict};
use shian::i18n::Lang;
use shian::report::{Frequencies, Summary, render_summary};
use shian::store::{NewInspection, Period, Store};

use crate::support::store::{answer, sun, zhou};

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).expect("date")
}

fn place(store: &mut Store, name: &str) -> String {
    let facts = EstablishmentFacts {
        name: name.into(),
        kind: EstablishmentKind::Restaurant,
        address: "鲅鱼圈区红海街道".into(),
        town: "红海街道".into(),
        person_in_charge: "王晓梅".into(),
        phone: String::new(),
        license_no: String::new(),
        credit_code: String::new(),
        risk_grade: Some(RiskGrade::C),
        bright_kitchen: None,
    };
    store.add_establishment(&facts, "AB12CD").expect("add").id
}

/// A final catering-daily inspection at 09:30 Beijing time on the day, answering 4.3 and 4.4
/// (and 1.1 passed, so a 复查 that answers nothing else still has a result).
fn visit(
    store: &mut Store,
    place: &str,
    kind: InspectionKind,
    (month, day): (u32, u32),
    answers: &[(&str, Verdict)],
    conclusion: Conclusion,
) {
    let checklist = Catalog::shipped()
        .get("catering-daily")
        .expect("shipped")
        .clone();
    let id = store
        .start_inspection(NewInspection {
            establishment_id: place,
            checklist: &checklist,
            kind,
            station: "AB12CD",
            bureau: "营口市鲅鱼圈区市场监督管理局",
            inspectors: vec![zhou(), sun()],
            started_at: Utc
                .with_ymd_and_hms(2026, month, day, 1, 30, 0)
                .single()
                .expect("time"),
            utc_offset_seconds: 8 * 3600,
        })
        .expect("start")
        .id;
    for (item, verdict) in answers {
        store
            .save_answer(&id, &answer(item, *verdict))
            .expect("save");
    }
    store.finalize_as_author(&id, conclusion).expect("finalize");
}

fn order(month: u32, day: u32) -> Conclusion {
    Conclusion {
        handling: Some(Handling::RectifyByDeadline),
        deadline: Some(date(month, day)),
        ..Default::default()
    }
}

fn handled(handling: Handling) -> Conclusion {
    Conclusion {
        handling: Some(handling),
        ..Default::default()
    }
}

#[test]
fn the_summary_counts_the_cycle_of_a_hand_counted_district() {
    use InspectionKind::{FollowUp, Routine};
    use Verdict::{Fail, Pass};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::open(dir.path()).expect("open");
    let [a, b, c, d, e, f, g] = [
        "A星帆",
        "B海之味",
        "C渔火",
        "D青禾",
        "E明珠",
        "F金沙",
        "G银滩",
    ]
    .map(|name| place(&mut s, name));
    let both_fail = [("4.3", Fail), ("4.4", Fail), ("1.1", Pass)];
    let one_fails = [("4.3", Fail), ("1.1", Pass)];

    visit(&mut s, &a, Routine, (3, 2), &both_fail, order(3, 16));
    visit(
        &mut s,
        &a,
        FollowUp,
        (3, 10),
        &[("4.3", Pass), ("4.4", Pass)],
        handled(Handling::Pass),
    );
    visit(&mut s, &b, Routine, (3, 3), &one_fails, order(3, 10));
    visit(
        &mut s,
        &b,
        FollowUp,
        (3, 20),
        &[("4.3", Pass)],
        handled(Handling::Pass),
    );
    visit(&mut s, &c, Routine, (3, 4), &both_fail, order(3, 14));
    visit(
        &mut s,
        &c,
        FollowUp,
        (3, 12),
        &[("4.3", Fail), ("4.4", Pass)],
        handled(Handling::Investigate),
    );
    visit(&mut s, &d, Routine, (3, 5), &one_fails, order(3, 20));
    visit(
        &mut s,
        &d,
        FollowUp,
        (3, 15),
        &[("4.3", Fail)],
        order(3, 30),
    );
    visit(
        &mut s,
        &d,
        FollowUp,
        (3, 25),
        &[("4.3", Pass)],
        handled(Handling::Pass),
    );
    visit(&mut s, &e, Routine, (2, 20), &one_fails, order(3, 5));
    visit(
        &mut s,
        &e,
        FollowUp,
        (3, 3),
        &[("4.3", Pass)],
        handled(Handling::Pass),
    );
    visit(&mut s, &f, Routine, (3, 28), &one_fails, order(4, 10));
    visit(
        &mut s,
        &g,
        Routine,
        (3, 6),
        &[("4.3", Pass)],
        handled(Handling::Pass),
    );

    let period = Period {
        from: date(3, 1),
        to: date(3, 31),
        town: None,
    };
    let data = s.period_data(&period).expect("period");
    let summary = Summary::compute(&data, &Frequencies::DEFAULT);
    let cycle = &summary.cycle;
    let names = |list: &[&str]| list.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    assert_eq!((cycle.orders.count, cycle.ordered_items), (5, 7));
    assert_eq!(
        cycle.orders.establishments,
        names(&["A星帆", "B海之味", "C渔火", "D青禾", "F金沙"])
    );
    assert_eq!(cycle.closed_on_time.count, 5);
    assert_eq!(
        cycle.closed_on_time.establishments,
        names(&["A星帆", "C渔火", "D青禾", "E明珠"])
    );
    assert_eq!(cycle.closed_late.count, 1);
    assert_eq!(cycle.closed_late.establishments, names(&["B海之味"]));
    assert_eq!(cycle.failed_again.count, 2);
    assert_eq!(
        cycle.failed_again.establishments,
        names(&["C渔火", "D青禾"])
    );
    assert_eq!(cycle.escalated.count, 1);
    assert_eq!(cycle.escalated.establishments, names(&["C渔火"]));

    // The 6 复查 are not visits the grade asks for: 6 of the 12 inspections count.
    assert_eq!(summary.inspections, 12);
    let grade_c = summary
        .grades
        .iter()
        .find(|row| row.grade == RiskGrade::C)
        .expect("grade C");
    assert_eq!(grade_c.done, 6);

    let html = render_summary(&summary, Lang::Zh).expect("render");
    assert!(html.contains("转依法调查处理"), "{html}");
    assert!(html.contains("5 份（7 项）"));
    assert!(html.contains("复查是对整改的跟进，不计入按风险等级的检查频次"));
}
