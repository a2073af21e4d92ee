//! Drawing the draws (screens/draws/mod.rs): the numbered list, one draw in full, the new draw's
//! form and the folder to write to.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use super::{DrawsState, Mode};
use crate::domain::planning::draw::DrawRecord;
use crate::tui::component::Context;
use crate::tui::text::{pad, truncate};

pub fn render(cx: &Context, s: &DrawsState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let (t, theme) = (cx.t, cx.theme);
    match (&s.mode, s.current()) {
        (
            Mode::View
            | Mode::Folder {
                from_view: true, ..
            },
            Some(d),
        ) => {
            view(cx, d, s.scroll, area, buf);
        }
        _ => list(cx, s, area, buf),
    }
    match &s.mode {
        Mode::New(fields) => {
            let inner = crate::tui::widgets::popup(area, 72, 11, t.new_draw(), buf);
            let labels: Vec<&str> = (0..8).map(|i| t.draw_label(i)).collect();
            let cursor = fields.render(&labels, 14, inner, buf, theme);
            if inner.height > 8 {
                buf.set_stringn(
                    inner.x,
                    inner.bottom() - 1,
                    t.new_draw_hint(),
                    usize::from(inner.width),
                    theme.dim(),
                );
            }
            cursor
        }
        Mode::Folder { csv, input, .. } => {
            let title = if *csv { t.draw_csv() } else { t.draw_print() };
            let inner = crate::tui::widgets::popup(area, 72, 3, title, buf);
            let label = t.report_folder();
            let label_w = crate::tui::text::width(label) + 1;
            buf.set_string(inner.x, inner.y, label, theme.heading());
            let x = inner.x + u16::try_from(label_w).unwrap_or(0);
            let w = inner.right().saturating_sub(x);
            Some(input.render(Rect::new(x, inner.y, w, 1), buf, theme.input()))
        }
        Mode::List | Mode::View => None,
    }
}

/// 编号, 日期, 条件, 种子, 操作人, 家数: the condition takes what the others leave.
fn list(cx: &Context, s: &DrawsState, area: Rect, buf: &mut Buffer) {
    let (t, theme) = (cx.t, cx.theme);
    let w = usize::from(area.width);
    let by_w = if w >= 120 { 12 } else { 8 };
    let filter_w = w.saturating_sub(2 + 4 + 2 + 10 + 2 + 2 + 20 + 2 + by_w + 2 + 4);
    let row = |n: &str, day: &str, filter: &str, seed: &str, by: &str, count: &str| {
        format!(
            "  {}  {}  {}  {}  {}  {}",
            pad(n, 4),
            pad(day, 10),
            pad(&truncate(filter, filter_w), filter_w),
            pad(seed, 20),
            pad(&truncate(by, by_w), by_w),
            count
        )
    };
    let header = row(
        t.col_number(),
        t.col_day(),
        t.col_filter(),
        t.col_seed(),
        t.col_by(),
        t.col_count(),
    );
    buf.set_stringn(area.x, area.y, header, w, theme.heading());
    let mut items: Vec<ListItem> = s
        .list
        .iter()
        .map(|d| {
            ListItem::new(row(
                &d.number.to_string(),
                &d.day.to_string(),
                &d.filter_text,
                &d.seed,
                &d.made_by,
                &d.drawn.len().to_string(),
            ))
        })
        .collect();
    if items.is_empty() {
        items.push(ListItem::new(Line::styled(
            format!("  {}", t.no_draws_yet()),
            theme.dim(),
        )));
    }
    let selected = (!s.list.is_empty()).then_some(s.selected);
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected()),
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        },
        buf,
        &mut ListState::default().with_selected(selected),
    );
}

/// One draw as `shian draws show` gives it, with what the record keeps to re-run it.
fn view(cx: &Context, d: &DrawRecord, scroll: usize, area: Rect, buf: &mut Buffer) {
    let (t, theme) = (cx.t, cx.theme);
    let mut lines = vec![
        Line::styled(t.draw_heading(d), theme.heading()),
        Line::raw(t.draw_filter_line(d)),
        Line::raw(t.draw_seed_line(d)),
        Line::raw(""),
    ];
    for (i, e) in d.drawn.iter().enumerate() {
        lines.push(Line::raw(format!(
            "{:>3}  {}  {}  {}",
            i + 1,
            e.name,
            e.town,
            e.inspectors_line()
        )));
    }
    let skip = scroll.min(lines.len().saturating_sub(1));
    Paragraph::new(lines.split_off(skip))
        .wrap(Wrap { trim: false })
        .render(
            Rect {
                x: area.x + 1,
                width: area.width.saturating_sub(2),
                ..area
            },
            buf,
        );
}
