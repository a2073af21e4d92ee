//! 首页: drafts to resume, establishments due, overdue rectifications, final records not yet
//! exported.

pub mod tasks;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget};

use crate::tui::app::{App, Effect, Message, Screen};
use crate::tui::route::Route;
use crate::tui::text::{pad, truncate};

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
    /// The station plans for the district (`HomeData::office`): `i` and `w` lead to the
    /// inspectors list and the draws.
    pub office: bool,
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

pub fn rows(app: &App) -> Vec<HomeRow> {
    let h = &app.home;
    (0..h.drafts.len())
        .map(HomeRow::Draft)
        .chain((0..h.overdue.len()).map(HomeRow::Overdue))
        .chain((0..h.unexported.inspections.len().min(FINALS_SHOWN)).map(HomeRow::Final))
        .chain((0..h.tasks.len()).map(HomeRow::Task))
        .chain((0..app.due.len().min(DUE_SHOWN)).map(HomeRow::Due))
        .collect()
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let rows = rows(app);
    let Screen::Home(state) = &mut app.screen else {
        return Vec::new();
    };
    let last = rows.len().saturating_sub(1);
    if let Some(id) = state.discarding.take() {
        return match key.code {
            KeyCode::Char('y' | 'Y') => vec![Effect::DiscardDraft(id)],
            _ => Vec::new(),
        };
    }
    match key.code {
        KeyCode::Char('d') => {
            if let Some(HomeRow::Draft(i)) = rows.get(state.selected)
                && let Some(d) = app.home.drafts.get(*i)
            {
                state.discarding = Some(d.id.clone());
            }
        }
        KeyCode::Down | KeyCode::Char('j') => state.selected = (state.selected + 1).min(last),
        KeyCode::Up | KeyCode::Char('k') => state.selected = state.selected.saturating_sub(1),
        KeyCode::PageDown => state.selected = (state.selected + 10).min(last),
        KeyCode::PageUp => state.selected = state.selected.saturating_sub(10),
        KeyCode::Char('/') | KeyCode::Char('s') => {
            return app.go(Route::Roster);
        }
        KeyCode::Char('r') => {
            return app.go(Route::Records);
        }
        KeyCode::Char('t') => return app.go(Route::Sync),
        KeyCode::Char('b') => return app.go(Route::Report),
        KeyCode::Char('i') if state.office => return app.go(Route::Inspectors),
        KeyCode::Char('w') if state.office => return app.go(Route::Draws),
        KeyCode::Char('i' | 'w') => app.info(app.t.office_only()),
        KeyCode::Char('p') => return app.go(Route::Profile),
        KeyCode::Char('q') => app.quit = true,
        // Esc means "back" everywhere else: pressed once too often it must not end the
        // program, so here it only says which key does (docs/tui.md).
        KeyCode::Esc => {
            app.message = Some(Message {
                text: app.t.quit_with_q().into(),
                error: false,
            });
        }
        KeyCode::Enter => match rows.get(state.selected) {
            Some(HomeRow::Draft(i)) => {
                if let Some(d) = app.home.drafts.get(*i) {
                    return vec![Effect::OpenDraft(d.id.clone())];
                }
            }
            Some(HomeRow::Final(i)) => {
                if let Some(d) = app.home.unexported.inspections.get(*i) {
                    return vec![Effect::LoadRecord(d.id.clone())];
                }
            }
            Some(HomeRow::Task(i)) => {
                if let Some(task) = app.home.tasks.get(*i) {
                    return app.go(choose(&task.establishment_id, false, None));
                }
            }
            Some(HomeRow::Due(i)) => {
                if let Some(d) = app.due.get(*i) {
                    return app.go(choose(&d.establishment_id, false, None));
                }
            }
            Some(HomeRow::Overdue(i)) => {
                if let Some(o) = app.home.overdue.get(*i) {
                    let route = choose(&o.establishment_id, true, Some(&o.checklist_id));
                    return app.go(route);
                }
            }
            None => {}
        },
        _ => {}
    }
    Vec::new()
}

/// The roster on an establishment, its checklist chooser open.
fn choose(establishment: &str, follow_up: bool, checklist: Option<&str>) -> Route {
    Route::Choose {
        establishment: establishment.to_string(),
        follow_up,
        checklist: checklist.map(str::to_string),
    }
}

