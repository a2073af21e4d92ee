//! 单位名录: live search as you type, a detail pane, and starting an inspection.

pub mod chooser;
pub mod establishment;
pub mod filter;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::domain::establishment::Establishment;
use crate::tui::app::{App, Effect, History, Screen};
use crate::tui::due::recently_elsewhere;
use crate::tui::input::TextInput;
use crate::tui::search::{SearchKey, rank};
use crate::tui::text::{pad, truncate};
use chooser::Chooser;
use establishment::EditState;
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
    pub fn new(app: &App) -> Self {
        let mut state = RosterState {
            query: TextInput::default(),
            hits: Vec::new(),
            selected: 0,
            chooser: None,
            history: None,
            filters: Filters::default(),
        };
        state.refresh(&app.keys, &app.roster);
        state
    }

    /// The roster with one establishment selected and the checklist chooser open.
    pub fn choosing(app: &App, establishment_id: &str, follow_up: bool) -> Self {
        let mut state = Self::new(app);
        if let Some(i) = app.roster.iter().position(|e| e.id == establishment_id) {
            state.selected = state.hits.iter().position(|h| *h == i).unwrap_or(0);
            state.chooser = chooser::chooser(app, &app.roster[i], follow_up);
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
}

/// Asks for the selected establishment's history when the selection moved to another one.
pub fn history_effect(app: &App) -> Vec<Effect> {
    let Screen::Roster(state) = &app.screen else {
        return Vec::new();
    };
    match state.current(&app.roster) {
        Some(e)
            if state
                .history
                .as_ref()
                .is_none_or(|h| h.establishment_id != e.id) =>
        {
            vec![Effect::LoadHistory(e.id.clone())]
        }
        _ => Vec::new(),
    }
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let mut effects = key_inner(app, key);
    effects.extend(history_effect(app));
    effects
}

fn key_inner(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let t = app.t;
    let Screen::Roster(state) = &mut app.screen else {
        return Vec::new();
    };
    if let Some(c) = &mut state.chooser {
        if key.code == KeyCode::Esc {
            state.chooser = None;
            return Vec::new();
        }
        let establishment = state
            .hits
            .get(state.selected)
            .and_then(|i| app.roster.get(*i));
        return chooser::key(c, &app.checklists, establishment, key);
    }
    let last = state.hits.len().saturating_sub(1);
    match key.code {
        KeyCode::Esc => return app.go_home(),
        KeyCode::Down => state.selected = (state.selected + 1).min(last),
        KeyCode::Up => state.selected = state.selected.saturating_sub(1),
        KeyCode::PageDown => state.selected = (state.selected + 10).min(last),
        KeyCode::PageUp => state.selected = state.selected.saturating_sub(10),
        KeyCode::Tab => {
            state.filters.cycle_kind(&app.roster);
            state.refresh(&app.keys, &app.roster);
        }
        KeyCode::BackTab => {
            state.filters.cycle_grade();
            state.refresh(&app.keys, &app.roster);
        }
        KeyCode::Char('n') if key.modifiers.contains(KeyModifiers::CONTROL) => {
            app.screen = Screen::Establishment(Box::new(EditState::new(None)));
        }
        KeyCode::Char('e') if key.modifiers.contains(KeyModifiers::CONTROL) => {
            let current = state.current(&app.roster).cloned();
            if let Some(e) = current {
                app.screen = Screen::Establishment(Box::new(EditState::new(Some(&e))));
            }
        }
        KeyCode::Char('t') if key.modifiers.contains(KeyModifiers::CONTROL) => {
            state.filters.cycle_town(&app.roster);
            state.refresh(&app.keys, &app.roster);
        }
        KeyCode::Enter => {
            // An establishment with an open order proposes its 复查, on the order's checklist.
            let follow_up = state.current(&app.roster).and_then(|e| {
                let h = state
                    .history
                    .as_ref()
                    .filter(|h| h.establishment_id == e.id)?;
                h.follow_up_checklist.clone()
            });
            let found = state
                .current(&app.roster)
                .map(|e| chooser::chooser(app, e, follow_up.is_some()));
            match found {
                Some(Some(mut c)) => {
                    if let Some(checklist) = &follow_up {
                        c.prefer(checklist);
                    }
                    if let Screen::Roster(state) = &mut app.screen {
                        state.chooser = Some(c);
                    }
                }
                Some(None) => app.error(t.no_checklist()),
                None => {}
            }
        }
        _ => {
            if state.query.handle_key(key) {
                state.refresh(&app.keys, &app.roster);
            }
        }
    }
    Vec::new()
}

pub fn render(app: &App, state: &RosterState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = app.t;
    let theme = app.theme;
    let [search, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
    let label = format!("{}: ", t.search());
    buf.set_string(search.x, search.y, &label, theme.heading());
    let lw = u16::try_from(crate::tui::text::width(&label)).unwrap_or(0);
    let field = Rect::new(
        search.x + lw,
        search.y,
        search.width.saturating_sub(lw + 12).min(40),
        1,
    );
    let cursor = state.query.render(field, buf, theme.input());
    let count = format!("{} {}", state.hits.len(), t.matches());
    buf.set_string(field.right() + 1, search.y, count, theme.dim());
    if search.height > 1 {
        let mut row = state.filters.label(t);
        if state.query.text().is_empty() {
            row = format!("{row}   {}: {}", t.search(), t.search_hint());
        }
        buf.set_stringn(
            search.x,
            search.y + 1,
            row,
            usize::from(search.width),
            theme.dim(),
        );
    }
    // Side by side on a wide terminal; list above details on a small one.
    let (list_area, detail_area) = if area.width >= 110 {
        let [l, d] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Min(0)]).areas(body);
        (l, d)
    } else {
        let [l, d] = Layout::vertical([Constraint::Min(5), Constraint::Length(8)]).areas(body);
        (l, d)
    };
    let name_w = usize::from(list_area.width).saturating_sub(16).min(44);
    let items: Vec<ListItem> = state
        .hits
        .iter()
        .filter_map(|i| app.roster.get(*i))
        .map(|e| {
            let grade = e.facts.risk_grade.map_or("-", |g| g.code());
            ListItem::new(Line::from(vec![
                Span::raw(pad(&e.facts.name, name_w)),
                Span::styled(format!(" {grade} "), theme.dim()),
                Span::styled(truncate(&e.facts.town, 10), theme.dim()),
            ]))
        })
        .collect();
    if items.is_empty() {
        Paragraph::new(Line::styled(t.no_match(), theme.dim())).render(list_area, buf);
    } else {
        let mut ls = ListState::default().with_selected(Some(state.selected));
        StatefulWidget::render(
            List::new(items).highlight_style(theme.selected()),
            list_area,
            buf,
            &mut ls,
        );
    }
    if let Some(e) = state.current(&app.roster) {
        detail(app, state, e, detail_area, buf);
        if let Some(c) = &state.chooser {
            let notice = state
                .history
                .as_ref()
                .filter(|h| h.establishment_id == e.id)
                .and_then(|h| recently_elsewhere(h.elsewhere.as_ref(), app.today))
                .map(|x| app.t.inspected_elsewhere(&x.station, x.date));
            chooser::render(app, c, notice.as_deref(), area, buf);
            return None;
        }
    }
    Some(cursor)
}

