//! Drawing the sync screen: the menu and folder, the input or plan or progress, the bundle log.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};

use super::conflicts;
use super::{Mode, SyncState, Work};
use crate::tui::component::Context;
use crate::tui::text::{pad, truncate, wrap};

/// Draws the screen; returns where the terminal cursor goes while a path is typed.
pub fn render(cx: &Context, s: &SyncState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = cx.t;
    let theme = cx.theme;
    let inner = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    let w = usize::from(inner.width);
    let [folder, menu, _, middle, log] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(middle_height(s, area.height)),
        Constraint::Min(0),
    ])
    .areas(inner);
    let folder_text = s.data.folder.as_deref().unwrap_or(t.not_set());
    Paragraph::new(Line::from(vec![
        Span::styled(format!("{} ", t.bundle_folder()), theme.heading()),
        Span::raw(truncate(folder_text, w.saturating_sub(14))),
    ]))
    .render(folder, buf);
    let mut spans = Vec::new();
    for (k, what) in [
        ("e", t.export_field()),
        ("o", t.export_office()),
        ("i", t.import_bundle()),
    ] {
        spans.push(Span::styled(format!("{k} "), theme.key()));
        spans.push(Span::raw(format!("{what}  ")));
    }
    let conflicted = conflicts::count(&s.data.conflicts);
    if conflicted > 0 {
        spans.push(Span::styled("c ", theme.key()));
        spans.push(Span::styled(
            format!("{} {conflicted}", t.conflicts_menu()),
            theme.fail(),
        ));
    }
    Paragraph::new(Line::from(spans)).render(menu, buf);
    let cursor = render_middle(cx, s, middle, buf);
    render_log(cx, s, log, buf);
    cursor
}

fn middle_height(s: &SyncState, height: u16) -> u16 {
    match &s.mode {
        Mode::Menu => 0,
        Mode::Folder { .. } | Mode::Path(_) => 4,
        Mode::Working(_) => 3,
        Mode::Trust(_) => 7,
        Mode::Conflicts(_) => u16::try_from(conflicts::height(&s.data.conflicts))
            .unwrap_or(height)
            .min(height / 2 + 4),
        Mode::Plan(p) => {
            let lines = 3 + p.counts.len() + p.conflicts.len().min(6) + p.conflicted.len().min(4);
            u16::try_from(lines).unwrap_or(height).min(height / 2 + 4)
        }
    }
}

