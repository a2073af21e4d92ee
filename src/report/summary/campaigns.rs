//! The summary's section per 专项行动 (issue 14, docs/planning.md): targets covered of total,
//! results, the failing items, the rectifications ordered and the named cases of the
//! inspections tagged with the campaign, so the 8/25 and 11/1 reports print straight from
//! shian ("有措施、有数据、有实例").

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::sections::{cases, outcome_slot, top_failures};
use super::{Case, FailureRow};
use crate::domain::establishment::Establishment;
use crate::domain::planning::campaign::Campaign;
use crate::store::{PeriodData, PeriodInspection};

/// A campaign with its targets (establishment ids, from its tasks).
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignPlan {
    pub campaign: Campaign,
    pub targets: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignSection {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// How many targets the office meant to inspect; `None`: all (full coverage).
    pub target_count: Option<u32>,
    /// Targets on the roster (of the town, when one is given).
    pub targets: usize,
    /// Targets with a tagged inspection in the report's period.
    pub covered: usize,
    pub inspections: usize,
    /// In the order of `Outcome::ALL`.
    pub outcomes: [usize; 3],
    pub failures: Vec<FailureRow>,
    pub rectifications_ordered: usize,
    pub rectifications_open: usize,
    pub cases: Vec<Case>,
    /// Names of the targets not inspected yet.
    pub not_covered: Vec<String>,
}

/// Whether `i` counts for `plan`: its establishment is a target, it was started within the
/// campaign's period, and nobody untagged it.
fn tagged(
    plan: &CampaignPlan,
    targets: &HashSet<&str>,
    i: &PeriodInspection,
    untagged: &HashSet<(String, String)>,
) -> bool {
    targets.contains(i.inspection.establishment_id.as_str())
        && plan.campaign.covers(i.date)
        && !untagged.contains(&(i.inspection.id.clone(), plan.campaign.id.clone()))
}

/// One section per campaign whose period meets the report's; `untagged` holds
/// `(inspection id, campaign id)` pairs taken out by an inspector.
pub fn campaign_sections(
    data: &PeriodData,
    plans: &[CampaignPlan],
    untagged: &HashSet<(String, String)>,
) -> Vec<CampaignSection> {
    let by_id: HashMap<&str, &Establishment> = data
        .establishments
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    plans
        .iter()
        .filter(|p| p.campaign.from <= data.period.to && p.campaign.to >= data.period.from)
        .map(|plan| {
            let targets: HashSet<&str> = plan
                .targets
                .iter()
                .map(String::as_str)
                .filter(|id| by_id.contains_key(id))
                .collect();
            let mine: Vec<PeriodInspection> = data
                .inspections
                .iter()
                .filter(|i| tagged(plan, &targets, i, untagged))
                .cloned()
                .collect();
            let covered: HashSet<&str> = mine
                .iter()
                .map(|i| i.inspection.establishment_id.as_str())
                .collect();
            let mut outcomes = [0; 3];
            for slot in mine
                .iter()
                .filter_map(|i| i.inspection.outcome.and_then(outcome_slot))
            {
                outcomes[slot] += 1;
            }
            let serials: HashSet<&str> = mine
                .iter()
                .filter_map(|i| i.inspection.serial.as_deref())
                .collect();
            let orders: Vec<_> = data
                .rectifications
                .iter()
                .filter(|r| r.serial.as_deref().is_some_and(|s| serials.contains(s)))
                .collect();
            let mut not_covered: Vec<String> = targets
                .iter()
                .filter(|id| !covered.contains(*id))
                .filter_map(|id| by_id.get(id).map(|e| e.facts.name.clone()))
                .collect();
            not_covered.sort();
            CampaignSection {
                name: plan.campaign.name.clone(),
                from: plan.campaign.from,
                to: plan.campaign.to,
                target_count: plan.campaign.target_count,
                targets: targets.len(),
                covered: covered.len(),
                inspections: mine.len(),
                outcomes,
                failures: top_failures(&mine),
                rectifications_ordered: orders.len(),
                rectifications_open: orders.iter().filter(|r| r.open).count(),
                cases: cases(&mine, &by_id),
                not_covered,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
