//! 报表: pick a report and a period (default: this year so far), see the headline numbers and
//! a chart, write the file to a folder (remembered), and open it.

pub mod view;

use chrono::{Datelike, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::app::{Action, App, Effect, Screen};
use crate::tui::input::TextInput;
use crate::tui::msg::{Headline, ReportKind};

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

    pub fn typing(&self) -> bool {
        self.focus != Field::Kind
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
}

/// Opens the 报表 screen from 首页 on this year so far, or the period asked for last.
pub fn open(app: &mut App) -> Vec<Effect> {
    open_with(app, Vec::new())
}

/// Opens the 报表 screen on the record forms of these final inspections.
pub fn open_records(app: &mut App, ids: Vec<String>) -> Vec<Effect> {
    open_with(app, ids)
}

/// Opens the 报表 screen on the 责令改正通知书 of this record (from the review or the record).
pub fn open_order(app: &mut App, id: String) -> Vec<Effect> {
    let effects = open_with(app, vec![id]);
    if let Screen::Report(s) = &mut app.screen {
        s.kind = ReportKind::Order;
    }
    effects
}

fn open_with(app: &mut App, records: Vec<String>) -> Vec<Effect> {
    let mut state = ReportState::new(app.today);
    // The period asked for last time, a supervisor's month or quarter, is asked again.
    if let Some((from, to)) = app.report_period {
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
    app.screen = Screen::Report(Box::new(state));
    effects
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let t = app.t;
    let Screen::Report(s) = &mut app.screen else {
        return Vec::new();
    };
    if s.working {
        return Vec::new();
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let mut effects = Vec::new();
    let mut bad_period = false;
    let mut asked = None;
    let mut nothing_written = false;
    match key.code {
        KeyCode::Char('o') if ctrl => match &s.written {
            Some(path) => effects.push(Effect::OpenFile(path.clone())),
            // Found by the key walk: Ctrl-O before any file was written did nothing at all.
            None => nothing_written = true,
        },
        KeyCode::Esc => return app.go_home(),
        KeyCode::Down | KeyCode::Tab => s.step(1),
        KeyCode::Up | KeyCode::BackTab => s.step(-1),
        KeyCode::Left | KeyCode::Right if s.focus == Field::Kind => {
            let i = KINDS.iter().position(|k| *k == s.kind).unwrap_or(0);
            let by = if key.code == KeyCode::Left { 2 } else { 1 };
            s.kind = KINDS[(i + by) % KINDS.len()];
        }
        KeyCode::Enter => match (s.focus, s.period()) {
            (_, None) => bad_period = true,
            (Field::Folder, Some((from, to))) if !s.folder.text().trim().is_empty() => {
                effects.push(Effect::WriteReport {
                    kind: s.kind,
                    from,
                    to,
                    folder: s.folder.text().trim().to_string(),
                    ids: if matches!(s.kind, ReportKind::Records | ReportKind::Order) {
                        s.records.clone()
                    } else {
                        Vec::new()
                    },
                });
                s.working = true;
            }
            (Field::Folder, _) => {}
            (Field::Kind, _) => s.step(1),
            (_, Some((from, to))) => {
                effects.push(Effect::LoadReport { from, to });
                asked = Some((from, to));
                s.step(1);
            }
        },
        _ => {
            if let Some(input) = s.input() {
                input.handle_key(key);
            }
        }
    }
    if bad_period {
        app.error(t.bad_period());
    }
    if asked.is_some() {
        app.report_period = asked;
    }
    if nothing_written {
        app.info(t.nothing_written_yet());
    }
    effects
}

/// What the 报表 screen does with the shell's answers; `None` when the action is not its own.
pub fn update(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let t = app.t;
    let Screen::Report(s) = &mut app.screen else {
        return None;
    };
    match action {
        Action::ReportLoaded(headline) => {
            if s.folder.is_empty()
                && let Some(folder) = &headline.folder
            {
                s.folder = TextInput::new(folder);
            }
            s.headline = Some((**headline).clone());
        }
        Action::ReportWritten(path) => {
            s.working = false;
            s.written = Some(path.clone());
            app.info(t.written_ctrl_o_opens(path));
        }
        Action::Failed(text) => {
            s.working = false;
            app.error(text.clone());
        }
        _ => return None,
    }
    Some(Vec::new())
}