fn render_middle(cx: &Context, s: &SyncState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = cx.t;
    let theme = cx.theme;
    let w = usize::from(area.width);
    match &s.mode {
        Mode::Menu => None,
        Mode::Conflicts(choosing) => {
            let stations = &s.data.stations;
            let station = |code: &str| match stations.get(code) {
                Some(name) if !name.is_empty() => format!("{name} {code}"),
                _ => format!("{} {code}", t.station()),
            };
            conflicts::render(cx, *choosing, &s.data.conflicts, &station, area, buf);
            None
        }
        Mode::Folder { input, office, all } => {
            let label = match (office, all) {
                (true, _) => t.export_office_to(),
                (false, true) => t.export_all_to(),
                (false, false) => t.export_field_to(),
            };
            Some(prompt(cx, label, input, area, buf))
        }
        Mode::Path(input) => Some(prompt(cx, t.import_from(), input, area, buf)),
        Mode::Working(work) => {
            let label = match work {
                Work::Exporting => t.working_export(),
                Work::Checking => t.working_check(),
                Work::Importing => t.working_import(),
            };
            buf.set_stringn(area.x, area.y, label, w, theme.heading());
            if let Some(p) = s.progress.filter(|p| p.total > 0) {
                let ratio = (p.done as f64 / p.total as f64).clamp(0.0, 1.0);
                Gauge::default()
                    .ratio(ratio)
                    .gauge_style(theme.selected())
                    .render(Rect::new(area.x, area.y + 1, area.width.min(60), 1), buf);
            }
            None
        }
        Mode::Trust(c) => {
            let text = t.first_contact(&c.station, &c.name, &c.fingerprint);
            let lines: Vec<Line> = text
                .lines()
                .flat_map(|l| wrap(l, w))
                .map(Line::raw)
                .collect();
            Paragraph::new(lines).style(theme.must()).render(area, buf);
            None
        }
        Mode::Plan(p) => {
            let lang = t.lang();
            let flavour = if p.office {
                t.office_bundle()
            } else {
                t.field_bundle()
            };
            let mut lines = vec![Line::styled(
                format!("{} {} {}（{flavour}）", t.plan_of(), p.station, p.name),
                theme.heading(),
            )];
            let mut kinds: Vec<(crate::bundle::RecordKind, Vec<String>)> = Vec::new();
            for (kind, action, n) in &p.counts {
                let part = format!("{} {n}", lang.plan_action(*action));
                match kinds.last_mut() {
                    Some((k, parts)) if k == kind => parts.push(part),
                    _ => kinds.push((*kind, vec![part])),
                }
            }
            for (kind, parts) in kinds {
                lines.push(Line::raw(format!(
                    "  {}  {}",
                    pad(lang.record_kind(kind), 12),
                    parts.join(", ")
                )));
            }
            for (kind, id) in p.conflicts.iter().take(6) {
                lines.push(Line::styled(
                    format!("  {} {} {id}", t.conflict_kept(), lang.record_kind(*kind)),
                    theme.fail(),
                ));
            }
            for e in p.conflicted.iter().take(4) {
                let facts: Vec<&str> = e
                    .conflicts
                    .iter()
                    .map(|c| lang.fact_name(c.fact.code()))
                    .collect();
                lines.push(Line::styled(
                    format!(
                        "  {}{} · {}",
                        t.conflict_to_settle(),
                        e.name,
                        facts.join(lang.list_separator())
                    ),
                    theme.fail(),
                ));
            }
            let question = if p.already_imported {
                t.plan_already_imported()
            } else {
                t.plan_confirm()
            };
            lines.push(Line::styled(question, theme.key()));
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(area, buf);
            None
        }
    }
}

/// A label wrapped over up to two lines, then the input under it.
fn prompt(
    cx: &Context,
    label: &str,
    input: &crate::tui::input::TextInput,
    area: Rect,
    buf: &mut Buffer,
) -> Position {
    let mut y = area.y;
    for line in wrap(label, usize::from(area.width)).into_iter().take(2) {
        buf.set_stringn(area.x, y, line, usize::from(area.width), cx.theme.heading());
        y += 1;
    }
    input.render(Rect::new(area.x, y, area.width, 1), buf, cx.theme.input())
}

fn render_log(cx: &Context, s: &SyncState, area: Rect, buf: &mut Buffer) {
    let t = cx.t;
    let theme = cx.theme;
    if area.height == 0 {
        return;
    }
    buf.set_stringn(
        area.x,
        area.y,
        t.bundle_history(),
        usize::from(area.width),
        theme.heading(),
    );
    let wide = area.width >= 120;
    let mut lines = Vec::new();
    if s.data.log.is_empty() {
        lines.push(Line::styled(format!("  {}", t.none()), theme.dim()));
    }
    for entry in s.data.log.iter().skip(s.scroll) {
        let direction = if entry.direction == "export" {
            t.exported()
        } else {
            t.log_import()
        };
        let kind = if entry.kind == "office" {
            t.office_bundle()
        } else {
            t.field_bundle()
        };
        let at = entry.at.get(..16).unwrap_or(&entry.at);
        let mut text = format!("  {at}  {}  {}  ", pad(direction, 8), pad(kind, 13));
        // The file name carries the station; a wide screen shows it apart as well.
        if area.width >= 100 {
            text.push_str(&format!("{}  ", pad(&entry.station, 8)));
        }
        text.push_str(&entry.file_name);
        if wide {
            text.push_str(&format!(
                "  {}",
                crate::tui::text::truncate(&entry.sha256, 12)
            ));
        }
        lines.push(Line::raw(truncate(&text, usize::from(area.width))));
    }
    Paragraph::new(lines).render(
        Rect::new(area.x, area.y + 1, area.width, area.height - 1),
        buf,
    );
}
