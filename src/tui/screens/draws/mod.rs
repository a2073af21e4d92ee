//! 双随机抽取 (office): the numbered draws kept here, a new one run (`n`), one viewed (Enter),
//! printed on A4 (`p`) or written as CSV for 一公开 (`c`) through the 报表 screen's effect. The
//! rules are `shian draw`'s (src/planning.rs); a draw is never re-run: each is a new number
//! (issue 14, docs/planning.md). Drawn by view.rs.

pub mod view;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::domain::planning::draw::DrawRecord;
use crate::i18n::tui::Text;
use crate::planning::DrawRequest;
use crate::tui::app::{Action, Effect};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::fields::Fields;
use crate::tui::input::TextInput;
use crate::tui::keys::{
    DOWN, ENTER, ESC, Keys, Line, MOVE, OPEN_WRITTEN, TYPING_TEXT, UP, ch, concat, short,
};
use crate::tui::msg::ReportKind;
use crate::tui::route::Route;

/// The inputs of a new draw, in this order.
pub const KIND: usize = 0;
pub const TOWN: usize = 1;
pub const GRADE: usize = 2;
pub const COUNT: usize = 3;
pub const PER: usize = 4;
pub const SEED: usize = 5;
pub const DEADLINE: usize = 6;
pub const BY: usize = 7;

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Mode {
    #[default]
    List,
    /// One draw, the selected one, in full.
    View,
    /// Typing a new draw.
    New(Fields),
    /// Typing the folder to write the selected draw to: its A4 page, or with `csv` its CSV;
    /// back to the draw in full afterwards when it was open (`from_view`).
    Folder {
        csv: bool,
        input: TextInput,
        from_view: bool,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DrawsState {
    /// Oldest first, as numbered.
    pub list: Vec<DrawRecord>,
    pub selected: usize,
    pub mode: Mode,
    /// The folder reports were last written to, offered for the next file.
    pub folder: String,
    /// The file written last, which Ctrl-O opens.
    pub written: Option<String>,
    /// A draw or a file is being made: keys wait.
    pub working: bool,
    /// The first line of a viewed draw shown.
    pub scroll: usize,
}

impl DrawsState {
    /// The draws from 首页, loading.
    pub fn open() -> (Self, Vec<Effect>) {
        (DrawsState::default(), vec![Effect::LoadDraws])
    }

    pub fn current(&self) -> Option<&DrawRecord> {
        self.list.get(self.selected)
    }
}

/// What the list and one draw in full both take.
const DRAW_LINES: [Line; 5] = [
    crate::key_line!(Text::keys_new_draw, Command::NewDraw, [ch('n')]),
    crate::key_line!(Text::keys_print_draw, Command::Print, [ch('p')]),
    crate::key_line!(Text::keys_draw_csv, Command::DrawCsv, [ch('c')]),
    OPEN_WRITTEN,
    crate::key_line!(Text::keys_back, Command::Back, [ESC]),
];

/// Enter: the selected draw in full, from its top.
const VIEW: Line = crate::key_line!(Text::keys_view_draw, Command::Confirm, [ENTER]);

const LIST_KEYS: Keys = Keys {
    lines: &concat::<7>(&[&[MOVE, VIEW], &DRAW_LINES]),
    footer: &[
        short(&[ENTER], Text::keys_open),
        short(&[ch('n')], Text::keys_draw_short),
        short(&[ch('p')], Text::keys_print_short),
        short(&[ch('c')], Text::keys_draw_csv),
        short(&[ESC], Text::keys_back),
    ],
};

/// One draw viewed in full: ↑↓ scroll it.
const VIEW_KEYS: Keys = Keys {
    lines: &concat::<7>(&[
        &[
            Line {
                keys: MOVE.keys,
                what: Text::keys_scroll,
            },
            VIEW,
        ],
        &DRAW_LINES,
    ]),
    footer: &[
        short(&[UP, DOWN], Text::keys_scroll),
        short(&[ch('p')], Text::keys_print_short),
        short(&[ch('c')], Text::keys_draw_csv),
        short(&[ESC], Text::keys_back),
    ],
};

/// Typing the folder: letters are text.
const FOLDER_KEYS: Keys = TYPING_TEXT;

/// The filter `shian draw --from` takes, from the three inputs: `all` when none is given.
pub fn filter_text(kind: &str, town: &str, grade: &str) -> String {
    let parts: Vec<String> = [("kind", kind), ("town", town), ("grade", grade)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(n, v)| format!("{n}={v}"))
        .collect();
    if parts.is_empty() {
        "all".into()
    } else {
        parts.join(",")
    }
}

/// Why the typed draw cannot be asked for: the label of the field that is not a number or a
/// date.
enum Bad {
    Number(usize),
    Date(usize),
}

fn request(fields: &Fields) -> Result<DrawRequest, Bad> {
    let number = |i: usize| fields.text(i).parse::<usize>().map_err(|_| Bad::Number(i));
    let seed = match fields.text(SEED) {
        "" => None,
        s => Some(s.parse::<u64>().map_err(|_| Bad::Number(SEED))?),
    };
    let deadline = match fields.text(DEADLINE) {
        "" => None,
        d => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| Bad::Date(DEADLINE))?),
    };
    Ok(DrawRequest {
        filter: filter_text(fields.text(KIND), fields.text(TOWN), fields.text(GRADE)),
        count: number(COUNT)?,
        per: number(PER)?,
        seed,
        deadline,
        allow_own_unit: false,
        by: fields.text(BY).to_string(),
    })
}

