//! 首页: drafts to resume, establishments due, overdue rectifications, final records not yet
//! exported.

pub mod tasks;
mod view;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::i18n::tui::Text;
use crate::tui::app::Effect;
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::keys::{CANCEL, ENTER, ESC, Key, Keys, Line, MOVE, PAGE, Short, ch, concat, short};
use crate::tui::route::Route;

/// Due establishments shown on the home screen; the roster lists the rest.
const DUE_SHOWN: usize = 30;
/// Final records not yet exported on the home screen (all are counted); the records screen
/// lists them all.
pub const FINALS_SHOWN: usize = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeState {
    pub selected: usize,
    /// A draft to discard once the inspector confirms (`d`, then `y`).
    pub discarding: Option<String>,
}

/// One selectable line of the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeRow {
    Draft(usize),
    Overdue(usize),
    Due(usize),
    Final(usize),
    Task(usize),
}

pub fn rows(cx: &Context) -> Vec<HomeRow> {
    let h = cx.home;
    (0..h.drafts.len())
        .map(HomeRow::Draft)
        .chain((0..h.overdue.len()).map(HomeRow::Overdue))
        .chain((0..h.unexported.inspections.len().min(FINALS_SHOWN)).map(HomeRow::Final))
        .chain((0..h.tasks.len()).map(HomeRow::Task))
        .chain((0..cx.due.len().min(DUE_SHOWN)).map(HomeRow::Due))
        .collect()
}

/// The lines every station's 首页 has, before and after the office's two.
const FIRST: [Line; 6] = [
    MOVE,
    PAGE,
    crate::key_line!(
        Text::keys_resume_draft_inspect_open,
        Command::Confirm,
        [ENTER]
    ),
    crate::key_line!(
        Text::keys_establishments_search,
        Command::Search,
        [ch('/'), ch('s')]
    ),
    crate::key_line!(Text::keys_records, Command::Records, [ch('r')]),
    crate::key_line!(Text::keys_sync, Command::Sync, [ch('t')]),
];
const REPORTS: Line = crate::key_line!(Text::keys_reports, Command::Reports, [ch('b')]);
const LAST: [Line; 4] = [
    crate::key_line!(Text::keys_delete_a_draft, Command::DiscardDraft, [ch('d')]),
    crate::key_line!(
        Text::keys_change_the_inspector,
        Command::ChangeProfile,
        [ch('p')]
    ),
    crate::key_line!(Text::keys_quit, Command::Quit, [ch('q')]),
    // Esc means "back" everywhere else: pressed once too often it must not end the program,
    // so here it only says which key does (docs/tui.md).
    crate::key_line!(Text::keys_says_how_to_quit, Command::Back, [ESC]),
];

const FOOTER: &[Short] = &[
    short(&[ENTER], Text::keys_open),
    short(&[ch('/')], Text::keys_search),
    short(&[ch('r')], Text::keys_records_short),
    short(&[ch('t')], Text::keys_sync_short),
    short(&[ch('b')], Text::keys_reports_short),
    short(&[ch('q')], Text::keys_quit),
];

const KEYS: Keys = Keys {
    lines: &concat::<11>(&[&FIRST, &[REPORTS], &LAST]),
    footer: FOOTER,
};

/// 首页 of the station that plans for the district (issue 14): the office's two screens too.
const OFFICE_KEYS: Keys = Keys {
    lines: &concat::<13>(&[
        &FIRST,
        &[
            REPORTS,
            crate::key_line!(Text::keys_inspectors, Command::Inspectors, [ch('i')]),
            crate::key_line!(Text::keys_draws, Command::Draws, [ch('w')]),
        ],
        &LAST,
    ]),
    footer: FOOTER,
};

/// Discarding a draft: `y` confirms, any other key keeps it.
const CONFIRM_KEYS: Keys = Keys {
    lines: &[
        crate::key_line!(Text::keys_ok, Command::Yes, [Key::Letter('y')]),
        CANCEL,
    ],
    footer: &[],
};

impl Component for HomeState {
    fn title(&self, t: Text) -> String {
        t.home().into()
    }

    fn keys(&self, cx: &Context) -> &'static Keys {
        match (&self.discarding, cx.home.office) {
            (Some(_), _) => &CONFIRM_KEYS,
            (None, true) => &OFFICE_KEYS,
            (None, false) => &KEYS,
        }
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        if let Some(id) = self.discarding.take() {
            return match command {
                Command::Yes => Step::effect(Effect::DiscardDraft(id)),
                _ => Step::none(),
            };
        }
        let rows = rows(cx);
        let last = rows.len().saturating_sub(1);
        match command {
            Command::DiscardDraft => {
                if let Some(HomeRow::Draft(i)) = rows.get(self.selected)
                    && let Some(d) = cx.home.drafts.get(*i)
                {
                    self.discarding = Some(d.id.clone());
                }
            }
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::PageDown => self.selected = (self.selected + 10).min(last),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::Search => return Step::go(Route::Roster),
            Command::Records => return Step::go(Route::Records),
            Command::Sync => return Step::go(Route::Sync),
            Command::Reports => return Step::go(Route::Report),
            Command::Inspectors => return Step::go(Route::Inspectors),
            Command::Draws => return Step::go(Route::Draws),
            Command::ChangeProfile => return Step::go(Route::Profile),
            Command::Quit => return Step::quit(),
            Command::Back => return Step::info(cx.t.quit_with_q()),
            Command::Confirm => return self.open(cx, rows.get(self.selected).copied()),
            // The office's keys on a field station: say whose they are.
            Command::Input(typed) if matches!(typed.char(), Some('i' | 'w')) => {
                return Step::info(cx.t.office_only());
            }
            _ => {}
        }
        Step::none()
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf);
        None
    }
}

impl HomeState {
    /// Enter on a row: a draft resumed, a record opened, or an establishment to inspect.
    fn open(&self, cx: &Context, row: Option<HomeRow>) -> Step {
        let home = cx.home;
        let found = match row {
            Some(HomeRow::Draft(i)) => home
                .drafts
                .get(i)
                .map(|d| Step::effect(Effect::OpenDraft(d.id.clone()))),
            Some(HomeRow::Final(i)) => home
                .unexported
                .inspections
                .get(i)
                .map(|d| Step::effect(Effect::LoadRecord(d.id.clone()))),
            Some(HomeRow::Task(i)) => home
                .tasks
                .get(i)
                .map(|task| Step::go(choose(&task.establishment_id, false, None))),
            Some(HomeRow::Due(i)) => cx
                .due
                .get(i)
                .map(|d| Step::go(choose(&d.establishment_id, false, None))),
            Some(HomeRow::Overdue(i)) => home
                .overdue
                .get(i)
                .map(|o| Step::go(choose(&o.establishment_id, true, Some(&o.checklist_id)))),
            None => None,
        };
        found.unwrap_or_default()
    }
}

/// The roster on an establishment, its checklist chooser open.
fn choose(establishment: &str, follow_up: bool, checklist: Option<&str>) -> Route {
    Route::Choose {
        establishment: establishment.to_string(),
        follow_up,
        checklist: checklist.map(str::to_string),
    }
}
