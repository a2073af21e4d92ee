//! What flows between the pure `App` and the shell: actions in, effects out, and the data they
//! carry.

use std::collections::HashMap;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

pub use super::msg_office::{InspectorChange, InspectorFields};
use crate::bundle::{Progress, RecordKind};
use crate::domain::checklist::Checklist;
use crate::domain::establishment::{Establishment, EstablishmentFacts};
use crate::domain::inspection::{
    Answer, Conclusion, Inspection, InspectionKind, Inspector, Status,
};
use crate::domain::outcome::{Outcome, Verdict};
use crate::store::{
    BundleLogEntry, InspectionPage, InspectionRecord, InspectionSummary, OverdueRectification,
    Photo,
};

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordsQuery {
    pub status: Option<Status>,
    pub outcome: Option<Outcome>,
    /// Only inspections started on or after this day.
    pub from: Option<NaiveDate>,
    /// Only inspections started on or before this day (a custom range, `D`).
    pub to: Option<NaiveDate>,
    /// Only inspections of these establishments: those the typed name finds in the roster.
    /// `None` when no name is typed.
    pub establishment_ids: Option<Vec<String>>,
}

/// What the home screen lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeData {
    pub drafts: Vec<InspectionSummary>,
    /// The newest final records that no bundle has carried yet, and how many there are.
    pub unexported: InspectionPage,
    pub overdue: Vec<OverdueRectification>,
    /// The local date of each establishment's latest final inspection.
    pub last: HashMap<String, NaiveDate>,
    /// The office's tasks for this station not done yet (src/tui/tasks.rs).
    pub tasks: Vec<crate::tui::tasks::HomeTask>,
    /// The campaigns not over yet, whose checklists the chooser puts first for their targets.
    pub campaigns: Vec<crate::tui::tasks::RunningCampaign>,
    /// This station plans for the district: it trusts no other station as the office, so
    /// 首页 leads to the inspectors list and the draws (issue 14).
    pub office: bool,
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
    /// For a 复查: the open rectifications it follows up whose items this checklist has, with
    /// their original findings (issue 13). Empty for other kinds.
    pub follow_up: Vec<crate::domain::rectification::Case>,
}

/// What the roster's detail pane shows about one establishment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub establishment_id: String,
    pub inspections: Vec<InspectionSummary>,
    /// Open rectifications: (the item's number and text, deadline in force).
    pub open: Vec<(String, Option<NaiveDate>)>,
    /// The checklist of its earliest open order: Enter proposes a 复查 with it (issue 13).
    pub follow_up_checklist: Option<String>,
    /// Its latest inspection by another station, for the notice when starting one here.
    pub elsewhere: Option<crate::store::InspectedElsewhere>,
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

/// What the sync screen shows: the folder bundles went to last, the bundle log, and the
/// establishment facts in conflict.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncData {
    pub folder: Option<String>,
    /// Newest first.
    pub log: Vec<BundleLogEntry>,
    pub conflicts: Vec<crate::store::EstablishmentConflicts>,
    /// The names stations gave, by code, to name who made each value.
    pub stations: std::collections::BTreeMap<String, String>,
}

/// A bundle checked and planned but not yet applied, for the inspector to confirm.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub path: String,
    pub station: String,
    pub name: String,
    pub office: bool,
    /// (kind of record, what the import does with it, how many).
    pub counts: Vec<(RecordKind, crate::bundle::Action, usize)>,
    pub conflicts: Vec<(RecordKind, String)>,
    /// Establishments whose facts will be in conflict, for the office to settle.
    pub conflicted: Vec<crate::store::EstablishmentConflicts>,
    pub already_imported: bool,
    /// The fingerprint of a first-contact signer the inspector confirmed, trusted on apply.
    pub trust: Option<String>,
}

/// An office bundle signed by a key this station does not know yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstContact {
    pub path: String,
    pub station: String,
    pub name: String,
    pub fingerprint: String,
}

/// Which file the 报表 screen writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// The period summary as HTML.
    Summary,
    /// The workbook (.xlsx).
    Workbook,
    /// The record forms of the period's final inspections as one HTML file.
    Records,
    /// One 双随机 draw on A4 (HTML), as `shian draws print`; its number in `ids`.
    Draw,
    /// One 双随机 draw as CSV for 一公开, as `shian draws csv`; its number in `ids`.
    DrawCsv,
    /// The 责令改正通知书 of one record under a written order (issue 13).
    Order,
}

