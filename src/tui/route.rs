//! Where a screen asks to go next. A screen names another with a `Route`, and `App::go` builds
//! it: so no screen module knows another, and a new screen is reached by adding a route here
//! (docs/architecture.md).

use super::app::{App, Effect, Screen};
use super::msg::ReportKind;
use super::screens::draws::DrawsState;
use super::screens::form::review::ReviewState;
use super::screens::inspectors::InspectorsState;
use super::screens::records::record::RecordState;
use super::screens::report::ReportState;
use super::screens::roster::RosterState;
use super::screens::roster::establishment::EditState;
use super::screens::sync::SyncState;
use super::screens::welcome::WelcomeState;
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
