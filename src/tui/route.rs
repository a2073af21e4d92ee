//! Where a screen asks to go next. A screen names another with a `Route`, and `App::go` builds
//! it: so no screen module knows another, and a new screen is reached by adding a route here
//! (docs/architecture.md). The screens that the shell's answers open (a checklist loaded, a
//! record finalized) are built here too: only `App` sets the screen on display.

use super::app::{App, Effect, Screen};
use super::input::TextInput;
use super::msg::FormData;
use super::msg::ReportKind;
use super::screens::draws::DrawsState;
use super::screens::form::FormState;
use super::screens::form::review::ReviewState;
use super::screens::inspectors::InspectorsState;
use super::screens::records::record::RecordState;
use super::screens::report::ReportState;
use super::screens::roster::RosterState;
use super::screens::roster::establishment::EditState;
use super::screens::sync::SyncState;
use super::screens::welcome::WelcomeState;
use crate::domain::outcome::Handling;
use crate::store::InspectionRecord;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// 首页.
    Home,
    /// The review of the checklist on screen (确认定稿).
    Review,
    /// Back from the review to its checklist: on the first thing it lacks when `to_missing`.
    Checklist { to_missing: bool },
    /// A new establishment, typed in.
    NewEstablishment,
    /// The roster's establishment with this id, to edit.
    EditEstablishment(String),
    /// 单位名录, searching.
    Roster,
    /// 单位名录 with an establishment chosen: its checklist chooser, for a 复查 when
    /// `follow_up`, with `checklist` first when given (the order's).
    Choose {
        establishment: String,
        follow_up: bool,
        checklist: Option<String>,
    },
    /// 检查记录, unfiltered.
    Records,
    /// 同步.
    Sync,
    /// 同步, checking the office bundle named at the first start.
    SyncChecking,
    /// 报表.
    Report,
    /// 报表 on the record forms of these final inspections.
    PrintRecords(Vec<String>),
    /// 报表 on the 责令改正通知书 of this record.
    PrintOrder(String),
    /// The office's 检查人员 list.
    Inspectors,
    /// The office's 双随机 draws.
    Draws,
    /// The inspector's own details, to change.
    Profile,
}

impl App {
    /// Opens the screen `route` names, and what it needs loaded.
    pub fn go(&mut self, route: Route) -> Vec<Effect> {
        match route {
            Route::Home => self.go_home(),
            Route::Review => {
                let screen = std::mem::replace(&mut self.screen, Screen::Home(Box::default()));
                match screen {
                    Screen::Form(form) => {
                        let profile = self.profile.clone().unwrap_or_default();
                        self.screen =
                            Screen::Review(Box::new(ReviewState::new(*form, &profile, self.today)));
                    }
                    other => self.screen = other,
                }
                Vec::new()
            }
            Route::Checklist { to_missing } => {
                let screen = std::mem::replace(&mut self.screen, Screen::Home(Box::default()));
                let mut effects = Vec::new();
                match screen {
                    Screen::Review(review) => {
                        let mut form = review.form;
                        if to_missing && let Some(missing) = review.missing.first() {
                            form.go_to_missing(missing);
                            form.remember_current(&mut effects);
                        }
                        self.screen = Screen::Form(Box::new(form));
                    }
                    other => self.screen = other,
                }
                effects
            }
            Route::NewEstablishment => {
                self.screen = Screen::Establishment(Box::new(EditState::new(None)));
                Vec::new()
            }
            Route::EditEstablishment(id) => {
                if let Some(e) = self.roster.iter().find(|e| e.id == id) {
                    self.screen = Screen::Establishment(Box::new(EditState::new(Some(e))));
                }
                Vec::new()
            }
            Route::Roster => {
                let state = RosterState::new(&self.context());
                let effects = state.history_effect(&self.roster);
                self.screen = Screen::Roster(Box::new(state));
                effects
            }
            Route::Choose {
                establishment,
                follow_up,
                checklist,
            } => {
                let mut state = RosterState::choosing(&self.context(), &establishment, follow_up);
                if let Some(checklist) = checklist {
                    state.prefer_checklist(&checklist);
                }
                let effects = state.history_effect(&self.roster);
                self.screen = Screen::Roster(Box::new(state));
                effects
            }
            Route::Records => {
                self.screen = Screen::Records(Box::default());
                vec![Effect::LoadRecords(Default::default())]
            }
            Route::Sync => {
                let (state, effects) = SyncState::open();
                self.screen = Screen::Sync(Box::new(state));
                effects
            }
            Route::SyncChecking => {
                self.screen = Screen::Sync(Box::new(SyncState::checking()));
                Vec::new()
            }
            Route::Report => self.open_report(Vec::new(), None),
            Route::PrintRecords(ids) => self.open_report(ids, None),
            Route::PrintOrder(id) => self.open_report(vec![id], Some(ReportKind::Order)),
            Route::Inspectors => {
                let (state, effects) = InspectorsState::open();
                self.screen = Screen::Inspectors(Box::new(state));
                effects
            }
            Route::Draws => {
                let (state, effects) = DrawsState::open();
                self.screen = Screen::Draws(Box::new(state));
                effects
            }
            Route::Profile => {
                let profile = self.profile.clone().unwrap_or_default();
                self.screen = Screen::Welcome(Box::new(WelcomeState::edit(&profile)));
                Vec::new()
            }
        }
    }

