//! 记录: inspections listed by status, result, date and establishment.
//!
//! Only a page is loaded: the newest inspections that match, with how many match in all. Every
//! filter, the establishment name included, is a store query, so narrowing it reaches records
//! beyond the page (issue 7). The name is resolved to establishment ids here, with the roster's
//! search keys, because the pinyin lives in memory and not in the database.

pub mod range;
pub mod record;
mod view;

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::domain::establishment::Establishment;
use crate::domain::inspection::Status;
use crate::domain::outcome::Outcome;
use crate::i18n::tui::Text;
use crate::store::{InspectionPage, InspectionSummary};
use crate::tui::app::{Action, Effect, RecordsQuery};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{
    DOWN, ENTER, ESC, Keys, Line, MOVE, OK_CANCEL_FOOTER, PAGE, TAB, ch, short, typing,
};
use crate::tui::route::Route;
use crate::tui::search::{SearchKey, rank};

#[derive(Debug, Clone, Default)]
pub struct RecordsState {
    pub query: RecordsQuery,
    pub period: Period,
    /// The newest inspections of the query, at most a page.
    pub list: Vec<InspectionSummary>,
    /// How many inspections the query matches in all.
    pub total: usize,
    /// Position in `list`.
    pub selected: usize,
    /// Establishment filter as typed: searched in the roster like the 名录 search.
    pub name: TextInput,
    /// Whether the name filter has the keyboard (`/`).
    pub typing: bool,
    /// The final record `c` asked to correct: it opens with the reason asked.
    pub correcting: Option<String>,
    /// A custom date range being typed (`D`, records_range.rs).
    pub range: Option<TextInput>,
}

/// How far back the records list reaches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Period {
    #[default]
    All,
    Days30,
    ThisYear,
    /// Typed with `D`: from and to, both included.
    Range(NaiveDate, NaiveDate),
}

impl Period {
    fn next(self) -> Self {
        match self {
            Self::All => Self::Days30,
            Self::Days30 => Self::ThisYear,
            Self::ThisYear | Self::Range(..) => Self::All,
        }
    }

    fn from(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::All => None,
            Self::Days30 => Some(today - chrono::Days::new(30)),
            Self::ThisYear => NaiveDate::from_ymd_opt(today.year(), 1, 1),
            Self::Range(from, _) => Some(from),
        }
    }

    fn label(self, t: crate::i18n::tui::Text) -> String {
        match self {
            Self::All => t.all().into(),
            Self::Days30 => t.last_30_days().into(),
            Self::ThisYear => t.this_year().into(),
            Self::Range(from, to) => format!("{from} {} {to}", t.range_to()),
        }
    }
}

impl RecordsState {
    pub fn loaded(&mut self, page: InspectionPage) {
        self.list = page.inspections;
        self.total = page.total;
        self.selected = self.selected.min(self.list.len().saturating_sub(1));
    }

    /// Whether the typed name found no establishment: the list is empty without a query.
    fn no_establishment(&self) -> bool {
        self.query
            .establishment_ids
            .as_ref()
            .is_some_and(Vec::is_empty)
    }

    /// Asks for the first page of the query.
    fn reload(&mut self) -> Step {
        self.selected = 0;
        if self.no_establishment() {
            // No establishment has that name, so no inspection can match: nothing to ask.
            self.loaded(InspectionPage::default());
            return Step::none();
        }
        Step::effect(Effect::LoadRecords(self.query.clone()))
    }

    /// Whether `c` on this list asked for the record `id`: it opens with the reason of its
    /// correction asked at once, as `c` on the opened record does.
    pub fn corrects(&self, id: &str) -> bool {
        self.correcting.as_deref() == Some(id)
    }
}

/// The ids of the establishments a typed name finds, by the roster's own search (name, pinyin
/// initials, full pinyin, licence number, address), so the same text finds the same
/// establishments on both screens. `None` for no name: no filter.
fn establishments_named(
    keys: &[SearchKey],
    roster: &[Establishment],
    name: &str,
) -> Option<Vec<String>> {
    if name.trim().is_empty() {
        return None;
    }
    let ids = rank(keys, name)
        .into_iter()
        .filter_map(|i| roster.get(i))
        .map(|e| e.id.clone())
        .collect();
    Some(ids)
}

const KEYS: Keys = Keys {
    lines: &[
        Line {
            what: Text::keys_move_scroll,
            ..MOVE
        },
        PAGE,
        crate::key_line!(
            Text::keys_filter_all_drafts_final,
            Command::FilterStatus,
            [TAB]
        ),
        crate::key_line!(
            Text::keys_filter_by_establishment_name,
            Command::FilterName,
            [ch('/')]
        ),
        crate::key_line!(
            Text::keys_filter_by_result,
            Command::FilterResult,
            [ch('o')]
        ),
        crate::key_line!(
            Text::keys_filter_by_date_last,
            Command::FilterDays,
            [ch('d')]
        ),
        crate::key_line!(Text::keys_filter_by_range, Command::FilterRange, [ch('D')]),
        crate::key_line!(Text::keys_open, Command::Confirm, [ENTER]),
        crate::key_line!(
            Text::keys_correct_a_final_record,
            Command::Correct,
            [ch('c')]
        ),
        crate::key_line!(Text::keys_print_record, Command::Print, [ch('p')]),
        crate::key_line!(Text::keys_print_records, Command::PrintAll, [ch('P')]),
        crate::key_line!(Text::keys_back, Command::Back, [ESC, ch('q')]),
    ],
    footer: &[
        short(&[ch('/')], Text::keys_name),
        short(&[ENTER], Text::keys_open),
        short(&[TAB], Text::keys_filter),
        short(&[ESC], Text::keys_back),
    ],
};

