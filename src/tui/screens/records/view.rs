//! 检查记录 drawn: the filters, the name typed (or the range), the count, and the page.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use super::RecordsState;
use crate::domain::inspection::Status;
use crate::tui::component::Context;
use crate::tui::text::pad;

pub fn render(cx: &Context, r: &RecordsState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = cx.t;
    let theme = cx.theme;
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
        render_rows(cx, r, area.width, body, buf);
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
    render_rows(cx, r, area.width, body, buf);
    r.typing.then_some(cursor)
}

/// The inspections of the page, or why there are none.
fn render_rows(cx: &Context, r: &RecordsState, width: u16, body: Rect, buf: &mut Buffer) {
    let t = cx.t;
    let theme = cx.theme;
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
