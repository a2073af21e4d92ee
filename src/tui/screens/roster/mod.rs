//! 单位名录: live search as you type, a detail pane, and starting an inspection.

pub mod chooser;
pub mod establishment;
pub mod filter;
mod view;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::domain::establishment::Establishment;
use crate::i18n::tui::Text;
use crate::tui::app::{Action, Effect, History};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{BACK_TAB, DOWN, ENTER, ESC, Key, Keys, Line, PAGE, TAB, UP, short, typing};
use crate::tui::route::Route;
use crate::tui::search::{SearchKey, rank};
use chooser::Chooser;
use filter::Filters;

pub struct RosterState {
    pub query: TextInput,
    /// Indices into the roster, best match first.
    pub hits: Vec<usize>,
    pub selected: usize,
    pub chooser: Option<Chooser>,
    /// Inspections and open rectifications of the selected establishment, once loaded.
    pub history: Option<History>,
    pub filters: Filters,
}

impl RosterState {
    pub fn new(cx: &Context) -> Self {
        let mut state = RosterState {
            query: TextInput::default(),
            hits: Vec::new(),
            selected: 0,
            chooser: None,
            history: None,
            filters: Filters::default(),
        };
        state.refresh(cx.keys, cx.roster);
        state
    }

    /// The roster with one establishment selected and the checklist chooser open.
    pub fn choosing(cx: &Context, establishment_id: &str, follow_up: bool) -> Self {
        let mut state = Self::new(cx);
        if let Some(i) = cx.roster.iter().position(|e| e.id == establishment_id) {
            state.selected = state.hits.iter().position(|h| *h == i).unwrap_or(0);
            state.chooser = chooser::chooser(cx, &cx.roster[i], follow_up);
        }
        state
    }

    /// A 复查 chosen from 首页 answers the order's checklist: it is offered first.
    pub fn prefer_checklist(&mut self, checklist_id: &str) {
        if let Some(c) = &mut self.chooser {
            c.prefer(checklist_id);
        }
    }

    pub fn refresh(&mut self, keys: &[SearchKey], roster: &[Establishment]) {
        self.hits = rank(keys, self.query.text());
        self.hits
            .retain(|i| roster.get(*i).is_some_and(|e| self.filters.matches(e)));
        self.selected = 0;
    }

    pub fn current<'a>(&self, roster: &'a [Establishment]) -> Option<&'a Establishment> {
        self.hits.get(self.selected).and_then(|i| roster.get(*i))
    }

    /// Asks for the selected establishment's history when the selection moved to another one.
    pub fn history_effect(&self, roster: &[Establishment]) -> Vec<Effect> {
        match self.current(roster) {
            Some(e)
                if self
                    .history
                    .as_ref()
                    .is_none_or(|h| h.establishment_id != e.id) =>
            {
                vec![Effect::LoadHistory(e.id.clone())]
            }
            _ => Vec::new(),
        }
    }
}

/// Searching: letters are the search text, so moving is by the arrows only.
const KEYS: Keys = Keys {
    lines: &[
        typing(Text::keys_search_by_name_pinyin),
        Line {
            keys: &[(UP, Command::Up), (DOWN, Command::Down)],
            what: Text::keys_move,
        },
        PAGE,
        crate::key_line!(Text::keys_choose_a_checklist_and, Command::Confirm, [ENTER]),
        crate::key_line!(Text::keys_filter_by_kind, Command::FilterKind, [TAB]),
        crate::key_line!(
            Text::keys_filter_by_risk_grade,
            Command::FilterGrade,
            [BACK_TAB]
        ),
        crate::key_line!(
            Text::keys_filter_by_town,
            Command::FilterTown,
            [Key::Ctrl('t')]
        ),
        crate::key_line!(
            Text::keys_add_an_establishment,
            Command::NewEstablishment,
            [Key::Ctrl('n')]
        ),
        crate::key_line!(
            Text::keys_edit_the_selected_establishment,
            Command::EditEstablishment,
            [Key::Ctrl('e')]
        ),
        crate::key_line!(Text::keys_back_home, Command::Back, [ESC]),
    ],
    footer: &[
        short(&[UP, DOWN], Text::keys_move),
        short(&[ENTER], Text::keys_inspect),
        short(&[TAB], Text::keys_filter),
        short(&[Key::Ctrl('n')], Text::keys_new),
        short(&[ESC], Text::keys_back),
    ],
};

impl Component for RosterState {
    fn title(&self, t: Text) -> String {
        t.roster().into()
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        match self.chooser {
            Some(_) => &chooser::KEYS,
            None => &KEYS,
        }
    }

    fn typing(&self) -> bool {
        self.chooser.is_none()
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        let step = self.command(cx, command);
        if step.route.is_some() {
            return step;
        }
        let history = self.history_effect(cx.roster);
        step.with_effects(history)
    }

    fn paste(&mut self, cx: &Context, text: &str) -> Step {
        if self.chooser.is_some() {
            return Step::none();
        }
        self.query.insert(text);
        self.refresh(cx.keys, cx.roster);
        Step::effects(self.history_effect(cx.roster))
    }

    fn answer(&mut self, cx: &Context, action: &Action) -> Option<Step> {
        match action {
            // `App` keeps the roster first (`absorb`); the hits are indices into it.
            Action::RosterLoaded(_) => self.refresh(cx.keys, cx.roster),
            Action::HistoryLoaded(history) => self.history = Some(history.clone()),
            _ => return None,
        }
        Some(Step::none())
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}

impl RosterState {
    /// What a command does, before the selected establishment's history is asked for.
    fn command(&mut self, cx: &Context, command: Command) -> Step {
        if let Some(c) = &mut self.chooser {
            if command == Command::Back {
                self.chooser = None;
                return Step::none();
            }
            let establishment = self.hits.get(self.selected).and_then(|i| cx.roster.get(*i));
            return c.on(cx, establishment, command);
        }
        let last = self.hits.len().saturating_sub(1);
        match command {
            Command::Back => return Step::go(Route::Home),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::PageDown => self.selected = (self.selected + 10).min(last),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::FilterKind => {
                self.filters.cycle_kind(cx.roster);
                self.refresh(cx.keys, cx.roster);
            }
            Command::FilterGrade => {
                self.filters.cycle_grade();
                self.refresh(cx.keys, cx.roster);
            }
            Command::FilterTown => {
                self.filters.cycle_town(cx.roster);
                self.refresh(cx.keys, cx.roster);
            }
            Command::NewEstablishment => return Step::go(Route::NewEstablishment),
            Command::EditEstablishment => {
                if let Some(e) = self.current(cx.roster) {
                    return Step::go(Route::EditEstablishment(e.id.clone()));
                }
            }
            Command::Confirm => return self.choose(cx),
            Command::Input(typed) if self.query.handle_key(typed) => {
                self.refresh(cx.keys, cx.roster);
            }
            _ => {}
        }
        Step::none()
    }

    /// Enter: the checklist chooser for the selected establishment. One with an open order
    /// proposes its 复查, on the order's checklist.
    fn choose(&mut self, cx: &Context) -> Step {
        let Some(e) = self.current(cx.roster) else {
            return Step::none();
        };
        let follow_up = self
            .history
            .as_ref()
            .filter(|h| h.establishment_id == e.id)
            .and_then(|h| h.follow_up_checklist.clone());
        match chooser::chooser(cx, e, follow_up.is_some()) {
            Some(mut c) => {
                if let Some(checklist) = &follow_up {
                    c.prefer(checklist);
                }
                self.chooser = Some(c);
                Step::none()
            }
            None => Step::error(cx.t.no_checklist()),
        }
    }
}
