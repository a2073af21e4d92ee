//! What flows between the pure `App` and the shell: actions in, effects out, and the data they
//! carry.

use std::collections::HashMap;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use crate::domain::checklist::Checklist;
use crate::domain::establishment::{Establishment, EstablishmentFacts};
use crate::domain::inspection::{
    Answer, Conclusion, Inspection, InspectionKind, Inspector, Status,
};
use crate::domain::outcome::{Outcome, Verdict};
use crate::store::{InspectionRecord, InspectionSummary, OverdueRectification, Photo};

/// Who inspects with this station, kept in the store's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub badge: String,
    pub bureau: String,
    /// The second inspector of the last finalized inspection, offered again.
    pub colleague: Inspector,
}

impl Profile {
    pub fn inspector(&self) -> Inspector {
        Inspector {
            name: self.name.clone(),
            badge: self.badge.clone(),
        }
    }
}

/// Which inspections the records screen lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordsQuery {
    pub status: Option<Status>,
    pub outcome: Option<Outcome>,
    /// Only inspections started on or after this day.
    pub from: Option<NaiveDate>,
}

/// What the home screen lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeData {
    pub drafts: Vec<InspectionSummary>,
    pub finals: Vec<InspectionSummary>,
    pub overdue: Vec<OverdueRectification>,
    /// The local date of each establishment's latest final inspection.
    pub last: HashMap<String, NaiveDate>,
}

/// A draft opened in the checklist form.
#[derive(Debug, Clone)]
pub struct FormData {
    pub inspection: Inspection,
    pub establishment: Establishment,
    pub checklist: Checklist,
    pub answers: Vec<Answer>,
    /// Items that failed at the establishment's last final inspection.
    pub must_check: Vec<String>,
    /// 本年度第 N 次检查 that this one would be.
    pub year_sequence: i64,
    pub photos: Vec<Photo>,
}

/// What the roster's detail pane shows about one establishment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub establishment_id: String,
    pub inspections: Vec<InspectionSummary>,
    /// Open rectifications: (item, deadline).
    pub open: Vec<(String, Option<NaiveDate>)>,
}

/// An answer as the inspector gives it; the shell stamps the time.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerDraft {
    pub item_id: String,
    pub verdict: Verdict,
    pub value: Option<f64>,
    pub choice: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone)]
pub enum Action {
    /// A key press (releases and repeats are filtered out at the input boundary).
    Key(KeyEvent),
    Paste(String),
    Resize,
    ProfileSaved(Profile),
    SampleLoaded {
        added: usize,
    },
    RosterLoaded(Vec<Establishment>),
    HomeLoaded(HomeData),
    FormOpened(Box<FormData>),
    HistoryLoaded(History),
    ColleaguesLoaded(Vec<Inspector>),
    PhotoAttached(Photo),
    /// A path completed with Tab, and the names that fit when there are several.
    PathCompleted {
        text: String,
        candidates: Vec<String>,
    },
    EstablishmentSaved(Establishment),
    AnswerSaved(Answer),
    AnswerCleared(String),
    RecordsLoaded(Vec<InspectionSummary>),
    RecordLoaded(Box<InspectionRecord>),
    Finalized(Box<InspectionRecord>),
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SaveProfile(Profile),
    LoadSampleRoster,
    LoadRoster,
    LoadHome,
    LoadHistory(String),
    LoadColleagues,
    /// Adds (`id` none) or revises an establishment.
    SaveEstablishment {
        id: Option<String>,
        facts: EstablishmentFacts,
    },
    StartInspection {
        establishment_id: String,
        checklist_id: String,
        kind: InspectionKind,
    },
    OpenDraft(String),
    /// Deletes a draft started by mistake, with its answers.
    DiscardDraft(String),
    /// A correction of a final record: a new draft revision with the reason.
    StartRevision {
        final_id: String,
        reason: String,
    },
    SaveAnswer {
        inspection_id: String,
        answer: AnswerDraft,
    },
    ClearAnswer {
        inspection_id: String,
        item_id: String,
    },
    /// Copies a photo file into the store and links it to the item.
    AttachPhoto {
        inspection_id: String,
        item_id: String,
        path: String,
    },
    CompletePath(String),
    SetCurrentItem {
        inspection_id: String,
        item_id: String,
    },
    SetInspectors {
        inspection_id: String,
        inspectors: Vec<Inspector>,
    },
    Finalize {
        inspection_id: String,
        inspectors: Vec<Inspector>,
        conclusion: Conclusion,
    },
    LoadRecords(RecordsQuery),
    LoadRecord(String),
}