/// Typing the establishment's name (`/`): letters are text.
const NAME_KEYS: Keys = Keys {
    lines: &[
        typing(Text::keys_filter_by_establishment_name),
        crate::key_line!(Text::keys_back_to_the_list, Command::Confirm, [ENTER, DOWN]),
        crate::key_line!(Text::keys_clear_the_name, Command::Back, [ESC]),
    ],
    footer: OK_CANCEL_FOOTER,
};

impl Component for RecordsState {
    fn title(&self, t: Text) -> String {
        t.records().into()
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        if self.range.is_some() {
            &range::KEYS
        } else if self.typing {
            &NAME_KEYS
        } else {
            &KEYS
        }
    }

    fn typing(&self) -> bool {
        self.typing || self.range.is_some()
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        if self.range.is_some() {
            return range::on(self, cx, command);
        }
        if self.typing {
            return self.on_name(cx, command);
        }
        let last = self.list.len().saturating_sub(1);
        match command {
            Command::Back => return Step::go(Route::Home),
            Command::FilterName => self.typing = true,
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::PageDown => self.selected = (self.selected + 10).min(last),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::FilterStatus => {
                self.query.status = match self.query.status {
                    None => Some(Status::Draft),
                    Some(Status::Draft) => Some(Status::Final),
                    Some(Status::Final) => None,
                };
                return self.reload();
            }
            Command::FilterResult => {
                let all = Outcome::ALL;
                self.query.outcome = match self.query.outcome {
                    None => Some(all[0]),
                    Some(o) => all
                        .iter()
                        .position(|x| *x == o)
                        .and_then(|i| all.get(i + 1))
                        .copied(),
                };
                return self.reload();
            }
            Command::FilterDays => {
                self.period = self.period.next();
                self.query.from = self.period.from(cx.today);
                self.query.to = None;
                return self.reload();
            }
            Command::FilterRange => range::open(self, cx.today),
            // Record forms: `p` the selected final record, `P` every final record listed. When
            // the list is a page, `P` prints the page: what the inspector sees is what is printed.
            Command::Print => {
                if let Some(s) = self.list.get(self.selected)
                    && s.status == Status::Final
                {
                    return Step::go(Route::PrintRecords(vec![s.id.clone()]));
                }
            }
            Command::PrintAll => {
                let ids: Vec<String> = self
                    .list
                    .iter()
                    .filter(|s| s.status == Status::Final)
                    .map(|s| s.id.clone())
                    .collect();
                if !ids.is_empty() {
                    return Step::go(Route::PrintRecords(ids));
                }
            }
            // `c` corrects the selected final record as `c` on the opened record does: it
            // opens, so the inspector sees what is corrected, with the reason asked at once.
            Command::Correct => {
                if let Some(s) = self.list.get(self.selected) {
                    if s.status != Status::Final {
                        return Step::info(cx.t.draft_needs_no_correction());
                    }
                    self.correcting = Some(s.id.clone());
                    return Step::effect(Effect::LoadRecord(s.id.clone()));
                }
            }
            Command::Confirm => {
                self.correcting = None;
                if let Some(s) = self.list.get(self.selected) {
                    return Step::effect(match s.status {
                        Status::Draft => Effect::OpenDraft(s.id.clone()),
                        Status::Final => Effect::LoadRecord(s.id.clone()),
                    });
                }
            }
            _ => {}
        }
        Step::none()
    }

    fn paste(&mut self, cx: &Context, text: &str) -> Step {
        if let Some(range) = &mut self.range {
            range.insert(text);
            return Step::none();
        }
        if !self.typing {
            return Step::none();
        }
        self.name.insert(text);
        self.name_changed(cx)
    }

    fn answer(&mut self, _cx: &Context, action: &Action) -> Option<Step> {
        let Action::RecordsLoaded(page) = action else {
            return None;
        };
        self.loaded(page.clone());
        Some(Step::none())
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}

impl RecordsState {
    /// A command while the name is typed: Enter or ↓ back to the list, Esc clears the name.
    fn on_name(&mut self, cx: &Context, command: Command) -> Step {
        let before = self.name.text().to_string();
        match command {
            Command::Confirm => self.typing = false,
            Command::Back => {
                self.name.clear();
                self.typing = false;
            }
            Command::Input(typed) => {
                self.name.handle_key(typed);
            }
            _ => {}
        }
        if self.name.text() == before {
            return Step::none();
        }
        self.name_changed(cx)
    }

    /// After the typed name changed: the establishments it finds, and their inspections.
    fn name_changed(&mut self, cx: &Context) -> Step {
        self.query.establishment_ids = establishments_named(cx.keys, cx.roster, self.name.text());
        self.reload()
    }
}
