use std::collections::HashMap;

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::establishment::EstablishmentFacts;
use crate::domain::inspection::Inspection;
use crate::domain::outcome::Tally;
use crate::store::{FailedItem, Period, PeriodInspection, RectificationRow};

pub(super) fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
}

fn place(
    id: &str,
    kind: EstablishmentKind,
    town: &str,
    grade: RiskGrade,
    bright: Option<BrightKitchen>,
) -> Establishment {
    Establishment {
        id: id.into(),
        revision: 1,
        facts: EstablishmentFacts {
            name: format!("单位{id}"),
            kind,
            address: String::new(),
            town: town.into(),
            person_in_charge: String::new(),
            phone: String::new(),
            license_no: String::new(),
            credit_code: String::new(),
            risk_grade: Some(grade),
            bright_kitchen: bright,
        },
    }
}

fn visit(
    id: &str,
    place: &str,
    date: NaiveDate,
    outcome: Outcome,
    failed: &[bool],
) -> PeriodInspection {
    let at = Utc.from_utc_datetime(&date.and_hms_opt(2, 0, 0).unwrap_or_default());
    PeriodInspection {
        inspection: Inspection {
            outcome: Some(outcome),
            ..Inspection::final_at(id, place, at)
        },
        date,
        checklist_title: "表".into(),
        tally: Tally {
            key_failed: failed.iter().filter(|k| **k).count() as u32,
            general_failed: failed.iter().filter(|k| !**k).count() as u32,
            ..Tally::default()
        },
        failed: failed
            .iter()
            .enumerate()
            .map(|(n, key)| FailedItem {
                item_id: format!("{n}"),
                number: format!("{}.1", n + 1),
                text: format!("条目{n}"),
                key: *key,
                note: String::new(),
                value: None,
                unit: None,
            })
            .collect(),
    }
}

fn order(
    place: &str,
    serial: &str,
    deadline: NaiveDate,
    open: bool,
    item: &str,
) -> RectificationRow {
    RectificationRow {
        establishment_id: place.into(),
        inspection_id: serial.into(),
        serial: Some(serial.into()),
        ordered_on: deadline - chrono::Days::new(15),
        item_number: item.into(),
        item_text: String::new(),
        deadline: Some(deadline),
        open,
        closed_on: None,
    }
}

pub(super) fn district() -> PeriodData {
    use BrightKitchen::{None as NoKitchen, Video};
    use EstablishmentKind::*;
    let establishments = vec![
        place("a", SchoolCanteen, "红海街道", RiskGrade::D, Some(Video)),
        place("b", SchoolCanteen, "熊岳镇", RiskGrade::D, Some(NoKitchen)),
        place("c", KindergartenCanteen, "熊岳镇", RiskGrade::D, None),
        place("d", Restaurant, "熊岳镇", RiskGrade::A, Some(NoKitchen)),
        place("e", CampusShop, "红海街道", RiskGrade::B, None),
    ];
    let inspections = vec![
        visit("1", "a", day(3, 1), Outcome::BasicallyCompliant, &[false]),
        visit("2", "a", day(5, 1), Outcome::Compliant, &[]),
        visit(
            "3",
            "d",
            day(4, 1),
            Outcome::NonCompliant,
            &[true, true, false],
        ),
        visit(
            "4",
            "e",
            day(6, 1),
            Outcome::BasicallyCompliant,
            &[false, false],
        ),
    ];
    let last_inspected = HashMap::from([
        ("a".to_string(), day(5, 1)),
        ("d".to_string(), day(4, 1)),
        ("e".to_string(), day(6, 1)),
        (
            "b".to_string(),
            NaiveDate::from_ymd_opt(2025, 12, 1).unwrap_or_default(),
        ),
    ]);
    PeriodData {
        cases: Vec::new(),
        period: Period {
            from: day(1, 1),
            to: day(6, 30),
            town: None,
        },
        establishments,
        inspections,
        rectifications: vec![
            order("e", "S-4", day(6, 16), true, "1.1"),
            order("e", "S-4", day(6, 16), true, "2.1"),
            order("a", "S-1", day(7, 15), true, "1.1"),
            order("d", "S-3", day(4, 16), false, "3.1"),
        ],
        last_inspected,
    }
}