    /// 报表 on the period asked for last, on these records' forms when some are given.
    fn open_report(&mut self, records: Vec<String>, kind: Option<ReportKind>) -> Vec<Effect> {
        let (mut state, effects) = ReportState::open(self.today, self.report_period, records);
        if let Some(kind) = kind {
            state.kind = kind;
        }
        self.screen = Screen::Report(Box::new(state));
        effects
    }
}

impl App {
    /// A checklist opened or resumed from the store, on the item it was left at.
    pub(super) fn open_form(&mut self, data: FormData) -> Vec<Effect> {
        let mut form = FormState::new(data);
        let mut effects = Vec::new();
        form.remember_current(&mut effects);
        self.screen = Screen::Form(Box::new(form));
        effects
    }

    /// Back on the roster after an establishment is saved, searching for its name.
    pub(super) fn open_saved_establishment(&mut self, name: &str) -> Vec<Effect> {
        self.info(self.t.establishment_saved());
        let mut roster = RosterState::new(&self.context());
        roster.query = TextInput::new(name);
        self.screen = Screen::Roster(Box::new(roster));
        vec![Effect::LoadRoster]
    }

    /// The record just finalized, opened, with its serial number in the status line.
    pub(super) fn open_finalized(&mut self, record: InspectionRecord) -> Vec<Effect> {
        let serial = record.inspection.serial.clone().unwrap_or_default();
        let mut text = format!("{} {serial}", self.t.finalized());
        // A written order is handed over at once: the record says which key prints it.
        if record.inspection.conclusion.handling == Some(Handling::RectifyByDeadline) {
            text = format!("{text}  {}", self.t.order_with_key());
        }
        self.info(text);
        let id = record.inspection.id.clone();
        self.screen = Screen::Record(Box::new(RecordState::new(record, true)));
        vec![Effect::LoadColleagues, Effect::LoadCampaignTags(id)]
    }

    /// A record loaded from the store, opened; when `c` on 检查记录 asked for it, with the
    /// reason of its correction asked at once, as `c` on the opened record does.
    pub(super) fn open_record(&mut self, record: InspectionRecord) -> Vec<Effect> {
        let correct =
            matches!(&self.screen, Screen::Records(r) if r.corrects(&record.inspection.id));
        let mut state = RecordState::new(record, false);
        if correct && let Some(why) = state.start_correction() {
            self.info(why(self.t));
        }
        let id = state.record.inspection.id.clone();
        self.screen = Screen::Record(Box::new(state));
        vec![Effect::LoadCampaignTags(id)]
    }
}
