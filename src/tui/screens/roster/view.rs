//! 单位名录 drawn: the search line, the hits, the selected establishment's details and history,
//! and the checklist chooser over them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use super::{RosterState, chooser};
use crate::domain::establishment::Establishment;
use crate::tui::component::Context;
use crate::tui::due::recently_elsewhere;
use crate::tui::text::{pad, truncate};

pub fn render(cx: &Context, state: &RosterState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = cx.t;
    let theme = cx.theme;
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
        .filter_map(|i| cx.roster.get(*i))
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
    if let Some(e) = state.current(cx.roster) {
        detail(cx, state, e, detail_area, buf);
        if let Some(c) = &state.chooser {
            let notice = state
                .history
                .as_ref()
                .filter(|h| h.establishment_id == e.id)
                .and_then(|h| recently_elsewhere(h.elsewhere.as_ref(), cx.today))
                .map(|x| cx.t.inspected_elsewhere(&x.station, x.date));
            chooser::render(cx, c, notice.as_deref(), area, buf);
            return None;
        }
    }
    Some(cursor)
}

fn detail(cx: &Context, state: &RosterState, e: &Establishment, area: Rect, buf: &mut Buffer) {
    let t = cx.t;
    let theme = cx.theme;
    let f = &e.facts;
    let row = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(pad(label, 10), theme.dim()),
            Span::raw(value),
        ])
    };
    let last = cx
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
