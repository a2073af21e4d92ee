//! Which establishments are due for inspection: by risk-grade frequency (configurable), school
//! canteens and delivery units without 明厨亮灶 first.

/// 首页 lists the open rectifications due within this many days after the overdue ones, so a
/// 复查 is started before the deadline, not only after it (issue 13): a month, which holds the
/// review's default deadline (15 days) from the day the order is given.
pub const FOLLOW_UP_AHEAD_DAYS: u64 = 31;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::establishment::{BrightKitchen, Establishment, EstablishmentKind};
use crate::domain::frequencies::overdue_days;
use crate::store::InspectedElsewhere;

/// Starting an inspection of an establishment that another station inspected this many days ago
/// or less says so (docs/tui.md): two laptops should not inspect one canteen the same week
/// without knowing it.
pub const RECENTLY_INSPECTED_DAYS: i64 = 7;

/// Inspections per year by risk grade: the one setting and rule in src/domain/frequencies.rs.
pub use crate::domain::frequencies::Frequencies;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub establishment_id: String,
    pub name: String,
    pub kind: EstablishmentKind,
    pub last: Option<NaiveDate>,
    /// A school canteen or delivery unit without 明厨亮灶: inspected more often, listed first.
    pub lacks_bright_kitchen: bool,
}

pub fn lacks_bright_kitchen(e: &Establishment) -> bool {
    e.facts.kind.needs_bright_kitchen()
        && matches!(e.facts.bright_kitchen, None | Some(BrightKitchen::None))
}

/// Another station's inspection if it is recent on `today` ([`RECENTLY_INSPECTED_DAYS`]); one
/// dated after `today` (a clock or time zone ahead) counts as recent.
pub fn recently_elsewhere(
    elsewhere: Option<&InspectedElsewhere>,
    today: NaiveDate,
) -> Option<&InspectedElsewhere> {
    elsewhere.filter(|e| (today - e.date).num_days() <= RECENTLY_INSPECTED_DAYS)
}

/// The establishments due on `today`, in the order to visit them.
pub fn due(
    establishments: &[Establishment],
    last: &HashMap<String, NaiveDate>,
    today: NaiveDate,
    freq: &Frequencies,
) -> Vec<Due> {
    let mut due: Vec<(i64, Due)> = establishments
        .iter()
        .filter_map(|e| {
            let lacks = lacks_bright_kitchen(e);
            // One more visit a year where the kitchen cannot be seen from outside.
            let per_year = freq.for_grade(e.facts.risk_grade) + u32::from(lacks);
            let last = last.get(&e.id).copied();
            overdue_days(last, per_year, today).map(|overdue| {
                (
                    overdue,
                    Due {
                        establishment_id: e.id.clone(),
                        name: e.facts.name.clone(),
                        kind: e.facts.kind,
                        last,
                        lacks_bright_kitchen: lacks,
                    },
                )
            })
        })
        .collect();
    due.sort_by(|a, b| {
        b.1.lacks_bright_kitchen
            .cmp(&a.1.lacks_bright_kitchen)
            .then(
                b.1.kind
                    .is_school_related()
                    .cmp(&a.1.kind.is_school_related()),
            )
            .then(b.0.cmp(&a.0))
    });
    due.into_iter().map(|(_, d)| d).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::establishment::{EstablishmentFacts, RiskGrade};

    fn est(
        id: &str,
        kind: EstablishmentKind,
        grade: RiskGrade,
        bk: BrightKitchen,
    ) -> Establishment {
        Establishment {
            id: id.into(),
            revision: 1,
            facts: EstablishmentFacts {
                name: id.into(),
                kind,
                address: String::new(),
                town: String::new(),
                person_in_charge: String::new(),
                phone: String::new(),
                license_no: String::new(),
                credit_code: String::new(),
                risk_grade: Some(grade),
                bright_kitchen: Some(bk),
            },
        }
    }

    #[test]
    fn canteens_without_bright_kitchen_come_first_then_by_frequency() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let list = [
            est(
                "shop",
                EstablishmentKind::FoodStore,
                RiskGrade::A,
                BrightKitchen::None,
            ),
            est(
                "school",
                EstablishmentKind::SchoolCanteen,
                RiskGrade::B,
                BrightKitchen::None,
            ),
            est(
                "video",
                EstablishmentKind::SchoolCanteen,
                RiskGrade::D,
                BrightKitchen::Video,
            ),
            est(
                "recent",
                EstablishmentKind::Restaurant,
                RiskGrade::A,
                BrightKitchen::None,
            ),
        ];
        let mut last = HashMap::new();
        last.insert("recent".to_string(), today - chrono::Days::new(30));
        last.insert("video".to_string(), today - chrono::Days::new(100));
        let due = due(&list, &last, today, &Frequencies::default());
        let ids: Vec<&str> = due.iter().map(|d| d.establishment_id.as_str()).collect();
        // D grade: every 91 days, so 100 days ago is due; A grade 30 days ago is not.
        assert_eq!(ids, vec!["school", "video", "shop"]);
    }

    #[test]
    fn another_stations_inspection_is_recent_for_seven_days() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 10).unwrap();
        let on = |days_ago: i64| InspectedElsewhere {
            date: today - chrono::Duration::days(days_ago),
            station: "5B1E07".into(),
            serial: None,
        };
        for (days_ago, recent) in [(-1, true), (0, true), (7, true), (8, false)] {
            let e = on(days_ago);
            assert_eq!(
                recently_elsewhere(Some(&e), today).is_some(),
                recent,
                "{days_ago} days ago"
            );
        }
        assert!(recently_elsewhere(None, today).is_none());
    }
}