fn detail(app: &App, state: &RosterState, e: &Establishment, area: Rect, buf: &mut Buffer) {
    let t = app.t;
    let theme = app.theme;
    let f = &e.facts;
    let row = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(pad(label, 10), theme.dim()),
            Span::raw(value),
        ])
    };
    let last = app
        .home
        .last
        .get(&e.id)
        .map_or(t.never_inspected().to_string(), |d| d.to_string());
    let mut lines = vec![
        Line::from(vec![
            Span::styled(f.name.clone(), theme.title()),
            Span::raw(format!("  {}", t.lang().kind(f.kind))),
        ]),
        row(t.address(), f.address.clone()),
        row(t.person(), format!("{}  {}", f.person_in_charge, f.phone)),
        row(t.license(), f.license_no.clone()),
        row(
            t.risk_grade(),
            format!(
                "{}   {}: {}",
                f.risk_grade.map_or("-", |g| g.code()),
                t.bright_kitchen(),
                f.bright_kitchen.map_or("-", |b| t.lang().bright_kitchen(b))
            ),
        ),
        row(t.last_inspected(), last),
    ];
    let history = state
        .history
        .as_ref()
        .filter(|h| h.establishment_id == e.id);
    // Open orders are what the inspector must see first: counted on the last-inspected line,
    // so a short pane (100×30) shows them too; listed below when there is room.
    if let Some(h) = history.filter(|h| !h.open.is_empty())
        && let Some(last_line) = lines.last_mut()
    {
        last_line.push_span(Span::styled(
            format!("   {}", t.open_rectifications_count(h.open.len())),
            theme.fail(),
        ));
    }
    if area.height > 8 {
        lines.insert(2, row(t.town(), f.town.clone()));
        lines.push(row(t.credit_code(), f.credit_code.clone()));
    }
    if let Some(h) = history.filter(|_| area.height > 12) {
        if !h.open.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                t.open_rectifications().to_string(),
                theme.heading(),
            ));
            let w = usize::from(area.width.saturating_sub(2));
            for (item, deadline) in &h.open {
                let deadline = deadline.map(|d| d.to_string()).unwrap_or_default();
                let tail = format!("  {} {deadline}", t.deadline_was());
                let room = w.saturating_sub(crate::tui::text::width(&tail));
                lines.push(Line::raw(format!("{}{tail}", truncate(item, room))));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(t.records().to_string(), theme.heading()));
        if h.inspections.is_empty() {
            lines.push(Line::styled(t.none().to_string(), theme.dim()));
        }
        for i in &h.inspections {
            let outcome = i
                .outcome
                .map_or(t.lang().status(i.status), |o| t.lang().outcome(o));
            lines.push(Line::raw(format!(
                "{}  {}  {}  {}",
                i.local_started_at().format("%Y-%m-%d"),
                pad(t.lang().inspection_kind(i.kind), 8),
                pad(outcome, 8),
                i.serial.as_deref().unwrap_or("")
            )));
        }
    }
    Paragraph::new(lines)
        .block(Block::bordered())
        .render(area, buf);
}
