//! Drawing the checklist form: progress, the item list by section, the item's details, and the
//! note, value or choice being entered.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use super::{EditKind, FormState, MUST_GROUP};
use crate::domain::checklist::{Item, ItemKind};
use crate::domain::outcome::Verdict;
use crate::i18n::tui::Text;
use crate::tui::component::Context;
use crate::tui::text::{pad, wrap};
use crate::tui::theme::Theme;
use crate::tui::widgets::popup;

/// The verdict column of the item list: short words, so that English fits the same 9 cells.
fn verdict_label(t: Text, theme: Theme, v: Option<Verdict>) -> Span<'static> {
    match v {
        Some(Verdict::Pass) => Span::styled(pad(t.pass_short(), 9), theme.pass()),
        Some(Verdict::Fail) => Span::styled(pad(t.fail_short(), 9), theme.fail()),
        Some(Verdict::NotApplicable) => {
            Span::styled(pad(t.not_applicable_short(), 9), theme.not_applicable())
        }
        _ => Span::styled(pad(t.unanswered(), 9), theme.dim()),
    }
}

fn limits(item: &Item) -> Option<String> {
    match &item.kind {
        ItemKind::Measurement { unit, min, max } => {
            let show = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
            Some(format!("{}-{} {unit}", show(*min), show(*max)))
        }
        _ => None,
    }
}

pub fn render(cx: &Context, form: &FormState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = cx.t;
    let theme = cx.theme;
    let (answered, total, key_answered, key_total) = form.progress();
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    Paragraph::new(Line::from(vec![
        Span::styled(form.establishment.facts.name.clone(), theme.title()),
        Span::raw(format!(
            "  {} {}  {} {}",
            t.progress(),
            t.count_of(answered, total),
            t.key_items(),
            t.count_of(key_answered, key_total)
        )),
        Span::styled(
            format!("  {}", t.nth_of_year(form.year_sequence)),
            theme.dim(),
        ),
    ]))
    .render(top, buf);
    let wide = area.width >= 120;
    let (list_area, detail_area) = if wide {
        let [l, d] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Min(0)]).areas(body);
        (l, d)
    } else {
        let [l, d] = Layout::vertical([Constraint::Min(4), Constraint::Length(7)]).areas(body);
        (l, d)
    };
    render_list(cx, form, list_area, buf);
    let cursor = render_detail(cx, form, detail_area, buf);
    if form.guidance {
        render_guidance(t, form, area, buf);
        return None;
    }
    if let (Some(edit), Some(ItemKind::Choice { options })) =
        (&form.edit, form.current().map(|i| &i.kind))
        && let EditKind::Choice(at) = edit.kind
    {
        let labels = options.iter().map(|o| o.label.as_str());
        popup_list(t.choose_option(), 50, labels, at, theme, area, buf);
        return None;
    }
    if let (Some(edit), Some(item)) = (&form.edit, form.current())
        && let EditKind::PhotoList(at) = edit.kind
    {
        let labels = form.photos_of(&item.id).map(|p| p.file_name.as_str());
        popup_list(t.remove_photo_title(), 60, labels, at, theme, area, buf);
        return None;
    }
    cursor
}

/// A numbered list over the form to choose from: a choice item's options, or the item's photos
/// (`P`) to remove one.
fn popup_list<'a>(
    title: &str,
    width: u16,
    labels: impl Iterator<Item = &'a str>,
    at: usize,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let items: Vec<ListItem> = labels
        .enumerate()
        .map(|(i, label)| ListItem::new(format!("{} {label}", i + 1)))
        .collect();
    let height = u16::try_from(items.len()).unwrap_or(8).saturating_add(2);
    let inner = popup(area, width, height, title, buf);
    let mut ls = ListState::default().with_selected(Some(at));
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected()),
        inner,
        buf,
        &mut ls,
    );
}