pub fn render(app: &App, state: &HomeState, area: Rect, buf: &mut Buffer) {
    let t = app.t;
    let theme = app.theme;
    let w = usize::from(area.width);
    let mut items: Vec<ListItem> = Vec::new();
    let mut selectable: Vec<usize> = Vec::new();
    let heading = |items: &mut Vec<ListItem>, title: &str, empty: bool| {
        items.push(ListItem::new(Line::styled(
            title.to_string(),
            theme.heading(),
        )));
        if empty {
            items.push(ListItem::new(Line::styled(
                format!("  {}", t.none()),
                theme.dim(),
            )));
        }
    };
    let h = &app.home;
    let name_w = if w >= 120 { 40 } else { 30 };
    heading(&mut items, t.drafts(), h.drafts.is_empty());
    for d in &h.drafts {
        selectable.push(items.len());
        items.push(ListItem::new(format!(
            "  {}  {}  {}",
            d.local_started_at().format("%m-%d"),
            pad(&d.establishment, name_w),
            t.lang().inspection_kind(d.kind),
        )));
    }
    heading(&mut items, t.to_follow_up(), h.overdue.is_empty());
    for o in &h.overdue {
        selectable.push(items.len());
        items.push(ListItem::new(Line::from(follow_up_row(app, o, name_w))));
    }
    let unexported = &h.unexported;
    let finals = t.with_count(t.finals(), unexported.total);
    heading(&mut items, &finals, unexported.inspections.is_empty());
    for f in unexported.inspections.iter().take(FINALS_SHOWN) {
        selectable.push(items.len());
        let outcome = f.outcome.map_or("-", |o| t.lang().outcome(o));
        items.push(ListItem::new(format!(
            "  {}  {}  {}  {}",
            f.local_started_at().format("%m-%d"),
            pad(&f.establishment, name_w),
            pad(outcome, 8),
            truncate(f.serial.as_deref().unwrap_or(""), 20),
        )));
    }
    // The office's tasks, above the due list, only when there are any (issue 14).
    if !h.tasks.is_empty() {
        heading(&mut items, t.tasks(), false);
        for task in &h.tasks {
            selectable.push(items.len());
            items.push(tasks::line(app, task, name_w));
        }
    }
    heading(&mut items, t.due(), app.due.is_empty());
    for d in app.due.iter().take(DUE_SHOWN) {
        selectable.push(items.len());
        let last = d.last.map_or(t.never_inspected().to_string(), |day| {
            format!("{} {day}", t.last_inspected())
        });
        let mut spans = vec![
            Span::raw(format!("  {}  ", pad(&d.name, name_w))),
            Span::styled(pad(&last, 18), theme.dim()),
        ];
        if d.lacks_bright_kitchen {
            spans.push(Span::styled(t.no_bright_kitchen(), theme.must()));
        } else if w >= 100 {
            spans.push(Span::styled(t.lang().kind(d.kind), theme.dim()));
        }
        items.push(ListItem::new(Line::from(spans)));
    }
    let mut list_state =
        ListState::default().with_selected(selectable.get(state.selected).copied());
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected()),
        area,
        buf,
        &mut list_state,
    );
    if state.discarding.is_some() {
        let inner = crate::tui::widgets::popup(area, 50, 4, t.discard(), buf);
        let lines: Vec<Line> =
            crate::tui::text::wrap(t.confirm_discard(), usize::from(inner.width))
                .into_iter()
                .map(Line::raw)
                .collect();
        ratatui::widgets::Widget::render(ratatui::widgets::Paragraph::new(lines), inner, buf);
    }
}

/// An item as the form prints it: an included checklist's item under its short name
/// (`bright-kitchen/1.6` → `明厨 1.6`).
fn item_number(app: &App, item_id: &str) -> String {
    match item_id.split_once('/') {
        Some((origin, number)) => app
            .checklists
            .iter()
            .find(|c| c.id == origin)
            .and_then(|c| c.short.as_deref())
            .map_or_else(|| item_id.to_string(), |short| format!("{short} {number}")),
        None => item_id.to_string(),
    }
}

/// An order to follow up: the establishment, the deadline in force (red when past: 逾期未改),
/// the item, and 复查不合格 when a 复查 failed it again.
fn follow_up_row<'a>(
    app: &App,
    o: &crate::store::OverdueRectification,
    name_w: usize,
) -> Vec<Span<'a>> {
    let t = app.t;
    let theme = app.theme;
    let (word, style) = if o.overdue {
        (t.deadline_was(), theme.fail())
    } else {
        (t.deadline_in_force(), theme.dim())
    };
    let mut spans = vec![
        Span::raw(format!("  {}  ", pad(&o.establishment, name_w))),
        Span::styled(format!("{word} {}", o.deadline), style),
        Span::raw(format!("  {} {}", t.item(), item_number(app, &o.item_id))),
    ];
    if o.failed_again {
        spans.push(Span::styled(
            format!("  {}", t.failed_again_mark()),
            theme.must(),
        ));
    }
    spans
}
