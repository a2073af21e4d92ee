//! The UI's state and its one pure transition, `App::update(action) -> effects`.
//!
//! Nothing here touches the terminal, the clock or the database: the shell (`effects.rs`) does
//! what the effects ask and feeds the results back as actions. That keeps every flow testable
//! with plain unit tests.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use super::msg::{
    Action, AnswerDraft, Effect, FormData, History, HomeData, Profile, RecordsQuery,
};

use super::component::{Context, Step};
use super::due::{Due, Frequencies};
use super::route::Route;
pub use super::screens::Screen;
use super::screens::welcome::WelcomeState;
use super::search::SearchKey;
use super::theme::Theme;
use crate::domain::checklist::Checklist;
use crate::domain::establishment::Establishment;
use crate::i18n::Lang;
use crate::i18n::tui::Text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub t: Text,
    pub theme: Theme,
    pub today: NaiveDate,
    pub profile: Option<Profile>,
    pub roster: Vec<Establishment>,
    /// One search key per roster entry, same order.
    pub keys: Vec<SearchKey>,
    pub checklists: Vec<Checklist>,
    pub frequencies: Frequencies,
    pub home: HomeData,
    pub due: Vec<Due>,
    pub screen: Screen,
    /// Inspectors named on earlier inspections, offered as the second inspector.
    pub colleagues: Vec<crate::domain::inspection::Inspector>,
    pub help: bool,
    /// The 报表 period last asked for, offered again on the next visit.
    pub report_period: Option<(NaiveDate, NaiveDate)>,
    pub message: Option<Message>,
    pub quit: bool,
}

impl App {
    pub fn new(
        lang: Lang,
        theme: Theme,
        today: NaiveDate,
        profile: Option<Profile>,
        checklists: Vec<Checklist>,
    ) -> Self {
        let screen = match &profile {
            Some(_) => Screen::Home(Box::default()),
            None => Screen::Welcome(Box::new(WelcomeState::new(Text(lang)))),
        };
        App {
            t: Text(lang),
            theme,
            today,
            profile,
            roster: Vec::new(),
            keys: Vec::new(),
            checklists,
            frequencies: Frequencies::default(),
            home: HomeData::default(),
            due: Vec::new(),
            screen,
            colleagues: Vec::new(),
            help: false,
            report_period: None,
            message: None,
            quit: false,
        }
    }

