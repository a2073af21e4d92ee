//! 记录: inspections listed by status, result, date and establishment.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::domain::inspection::Status;
use crate::domain::outcome::Outcome;
use crate::store::InspectionSummary;
use crate::tui::app::{App, Effect, RecordsQuery, Screen};
use crate::tui::input::TextInput;
use crate::tui::search::name_matches;
use crate::tui::text::pad;

#[derive(Debug, Clone, Default)]
pub struct RecordsState {
    pub query: RecordsQuery,
    pub period: Period,
    pub list: Vec<InspectionSummary>,
    /// Position in `visible()`.
    pub selected: usize,
    /// Establishment filter: name or pinyin, applied to the loaded list.
    pub name: TextInput,
    /// Whether the name filter has the keyboard (`/`).
    pub typing: bool,
}

/// How far back the records list reaches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Period {
    #[default]
    All,
    Days30,
    ThisYear,
}

impl Period {
    fn next(self) -> Self {
        match self {
            Self::All => Self::Days30,
            Self::Days30 => Self::ThisYear,
            Self::ThisYear => Self::All,
        }
    }

    fn from(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::All => None,
            Self::Days30 => Some(today - chrono::Days::new(30)),
            Self::ThisYear => NaiveDate::from_ymd_opt(today.year(), 1, 1),
        }
    }

    fn label(self, t: crate::tui::strings::Text) -> &'static str {
        match self {
            Self::All => t.all(),
            Self::Days30 => t.last_30_days(),
            Self::ThisYear => t.this_year(),
        }
    }
}

impl RecordsState {
    pub fn loaded(&mut self, list: Vec<InspectionSummary>) {
        self.list = list;
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
    }

    /// The loaded inspections that pass the establishment filter.
    pub fn visible(&self) -> Vec<&InspectionSummary> {
        self.list
            .iter()
            .filter(|s| name_matches(&s.establishment, self.name.text()))
            .collect()
    }
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let today = app.today;
    let Screen::Records(r) = &mut app.screen else {
        return Vec::new();
    };
    if r.typing {
        match key.code {
            KeyCode::Enter | KeyCode::Down => r.typing = false,
            KeyCode::Esc => {
                r.name.clear();
                r.typing = false;
            }
            _ => {
                r.name.handle_key(key);
            }
        }
        r.selected = 0;
        return Vec::new();
    }
    let last = r.visible().len().saturating_sub(1);
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => return app.go_home(),
        KeyCode::Char('/') => r.typing = true,
        KeyCode::Down | KeyCode::Char('j') => r.selected = (r.selected + 1).min(last),
        KeyCode::Up | KeyCode::Char('k') => r.selected = r.selected.saturating_sub(1),
        KeyCode::PageDown => r.selected = (r.selected + 10).min(last),
        KeyCode::PageUp => r.selected = r.selected.saturating_sub(10),
        KeyCode::Tab => {
            r.query.status = match r.query.status {
                None => Some(Status::Draft),
                Some(Status::Draft) => Some(Status::Final),
                Some(Status::Final) => None,
            };
            r.selected = 0;
            return vec![Effect::LoadRecords(r.query)];
        }
        KeyCode::Char('o') => {
            let all = Outcome::ALL;
            r.query.outcome = match r.query.outcome {
                None => Some(all[0]),
                Some(o) => all
                    .iter()
                    .position(|x| *x == o)
                    .and_then(|i| all.get(i + 1))
                    .copied(),
            };
            r.selected = 0;
            return vec![Effect::LoadRecords(r.query)];
        }
        KeyCode::Char('d') => {
            r.period = r.period.next();
            r.query.from = r.period.from(today);
            r.selected = 0;
            return vec![Effect::LoadRecords(r.query)];
        }
        // Record forms: `p` the selected final record, `P` every final record listed.
        KeyCode::Char('p') => {
            if let Some(s) = r.visible().get(r.selected)
                && s.status == Status::Final
            {
                let ids = vec![s.id.clone()];
                return crate::tui::screens::report::open_records(app, ids);
            }
        }
        KeyCode::Char('P') => {
            let ids: Vec<String> = r
                .visible()
                .iter()
                .filter(|s| s.status == Status::Final)
                .map(|s| s.id.clone())
                .collect();
            if !ids.is_empty() {
                return crate::tui::screens::report::open_records(app, ids);
            }
        }
        KeyCode::Enter => {
            if let Some(s) = r.visible().get(r.selected) {
                return vec![match s.status {
                    Status::Draft => Effect::OpenDraft(s.id.clone()),
                    Status::Final => Effect::LoadRecord(s.id.clone()),
                }];
            }
        }
        _ => {}
    }
    Vec::new()
}

pub fn render_list(app: &App, r: &RecordsState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = app.t;
    let theme = app.theme;
    let lang = t.lang();
    let [top, search, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let filters = [
        (None, t.all()),
        (Some(Status::Draft), lang.status(Status::Draft)),
        (Some(Status::Final), lang.status(Status::Final)),
    ];
    let mut spans = vec![Span::styled(format!("{}: ", t.filter()), theme.heading())];
    for (f, label) in filters {
        let style = if f == r.query.status {
            theme.selected()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(format!(" {label} "), style));
        spans.push(Span::raw(" "));
    }
    let outcome = r.query.outcome.map_or(t.all(), |o| lang.outcome(o));
    spans.push(Span::styled(
        format!(
            "| {} {outcome} | {} {}",
            t.result(),
            t.date(),
            r.period.label(t)
        ),
        theme.dim(),
    ));
    Paragraph::new(Line::from(spans)).render(top, buf);
    let label = format!("{} (/): ", t.establishment());
    let style = if r.typing {
        theme.selected()
    } else {
        theme.heading()
    };
    buf.set_string(search.x, search.y, &label, style);
    let lw = u16::try_from(crate::tui::text::width(&label)).unwrap_or(0);
    let field = Rect::new(
        search.x + lw,
        search.y,
        search.width.saturating_sub(lw).min(40),
        1,
    );
    let cursor = r.name.render(field, buf, theme.input());
    let name_w = if area.width >= 120 { 40 } else { 26 };
    let items: Vec<ListItem> = r
        .visible()
        .into_iter()
        .map(|s| {
            let outcome = s.outcome.map_or("-", |o| lang.outcome(o));
            let serial = s
                .serial
                .clone()
                .unwrap_or_else(|| lang.status(s.status).to_string());
            ListItem::new(format!(
                "{}  {}  {}  {}  {}",
                s.started_at.format("%Y-%m-%d"),
                pad(&s.establishment, name_w),
                pad(lang.inspection_kind(s.kind), 8),
                pad(outcome, 8),
                serial
            ))
        })
        .collect();
    if items.is_empty() {
        Paragraph::new(Line::styled(t.none(), theme.dim())).render(body, buf);
    } else {
        let mut ls = ListState::default().with_selected(Some(r.selected));
        StatefulWidget::render(
            List::new(items).highlight_style(theme.selected()),
            body,
            buf,
            &mut ls,
        );
    }
    r.typing.then_some(cursor)
}
