//! 报表: pick a report and a period (default: this year so far), see the headline numbers and
//! a chart, write the file to a folder (remembered), and open it.

pub mod view;

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::i18n::tui::Text;
use crate::tui::app::{Action, Effect};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{
    ENTER, ESC, FIELDS_BOTH_WAYS, Key, Keys, LEFT, Line, OPEN_WRITTEN, RIGHT, TAB, concat, short,
};
use crate::tui::msg::{Headline, ReportKind};
use crate::tui::route::Route;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Kind,
    From,
    To,
    Folder,
}

const FIELDS: [Field; 4] = [Field::Kind, Field::From, Field::To, Field::Folder];
const KINDS: [ReportKind; 3] = [
    ReportKind::Summary,
    ReportKind::Workbook,
    ReportKind::Records,
];

#[derive(Debug, Clone, PartialEq)]
pub struct ReportState {
    pub kind: ReportKind,
    pub focus: Field,
    pub from: TextInput,
    pub to: TextInput,
    pub folder: TextInput,
    pub headline: Option<Headline>,
    /// Record forms chosen on the records screen (ids), printed instead of the period's.
    pub records: Vec<String>,
    /// The file written last, which Ctrl-O opens.
    pub written: Option<String>,
    pub working: bool,
}

impl ReportState {
    /// This year so far.
    pub fn new(today: NaiveDate) -> Self {
        let from = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
        ReportState {
            kind: ReportKind::Summary,
            focus: Field::Kind,
            from: TextInput::new(&from.to_string()),
            to: TextInput::new(&today.to_string()),
            folder: TextInput::default(),
            headline: None,
            records: Vec::new(),
            written: None,
            working: false,
        }
    }

    pub fn input(&mut self) -> Option<&mut TextInput> {
        match self.focus {
            Field::Kind => None,
            Field::From => Some(&mut self.from),
            Field::To => Some(&mut self.to),
            Field::Folder => Some(&mut self.folder),
        }
    }

    /// The period typed, when both days are dates in order.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let day = |i: &TextInput| NaiveDate::parse_from_str(i.text().trim(), "%Y-%m-%d").ok();
        let (from, to) = (day(&self.from)?, day(&self.to)?);
        (from <= to).then_some((from, to))
    }

    fn step(&mut self, by: isize) {
        let i = FIELDS.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = FIELDS.len() as isize;
        self.focus = FIELDS[((i as isize + by).rem_euclid(n)) as usize];
    }
    /// 报表 on this year so far, or on `period`, the one asked for last (a supervisor's month
    /// or quarter); on the record forms of `records` when some are given. With the effect that
    /// loads the period's numbers.
    pub fn open(
        today: NaiveDate,
        period: Option<(NaiveDate, NaiveDate)>,
        records: Vec<String>,
    ) -> (Self, Vec<Effect>) {
        let mut state = ReportState::new(today);
        if let Some((from, to)) = period {
            state.from = TextInput::new(&from.to_string());
            state.to = TextInput::new(&to.to_string());
        }
        if !records.is_empty() {
            state.kind = ReportKind::Records;
            state.focus = Field::Folder;
            state.records = records;
        }
        let effects = state
            .period()
            .map(|(from, to)| vec![Effect::LoadReport { from, to }])
            .unwrap_or_default();
        (state, effects)
    }

    /// Enter: on to the next field, with the period's numbers loaded; on the folder, the file
    /// written.
    fn confirm(&mut self, cx: &Context) -> Step {
        match (self.focus, self.period()) {
            (_, None) => Step::error(cx.t.bad_period()),
            (Field::Folder, Some((from, to))) if !self.folder.text().trim().is_empty() => {
                self.working = true;
                Step::effect(Effect::WriteReport {
                    kind: self.kind,
                    from,
                    to,
                    folder: self.folder.text().trim().to_string(),
                    ids: if matches!(self.kind, ReportKind::Records | ReportKind::Order) {
                        self.records.clone()
                    } else {
                        Vec::new()
                    },
                })
            }
            (Field::Folder, _) => Step::none(),
            (Field::Kind, _) => {
                self.step(1);
                Step::none()
            }
            // App keeps the period it loads, for the next visit (`Effect::LoadReport`).
            (_, Some((from, to))) => {
                self.step(1);
                Step::effect(Effect::LoadReport { from, to })
            }
        }
    }
}

const ENTER_LINE: Line = crate::key_line!(Text::keys_write_report, Command::Confirm, [ENTER]);
const LAST: [Line; 2] = [
    OPEN_WRITTEN,
    crate::key_line!(Text::keys_back, Command::Back, [ESC]),
];

/// On the report's kind: ←→ choose it.
const KIND_KEYS: Keys = Keys {
    lines: &concat::<5>(&[
        &[
            FIELDS_BOTH_WAYS,
            Line {
                keys: &[(LEFT, Command::Previous), (RIGHT, Command::Next)],
                what: Text::keys_pick_report,
            },
            ENTER_LINE,
        ],
        &LAST,
    ]),
    footer: &[
        short(&[TAB], Text::keys_next),
        short(&[LEFT, RIGHT], Text::keys_choose),
        short(&[ENTER], Text::keys_ok),
        short(&[Key::Ctrl('o')], Text::keys_open_short),
        short(&[ESC], Text::keys_back),
    ],
};

/// On a day or the folder: letters are text, ←→ move in it.
const TEXT_KEYS: Keys = Keys {
    lines: &concat::<4>(&[&[FIELDS_BOTH_WAYS, ENTER_LINE], &LAST]),
    footer: &[
        short(&[TAB], Text::keys_next),
        short(&[ENTER], Text::keys_ok),
        short(&[Key::Ctrl('o')], Text::keys_open_short),
        short(&[ESC], Text::keys_back),
    ],
};

impl Component for ReportState {
    fn title(&self, t: Text) -> String {
        t.reports().into()
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        match self.focus {
            Field::Kind => &KIND_KEYS,
            _ => &TEXT_KEYS,
        }
    }

    fn typing(&self) -> bool {
        self.focus != Field::Kind
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        if self.working {
            return Step::none();
        }
        match command {
            // Found by the key walk: Ctrl-O before any file was written did nothing at all.
            Command::OpenWritten => return Step::open_written(cx.t, self.written.as_ref()),
            Command::Back => return Step::go(Route::Home),
            Command::NextField => self.step(1),
            Command::PreviousField => self.step(-1),
            Command::Previous | Command::Next if self.focus == Field::Kind => {
                let i = KINDS.iter().position(|k| *k == self.kind).unwrap_or(0);
                let by = if command == Command::Previous { 2 } else { 1 };
                self.kind = KINDS[(i + by) % KINDS.len()];
            }
            Command::Confirm => return self.confirm(cx),
            Command::Input(typed) => {
                if let Some(input) = self.input() {
                    input.handle_key(typed);
                }
            }
            _ => {}
        }
        Step::none()
    }

    fn paste(&mut self, _cx: &Context, text: &str) -> Step {
        if let Some(input) = self.input() {
            input.insert(text);
        }
        Step::none()
    }

    fn answer(&mut self, cx: &Context, action: &Action) -> Option<Step> {
        Some(match action {
            Action::ReportLoaded(headline) => {
                if self.folder.is_empty()
                    && let Some(folder) = &headline.folder
                {
                    self.folder = TextInput::new(folder);
                }
                self.headline = Some((**headline).clone());
                Step::none()
            }
            _ => return Step::file_answer(cx.t, action, &mut self.working, &mut self.written),
        })
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}