    /// What to load when the UI starts.
    pub fn start(&self) -> Vec<Effect> {
        match self.screen {
            // The bureau's list, if an office bundle brought one, to pick oneself from.
            Screen::Welcome(_) => vec![Effect::LoadRoster, Effect::LoadColleagues],
            _ => vec![Effect::LoadRoster, Effect::LoadHome, Effect::LoadColleagues],
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// What every screen may read, borrowed.
    pub fn context(&self) -> Context<'_> {
        Context {
            t: self.t,
            theme: self.theme,
            today: self.today,
            profile: self.profile.as_ref(),
            roster: &self.roster,
            keys: &self.keys,
            checklists: &self.checklists,
            frequencies: &self.frequencies,
            home: &self.home,
            due: &self.due,
            colleagues: &self.colleagues,
            report_period: self.report_period,
        }
    }

    /// The screen to change, beside what it may read.
    fn parts(&mut self) -> (Context<'_>, &mut Screen) {
        let App {
            t,
            theme,
            today,
            profile,
            roster,
            keys,
            checklists,
            frequencies,
            home,
            due,
            screen,
            colleagues,
            report_period,
            ..
        } = self;
        let cx = Context {
            t: *t,
            theme: *theme,
            today: *today,
            profile: profile.as_ref(),
            roster,
            keys,
            checklists,
            frequencies,
            home,
            due,
            colleagues,
            report_period: *report_period,
        };
        (cx, screen)
    }

    /// Does what a screen's step asks: its message, the quit, and the route, which only `App`
    /// follows.
    fn apply(&mut self, step: Step) -> Vec<Effect> {
        let Step {
            mut effects,
            route,
            message,
            quit,
        } = step;
        if message.is_some() {
            self.message = message;
        }
        self.quit |= quit;
        // The 报表 period asked for is offered again on the next visit.
        for effect in &effects {
            if let Effect::LoadReport { from, to } = effect {
                self.report_period = Some((*from, *to));
            }
        }
        if let Some(route) = route {
            effects.extend(self.go(route));
        }
        effects
    }

    pub fn go_home(&mut self) -> Vec<Effect> {
        self.screen = Screen::Home(Box::default());
        vec![Effect::LoadHome]
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Key(key) => return self.key(key),
            Action::Paste(text) => return self.paste(&text),
            _ => {}
        }
        let action = self.absorb(action);
        // The first run's office bundle is planned from the welcome screen's choice: its plan,
        // or the office's fingerprint, is shown on the sync screen.
        let mut effects = Vec::new();
        if matches!(action, Action::ImportPlanned(_) | Action::FirstContact(_))
            && !matches!(self.screen, Screen::Sync(_))
        {
            effects = self.go(Route::SyncChecking);
        }
        let (cx, screen) = self.parts();
        if let Some(step) = screen.component_mut().answer(&cx, &action) {
            effects.extend(self.apply(step));
            return effects;
        }
        match action {
            Action::Key(_) | Action::Paste(_) | Action::Resize => Vec::new(),
            Action::Failed(text) => {
                self.error(text);
                Vec::new()
            }
            Action::SampleLoaded { added } => {
                self.info(format!("{}: {added}", self.t.sample_loaded()));
                Vec::new()
            }
            Action::FormOpened(data) => self.open_form(*data),
            Action::EstablishmentSaved(saved) => self.open_saved_establishment(&saved.facts.name),
            // The input took the completed path (`answer`); the other candidates are named.
            Action::PathCompleted { candidates, .. } => {
                if !candidates.is_empty() {
                    self.info(candidates.join("  "));
                }
                Vec::new()
            }
            Action::RecordLoaded(record) => self.open_record(*record),
            Action::Finalized(record) => self.open_finalized(*record),
            // Answers only their screen waits for (its `answer`), or kept above (`absorb`);
            // elsewhere they change nothing.
            Action::ProfileSaved(_)
            | Action::RosterLoaded(_)
            | Action::HomeLoaded(_)
            | Action::ColleaguesLoaded(_)
            | Action::HistoryLoaded(_)
            | Action::RecordsLoaded(_)
            | Action::SyncLoaded(_)
            | Action::Exported { .. }
            | Action::ImportPlanned(_)
            | Action::FirstContact(_)
            | Action::Imported(_)
            | Action::ConflictSettled { .. }
            | Action::Progress(_)
            | Action::ReportLoaded(_)
            | Action::ReportWritten(_)
            | Action::InspectorsLoaded { .. }
            | Action::DrawsLoaded { .. }
            | Action::DrawMade(_)
            | Action::CampaignTagsLoaded { .. }
            // Answers only the checklist and its review wait for.
            | Action::AnswerSaved(_)
            | Action::AnswerCleared(_)
            | Action::PhotoAttached(_)
            | Action::PhotoRemoved(_) => Vec::new(),
        }
    }

    /// What every screen reads, kept by `App` before the screen sees the action: the data moves
    /// into `App` (the screen reads it from its `Context`), and the action goes on without it.
    fn absorb(&mut self, action: Action) -> Action {
        match action {
            Action::RosterLoaded(list) => {
                self.keys = list.iter().map(SearchKey::new).collect();
                self.roster = list;
                self.refresh_due();
                Action::RosterLoaded(Vec::new())
            }
            Action::HomeLoaded(data) => {
                self.home = data;
                self.refresh_due();
                Action::HomeLoaded(HomeData::default())
            }
            Action::ColleaguesLoaded(list) => {
                self.colleagues = list;
                Action::ColleaguesLoaded(Vec::new())
            }
            Action::ProfileSaved(profile) => {
                self.profile = Some(profile);
                Action::ProfileSaved(Profile::default())
            }
            other => other,
        }
    }

    fn refresh_due(&mut self) {
        self.due = super::due::due(&self.roster, &self.home.last, self.today, &self.frequencies);
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            // Everything shown as saved is already on disk; the screen saves what is typed but
            // not yet saved (a note, the review's sign-off), or refuses once (`Component::quit`).
            let (cx, screen) = self.parts();
            let step = screen.component_mut().quit(&cx);
            return self.apply(step);
        }
        self.message = None;
        if self.help {
            self.help = false;
            return Vec::new();
        }
        let (cx, screen) = self.parts();
        let screen = screen.component_mut();
        // `?` is text where something is typed.
        if key.code == KeyCode::Char('?') && !screen.typing() {
            self.help = true;
            return Vec::new();
        }
        let command = screen.keys(&cx).command(key);
        let step = screen.on(&cx, command);
        self.apply(step)
    }

    fn paste(&mut self, text: &str) -> Vec<Effect> {
        let (cx, screen) = self.parts();
        let step = screen.component_mut().paste(&cx, text);
        self.apply(step)
    }
}