fn render_list(cx: &Context, form: &FormState, area: Rect, buf: &mut Buffer) {
    let t = cx.t;
    let theme = cx.theme;
    // Numbers are shown whole, as wide as the widest of the checklist (`进货查验 2.3`): cut to a
    // fixed width, 明厨 1.1 and 明厨 1.2 looked alike (issue 15, item 9).
    let number_w = form
        .items
        .iter()
        .map(|(_, item)| crate::tui::text::width(&item.number))
        .max()
        .unwrap_or(0)
        .clamp(4, 16);
    let text_w = usize::from(area.width).saturating_sub(number_w + 14);
    let mut items = Vec::new();
    let mut selected = None;
    let mut group = None;
    for (pos, (index, g)) in form.order.iter().enumerate() {
        if group != Some(*g) {
            group = Some(*g);
            let title = if *g == MUST_GROUP && form.is_follow_up() {
                t.follow_up_section().to_string()
            } else if *g == MUST_GROUP {
                t.must_check_section().to_string()
            } else {
                form.checklist
                    .sections
                    .get(*g)
                    .map_or(String::new(), |s| s.title.clone())
            };
            items.push(ListItem::new(Line::styled(title, theme.heading())));
        }
        let Some((_, item)) = form.items.get(*index) else {
            continue;
        };
        if pos == form.cursor {
            selected = Some(items.len());
        }
        let answer = form.answers.get(&item.id);
        let answered = form.is_answered(item);
        let label = if item.kind == ItemKind::Text && answered {
            Span::styled(pad(t.recorded_short(), 9), theme.pass())
        } else {
            verdict_label(t, theme, answer.map(|a| a.verdict).filter(|_| answered))
        };
        let mut spans = vec![
            Span::styled(if item.key { "*" } else { " " }, theme.key()),
            Span::raw(format!("{} ", pad(&item.number, number_w))),
            label,
        ];
        let mut room = text_w;
        // The row says what was recorded: a choice item's option, a text item's text.
        let recorded = match &item.kind {
            ItemKind::Choice { .. } => answer.and_then(|a| a.choice.as_deref()),
            ItemKind::Text => answer.map(|a| a.note.as_str()).filter(|_| answered),
            _ => None,
        };
        if let Some(recorded) = recorded {
            let tag = format!("[{}] ", crate::tui::text::truncate(recorded, 16));
            room = room.saturating_sub(crate::tui::text::width(&tag));
            spans.push(Span::raw(tag));
        }
        if *g == MUST_GROUP {
            let word = if form.is_follow_up() {
                t.under_rectification()
            } else {
                t.must_check()
            };
            let tag = format!("{word} ");
            room = room.saturating_sub(crate::tui::text::width(&tag));
            spans.push(Span::styled(tag, theme.must()));
        }
        spans.push(Span::raw(crate::tui::text::truncate(&item.text, room)));
        items.push(ListItem::new(Line::from(spans)));
    }
    let mut ls = ListState::default().with_selected(selected);
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected()),
        area,
        buf,
        &mut ls,
    );
}

