//! The numbers of a period summary, computed from what the store gathered: coverage of the
//! school-related kinds, results, the items failing most often, 明厨亮灶, rectifications,
//! inspections due by risk grade, and the worst cases. Pure and in domain terms, so the
//! command line and (later) a TUI screen show the same numbers.

use std::collections::{BTreeMap, HashMap};

use chrono::{Days, NaiveDate};

use crate::domain::establishment::{BrightKitchen, Establishment, EstablishmentKind, RiskGrade};
use crate::domain::outcome::{Handling, Outcome};
use crate::store::{FailedItem, PeriodData, PeriodInspection};

/// Full inspections a year by risk grade. The defaults follow the 2016 CFDA rules as many
/// provinces apply them (A ≥ 1, B 2, C 3, D 4); a district with its own rule passes its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frequencies {
    pub a: u32,
    pub b: u32,
    pub c: u32,
    pub d: u32,
}

impl Frequencies {
    pub const DEFAULT: Frequencies = Frequencies {
        a: 1,
        b: 2,
        c: 3,
        d: 4,
    };

    pub fn per_year(&self, grade: RiskGrade) -> u32 {
        match grade {
            RiskGrade::A => self.a,
            RiskGrade::B => self.b,
            RiskGrade::C => self.c,
            RiskGrade::D => self.d,
        }
    }
}

impl Default for Frequencies {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// How many cases (实例) a summary shows.
const CASES: usize = 5;
/// How many of the most often failed items a summary shows.
const TOP_FAILURES: usize = 10;

#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    pub kind: EstablishmentKind,
    pub inspected: usize,
    pub total: usize,
    /// Names of those not inspected in the period.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TownCoverage {
    pub town: String,
    pub inspected: usize,
    pub total: usize,
}

/// Results of one group: counts in the order of `Outcome::ALL`.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeRow<K> {
    pub group: K,
    pub counts: [usize; 3],
}

