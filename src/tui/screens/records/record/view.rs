//! An opened record drawn: its campaigns, then the record as the printed form lays it out,
//! and the correction's reason asked over it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{RecordState, tags};
use crate::store::InspectionRecord;
use crate::tui::component::Context;
use crate::tui::text::{pad, wrap};

/// The record as the printed form lays it out, one line per fact.
pub fn record_lines(cx: &Context, rec: &InspectionRecord, width: usize) -> Vec<Line<'static>> {
    let t = cx.t;
    let theme = cx.theme;
    let lang = t.lang();
    let i = &rec.inspection;
    let tl = &rec.tally;
    let mut lines = Vec::new();
    let mut field = |label: &str, value: String| {
        // Long values wrap by width under their label rather than run off the screen.
        let text = format!("{label}: {value}");
        for (n, part) in wrap(&text, width).into_iter().enumerate() {
            if n == 0 && part.starts_with(label) {
                let rest = part[label.len()..].to_string();
                lines.push(Line::from(vec![
                    Span::styled(label.to_string(), theme.heading()),
                    Span::raw(rest),
                ]));
            } else {
                lines.push(Line::raw(part));
            }
        }
    };
    field(
        t.serial(),
        i.serial
            .clone()
            .unwrap_or_else(|| lang.status(i.status).to_string()),
    );
    // As the printed form: the facts the record keeps of its day (docs/reports.md).
    let facts = i.facts_or(&rec.establishment.facts);
    field(t.establishment(), facts.name.clone());
    field(t.address(), facts.address.clone());
    field(t.license(), facts.license_no.clone());
    let mut kind = lang.inspection_kind(i.kind).to_string();
    if let Some(n) = i.year_sequence {
        kind.push_str(&format!("  {}", t.nth_of_year(n)));
    }
    field(t.inspection_kind(), kind);
    field(
        t.date(),
        i.local_started_at().format("%Y-%m-%d %H:%M").to_string(),
    );
    field(t.checklist(), rec.checklist.title.clone());
    let names: Vec<String> = i
        .inspectors
        .iter()
        .map(|p| format!("{} ({})", p.name, p.badge))
        .collect();
    field(t.inspectors(), names.join(", "));
    let outcome = i.outcome.or(tl.outcome()).map_or("-", |o| lang.outcome(o));
    let rate = tl
        .general_pass_rate()
        .map_or("-".to_string(), |p| format!("{p:.1}%"));
    field(
        t.result(),
        format!(
            "{outcome}  ({} {}/{} {}, {} {}/{} {}, {} {}, {} {rate})",
            t.key_items(),
            tl.key_failed,
            tl.key_checked(),
            t.failed(),
            t.general_items(),
            tl.general_failed,
            tl.general_checked(),
            t.failed(),
            t.not_applicable(),
            tl.not_applicable(),
            t.pass_rate()
        ),
    );
    let c = &i.conclusion;
    if let Some(h) = c.handling {
        let deadline = c
            .deadline
            .map(|d| format!("  {} {d}", t.deadline()))
            .unwrap_or_default();
        field(t.handling(), format!("{}{deadline}", lang.handling(h)));
    }
    if !c.operator_signatory.is_empty() {
        field(t.signatory(), c.operator_signatory.clone());
    }
    if !c.operator_opinion.is_empty() {
        field(t.opinion(), c.operator_opinion.clone());
    }
    if c.operator_refused {
        field(t.refused(), format!("{}: {}", t.witness(), c.witness));
    }
    if !c.remarks.is_empty() {
        field(t.remarks(), c.remarks.clone());
    }
    if let Some(reason) = &i.revision_reason {
        field(
            t.correction(),
            format!("{} {}: {reason}", t.revision(), i.revision),
        );
    }
    if !rec.superseded_by.is_empty() {
        field(t.superseded(), rec.superseded_by.join(", "));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.answers().to_string(), theme.heading()));
    for item in rec.checklist.items() {
        let Some(a) = rec.answers.iter().find(|a| a.item_id == item.id) else {
            continue;
        };
        let mark = if item.key { "*" } else { " " };
        let value = a.value.map(|v| format!(" [{v}]")).unwrap_or_default();
        let note = if a.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", a.note)
        };
        // A text item records words, not a verdict.
        let verdict = match item.kind {
            crate::domain::checklist::ItemKind::Text => "",
            _ => lang.verdict(a.verdict),
        };
        let choice = a
            .choice
            .as_ref()
            .map(|c| format!(" [{c}]"))
            .unwrap_or_default();
        let text = format!(
            "{mark}{} {} {}{value}{choice}{note}",
            pad(&item.number, 8),
            pad(verdict, 9),
            item.text
        );
        lines.extend(wrap(&text, width).into_iter().map(Line::raw));
    }
    lines
}

pub fn render(cx: &Context, r: &RecordState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    // The campaigns it counts for, above the record when it falls in any (issue 14).
    let area = if r.tags.is_empty() || area.height < 2 {
        area
    } else {
        tags::render(cx, &r.tags, Rect { height: 1, ..area }, buf);
        Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        }
    };
    let lines = record_lines(cx, &r.record, usize::from(area.width));
    Paragraph::new(lines)
        .scroll((r.scroll, 0))
        .render(area, buf);
    let reason = r.reason.as_ref()?;
    let inner = crate::tui::widgets::popup(area, 70, 4, cx.t.correction(), buf);
    buf.set_stringn(
        inner.x,
        inner.y,
        cx.t.correction_reason(),
        usize::from(inner.width),
        cx.theme.heading(),
    );
    let field = Rect {
        y: inner.y + 1,
        height: 1,
        ..inner
    };
    Some(reason.render(field, buf, cx.theme.input()))
}