fn render_detail(cx: &Context, form: &FormState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = cx.t;
    let theme = cx.theme;
    let block = Block::bordered();
    let inner = block.inner(area);
    block.render(area, buf);
    let item = form.current()?;
    let width = usize::from(inner.width);
    let answer = form.answers.get(&item.id);
    let mut lines: Vec<Line> = Vec::new();
    let key = if item.key {
        format!("* {} ", t.key_items())
    } else {
        String::new()
    };
    let mut first = format!("{}{}  ", key, item.number);
    first.push_str(&item.text);
    for l in wrap(&first, width) {
        lines.push(Line::raw(l));
    }
    let hint = match &item.kind {
        ItemKind::Measurement { .. } => {
            let value = answer
                .and_then(|a| a.value)
                .map(|v| format!("  {}: {v}", t.measured_value()));
            format!(
                "{} ({} {}){}",
                t.measurement_item(),
                t.limits(),
                limits(item).unwrap_or_default(),
                value.unwrap_or_default()
            )
        }
        ItemKind::Choice { .. } => {
            let chosen = answer
                .and_then(|a| a.choice.clone())
                .map(|c| format!("  [{c}]"));
            format!("{}{}", t.choice_item(), chosen.unwrap_or_default())
        }
        ItemKind::Text => t.text_item().to_string(),
        ItemKind::Check => String::new(),
    };
    if !hint.is_empty() {
        lines.push(Line::styled(hint, theme.dim()));
    }
    if let Some(case) = form.case_of(&item.id) {
        lines.extend(super::follow_up::finding_lines(
            t, theme, case, cx.today, width,
        ));
    }
    let photos: Vec<&str> = form
        .photos_of(&item.id)
        .map(|p| p.file_name.as_str())
        .collect();
    if !photos.is_empty() {
        let text = format!("{}: {}", t.photos(), photos.join(", "));
        lines.extend(wrap(&text, width).into_iter().map(Line::raw));
    }
    if let Some(a) = answer.filter(|a| !a.note.is_empty()) {
        let note = format!("{}: {}", t.note(), a.note);
        lines.extend(wrap(&note, width).into_iter().map(Line::raw));
    }
    // A large terminal has room for the guidance without pressing g.
    if inner.height >= 12 {
        lines.push(Line::raw(""));
        lines.push(Line::styled(t.guidance().to_string(), theme.heading()));
        let guidance = item.guidance.as_deref().unwrap_or(t.no_guidance());
        lines.extend(wrap(guidance, width).into_iter().map(Line::raw));
        if let Some(basis) = &item.basis {
            lines.push(Line::raw(""));
            let basis = format!("{}: {basis}", t.basis());
            lines.extend(
                wrap(&basis, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.dim())),
            );
        }
    }
    let edit_row = inner.bottom().saturating_sub(1);
    let text_rows = usize::from(inner.height.saturating_sub(u16::from(form.edit.is_some())));
    lines.truncate(text_rows);
    Paragraph::new(lines).render(inner, buf);
    let edit = form.edit.as_ref()?;
    let label = match edit.kind {
        EditKind::Note(_) => format!("{}: ", t.note()),
        EditKind::Value => format!(
            "{} ({}): ",
            t.measured_value(),
            limits(item).unwrap_or_default()
        ),
        EditKind::Photo => format!("{}: ", t.photo_path()),
        EditKind::Choice(_) | EditKind::PhotoList(_) => return None,
    };
    let row = Rect::new(inner.x, edit_row, inner.width, 1);
    ratatui::widgets::Clear.render(row, buf);
    buf.set_stringn(row.x, row.y, &label, width, theme.heading());
    let lw = u16::try_from(crate::tui::text::width(&label))
        .unwrap_or(0)
        .min(row.width);
    let field = Rect::new(row.x + lw, row.y, row.width - lw, 1);
    Some(edit.input.render(field, buf, theme.input()))
}

fn render_guidance(t: Text, form: &FormState, area: Rect, buf: &mut Buffer) {
    let Some(item) = form.current() else {
        return;
    };
    let inner = popup(
        area,
        area.width.saturating_sub(8).min(90),
        area.height.saturating_sub(4),
        t.guidance(),
        buf,
    );
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = wrap(&format!("{}  {}", item.number, item.text), width)
        .into_iter()
        .map(|l| Line::styled(l, Style::new().add_modifier(ratatui::style::Modifier::BOLD)))
        .collect();
    lines.push(Line::raw(""));
    let guidance = item.guidance.as_deref().unwrap_or(t.no_guidance());
    lines.extend(wrap(guidance, width).into_iter().map(Line::raw));
    if let Some(basis) = &item.basis {
        lines.push(Line::raw(""));
        lines.extend(
            wrap(&format!("{}: {basis}", t.basis()), width)
                .into_iter()
                .map(Line::raw),
        );
    }
    Paragraph::new(lines).render(inner, buf);
}