#[derive(Debug, Clone, PartialEq)]
pub struct FailureRow {
    pub number: String,
    pub text: String,
    pub key: bool,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BrightKitchenRow {
    pub kind: EstablishmentKind,
    /// Counts in the order of `BrightKitchen::ALL`, then not recorded.
    pub forms: [usize; 5],
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub name: String,
    pub town: String,
    pub kind: EstablishmentKind,
    pub last_inspected: Option<NaiveDate>,
}

/// The overdue items of one written order.
#[derive(Debug, Clone, PartialEq)]
pub struct OverdueRectification {
    pub name: String,
    pub serial: String,
    pub deadline: NaiveDate,
    /// Item number and text.
    pub items: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rectifications {
    pub open: usize,
    pub overdue: usize,
    pub ordered_in_period: usize,
    pub closed_of_ordered: usize,
    pub overdue_list: Vec<OverdueRectification>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GradeRow {
    pub grade: RiskGrade,
    pub establishments: usize,
    pub per_year: u32,
    pub expected: usize,
    pub done: usize,
    /// Not inspected within 12 months ÷ frequency of the period's end.
    pub due: Vec<Named>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub name: String,
    pub kind: EstablishmentKind,
    pub town: String,
    pub date: NaiveDate,
    pub serial: String,
    pub outcome: Option<Outcome>,
    pub handling: Option<Handling>,
    pub failed: Vec<FailedItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub town: Option<String>,
    pub inspections: usize,
    pub establishments_inspected: usize,
    pub establishments: usize,
    pub outcomes: [usize; 3],
    pub coverage: Vec<CoverageRow>,
    pub coverage_by_town: Vec<TownCoverage>,
    pub outcomes_by_kind: Vec<OutcomeRow<EstablishmentKind>>,
    pub outcomes_by_town: Vec<OutcomeRow<String>>,
    pub top_failures: Vec<FailureRow>,
    pub bright_kitchen: Vec<BrightKitchenRow>,
    pub lacking_bright_kitchen: Vec<Named>,
    pub rectifications: Rectifications,
    pub grades: Vec<GradeRow>,
    pub cases: Vec<Case>,
}

impl Summary {
    /// The summary of `data` as of the period's last day.
    pub fn compute(data: &PeriodData, frequencies: &Frequencies) -> Summary {
        let period = &data.period;
        let by_id: HashMap<&str, &Establishment> = data
            .establishments
            .iter()
            .map(|e| (e.id.as_str(), e))
            .collect();
        let inspected: HashMap<&str, usize> =
            data.inspections
                .iter()
                .fold(HashMap::new(), |mut counts, i| {
                    *counts
                        .entry(i.inspection.establishment_id.as_str())
                        .or_default() += 1;
                    counts
                });
        let named = |e: &Establishment| Named {
            name: e.facts.name.clone(),
            town: e.facts.town.clone(),
            kind: e.facts.kind,
            last_inspected: data.last_inspected.get(&e.id).copied(),
        };

        let school: Vec<&Establishment> = data
            .establishments
            .iter()
            .filter(|e| e.facts.kind.is_school_related())
            .collect();
        let coverage = EstablishmentKind::ALL
            .into_iter()
            .filter(|k| k.is_school_related())
            .map(|kind| {
                let of_kind: Vec<&&Establishment> =
                    school.iter().filter(|e| e.facts.kind == kind).collect();
                CoverageRow {
                    kind,
                    inspected: of_kind
                        .iter()
                        .filter(|e| inspected.contains_key(e.id.as_str()))
                        .count(),
                    total: of_kind.len(),
                    missing: of_kind
                        .iter()
                        .filter(|e| !inspected.contains_key(e.id.as_str()))
                        .map(|e| e.facts.name.clone())
                        .collect(),
                }
            })
            .collect();
        let mut towns: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for e in &school {
            let slot = towns.entry(e.facts.town.as_str()).or_default();
            slot.1 += 1;
            if inspected.contains_key(e.id.as_str()) {
                slot.0 += 1;
            }
        }
        let coverage_by_town = towns
            .into_iter()
            .map(|(town, (inspected, total))| TownCoverage {
                town: town.to_string(),
                inspected,
                total,
            })
            .collect();

        let mut outcomes = [0; 3];
        let mut by_kind: BTreeMap<EstablishmentKind, [usize; 3]> = BTreeMap::new();
        let mut by_town: BTreeMap<String, [usize; 3]> = BTreeMap::new();
        for i in &data.inspections {
            let Some(slot) = i.inspection.outcome.and_then(outcome_slot) else {
                continue;
            };
            outcomes[slot] += 1;
            if let Some(e) = by_id.get(i.inspection.establishment_id.as_str()) {
                by_kind.entry(e.facts.kind).or_default()[slot] += 1;
                by_town.entry(e.facts.town.clone()).or_default()[slot] += 1;
            }
        }

        Summary {
            from: period.from,
            to: period.to,
            town: period.town.clone(),
            inspections: data.inspections.len(),
            establishments_inspected: inspected.len(),
            establishments: data.establishments.len(),
            outcomes,
            coverage,
            coverage_by_town,
            outcomes_by_kind: by_kind
                .into_iter()
                .map(|(group, counts)| OutcomeRow { group, counts })
                .collect(),
            outcomes_by_town: by_town
                .into_iter()
                .map(|(group, counts)| OutcomeRow { group, counts })
                .collect(),
            top_failures: top_failures(&data.inspections),
            bright_kitchen: bright_kitchen(&data.establishments),
            lacking_bright_kitchen: data
                .establishments
                .iter()
                .filter(|e| e.facts.kind.needs_bright_kitchen())
                .filter(|e| matches!(e.facts.bright_kitchen, None | Some(BrightKitchen::None)))
                .map(named)
                .collect(),
            rectifications: rectifications(data, &by_id),
            grades: grades(data, frequencies, &inspected, &named),
            cases: cases(&data.inspections, &by_id),
        }
    }
}

fn outcome_slot(outcome: Outcome) -> Option<usize> {
    Outcome::ALL.iter().position(|o| *o == outcome)
}

fn top_failures(inspections: &[PeriodInspection]) -> Vec<FailureRow> {
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

fn bright_kitchen(establishments: &[Establishment]) -> Vec<BrightKitchenRow> {
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

fn rectifications(data: &PeriodData, by_id: &HashMap<&str, &Establishment>) -> Rectifications {
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

fn grades(
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
            let interval = Days::new(365 / u64::from(per_year.max(1)));
            let due = of_grade
                .iter()
                .filter(|e| {
                    data.last_inspected
                        .get(&e.id)
                        .is_none_or(|last| *last + interval <= period.to)
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

fn cases(inspections: &[PeriodInspection], by_id: &HashMap<&str, &Establishment>) -> Vec<Case> {
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
