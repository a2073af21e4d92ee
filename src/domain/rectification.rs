//! After the finding: what a 复查 (follow-up) does to a written rectification order, and what the
//! order's history says (Order 49 arts. 32–33; docs/outcome.md, "整改与复查"). One place for the
//! rule, used by the store when a 复查 becomes final, by the form and review that show it, and by
//! the summary that counts it.
//!
//! A rectification is one failed item under one written order. Its history is derived from the
//! final records themselves (the order, then each 复查 of the same establishment that answered
//! the item), so nothing is stored twice and every station that holds the records sees the same
//! history: a 复查 that fails the item again keeps the *same* rectification (marked 复查不合格,
//! and 逾期未改 once its deadline has passed), and a new deadline the inspector sets on that 复查
//! is the deadline now in force on it.

use chrono::NaiveDate;

use super::inspection::Rectification;
use super::outcome::{Handling, Outcome, Verdict};

/// One visit that looked at the item of a rectification: the order itself, or a 复查.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub inspection_id: String,
    pub serial: Option<String>,
    /// The local day of the visit, as its record form prints it.
    pub date: NaiveDate,
    pub verdict: Verdict,
    pub value: Option<f64>,
    pub choice: Option<String>,
    /// The finding in the inspector's words.
    pub note: String,
    /// The names of the photos attached to the item at this visit.
    pub photos: Vec<String>,
    /// The handling the visit's record chose, and its deadline.
    pub handling: Option<Handling>,
    pub deadline: Option<NaiveDate>,
}

/// A rectification with its history: the order that opened it and the 复查 after it, oldest
/// first.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub rectification: Rectification,
    pub establishment: String,
    /// The order's checklist: a 复查 answers the same items.
    pub checklist_id: String,
    pub order: Visit,
    pub follow_ups: Vec<Visit>,
    /// Closed by an office decision, not by a 复查 (docs/trust.md, rule 7).
    pub decided: bool,
}

/// What a 复查's answer does to the open rectification of its item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The item now complies: the rectification closes, with the 复查 recorded.
    Closes,
    /// The item fails again: the same rectification stays open, with the 复查 recorded.
    FailsAgain,
    /// Not looked at (合理缺项, or no answer): the rectification is left as it was.
    Untouched,
}

/// The closing rule: only a 复查 that passes the item closes its rectification.
pub fn step(verdict: Verdict) -> Step {
    match verdict {
        Verdict::Pass => Step::Closes,
        Verdict::Fail => Step::FailsAgain,
        Verdict::NotApplicable | Verdict::NotChecked => Step::Untouched,
    }
}

/// How an open rectification stands on a day, for the lists that show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// 复查不合格: a 复查 failed the item again.
    pub failed_again: bool,
    /// 逾期未改: still open after the deadline in force.
    pub overdue: bool,
}

/// How a closed rectification closed, for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// By a passing 复查 on or before the deadline then in force.
    OnTime,
    /// By a passing 复查 after it.
    Late,
    /// By an office decision with a reason.
    Decided,
}

impl Case {
    /// The deadline in force: the latest one a 复查 set when it failed the item again under a
    /// new written order, else the order's.
    pub fn deadline(&self) -> Option<NaiveDate> {
        deadline_after(&self.rectification, &self.follow_ups)
    }

    pub fn marks(&self, today: NaiveDate) -> Marks {
        let open = self.rectification.open;
        Marks {
            failed_again: self.follow_ups.iter().any(|v| v.verdict == Verdict::Fail),
            overdue: open && self.deadline().is_some_and(|d| d < today),
        }
    }

    /// The 复查 that closed it, if one did.
    pub fn closed_by(&self) -> Option<&Visit> {
        if self.rectification.open {
            return None;
        }
        self.follow_ups.iter().find(|v| v.verdict == Verdict::Pass)
    }

    pub fn closing(&self) -> Option<Closing> {
        if self.rectification.open {
            return None;
        }
        let Some(visit) = self.closed_by() else {
            return self.decided.then_some(Closing::Decided);
        };
        let before: Vec<Visit> = self
            .follow_ups
            .iter()
            .take_while(|v| v.inspection_id != visit.inspection_id)
            .cloned()
            .collect();
        let late = deadline_after(&self.rectification, &before).is_some_and(|d| visit.date > d);
        Some(if late { Closing::Late } else { Closing::OnTime })
    }

    /// The 复查 that failed the item again and chose 依法调查处理: the order escalated.
    pub fn escalation(&self) -> Option<&Visit> {
        self.follow_ups
            .iter()
            .find(|v| v.verdict == Verdict::Fail && v.handling == Some(Handling::Investigate))
    }
}

fn deadline_after(r: &Rectification, follow_ups: &[Visit]) -> Option<NaiveDate> {
    follow_ups
        .iter()
        .rev()
        .find(|v| v.verdict == Verdict::Fail && v.handling == Some(Handling::RectifyByDeadline))
        .and_then(|v| v.deadline)
        .or(r.deadline)
}

/// The handling a 复查 proposes: 依法调查处理 when an item under rectification failed again
/// (Order 49 art. 33: the order was not complied with), else what its result suggests.
pub fn proposed_handling(outcome: Option<Outcome>, failed_again: bool) -> Handling {
    if failed_again {
        return Handling::Investigate;
    }
    outcome.map_or(Handling::Pass, Outcome::suggested_handling)
}

#[cfg(test)]
mod tests;
