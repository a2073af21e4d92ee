//! Inspections and their answers.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};
use serde::{Deserialize, Serialize};

use super::checklist::{Checklist, Item};
use super::codes::codes;
use super::establishment::EstablishmentFacts;
use super::outcome::{Handling, Outcome, Tally, Verdict};
use super::sign_off::{Notice, OutcomeOverride};

codes! {
    /// 日常检查 · 专项检查 · 复查 · 飞行检查 · 体系检查 (Order 49 art. 53). The order is the
    /// one the chooser cycles through; the two added in 2022 come last so older keystrokes keep
    /// their meaning.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum InspectionKind {
        Routine => "routine",
        Special => "special",
        FollowUp => "follow_up",
        /// 飞行检查: unannounced; may cover part of the checklist.
        Flight => "flight",
        /// 体系检查: of the operator's food-safety management system.
        System => "system",
    }
}

codes! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Status {
        /// Being filled in; every answer is saved as it is given.
        Draft => "draft",
        /// Signed off: immutable. A correction is a new revision that supersedes it.
        Final => "final",
    }
}

/// An inspector on the record: name and enforcement ID (执法证号).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Inspector {
    pub name: String,
    pub badge: String,
}

/// The answer to one checklist item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub item_id: String,
    pub verdict: Verdict,
    /// The measured value of a measurement item.
    pub value: Option<f64>,
    /// The chosen option of a choice item.
    pub choice: Option<String>,
    /// What was found, or the text of a text item.
    pub note: String,
    #[serde(
        serialize_with = "super::utc_text::serialize",
        deserialize_with = "super::utc_text::deserialize"
    )]
    pub answered_at: DateTime<Utc>,
}

/// The sign-off of a final inspection: result, handling and the operator's side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Conclusion {
    pub handling: Option<Handling>,
    pub deadline: Option<NaiveDate>,
    /// 说明
    pub remarks: String,
    /// The operator's representative who signs (法定代表人/负责人).
    pub operator_signatory: String,
    /// 被检查单位意见
    pub operator_opinion: String,
    /// The operator refused to sign; `witness` names who saw it (Order 49 art. 34).
    pub operator_refused: bool,
    pub witness: String,
    /// A result the inspectors set other than the computed one, with their reason
    /// (docs/outcome.md). The members below are left out when at their default, so the signed
    /// bytes of every record made before them stay the same (docs/bundle-format.md, 6.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_override: Option<OutcomeOverride>,
    /// The 告知页, the first step of the review for a 2022-form checklist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    /// The rules the record was made final under (`sign_off::RULES_VERSION`); 0 before.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rules: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    pub id: String,
    pub establishment_id: String,
    pub checklist_id: String,
    pub checklist_hash: String,
    pub kind: InspectionKind,
    pub status: Status,
    /// `<station code>-<year>-<sequence>`, given when the inspection becomes final.
    pub serial: Option<String>,
    pub revision: i64,
    /// The final inspection this revision corrects, and why.
    pub supersedes: Option<String>,
    pub revision_reason: Option<String>,
    pub station: String,
    pub bureau: String,
    pub inspectors: Vec<Inspector>,
    #[serde(
        serialize_with = "super::utc_text::serialize",
        deserialize_with = "super::utc_text::deserialize"
    )]
    pub started_at: DateTime<Utc>,
    /// The local offset the inspection was made in, so it prints in the inspector's time.
    pub utc_offset_seconds: i32,
    #[serde(serialize_with = "super::utc_text::serialize_option")]
    pub finalized_at: Option<DateTime<Utc>>,
    pub outcome: Option<Outcome>,
    pub conclusion: Conclusion,
    /// 本年度第 N 次检查 of this establishment, fixed when final.
    pub year_sequence: Option<i64>,
    /// The item the inspector was on, to resume a draft where it was left.
    pub current_item: Option<String>,
    /// The establishment's facts as they were when the record became final (a correction
    /// carries those of the record it corrects from its start): the form prints these, not
    /// today's roster. `None` in a first draft and in records made before shian kept them
    /// (docs/data-model.md). Always written, as `null` when absent: it is part of what the
    /// author signs (docs/bundle-format.md, 6.1).
    #[serde(default)]
    pub establishment: Option<EstablishmentFacts>,
}

impl Inspection {
    pub fn local_started_at(&self) -> DateTime<FixedOffset> {
        local_time(self.started_at, self.utc_offset_seconds)
    }

    /// The establishment's facts to print with this record: those it keeps, or for a record
    /// that keeps none (a first draft, or one made before shian kept them) the roster's
    /// `current`.
    pub fn facts_or<'a>(&'a self, current: &'a EstablishmentFacts) -> &'a EstablishmentFacts {
        self.establishment.as_ref().unwrap_or(current)
    }
}

/// `at` in the time of a place `offset_seconds` east of UTC. An offset out of range can only
/// come from a damaged record; the time is shown in UTC then.
pub fn local_time(at: DateTime<Utc>, offset_seconds: i32) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(offset_seconds).unwrap_or_else(|| Utc.fix());
    at.with_timezone(&offset)
}

/// Counts the answers of the scored items of `checklist`; items without an answer count as
/// unanswered. Answers to items the checklist does not have are ignored.
pub fn tally(checklist: &Checklist, answers: &[Answer]) -> Tally {
    // By item id, not a search per item: reports tally thousands of 80-item inspections.
    let verdicts: std::collections::HashMap<&str, Verdict> = answers
        .iter()
        .map(|a| (a.item_id.as_str(), a.verdict))
        .collect();
    tally_items(checklist.items().map(|item| {
        let verdict = verdicts.get(item.id.as_str()).copied();
        (item, verdict.unwrap_or(Verdict::NotChecked))
    }))
}

/// Counts the verdicts of the scored ones among `items`, each given with its verdict.
pub fn tally_items<'a>(items: impl IntoIterator<Item = (&'a Item, Verdict)>) -> Tally {
    Tally::count(
        items
            .into_iter()
            .filter(|(item, _)| item.kind.is_scored())
            .map(|(item, verdict)| (item.key, verdict)),
    )
}

/// The serial number printed on the record form.
pub fn serial_number(station_code: &str, year: i32, sequence: i64) -> String {
    format!("{station_code}-{year}-{sequence:04}")
}

/// A written rectification order for one failed item, followed up by a later inspection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rectification {
    pub id: String,
    pub establishment_id: String,
    pub inspection_id: String,
    pub item_id: String,
    pub deadline: Option<NaiveDate>,
    pub open: bool,
    pub follow_up_id: Option<String>,
    #[serde(serialize_with = "super::utc_text::serialize_option")]
    pub closed_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
impl Inspection {
    /// A compliant routine record, final at `at` (Beijing time), for the unit tests of what reads
    /// records: each test changes the fields it is about (`..Inspection::final_at(…)`).
    pub fn final_at(id: &str, establishment_id: &str, at: DateTime<Utc>) -> Inspection {
        Inspection {
            id: id.into(),
            establishment_id: establishment_id.into(),
            checklist_id: "c".into(),
            checklist_hash: "h".into(),
            kind: InspectionKind::Routine,
            status: Status::Final,
            serial: Some(format!("S-{id}")),
            revision: 1,
            supersedes: None,
            revision_reason: None,
            station: "S".into(),
            bureau: String::new(),
            inspectors: Vec::new(),
            started_at: at,
            utc_offset_seconds: 8 * 3600,
            finalized_at: Some(at),
            outcome: Some(Outcome::Compliant),
            conclusion: Conclusion::default(),
            year_sequence: Some(1),
            current_item: None,
            establishment: None,
        }
    }
}
