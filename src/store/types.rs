//! The shapes the store's parts share, kept apart so that no two parts import each other: a
//! line of an inspection list, the filter that asks for one, and an establishment revision's key.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::inspection::{self as rules, InspectionKind, Status};
use crate::domain::outcome::Outcome;

/// A line in a list of inspections.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InspectionSummary {
    pub id: String,
    pub serial: Option<String>,
    pub establishment_id: String,
    pub establishment: String,
    pub checklist_id: String,
    pub kind: InspectionKind,
    pub status: Status,
    pub revision: i64,
    /// UTC; `utc_offset_seconds` is where it was made, which is how lists show it.
    pub started_at: DateTime<Utc>,
    pub utc_offset_seconds: i32,
    pub outcome: Option<Outcome>,
}

impl InspectionSummary {
    /// When the inspection started, in the time of the place it was made (a local 02:00 on
    /// 1 July is 30 June in UTC).
    pub fn local_started_at(&self) -> chrono::DateTime<chrono::FixedOffset> {
        rules::local_time(self.started_at, self.utc_offset_seconds)
    }
}

#[derive(Debug, Clone, Default)]
pub struct InspectionFilter {
    pub status: Option<Status>,
    pub establishment_id: Option<String>,
    /// Only inspections of these establishments (those a typed name found); an empty list
    /// matches nothing.
    pub establishment_ids: Option<Vec<String>>,
    pub outcome: Option<Outcome>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: Option<usize>,
    /// Only inspections of this kind (`inspections list --follow-ups`: the 复查).
    pub kind: Option<crate::domain::inspection::InspectionKind>,
}

/// The id under which an establishment revision is marked and reported: two stations may
/// make the same number, so the station is part of it.
pub fn revision_key(establishment_id: &str, revision: i64, station: &str) -> String {
    format!("{establishment_id}/{revision}/{station}")
}
