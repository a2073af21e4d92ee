//! The numbers of a period summary, computed from what the store gathered: coverage of the
//! school-related kinds, results, the items failing most often, 明厨亮灶, rectifications,
//! inspections due by risk grade, and the worst cases. Pure and in domain terms, so the
//! command line and (later) a TUI screen show the same numbers.

pub mod campaigns;
mod sections;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::domain::establishment::{BrightKitchen, Establishment, EstablishmentKind, RiskGrade};
use crate::domain::outcome::{Handling, Outcome};
use crate::domain::rectification_cycle::Cycle;
use crate::store::{FailedItem, PeriodData};
use sections::{bright_kitchen, cases, grades, outcome_slot, rectifications, top_failures};

/// Full inspections a year by risk grade, from the one setting (docs/settings.md).
pub use crate::domain::frequencies::Frequencies;

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
    /// Orders, closings, 复查不合格 and escalations of the period (issue 13).
    pub cycle: Cycle,
    /// One section per 专项行动 of the period (`campaigns.rs`); filled by the caller, which
    /// knows the campaigns.
    pub campaigns: Vec<campaigns::CampaignSection>,
}

/// Inspections per establishment that count toward the risk grade's frequency: a 复查 follows
/// an order up and is not one (issue 13; docs/reports.md).
fn routine_visits(data: &PeriodData) -> HashMap<&str, usize> {
    data.inspections
        .iter()
        .filter(|i| i.inspection.kind != crate::domain::inspection::InspectionKind::FollowUp)
        .fold(HashMap::new(), |mut counts, i| {
            *counts
                .entry(i.inspection.establishment_id.as_str())
                .or_default() += 1;
            counts
        })
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
            grades: grades(data, frequencies, &routine_visits(data), &named),
            cases: cases(&data.inspections, &by_id),
            cycle: Cycle::of(&data.cases, period.from, period.to),
            campaigns: Vec::new(),
        }
    }
}