/// The numbers the 报表 screen shows for a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Headline {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub inspections: usize,
    /// School-related establishments by kind: (kind, inspected, total).
    pub coverage: Vec<(
        crate::domain::establishment::EstablishmentKind,
        usize,
        usize,
    )>,
    /// 符合, 基本符合, 不符合.
    pub outcomes: [usize; 3],
    pub open: usize,
    pub overdue: usize,
    /// The folder reports were last written to.
    pub folder: Option<String>,
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
    /// A photo's link to an item of the draft removed from the store.
    PhotoRemoved(Photo),
    /// A path completed with Tab, and the names that fit when there are several.
    PathCompleted {
        text: String,
        candidates: Vec<String>,
    },
    EstablishmentSaved(Establishment),
    AnswerSaved(Answer),
    AnswerCleared(String),
    /// The newest inspections of the records query, and how many it matches in all.
    RecordsLoaded(InspectionPage),
    RecordLoaded(Box<InspectionRecord>),
    Finalized(Box<InspectionRecord>),
    SyncLoaded(SyncData),
    /// A bundle written: its path and what it holds, in words.
    Exported {
        path: String,
        summary: String,
    },
    ImportPlanned(Box<ImportPreview>),
    FirstContact(FirstContact),
    /// A bundle applied (or found already imported), in words.
    Imported(String),
    /// A conflicting fact settled: the establishment's name, the fact and its value now.
    ConflictSettled {
        name: String,
        fact: crate::domain::establishment_merge::Fact,
        value: String,
    },
    /// A long export or import is this far; the loop draws after it.
    Progress(Progress),
    ReportLoaded(Box<Headline>),
    /// A report file written, at this path.
    ReportWritten(String),
    /// The bureau's inspectors as the office keeps them (issue 14); `changed` names the one
    /// just added or retired.
    InspectorsLoaded {
        list: Vec<crate::domain::planning::OfficeInspector>,
        changed: Option<InspectorChange>,
    },
    /// The draws kept here, oldest first, and the folder reports were last written to.
    DrawsLoaded {
        list: Vec<crate::domain::planning::draw::DrawRecord>,
        folder: Option<String>,
    },
    /// A new draw made and kept under its number.
    DrawMade(Box<crate::domain::planning::draw::DrawRecord>),
    /// The campaigns an inspection falls in; `changed` is the one just untagged or tagged.
    CampaignTagsLoaded {
        inspection_id: String,
        tags: Vec<crate::store::CampaignTag>,
        changed: Option<crate::store::CampaignTag>,
    },
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
        /// Where the form stands after the keypress, saved in the same commit.
        current_item: Option<String>,
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
    /// Removes a wrong photo from an item of the draft (the store refuses a final record).
    RemovePhoto {
        inspection_id: String,
        photo: Photo,
    },
    CompletePath(String),
    SetCurrentItem {
        inspection_id: String,
        item_id: String,
    },
    /// What the review holds, kept in the draft when leaving it (Esc, `p`, Ctrl-C).
    KeepSignOff {
        inspection_id: String,
        inspectors: Vec<Inspector>,
        conclusion: Conclusion,
    },
    Finalize {
        inspection_id: String,
        inspectors: Vec<Inspector>,
        conclusion: Conclusion,
    },
    LoadRecords(RecordsQuery),
    LoadRecord(String),
    LoadSync,
    /// Writes a bundle into `folder` (remembered): the office → field flavour with `office`;
    /// with `all`, every final record again, not only those not exported yet (a lost stick).
    ExportBundle {
        folder: String,
        office: bool,
        all: bool,
    },
    /// Checks a bundle and plans its import without writing; `trust` is the fingerprint of a
    /// first-contact signer the inspector confirmed.
    PlanImport {
        path: String,
        trust: Option<String>,
    },
    ApplyImport {
        path: String,
        trust: Option<String>,
    },
    /// Settles a conflicting fact of an establishment with `value` (the office's choice).
    ResolveConflict {
        establishment_id: String,
        fact: crate::domain::establishment_merge::Fact,
        value: String,
    },
    /// The 报表 numbers of a period; `App` keeps the period, offered again on the next visit.
    LoadReport {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Writes the report into `folder` (remembered). Record forms are those of `ids` when
    /// some are given (chosen on the records screen), else those of the period.
    WriteReport {
        kind: ReportKind,
        from: NaiveDate,
        to: NaiveDate,
        folder: String,
        ids: Vec<String>,
    },
    /// Opens a written file with the system's default program.
    OpenFile(String),
    LoadInspectors,
    /// Adds (or corrects, by 执法证号) one inspector, as typed; the rules are
    /// `crate::planning::new_inspector`'s.
    AddInspector(InspectorFields),
    /// Marks the inspector with this 执法证号 retired.
    RetireInspector(String),
    LoadDraws,
    /// Makes a new, numbered draw (`crate::planning::run_draw`).
    RunDraw(crate::planning::DrawRequest),
    LoadCampaignTags(String),
    /// Takes an inspection out of a campaign (`tagged` false) or puts it back.
    SetCampaignTag {
        inspection_id: String,
        campaign_id: String,
        tagged: bool,
    },
}

impl Effect {
    /// Effects that may take long enough to show a working state and progress.
    pub fn is_long(&self) -> bool {
        matches!(
            self,
            Effect::ExportBundle { .. }
                | Effect::PlanImport { .. }
                | Effect::ApplyImport { .. }
                | Effect::WriteReport { .. }
        )
    }
}
