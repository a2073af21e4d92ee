//! What the office reads about the cycle after the finding, per period (issue 13; the summary
//! report's rectification section, docs/reports.md): written orders issued, rectifications closed
//! on time and late, those a 复查 found not rectified (复查不合格), and those escalated to
//! 依法调查处理, each with the establishments named. Counted from the cases' own dates, so the
//! figures are the same at every station that holds the records.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::outcome::Verdict;
use super::rectification::{Case, Closing};

/// A count and the establishments behind it, by name, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figure {
    pub count: usize,
    pub establishments: Vec<String>,
}

impl Figure {
    fn of<'a>(cases: impl Iterator<Item = &'a Case>) -> Figure {
        let mut count = 0;
        let mut names = BTreeSet::new();
        for c in cases {
            count += 1;
            names.insert(c.establishment.clone());
        }
        Figure {
            count,
            establishments: names.into_iter().collect(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cycle {
    /// 责令改正通知书 issued in the period: written orders (records), not items.
    pub orders: Figure,
    /// The items those orders put under rectification.
    pub ordered_items: usize,
    /// Rectifications a passing 复查 in the period closed on or before the deadline in force.
    pub closed_on_time: Figure,
    /// … after it.
    pub closed_late: Figure,
    /// Rectifications a 复查 in the period failed again (复查不合格).
    pub failed_again: Figure,
    /// Rectifications a 复查 in the period failed again and sent to 依法调查处理.
    pub escalated: Figure,
}

impl Cycle {
    /// The figures of the days `from` to `to` (inclusive) among `cases`.
    pub fn of(cases: &[Case], from: NaiveDate, to: NaiveDate) -> Cycle {
        let within = |d: NaiveDate| from <= d && d <= to;
        let ordered: Vec<&Case> = cases.iter().filter(|c| within(c.order.date)).collect();
        let mut orders: Vec<&Case> = Vec::new();
        let mut seen = BTreeSet::new();
        for c in &ordered {
            if seen.insert(c.rectification.inspection_id.as_str()) {
                orders.push(c);
            }
        }
        let closed_in = |how: Closing| {
            cases.iter().filter(move |c| {
                c.closing() == Some(how) && c.closed_by().is_some_and(|v| within(v.date))
            })
        };
        Cycle {
            orders: Figure::of(orders.into_iter()),
            ordered_items: ordered.len(),
            closed_on_time: Figure::of(closed_in(Closing::OnTime)),
            closed_late: Figure::of(closed_in(Closing::Late)),
            failed_again: Figure::of(cases.iter().filter(|c| {
                c.follow_ups
                    .iter()
                    .any(|v| v.verdict == Verdict::Fail && within(v.date))
            })),
            escalated: Figure::of(
                cases
                    .iter()
                    .filter(|c| c.escalation().is_some_and(|v| within(v.date))),
            ),
        }
    }
}
