//! What a final record must satisfy, checked in one place: by the review screen before it offers
//! to finalize, by the store when it finalizes, and by the import for every record a bundle
//! brings (docs/trust.md, "Content is checked, not trusted"). No caller can skip a rule by
//! writing the record some other way.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::checklist::Checklist;
use super::inspection::{Answer, Inspection, Status, tally};
use super::outcome::{Outcome, Tally, Verdict};
use super::sign_off::{SignOffProblem, check_rules, stated_result};

/// The longest text shian keeps in one field of a record, the same bound as a roster cell
/// (docs/roster.md): a longer value is refused, not cut.
pub const MAX_TEXT_CHARS: usize = 500;
/// Notes and remarks may run longer: they continue on an attached page when printed.
pub const MAX_LONG_TEXT_CHARS: usize = 4000;
/// The latest deadline a written rectification order may set, in days after the inspection.
pub const MAX_DEADLINE_DAYS: u64 = 366;
/// Records from before this year are refused as implausible (shian did not exist; a clock was
/// wrong or a record was made up).
pub const EARLIEST_YEAR: i32 = 2000;
/// How far ahead of the checking station's clock a record's times may be (clocks drift).
pub const CLOCK_SLACK_HOURS: i64 = 36;

/// Why a record may not be (or may not have been made) final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FinalProblem {
    /// No scored item passed or failed: there is no result.
    NothingChecked,
    /// A second inspector with name and ID is required (Order 49 arts. 23–24).
    NeedSecondInspector,
    /// The same enforcement ID twice: an inspector cannot be their own colleague.
    SameInspectorTwice,
    /// 书面限期整改 needs a deadline.
    NeedDeadline,
    /// The deadline is before the inspection or more than [`MAX_DEADLINE_DAYS`] after it.
    DeadlineOutOfRange {
        deadline: NaiveDate,
        earliest: NaiveDate,
        latest: NaiveDate,
    },
    /// Neither the operator's signatory nor a witnessed refusal.
    NeedSignatory,
    /// A failed item that asks for a note has none.
    NoteRequired { item: String },
    /// A failed item that asks for a photo has none.
    PhotoRequired { item: String },
    /// An answer to an item the pinned checklist does not have.
    UnknownItem { item: String },
    /// Two answers to one item.
    DuplicateAnswer { item: String },
    /// The record states a result its answers do not give.
    OutcomeDisagrees {
        stated: Option<Outcome>,
        computed: Outcome,
    },
    /// A text field over its limit.
    TextTooLong { field: String, limit: usize },
    /// A time before [`EARLIEST_YEAR`], after the check's clock, or finalized before started.
    ImplausibleTime { field: &'static str },
    /// The result set against the computed one, the 告知页 or the coverage of the checklist
    /// (`domain::sign_off`).
    SignOff(SignOffProblem),
}

/// What the check needs besides the record: which items carry a photo, and the clock of the
/// station that checks.
pub struct FinalContext<'a> {
    pub items_with_photos: &'a BTreeSet<String>,
    pub now: DateTime<Utc>,
}

/// Checks a record about to be final (or arriving as final) and gives its result and counts.
/// A final record must state the result its answers give, or the one its inspectors set with a
/// reason (`sign_off::stated_result`); a draft states none yet.
pub fn check_final(
    checklist: &Checklist,
    inspection: &Inspection,
    answers: &[Answer],
    cx: &FinalContext,
) -> Result<(Outcome, Tally), FinalProblem> {
    let mut seen = BTreeSet::new();
    for a in answers {
        if checklist.item(&a.item_id).is_none() {
            return Err(FinalProblem::UnknownItem {
                item: a.item_id.clone(),
            });
        }
        if !seen.insert(a.item_id.as_str()) {
            return Err(FinalProblem::DuplicateAnswer {
                item: a.item_id.clone(),
            });
        }
    }
    check_texts(inspection, answers)?;
    check_times(inspection, answers, cx.now)?;

    let counts = tally(checklist, answers);
    let computed = counts.outcome().ok_or(FinalProblem::NothingChecked)?;
    let disagreement = FinalProblem::OutcomeDisagrees {
        stated: inspection.outcome,
        computed,
    };
    let result = match stated_result(computed, &inspection.conclusion) {
        Ok(result) => result,
        Err(Some(problem)) => return Err(FinalProblem::SignOff(problem)),
        Err(None) => return Err(disagreement),
    };
    let disagrees = match inspection.outcome {
        Some(stated) => stated != result,
        None => inspection.status == Status::Final,
    };
    if disagrees {
        return Err(disagreement);
    }

    let second_missing = inspection
        .inspectors
        .get(1)
        .is_none_or(|i| i.name.trim().is_empty() || i.badge.trim().is_empty());
    if second_missing {
        return Err(FinalProblem::NeedSecondInspector);
    }
    let mut badges = BTreeSet::new();
    if inspection
        .inspectors
        .iter()
        .any(|i| !badges.insert(i.badge.trim()))
    {
        return Err(FinalProblem::SameInspectorTwice);
    }

    let c = &inspection.conclusion;
    if c.handling.is_some_and(|h| h.needs_deadline()) {
        let deadline = c.deadline.ok_or(FinalProblem::NeedDeadline)?;
        let (earliest, latest) = deadline_range(inspection);
        if deadline < earliest || deadline > latest {
            return Err(FinalProblem::DeadlineOutOfRange {
                deadline,
                earliest,
                latest,
            });
        }
    }
    let witnessed_refusal = c.operator_refused && !c.witness.trim().is_empty();
    if c.operator_signatory.trim().is_empty() && !witnessed_refusal {
        return Err(FinalProblem::NeedSignatory);
    }

    // In the checklist's order, so the first item named is the first on the form; the failed
    // answers by id, not searched per item (an import checks 20,000 records of 45 answers).
    let failed: std::collections::HashMap<&str, &Answer> = answers
        .iter()
        .filter(|a| a.verdict == Verdict::Fail)
        .map(|a| (a.item_id.as_str(), a))
        .collect();
    for item in checklist.items() {
        let Some(answer) = failed.get(item.id.as_str()) else {
            continue;
        };
        if item.on_fail.needs_note() && answer.note.trim().is_empty() {
            return Err(FinalProblem::NoteRequired {
                item: item.id.clone(),
            });
        }
        if item.on_fail.needs_photo() && !cx.items_with_photos.contains(&item.id) {
            return Err(FinalProblem::PhotoRequired {
                item: item.id.clone(),
            });
        }
    }
    // Last, so that the review names the failed items lacking a note or photo before the
    // items still to answer, and `p` goes to those first (src/tui/screens/form/review/missing.rs).
    check_rules(checklist, inspection.kind, c, answers).map_err(FinalProblem::SignOff)?;
    Ok((result, counts))
}

