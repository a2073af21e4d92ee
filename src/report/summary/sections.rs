//! The parts of a summary that take more than a count: the most failed items, 明厨亮灶 forms,
//! rectifications, inspections due by grade, and the worst cases.

use std::collections::HashMap;

use crate::domain::frequencies::overdue_days;

use super::{
    BrightKitchenRow, Case, FailureRow, Frequencies, GradeRow, Named, OverdueRectification,
    Rectifications,
};
use crate::domain::establishment::{BrightKitchen, Establishment, EstablishmentKind, RiskGrade};
use crate::domain::outcome::Outcome;
use crate::store::{PeriodData, PeriodInspection};

/// How many cases (实例) a summary shows.
const CASES: usize = 5;
/// How many of the most often failed items a summary shows.
const TOP_FAILURES: usize = 10;

pub(super) fn outcome_slot(outcome: Outcome) -> Option<usize> {
    Outcome::ALL.iter().position(|o| *o == outcome)
}

pub(super) fn top_failures(inspections: &[PeriodInspection]) -> Vec<FailureRow> {
    // Items are told apart by number and wording: the same number means different things in
    // different checklists.
    let mut counts: HashMap<(&str, &str), (bool, usize)> = HashMap::new();
    for item in inspections.iter().flat_map(|i| &i.failed) {
        counts
            .entry((item.number.as_str(), item.text.as_str()))
            .or_insert((item.key, 0))
            .1 += 1;
    }
    let mut rows: Vec<FailureRow> = counts
        .into_iter()
        .map(|((number, text), (key, count))| FailureRow {
            number: number.to_string(),
            text: text.to_string(),
            key,
            count,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.number.cmp(&b.number))
            .then_with(|| a.text.cmp(&b.text))
    });
    rows.truncate(TOP_FAILURES);
    rows
}

pub(super) fn bright_kitchen(establishments: &[Establishment]) -> Vec<BrightKitchenRow> {
    EstablishmentKind::ALL
        .into_iter()
        .filter(|k| k.needs_bright_kitchen())
        .map(|kind| {
            let mut forms = [0; 5];
            let mut total = 0;
            for e in establishments.iter().filter(|e| e.facts.kind == kind) {
                total += 1;
                let slot = e
                    .facts
                    .bright_kitchen
                    .and_then(|f| BrightKitchen::ALL.iter().position(|b| *b == f))
                    .unwrap_or(4);
                forms[slot] += 1;
            }
            BrightKitchenRow { kind, forms, total }
        })
        .collect()
}

pub(super) fn rectifications(
    data: &PeriodData,
    by_id: &HashMap<&str, &Establishment>,
) -> Rectifications {
    let period = &data.period;
    let mut out = Rectifications::default();
    for r in &data.rectifications {
        let in_period = (period.from..=period.to).contains(&r.ordered_on);
        if in_period {
            out.ordered_in_period += 1;
            if !r.open {
                out.closed_of_ordered += 1;
            }
        }
        if !r.open {
            continue;
        }
        out.open += 1;
        if let Some(deadline) = r.deadline.filter(|d| *d < period.to) {
            out.overdue += 1;
            let serial = r.serial.clone().unwrap_or_default();
            let item = (r.item_number.clone(), r.item_text.clone());
            match out
                .overdue_list
                .iter_mut()
                .find(|o| o.serial == serial && o.deadline == deadline)
            {
                Some(order) => order.items.push(item),
                None => out.overdue_list.push(OverdueRectification {
                    name: by_id
                        .get(r.establishment_id.as_str())
                        .map(|e| e.facts.name.clone())
                        .unwrap_or_default(),
                    serial,
                    deadline,
                    items: vec![item],
                }),
            }
        }
    }
    out
}

pub(super) fn grades(
    data: &PeriodData,
    frequencies: &Frequencies,
    inspected: &HashMap<&str, usize>,
    named: &dyn Fn(&Establishment) -> Named,
) -> Vec<GradeRow> {
    let period = &data.period;
    let days = (period.to - period.from).num_days() + 1;
    RiskGrade::ALL
        .into_iter()
        .map(|grade| {
            let per_year = frequencies.per_year(grade);
            let of_grade: Vec<&Establishment> = data
                .establishments
                .iter()
                .filter(|e| e.facts.risk_grade == Some(grade))
                .collect();
            let due = of_grade
                .iter()
                .filter(|e| {
                    let last = data.last_inspected.get(&e.id).copied();
                    overdue_days(last, per_year, period.to).is_some()
                })
                .map(|e| named(e))
                .collect();
            // Rounded to the nearest whole inspection, in integers.
            let expected = (of_grade.len() as i64 * i64::from(per_year) * days + 182) / 365;
            GradeRow {
                grade,
                establishments: of_grade.len(),
                per_year,
                expected: usize::try_from(expected).unwrap_or(0),
                done: of_grade
                    .iter()
                    .map(|e| inspected.get(e.id.as_str()).copied().unwrap_or(0))
                    .sum(),
                due,
            }
        })
        .collect()
}

pub(super) fn cases(
    inspections: &[PeriodInspection],
    by_id: &HashMap<&str, &Establishment>,
) -> Vec<Case> {
    let mut worst: Vec<&PeriodInspection> = inspections
        .iter()
        .filter(|i| !i.failed.is_empty())
        .collect();
    worst.sort_by(|a, b| {
        let rank = |i: &PeriodInspection| {
            (
                i.inspection.outcome,
                i.tally.key_failed,
                i.failed.len(),
                i.date,
            )
        };
        rank(b)
            .cmp(&rank(a))
            .then_with(|| a.inspection.id.cmp(&b.inspection.id))
    });
    worst
        .into_iter()
        .take(CASES)
        .filter_map(|i| {
            let e = by_id.get(i.inspection.establishment_id.as_str())?;
            Some(Case {
                name: e.facts.name.clone(),
                kind: e.facts.kind,
                town: e.facts.town.clone(),
                date: i.date,
                serial: i.inspection.serial.clone().unwrap_or_default(),
                outcome: i.inspection.outcome,
                handling: i.inspection.conclusion.handling,
                failed: i.failed.clone(),
            })
        })
        .collect()
}
