//! What the inspectors add at sign-off since the 2022 tables (issue 18): the result they set
//! when it is not the computed one, with their reason (docs/outcome.md); the 告知页 they went
//! through first (docs/reports.md); and the rule that an inspection covers its whole checklist
//! unless it is a 飞行检查 (Order 49 art. 27). Checked by `final_check::check_final`, so the
//! review, the store's finalize and the import apply the same rules.

use serde::{Deserialize, Serialize};

use super::checklist::{Checklist, RecordForm};
use super::inspection::{Answer, Conclusion, InspectionKind};
use super::outcome::{Outcome, Verdict};

/// The rules a final record is made under, kept in its conclusion (`Conclusion::rules`).
/// Records finalized before shian checked coverage and the 告知页 have none (0): they were
/// right under the rules of their day and still import (docs/outcome.md, "Older records").
pub const RULES_VERSION: u32 = 1;

/// A result the inspectors set other than the computed one (under `key-general-70`) or the
/// proposed one (under `judgement`), with why. The record keeps both results and the reason;
/// the form prints them beside the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeOverride {
    /// The result the answers give by the 2016 counts: the rule's, or the proposal.
    pub computed: Outcome,
    /// The result the inspectors set; the record's `outcome`.
    pub chosen: Outcome,
    /// Their written reason; required.
    pub reason: String,
}

/// The 告知页 of the 2022 tables, gone through before the inspection (Order 49 arts. 23–24):
/// what the inspectors showed, and whether the operator asked for 回避 and what was done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// 出示执法证件
    pub credentials_shown: bool,
    /// 出示检查任务书
    pub task_letter_shown: bool,
    /// 被检查单位申请回避
    pub recusal_requested: bool,
    /// What was done about the request (required when one was made).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recusal_action: String,
}

/// Why a sign-off added since the 2022 tables is not complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignOffProblem {
    /// A result other than the computed one without a written reason.
    NeedOutcomeReason,
    /// A scored item not answered in an inspection that must cover the whole checklist.
    Uncovered { item: String },
    /// The 2022 form's 告知页 is not recorded.
    NeedNotice,
    /// The 告知页 shows neither 执法证件 nor 检查任务书.
    NoticeShowsNothing,
    /// 回避 was requested and what was done is not written.
    NeedRecusalAction,
}

impl InspectionKind {
    /// Whether an inspection of this kind must answer every scored item before it is final
    /// (合理缺项 counts). A 飞行检查 may look at part of the checklist (Order 49 art. 27); a
    /// 复查 looks at the items it follows up (docs/outcome.md).
    pub fn covers_whole_checklist(self) -> bool {
        !matches!(self, Self::Flight | Self::FollowUp)
    }
}

impl Notice {
    /// Complete: something shown, and a requested 回避 answered.
    pub fn check(&self) -> Result<(), SignOffProblem> {
        if !self.credentials_shown && !self.task_letter_shown {
            return Err(SignOffProblem::NoticeShowsNothing);
        }
        if self.recusal_requested && self.recusal_action.trim().is_empty() {
            return Err(SignOffProblem::NeedRecusalAction);
        }
        Ok(())
    }
}

/// The result a record states, given the one its answers compute: the inspectors' when they
/// set one. `Err(None)` when the override is not consistent with the answers (it names another
/// computed result, or "overrides" with the computed one itself): the caller reports that as
/// the outcome disagreeing.
pub fn stated_result(
    computed: Outcome,
    conclusion: &Conclusion,
) -> Result<Outcome, Option<SignOffProblem>> {
    match &conclusion.outcome_override {
        None => Ok(computed),
        Some(o) if o.computed != computed || o.chosen == computed => Err(None),
        Some(o) if o.reason.trim().is_empty() => Err(Some(SignOffProblem::NeedOutcomeReason)),
        Some(o) => Ok(o.chosen),
    }
}

/// The rules of [`RULES_VERSION`] 1: the 告知页 of a 2022-form checklist, and coverage.
/// A record made under no version (older shian) is not held to them.
pub fn check_rules(
    checklist: &Checklist,
    kind: InspectionKind,
    conclusion: &Conclusion,
    answers: &[Answer],
) -> Result<(), SignOffProblem> {
    if conclusion.rules < 1 {
        return Ok(());
    }
    if checklist.form == RecordForm::Form2022 {
        conclusion
            .notice
            .as_ref()
            .ok_or(SignOffProblem::NeedNotice)?
            .check()?;
    } else if let Some(notice) = &conclusion.notice {
        // Not asked for by the 2016 form, but a recorded one is complete.
        notice.check()?;
    }
    if let Some(item) = uncovered(checklist, kind, answers).into_iter().next() {
        return Err(SignOffProblem::Uncovered { item });
    }
    Ok(())
}

/// The scored items an inspection of `kind` must still answer, in the checklist's order.
pub fn uncovered(checklist: &Checklist, kind: InspectionKind, answers: &[Answer]) -> Vec<String> {
    if !kind.covers_whole_checklist() {
        return Vec::new();
    }
    let covered: std::collections::HashSet<&str> = answers
        .iter()
        .filter(|a| a.verdict != Verdict::NotChecked)
        .map(|a| a.item_id.as_str())
        .collect();
    checklist
        .items()
        .filter(|item| item.kind.is_scored() && !covered.contains(item.id.as_str()))
        .map(|item| item.id.clone())
        .collect()
}

#[cfg(test)]
mod tests;
