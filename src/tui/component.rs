//! The one shape of a screen. Each screen's state implements `Component`: it names its title and
//! its keys, takes commands and the shell's answers, and draws itself, all against a read-only
//! `Context`. It never changes which screen is shown: it asks with a `Route` in its `Step`, and
//! only `App` follows it (docs/architecture.md).

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::app::{Action, Effect, HomeData, Message, Profile};
use super::command::Command;
use super::due::{Due, Frequencies};
use super::keys::Keys;
use super::route::Route;
use super::search::SearchKey;
use super::theme::Theme;
use crate::domain::checklist::Checklist;
use crate::domain::establishment::Establishment;
use crate::domain::inspection::Inspector;
use crate::i18n::tui::Text;

/// What every screen may read: the words, today, the roster and what the station loaded.
pub struct Context<'a> {
    pub t: Text,
    pub theme: Theme,
    pub today: NaiveDate,
    pub profile: Option<&'a Profile>,
    pub roster: &'a [Establishment],
    /// One search key per roster entry, same order.
    pub keys: &'a [SearchKey],
    pub checklists: &'a [Checklist],
    pub frequencies: &'a Frequencies,
    pub home: &'a HomeData,
    pub due: &'a [Due],
    /// Inspectors named on earlier inspections, offered as the second inspector.
    pub colleagues: &'a [Inspector],
    /// The 报表 period last asked for, offered again on the next visit.
    pub report_period: Option<(NaiveDate, NaiveDate)>,
}

impl Context<'_> {
    /// The inspector of this station, or an empty one before the first start is done.
    pub fn profile(&self) -> Profile {
        self.profile.cloned().unwrap_or_default()
    }
}

/// What a screen answers a command or an action with.
#[derive(Debug, Default, PartialEq)]
#[must_use]
pub struct Step {
    /// For the shell to do, in order.
    pub effects: Vec<Effect>,
    /// The screen to show next.
    pub route: Option<Route>,
    /// A line for the status bar.
    pub message: Option<Message>,
    pub quit: bool,
}

impl Step {
    /// Nothing to do beyond what the screen changed in itself.
    pub fn none() -> Self {
        Step::default()
    }

    pub fn effects(effects: Vec<Effect>) -> Self {
        Step {
            effects,
            ..Step::default()
        }
    }

    pub fn effect(effect: Effect) -> Self {
        Step::effects(vec![effect])
    }

    pub fn go(route: Route) -> Self {
        Step {
            route: Some(route),
            ..Step::default()
        }
    }

    pub fn quit() -> Self {
        Step {
            quit: true,
            ..Step::default()
        }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Step::default().with_info(text)
    }

    pub fn error(text: impl Into<String>) -> Self {
        Step::default().with_error(text)
    }

    pub fn with_info(mut self, text: impl Into<String>) -> Self {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
        self
    }

    pub fn with_error(mut self, text: impl Into<String>) -> Self {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
        self
    }

    /// Ctrl-O: the file written last opened with the system's program, or a word that none
    /// is written yet.
    pub fn open_written(t: Text, written: Option<&String>) -> Self {
        match written {
            Some(path) => Step::effect(Effect::OpenFile(path.clone())),
            None => Step::info(t.nothing_written_yet()),
        }
    }

    /// What a screen that writes files (reports, a draw's page or list) makes of the shell's
    /// answer to its last write: the file written, kept for Ctrl-O, or the error; the screen
    /// is no longer working either way. `None` for any other answer.
    pub fn file_answer(
        t: Text,
        action: &Action,
        working: &mut bool,
        written: &mut Option<String>,
    ) -> Option<Self> {
        match action {
            Action::ReportWritten(path) => {
                *working = false;
                *written = Some(path.clone());
                Some(Step::info(t.written_ctrl_o_opens(path)))
            }
            Action::Failed(text) => {
                *working = false;
                Some(Step::error(text.clone()))
            }
            _ => None,
        }
    }

    pub fn with_effects(mut self, effects: impl IntoIterator<Item = Effect>) -> Self {
        self.effects.extend(effects);
        self
    }
}

/// A screen: its state, with what it shows, what keys it takes, and what it does with them.
pub trait Component {
    /// The title bar's name of the screen.
    fn title(&self, t: Text) -> String;

    /// The keys that work now (the table of the state the screen is in).
    fn keys(&self, cx: &Context) -> &'static Keys;

    /// Whether the focus is in a text input, where `?` and letters are text.
    fn typing(&self) -> bool {
        false
    }

    /// What a command from the key table does.
    fn on(&mut self, cx: &Context, command: Command) -> Step;

    /// Text pasted into the terminal.
    fn paste(&mut self, _cx: &Context, _text: &str) -> Step {
        Step::none()
    }

    /// The shell's answer, when the screen is the one waiting for it; `None` leaves it to
    /// `App` (docs/architecture.md).
    fn answer(&mut self, _cx: &Context, _action: &Action) -> Option<Step> {
        None
    }

    /// Ctrl-C: quits, after saving what is typed but not yet saved. A screen with edits that
    /// cannot be saved on the way out may refuse once, with a word.
    fn quit(&mut self, _cx: &Context) -> Step {
        Step::quit()
    }

    /// Draws the screen's body; returns where the terminal cursor belongs while typing.
    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position>;
}
