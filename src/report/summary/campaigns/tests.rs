//! The campaign section against a hand-counted fixture (the district of `summary/tests.rs`).

use std::collections::HashSet;

use super::{CampaignPlan, campaign_sections};
use crate::domain::establishment::EstablishmentKind;
use crate::domain::planning::campaign::Campaign;
use crate::report::summary::tests::{day, district};

/// 校园 from 1 March to 31 May: the school-related a, b, c and e.
fn campus() -> CampaignPlan {
    use EstablishmentKind::*;
    CampaignPlan {
        campaign: Campaign {
            id: "campus".into(),
            name: "校园食品安全守护行动".into(),
            from: day(3, 1),
            to: day(5, 31),
            kinds: vec![SchoolCanteen, KindergartenCanteen, CampusShop],
            targets: Vec::new(),
            checklists: vec!["school-canteen".into()],
            target_count: None,
            inspectors: Vec::new(),
        },
        targets: ["a", "b", "c", "e"].map(String::from).to_vec(),
    }
}

#[test]
fn a_campaigns_targets_and_counts_match_the_hand_count() {
    // Tagged: 1 (a, 3/1, 基本符合, one general item failed, an order open) and 2 (a, 5/1,
    // 符合). Not tagged: 3 (d is no target) and 4 (e, but on 6/1, after the campaign).
    let s = &campaign_sections(&district(), &[campus()], &HashSet::new())[0];
    assert_eq!((s.covered, s.targets), (1, 4));
    assert_eq!(s.inspections, 2);
    assert_eq!(s.outcomes, [1, 1, 0]);
    assert_eq!(s.failures.len(), 1);
    assert_eq!(
        (s.failures[0].number.as_str(), s.failures[0].count),
        ("1.1", 1)
    );
    assert_eq!((s.rectifications_ordered, s.rectifications_open), (1, 1));
    assert_eq!(s.cases.len(), 1);
    assert_eq!(s.cases[0].serial, "S-1");
    assert_eq!(s.not_covered, ["单位b", "单位c", "单位e"]);
}

#[test]
fn an_untagged_inspection_leaves_the_campaign() {
    let untagged = HashSet::from([("1".to_string(), "campus".to_string())]);
    let s = &campaign_sections(&district(), &[campus()], &untagged)[0];
    assert_eq!((s.covered, s.inspections), (1, 1));
    assert_eq!(s.outcomes, [1, 0, 0]);
    assert!(s.failures.is_empty() && s.cases.is_empty());
    assert_eq!(s.rectifications_ordered, 0);
}

#[test]
fn a_campaign_outside_the_period_has_no_section() {
    let mut plan = campus();
    plan.campaign.from = day(7, 1);
    plan.campaign.to = day(8, 25);
    assert!(campaign_sections(&district(), &[plan], &HashSet::new()).is_empty());
}
