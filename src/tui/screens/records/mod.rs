//! 记录: inspections listed by status, result, date and establishment.
//!
//! Only a page is loaded: the newest inspections that match, with how many match in all. Every
//! filter, the establishment name included, is a store query, so narrowing it reaches records
//! beyond the page (issue 7). The name is resolved to establishment ids here, with the roster's
//! search keys, because the pinyin lives in memory and not in the database.

pub mod range;
pub mod record;

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::domain::establishment::Establishment;
use crate::domain::inspection::Status;
use crate::domain::outcome::Outcome;
use crate::store::{InspectionPage, InspectionSummary};
use crate::tui::app::{App, Effect, RecordsQuery, Screen};
use crate::tui::input::TextInput;
use crate::tui::route::Route;
use crate::tui::search::{SearchKey, rank};
use crate::tui::text::pad;

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
    pub(super) fn reload(&mut self) -> Vec<Effect> {
        self.selected = 0;
        if self.no_establishment() {
            // No establishment has that name, so no inspection can match: nothing to ask.
            self.loaded(InspectionPage::default());
            return Vec::new();
        }
        vec![Effect::LoadRecords(self.query.clone())]
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

/// After the typed name changed: the establishments it finds, and their inspections.
fn name_changed(app: &mut App) -> Vec<Effect> {
    let Screen::Records(r) = &mut app.screen else {
        return Vec::new();
    };
    r.query.establishment_ids = establishments_named(&app.keys, &app.roster, r.name.text());
    r.reload()
}

/// Text pasted into the name filter.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    let Screen::Records(r) = &mut app.screen else {
        return Vec::new();
    };
    if let Some(range) = &mut r.range {
        range.insert(text);
        return Vec::new();
    }
    if !r.typing {
        return Vec::new();
    }
    r.name.insert(text);
    name_changed(app)
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let today = app.today;
    let Screen::Records(r) = &mut app.screen else {
        return Vec::new();
    };
    if r.range.is_some() {
        return range::key(app, key);
    }
    if r.typing {
        let before = r.name.text().to_string();
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
        if r.name.text() == before {
            return Vec::new();
        }
        return name_changed(app);
    }
    let last = r.list.len().saturating_sub(1);
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
            return r.reload();
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
            return r.reload();
        }
        KeyCode::Char('d') => {
            r.period = r.period.next();
            r.query.from = r.period.from(today);
            r.query.to = None;
            return r.reload();
        }
        KeyCode::Char('D') => range::open(r, today),
        // Record forms: `p` the selected final record, `P` every final record listed. When the
        // list is a page, `P` prints the page: what the inspector sees is what is printed.
        KeyCode::Char('p') => {
            if let Some(s) = r.list.get(r.selected)
                && s.status == Status::Final
            {
                let ids = vec![s.id.clone()];
                return app.go(Route::PrintRecords(ids));
            }
        }
        KeyCode::Char('P') => {
            let ids: Vec<String> = r
                .list
                .iter()
                .filter(|s| s.status == Status::Final)
                .map(|s| s.id.clone())
                .collect();
            if !ids.is_empty() {
                return app.go(Route::PrintRecords(ids));
            }
        }
        // `c` corrects the selected final record as `c` on the opened record does: it opens,
        // so the inspector sees what is corrected, with the reason asked at once.
        KeyCode::Char('c') => {
            if let Some(s) = r.list.get(r.selected) {
                if s.status != Status::Final {
                    let t = app.t;
                    app.info(t.draft_needs_no_correction());
                    return Vec::new();
                }
                r.correcting = Some(s.id.clone());
                return vec![Effect::LoadRecord(s.id.clone())];
            }
        }
        KeyCode::Enter => {
            r.correcting = None;
            if let Some(s) = r.list.get(r.selected) {
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
    let paged = r.total > r.list.len();
    let [top, search, body, narrow] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(u16::from(paged)),
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
    if let Some(input) = &r.range {
        let label = format!("{}: ", t.records_range());
        buf.set_string(search.x, search.y, &label, theme.selected());
        let lw = u16::try_from(crate::tui::text::width(&label)).unwrap_or(0);
        let field = Rect::new(
            search.x + lw,
            search.y,
            search.width.saturating_sub(lw).min(30),
            1,
        );
        let cursor = input.render(field, buf, theme.input());
        render_rows(app, r, area.width, body, buf);
        return Some(cursor);
    }
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
    let total = t.records_total(r.total);
    let total_w = u16::try_from(crate::tui::text::width(&total)).unwrap_or(u16::MAX);
    if field.right() + 2 + total_w <= search.right() {
        buf.set_string(search.right() - total_w, search.y, &total, theme.dim());
    }
    if paged {
        let hint = t.records_narrow(r.list.len());
        Paragraph::new(Line::styled(hint, theme.heading())).render(narrow, buf);
    }
    render_rows(app, r, area.width, body, buf);
    r.typing.then_some(cursor)
}

/// The inspections of the page, or why there are none.
fn render_rows(app: &App, r: &RecordsState, width: u16, body: Rect, buf: &mut Buffer) {
    let t = app.t;
    let theme = app.theme;
    let lang = t.lang();
    let name_w = if width >= 120 { 40 } else { 26 };
    let items: Vec<ListItem> = r
        .list
        .iter()
        .map(|s| {
            let outcome = s.outcome.map_or("-", |o| lang.outcome(o));
            let serial = s
                .serial
                .clone()
                .unwrap_or_else(|| lang.status(s.status).to_string());
            ListItem::new(format!(
                "{}  {}  {}  {}  {}",
                s.local_started_at().format("%Y-%m-%d"),
                pad(&s.establishment, name_w),
                pad(lang.inspection_kind(s.kind), 8),
                pad(outcome, 8),
                serial
            ))
        })
        .collect();
    if items.is_empty() {
        let none = if r.no_establishment() {
            t.no_match()
        } else {
            t.none()
        };
        Paragraph::new(Line::styled(none, theme.dim())).render(body, buf);
    } else {
        let mut ls = ListState::default().with_selected(Some(r.selected));
        StatefulWidget::render(
            List::new(items).highlight_style(theme.selected()),
            body,
            buf,
            &mut ls,
        );
    }
}