#[test]
fn coverage_counts_school_related_kinds_and_names_who_is_missing() {
    let s = Summary::compute(&district(), &Frequencies::DEFAULT);
    let canteens = &s.coverage[0];
    assert_eq!(canteens.kind, EstablishmentKind::SchoolCanteen);
    assert_eq!((canteens.inspected, canteens.total), (1, 2));
    assert_eq!(canteens.missing, ["单位b"]);
    assert_eq!(s.coverage.len(), 5, "the five school-related kinds");
    let towns: Vec<_> = s
        .coverage_by_town
        .iter()
        .map(|t| (t.town.as_str(), t.inspected, t.total))
        .collect();
    assert_eq!(towns, [("熊岳镇", 0, 2), ("红海街道", 2, 2)]);
    assert_eq!((s.inspections, s.establishments_inspected), (4, 3));
}

#[test]
fn outcomes_are_counted_by_kind_and_town() {
    let s = Summary::compute(&district(), &Frequencies::DEFAULT);
    assert_eq!(s.outcomes, [1, 2, 1]);
    let canteen = s
        .outcomes_by_kind
        .iter()
        .find(|o| o.group == EstablishmentKind::SchoolCanteen);
    assert_eq!(canteen.map(|o| o.counts), Some([1, 1, 0]));
    let xiongyue = s.outcomes_by_town.iter().find(|o| o.group == "熊岳镇");
    assert_eq!(xiongyue.map(|o| o.counts), Some([0, 0, 1]));
}

#[test]
fn bright_kitchen_lacking_lists_kinds_that_need_it_only() {
    let s = Summary::compute(&district(), &Frequencies::DEFAULT);
    let names: Vec<_> = s
        .lacking_bright_kitchen
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    // b has none, c has no record; the restaurant d is not asked for one.
    assert_eq!(names, ["单位b", "单位c"]);
    let canteens = &s.bright_kitchen[0];
    assert_eq!((canteens.total, canteens.forms), (2, [1, 0, 1, 0, 0]));
}

#[test]
fn overdue_rectifications_are_open_past_their_deadline_and_grouped_by_order() {
    let s = Summary::compute(&district(), &Frequencies::DEFAULT);
    let r = &s.rectifications;
    assert_eq!((r.open, r.overdue), (3, 2));
    assert_eq!(
        r.ordered_in_period, 4,
        "every order of the test falls in the period"
    );
    assert_eq!(r.closed_of_ordered, 1);
    assert_eq!(r.overdue_list.len(), 1);
    assert_eq!(r.overdue_list[0].items.len(), 2);
    assert_eq!(r.overdue_list[0].name, "单位e");
}

#[test]
fn inspections_fall_due_by_grade_frequency() {
    let s = Summary::compute(&district(), &Frequencies::DEFAULT);
    let d = s.grades.iter().find(|g| g.grade == RiskGrade::D);
    let Some(d) = d else { panic!("no D row") };
    assert_eq!((d.establishments, d.per_year, d.done), (3, 4, 2));
    // 3 × 4 a year over 181 days ≈ 5.95.
    assert_eq!(d.expected, 6);
    // a was seen 60 days before the end (every 91 days is enough); b 211 days; c never.
    let due: Vec<_> = d.due.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(due, ["单位b", "单位c"]);
    let a = s.grades.iter().find(|g| g.grade == RiskGrade::A);
    assert_eq!(a.map(|g| g.due.len()), Some(0));
}

#[test]
fn worst_cases_come_first() {
    let s = Summary::compute(&district(), &Frequencies::DEFAULT);
    let order: Vec<_> = s.cases.iter().map(|c| c.serial.as_str()).collect();
    assert_eq!(order, ["S-3", "S-4", "S-1"]);
}
