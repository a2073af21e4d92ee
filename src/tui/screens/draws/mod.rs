//! 双随机抽取 (office): the numbered draws kept here, a new one run (`n`), one viewed (Enter),
//! printed on A4 (`p`) or written as CSV for 一公开 (`c`) through the 报表 screen's effect. The
//! rules are `shian draw`'s (src/planning.rs); a draw is never re-run: each is a new number
//! (issue 14, docs/planning.md). Drawn by draws_view.rs.

pub mod view;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::planning::draw::DrawRecord;
use crate::planning::DrawRequest;
use crate::tui::app::{Action, App, Effect, Screen};
use crate::tui::fields::Fields;
use crate::tui::input::TextInput;
use crate::tui::msg::ReportKind;

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
    pub fn typing(&self) -> bool {
        matches!(self.mode, Mode::New(_) | Mode::Folder { .. })
    }

    pub fn paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::New(fields) => fields.paste(text),
            Mode::Folder { input, .. } => input.insert(text),
            _ => {}
        }
    }

    pub fn current(&self) -> Option<&DrawRecord> {
        self.list.get(self.selected)
    }
}

/// Opens the draws from 首页.
pub fn open(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Draws(Box::default());
    vec![Effect::LoadDraws]
}

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

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let t = app.t;
    let today = app.today;
    let runner = app
        .profile
        .as_ref()
        .map_or("", |p| p.name.as_str())
        .to_string();
    let Screen::Draws(s) = &mut app.screen else {
        return Vec::new();
    };
    if s.working {
        return Vec::new();
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let number = s.current().map(|d| d.number);
    let mut effects = Vec::new();
    let mut bad = None;
    let mut message = None;
    match &mut s.mode {
        Mode::New(fields) => match key.code {
            KeyCode::Esc => s.mode = Mode::List,
            KeyCode::Enter if fields.on_last() => match request(fields) {
                Ok(req) => {
                    effects.push(Effect::RunDraw(req));
                    s.working = true;
                }
                Err(why) => bad = Some(why),
            },
            KeyCode::Enter => {
                fields.key(KeyEvent::from(KeyCode::Tab));
            }
            _ => {
                fields.key(key);
            }
        },
        Mode::Folder {
            csv,
            input,
            from_view,
        } => match key.code {
            KeyCode::Esc if *from_view => s.mode = Mode::View,
            KeyCode::Esc => s.mode = Mode::List,
            KeyCode::Enter if !input.text().trim().is_empty() => {
                let kind = if *csv {
                    ReportKind::DrawCsv
                } else {
                    ReportKind::Draw
                };
                s.folder = input.text().trim().to_string();
                effects.push(Effect::WriteReport {
                    kind,
                    from: today,
                    to: today,
                    folder: s.folder.clone(),
                    ids: number.map(|n| n.to_string()).into_iter().collect(),
                });
                s.working = true;
                s.mode = if *from_view { Mode::View } else { Mode::List };
            }
            _ => {
                input.handle_key(key);
            }
        },
        Mode::List | Mode::View => match key.code {
            KeyCode::Char('o') if ctrl => match &s.written {
                Some(path) => effects.push(Effect::OpenFile(path.clone())),
                None => message = Some(t.nothing_written_yet()),
            },
            KeyCode::Char('n') => {
                let mut fields = Fields::new(&["", "", "", "", "", "", "", &runner]);
                fields.focus = COUNT;
                s.mode = Mode::New(fields);
            }
            KeyCode::Char(c @ ('p' | 'c')) => match number {
                Some(_) => {
                    s.mode = Mode::Folder {
                        csv: c == 'c',
                        input: TextInput::new(&s.folder),
                        from_view: s.mode == Mode::View,
                    }
                }
                None => message = Some(t.no_draws_yet()),
            },
            KeyCode::Esc if s.mode == Mode::View => s.mode = Mode::List,
            KeyCode::Esc => return app.go_home(),
            KeyCode::Enter if number.is_some() => {
                s.mode = Mode::View;
                s.scroll = 0;
            }
            KeyCode::Down | KeyCode::Char('j') if s.mode == Mode::View => s.scroll += 1,
            KeyCode::Up | KeyCode::Char('k') if s.mode == Mode::View => {
                s.scroll = s.scroll.saturating_sub(1);
            }
            KeyCode::Down | KeyCode::Char('j') => {
                s.selected = (s.selected + 1).min(s.list.len().saturating_sub(1));
            }
            KeyCode::Up | KeyCode::Char('k') => s.selected = s.selected.saturating_sub(1),
            _ => {}
        },
    }
    match bad {
        Some(Bad::Number(i)) => app.error(format!("{}: {}", t.draw_label(i), t.not_a_count())),
        Some(Bad::Date(i)) => app.error(format!("{}: {}", t.draw_label(i), t.not_a_date())),
        None => {}
    }
    if let Some(text) = message {
        app.info(text);
    }
    effects
}

/// What the draws do with the shell's answers; `None` when the action is not their own.
pub fn update(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let t = app.t;
    let Screen::Draws(s) = &mut app.screen else {
        return None;
    };
    match action {
        Action::DrawsLoaded { list, folder } => {
            s.list = list.clone();
            // The newest draw first in view: it is the one the office just made or asks about.
            s.selected = list.len().saturating_sub(1);
            if s.folder.is_empty() {
                s.folder = folder.clone().unwrap_or_default();
            }
        }
        Action::DrawMade(record) => {
            s.working = false;
            s.list.push((**record).clone());
            s.selected = s.list.len() - 1;
            s.mode = Mode::View;
            s.scroll = 0;
            let unrouted = crate::planning::unrouted(record).count();
            let mut text = t.draw_made(record.number, &record.seed);
            if unrouted > 0 {
                text.push_str(&t.draws_unrouted(unrouted));
            }
            app.info(text);
        }
        Action::ReportWritten(path) => {
            s.working = false;
            s.written = Some(path.clone());
            app.info(t.written_ctrl_o_opens(path));
        }
        // A refused draw keeps what was typed, to be corrected.
        Action::Failed(text) => {
            s.working = false;
            app.error(text.clone());
        }
        _ => return None,
    }
    Some(Vec::new())
}