/// The dates a written order's deadline may take: from the inspection's local day to
/// [`MAX_DEADLINE_DAYS`] after it.
pub fn deadline_range(inspection: &Inspection) -> (NaiveDate, NaiveDate) {
    let day = inspection.local_started_at().date_naive();
    (day, day + chrono::Days::new(MAX_DEADLINE_DAYS))
}

fn check_texts(inspection: &Inspection, answers: &[Answer]) -> Result<(), FinalProblem> {
    // A field's name is spelled out only for the refusal: an import checks 20,000 records of
    // 45 answers each, so no name is built for a text that keeps its limit.
    let bound = |text: &str, limit: usize, field: &dyn Fn() -> String| {
        if text.len() > limit && text.chars().count() > limit {
            Err(FinalProblem::TextTooLong {
                field: field(),
                limit,
            })
        } else {
            Ok(())
        }
    };
    let short = |text: &str, field: &dyn Fn() -> String| bound(text, MAX_TEXT_CHARS, field);
    let long = |text: &str, field: &dyn Fn() -> String| bound(text, MAX_LONG_TEXT_CHARS, field);
    let c = &inspection.conclusion;
    short(&inspection.bureau, &|| "bureau".into())?;
    short(&c.operator_signatory, &|| "operator_signatory".into())?;
    short(&c.witness, &|| "witness".into())?;
    for (n, i) in inspection.inspectors.iter().enumerate() {
        short(&i.name, &|| format!("inspectors[{n}].name"))?;
        short(&i.badge, &|| format!("inspectors[{n}].badge"))?;
    }
    for a in answers {
        if let Some(choice) = &a.choice {
            short(choice, &|| format!("answer {} choice", a.item_id))?;
        }
    }
    // The establishment's facts the record keeps are roster cells, with the roster's limit.
    if let Some(f) = &inspection.establishment {
        for (field, text) in f.texts() {
            short(text, &|| format!("establishment.{field}"))?;
        }
    }
    long(&c.remarks, &|| "remarks".into())?;
    long(&c.operator_opinion, &|| "operator_opinion".into())?;
    if let Some(o) = &c.outcome_override {
        long(&o.reason, &|| "outcome_override.reason".into())?;
    }
    if let Some(n) = &c.notice {
        long(&n.recusal_action, &|| "notice.recusal_action".into())?;
    }
    if let Some(reason) = &inspection.revision_reason {
        long(reason, &|| "revision_reason".into())?;
    }
    for a in answers {
        long(&a.note, &|| format!("answer {} note", a.item_id))?;
    }
    if inspection.inspectors.len() > 8 {
        return Err(FinalProblem::TextTooLong {
            field: "inspectors".into(),
            limit: 8,
        });
    }
    Ok(())
}

fn check_times(
    inspection: &Inspection,
    answers: &[Answer],
    now: DateTime<Utc>,
) -> Result<(), FinalProblem> {
    let latest = now + chrono::Duration::hours(CLOCK_SLACK_HOURS);
    let plausible = |t: DateTime<Utc>| t.year() >= EARLIEST_YEAR && t <= latest;
    if !plausible(inspection.started_at) {
        return Err(FinalProblem::ImplausibleTime {
            field: "started_at",
        });
    }
    if let Some(f) = inspection.finalized_at
        && (!plausible(f) || f < inspection.started_at)
    {
        return Err(FinalProblem::ImplausibleTime {
            field: "finalized_at",
        });
    }
    if answers.iter().any(|a| !plausible(a.answered_at)) {
        return Err(FinalProblem::ImplausibleTime {
            field: "answered_at",
        });
    }
    Ok(())
}
