//! Drawing the 报表 screen: the choices, the headline numbers, and a coverage chart.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Widget, Wrap};

use super::{Field, ReportState};
use crate::domain::outcome::Outcome;
use crate::tui::component::Context;
use crate::tui::msg::ReportKind;
use crate::tui::text::pad;

const LABEL: usize = 14;

/// Draws the screen; returns where the terminal cursor goes while a field is typed in.
pub fn render(cx: &Context, s: &ReportState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = cx.t;
    let theme = cx.theme;
    let x = area.x + 1;
    let width = area.width.saturating_sub(2);
    let label_style = |f: Field| {
        if s.focus == f {
            theme.selected()
        } else {
            theme.heading()
        }
    };
    let mut cursor = None;
    let kind = match s.kind {
        ReportKind::Summary => t.report_summary(),
        ReportKind::Workbook => t.report_workbook(),
        ReportKind::Records if !s.records.is_empty() => t.report_chosen_records(),
        ReportKind::Records => t.report_records(),
        ReportKind::Order => t.report_order(),
        // Written from the draws screen, never chosen here.
        ReportKind::Draw => t.draw_print(),
        ReportKind::DrawCsv => t.draw_csv(),
    };
    let kind = if s.kind == ReportKind::Records && !s.records.is_empty() {
        format!("{kind} {}", s.records.len())
    } else {
        kind.to_string()
    };
    buf.set_string(
        x,
        area.y,
        pad(t.report_kind(), LABEL),
        label_style(Field::Kind),
    );
    buf.set_stringn(
        x + LABEL as u16 + 1,
        area.y,
        format!("< {kind} >"),
        usize::from(width).saturating_sub(LABEL + 1),
        Style::new(),
    );
    let field_x = x + LABEL as u16 + 1;
    let field_w = width.saturating_sub(LABEL as u16 + 1);
    for (i, (field, label, input)) in [
        (Field::From, t.period_from(), &s.from),
        (Field::To, t.period_to(), &s.to),
        (Field::Folder, t.report_folder(), &s.folder),
    ]
    .into_iter()
    .enumerate()
    {
        let y = area.y + 1 + i as u16;
        if y >= area.bottom() {
            break;
        }
        buf.set_string(x, y, pad(label, LABEL), label_style(field));
        let w = if field == Field::Folder { field_w } else { 12 };
        let pos = input.render(Rect::new(field_x, y, w.min(field_w), 1), buf, theme.input());
        if s.focus == field {
            cursor = Some(pos);
        }
    }
    let hint = if s.working {
        t.working_report()
    } else {
        t.report_hint()
    };
    let body_y = area.y + 5;
    if body_y >= area.bottom() {
        return cursor;
    }
    buf.set_stringn(x, area.y + 4, hint, usize::from(width), theme.dim());
    let Some(h) = &s.headline else {
        return cursor;
    };
    let (inspected, total) = h
        .coverage
        .iter()
        .fold((0, 0), |(a, b), (_, i, n)| (a + i, b + n));
    let lang = t.lang();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!("{} {} ~ {}  ", t.period(), h.from, h.to),
                theme.heading(),
            ),
            Span::raw(format!("{} {}", t.inspections_count(), h.inspections)),
        ]),
        Line::raw(format!("{} {inspected}/{total}", t.school_coverage())),
        Line::from(
            Outcome::ALL
                .iter()
                .zip(h.outcomes)
                .flat_map(|(o, n)| {
                    let style = match o {
                        Outcome::Compliant => theme.pass(),
                        Outcome::BasicallyCompliant => theme.not_applicable(),
                        Outcome::NonCompliant => theme.fail(),
                    };
                    [
                        Span::styled(lang.outcome(*o), style),
                        Span::raw(format!(" {n}  ")),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        Line::from(vec![
            Span::raw(format!("{} {}  ", t.rectifications_open(), h.open)),
            Span::styled(
                format!("{} {}", t.rectifications_overdue(), h.overdue),
                theme.fail(),
            ),
        ]),
    ];
    if width < 60 {
        lines.truncate(4);
    }
    let text_h = 4u16.min(area.bottom() - body_y);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(Rect::new(x, body_y, width, text_h), buf);
    let chart_y = body_y + text_h + 1;
    if chart_y + 3 > area.bottom() {
        return cursor;
    }
    let label_w = if width >= 100 { 22 } else { 12 };
    let bars: Vec<Bar> = h
        .coverage
        .iter()
        .map(|(kind, i, n)| {
            let percent = (i * 100).checked_div(*n).unwrap_or(0);
            Bar::default()
                .value(percent as u64)
                .label(Line::raw(pad(lang.kind(*kind), label_w)))
                .text_value(format!("{i}/{n}"))
        })
        .collect();
    let rows = u16::try_from(bars.len()).unwrap_or(0);
    let chart_h = (rows + 2).min(area.bottom() - chart_y);
    BarChart::default()
        .block(Block::bordered().title(format!(" {} ", t.coverage_chart())))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .max(100)
        .bar_style(theme.pass())
        .value_style(theme.selected())
        .data(BarGroup::default().bars(&bars))
        .render(Rect::new(x, chart_y, width.min(100), chart_h), buf);
    cursor
}
