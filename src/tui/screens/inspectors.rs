//! 检查人员 (office): the bureau's inspectors — name, 执法证号, unit, station, active — with one
//! added (`a`) or retired (`r`, then `y`). The rules are those of `shian inspectors add|retire`
//! (src/planning.rs, store/tables/planning.rs); the office bundle carries the list to every laptop
//! (issue 14, docs/planning.md).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::domain::planning::OfficeInspector;
use crate::tui::app::{Action, App, Effect, Screen};
use crate::tui::fields::Fields;
use crate::tui::msg::{InspectorChange, InspectorFields};
use crate::tui::text::{pad, truncate};

/// The inputs of a new inspector, in this order.
const NAME: usize = 0;
const BADGE: usize = 1;
const UNIT: usize = 2;
const STATION: usize = 3;
const TOWNS: usize = 4;

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Mode {
    #[default]
    List,
    /// Typing a new inspector (or a correction, by the same 执法证号).
    Adding(Fields),
    /// The 执法证号 to retire once the office confirms with `y`.
    Retiring(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InspectorsState {
    pub list: Vec<OfficeInspector>,
    pub selected: usize,
    pub mode: Mode,
}

impl InspectorsState {
    pub fn typing(&self) -> bool {
        matches!(self.mode, Mode::Adding(_))
    }

    pub fn paste(&mut self, text: &str) {
        if let Mode::Adding(fields) = &mut self.mode {
            fields.paste(text);
        }
    }
}

/// Opens the list from 首页.
pub fn open(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Inspectors(Box::default());
    vec![Effect::LoadInspectors]
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::Inspectors(s) = &mut app.screen else {
        return Vec::new();
    };
    match &mut s.mode {
        Mode::Retiring(badge) => {
            let badge = badge.clone();
            s.mode = Mode::List;
            match key.code {
                KeyCode::Char('y' | 'Y') => vec![Effect::RetireInspector(badge)],
                _ => Vec::new(),
            }
        }
        Mode::Adding(fields) => match key.code {
            KeyCode::Esc => {
                s.mode = Mode::List;
                Vec::new()
            }
            KeyCode::Enter if fields.on_last() => {
                let typed = InspectorFields {
                    name: fields.text(NAME).into(),
                    badge: fields.text(BADGE).into(),
                    unit: fields.text(UNIT).into(),
                    station: fields.text(STATION).into(),
                    towns: fields.text(TOWNS).into(),
                };
                vec![Effect::AddInspector(typed)]
            }
            KeyCode::Enter => {
                fields.key(KeyEvent::from(KeyCode::Tab));
                Vec::new()
            }
            _ => {
                fields.key(key);
                Vec::new()
            }
        },
        Mode::List => {
            let last = s.list.len().saturating_sub(1);
            match key.code {
                KeyCode::Down | KeyCode::Char('j') => s.selected = (s.selected + 1).min(last),
                KeyCode::Up | KeyCode::Char('k') => s.selected = s.selected.saturating_sub(1),
                KeyCode::Char('a') => s.mode = Mode::Adding(Fields::new(&[""; 5])),
                KeyCode::Char('r') => match s.list.get(s.selected) {
                    Some(i) if i.active => s.mode = Mode::Retiring(i.badge.clone()),
                    Some(_) => app.info(app.t.already_retired()),
                    None => app.info(app.t.no_inspectors_yet()),
                },
                KeyCode::Esc => return app.go_home(),
                _ => {}
            }
            Vec::new()
        }
    }
}

/// What the list does with the shell's answers; `None` when the action is not its own.
pub fn update(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let t = app.t;
    let Screen::Inspectors(s) = &mut app.screen else {
        return None;
    };
    match action {
        Action::InspectorsLoaded { list, changed } => {
            s.list = list.clone();
            s.selected = s.selected.min(list.len().saturating_sub(1));
            match changed {
                Some(InspectorChange::Added(badge)) => {
                    s.mode = Mode::List;
                    if let Some(i) = list.iter().position(|p| &p.badge == badge) {
                        s.selected = i;
                    }
                    app.info(format!("{} {badge}", t.inspector_saved()));
                }
                Some(InspectorChange::Retired(badge)) => {
                    app.info(format!("{} {badge}", t.inspector_retired()));
                }
                None => {}
            }
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// Column widths: 姓名, 执法证号, 单位, 站点代码; the rest is 在岗 and, when wide, the 辖区.
fn widths(w: usize) -> [usize; 4] {
    if w >= 120 {
        [12, 14, 30, 10]
    } else {
        [8, 12, 22, 8]
    }
}

pub fn render(app: &App, s: &InspectorsState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let (t, theme) = (app.t, app.theme);
    let w = usize::from(area.width);
    let [name_w, badge_w, unit_w, station_w] = widths(w);
    let mut header = format!(
        "  {}  {}  {}  {}  {}",
        pad(t.col_name(), name_w),
        pad(t.col_badge(), badge_w),
        pad(t.col_unit(), unit_w),
        pad(t.col_station(), station_w),
        pad(t.col_active(), 4),
    );
    if w >= 120 {
        header.push_str(&format!("  {}", t.col_towns()));
    }
    buf.set_stringn(area.x, area.y, header, w, theme.heading());
    let mut items: Vec<ListItem> = s
        .list
        .iter()
        .map(|i| {
            let active = if i.active { t.active() } else { t.retired() };
            let mut line = format!(
                "  {}  {}  {}  {}  {}",
                pad(&truncate(&i.name, name_w), name_w),
                pad(&truncate(&i.badge, badge_w), badge_w),
                pad(&truncate(&i.unit, unit_w), unit_w),
                pad(&truncate(&i.station, station_w), station_w),
                pad(active, 4),
            );
            if w >= 120 {
                line.push_str(&format!("  {}", i.towns.join("、")));
            }
            let style = if i.active {
                ratatui::style::Style::new()
            } else {
                theme.dim()
            };
            ListItem::new(Line::styled(line, style))
        })
        .collect();
    if items.is_empty() {
        items.push(ListItem::new(Line::styled(
            format!("  {}", t.no_inspectors_yet()),
            theme.dim(),
        )));
    }
    let list_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let selected = (!s.list.is_empty()).then_some(s.selected);
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected()),
        list_area,
        buf,
        &mut ListState::default().with_selected(selected),
    );
    match &s.mode {
        Mode::List => None,
        Mode::Retiring(badge) => {
            let who = s
                .list
                .iter()
                .find(|i| &i.badge == badge)
                .map_or(String::new(), |i| format!("{} {}", i.name, i.badge));
            let inner = crate::tui::widgets::popup(area, 56, 5, t.retire_inspector(), buf);
            let lines: Vec<Line> =
                crate::tui::text::wrap(&t.confirm_retire(&who), usize::from(inner.width))
                    .into_iter()
                    .map(Line::raw)
                    .collect();
            Paragraph::new(lines).render(inner, buf);
            None
        }
        Mode::Adding(fields) => {
            let inner = crate::tui::widgets::popup(area, 70, 8, t.add_inspector(), buf);
            let labels = [
                t.col_name(),
                t.col_badge(),
                t.col_unit(),
                t.col_station(),
                t.col_towns(),
            ];
            let cursor = fields.render(&labels, 10, inner, buf, theme);
            if inner.height > 5 {
                buf.set_stringn(
                    inner.x,
                    inner.bottom() - 1,
                    t.add_inspector_hint(),
                    usize::from(inner.width),
                    theme.dim(),
                );
            }
            cursor
        }
    }
}
