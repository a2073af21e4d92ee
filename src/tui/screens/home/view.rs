//! 首页 drawn: the lists of `rows`, in their order, with the discard question over them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget};

use super::{DUE_SHOWN, FINALS_SHOWN, HomeState, tasks};
use crate::tui::component::Context;
use crate::tui::text::{pad, truncate};

pub fn render(cx: &Context, state: &HomeState, area: Rect, buf: &mut Buffer) {
    let t = cx.t;
    let theme = cx.theme;
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
    let h = &cx.home;
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
        items.push(ListItem::new(Line::from(follow_up_row(cx, o, name_w))));
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
            items.push(tasks::line(cx, task, name_w));
        }
    }
    heading(&mut items, t.due(), cx.due.is_empty());
    for d in cx.due.iter().take(DUE_SHOWN) {
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
fn item_number(cx: &Context, item_id: &str) -> String {
    match item_id.split_once('/') {
        Some((origin, number)) => cx
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
    cx: &Context,
    o: &crate::store::OverdueRectification,
    name_w: usize,
) -> Vec<Span<'a>> {
    let t = cx.t;
    let theme = cx.theme;
    let (word, style) = if o.overdue {
        (t.deadline_was(), theme.fail())
    } else {
        (t.deadline_in_force(), theme.dim())
    };
    let mut spans = vec![
        Span::raw(format!("  {}  ", pad(&o.establishment, name_w))),
        Span::styled(format!("{word} {}", o.deadline), style),
        Span::raw(format!("  {} {}", t.item(), item_number(cx, &o.item_id))),
    ];
    if o.failed_again {
        spans.push(Span::styled(
            format!("  {}", t.failed_again_mark()),
            theme.must(),
        ));
    }
    spans
}