impl Component for DrawsState {
    fn title(&self, t: Text) -> String {
        t.draws_title().into()
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        match self.mode {
            Mode::List => &LIST_KEYS,
            Mode::View => &VIEW_KEYS,
            Mode::New(_) => &crate::tui::fields::KEYS,
            Mode::Folder { .. } => &FOLDER_KEYS,
        }
    }

    fn typing(&self) -> bool {
        matches!(self.mode, Mode::New(_) | Mode::Folder { .. })
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        // A draw or a file is being made: keys wait.
        if self.working {
            return Step::none();
        }
        match &self.mode {
            Mode::New(_) => self.on_new(cx, command),
            Mode::Folder { .. } => self.on_folder(cx, command),
            Mode::List | Mode::View => self.on_draws(cx, command),
        }
    }

    fn paste(&mut self, _cx: &Context, text: &str) -> Step {
        match &mut self.mode {
            Mode::New(fields) => fields.paste(text),
            Mode::Folder { input, .. } => input.insert(text),
            _ => {}
        }
        Step::none()
    }

    fn answer(&mut self, cx: &Context, action: &Action) -> Option<Step> {
        let t = cx.t;
        Some(match action {
            Action::DrawsLoaded { list, folder } => {
                self.list = list.clone();
                // The newest draw first in view: the one the office just made or asks about.
                self.selected = list.len().saturating_sub(1);
                if self.folder.is_empty() {
                    self.folder = folder.clone().unwrap_or_default();
                }
                Step::none()
            }
            Action::DrawMade(record) => {
                self.working = false;
                self.list.push((**record).clone());
                self.selected = self.list.len() - 1;
                self.mode = Mode::View;
                self.scroll = 0;
                let unrouted = crate::planning::unrouted(record).count();
                let mut text = t.draw_made(record.number, &record.seed);
                if unrouted > 0 {
                    text.push_str(&t.draws_unrouted(unrouted));
                }
                Step::info(text)
            }
            // A refused draw keeps what was typed, to be corrected.
            _ => return Step::file_answer(t, action, &mut self.working, &mut self.written),
        })
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}

impl DrawsState {
    /// Typing a new draw.
    fn on_new(&mut self, cx: &Context, command: Command) -> Step {
        let Mode::New(fields) = &mut self.mode else {
            return Step::none();
        };
        match command {
            Command::Back => self.mode = Mode::List,
            Command::NextField => fields.next(),
            Command::PreviousField => fields.previous(),
            Command::Confirm if fields.on_last() => {
                let t = cx.t;
                return match request(fields) {
                    Ok(req) => {
                        self.working = true;
                        Step::effect(Effect::RunDraw(req))
                    }
                    Err(Bad::Number(i)) => {
                        Step::error(format!("{}: {}", t.draw_label(i), t.not_a_count()))
                    }
                    Err(Bad::Date(i)) => {
                        Step::error(format!("{}: {}", t.draw_label(i), t.not_a_date()))
                    }
                };
            }
            Command::Confirm => fields.next(),
            Command::Input(typed) => {
                fields.edit(typed);
            }
            _ => {}
        }
        Step::none()
    }

    /// Typing the folder a draw is written to.
    fn on_folder(&mut self, cx: &Context, command: Command) -> Step {
        let number = self.current().map(|d| d.number);
        let Mode::Folder {
            csv,
            input,
            from_view,
        } = &mut self.mode
        else {
            return Step::none();
        };
        let back = if *from_view { Mode::View } else { Mode::List };
        match command {
            Command::Back => self.mode = back,
            Command::Confirm if !input.text().trim().is_empty() => {
                let kind = if *csv {
                    ReportKind::DrawCsv
                } else {
                    ReportKind::Draw
                };
                self.folder = input.text().trim().to_string();
                self.working = true;
                self.mode = back;
                return Step::effect(Effect::WriteReport {
                    kind,
                    from: cx.today,
                    to: cx.today,
                    folder: self.folder.clone(),
                    ids: number.map(|n| n.to_string()).into_iter().collect(),
                });
            }
            Command::Input(typed) => {
                input.handle_key(typed);
            }
            _ => {}
        }
        Step::none()
    }

    /// The list, or one draw in full.
    fn on_draws(&mut self, cx: &Context, command: Command) -> Step {
        let t = cx.t;
        let number = self.current().map(|d| d.number);
        let viewing = self.mode == Mode::View;
        match command {
            Command::OpenWritten => return Step::open_written(t, self.written.as_ref()),
            Command::NewDraw => {
                let runner = cx.profile.map_or("", |p| p.name.as_str());
                let mut fields = Fields::new(&["", "", "", "", "", "", "", runner]);
                fields.focus = COUNT;
                self.mode = Mode::New(fields);
            }
            Command::Print | Command::DrawCsv => match number {
                Some(_) => {
                    self.mode = Mode::Folder {
                        csv: command == Command::DrawCsv,
                        input: TextInput::new(&self.folder),
                        from_view: viewing,
                    }
                }
                None => return Step::info(t.no_draws_yet()),
            },
            Command::Back if viewing => self.mode = Mode::List,
            Command::Back => return Step::go(Route::Home),
            Command::Confirm if number.is_some() => {
                self.mode = Mode::View;
                self.scroll = 0;
            }
            Command::Down if viewing => self.scroll += 1,
            Command::Up if viewing => self.scroll = self.scroll.saturating_sub(1),
            Command::Down => {
                self.selected = (self.selected + 1).min(self.list.len().saturating_sub(1));
            }
            Command::Up => self.selected = self.selected.saturating_sub(1),
            _ => {}
        }
        Step::none()
    }
}
