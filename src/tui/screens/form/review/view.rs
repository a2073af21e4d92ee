//! Drawing the review: the outcome with its counts, then the sign-off fields.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Field, ReviewState};
use crate::domain::outcome::Outcome;
use crate::tui::component::Context;
use crate::tui::text::pad;

pub fn render(cx: &Context, r: &ReviewState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = cx.t;
    let theme = cx.theme;
    let lang = t.lang();
    let tl = &r.tally;
    let mut y = area.y;
    let x = area.x + 1;
    let w = area.width.saturating_sub(2);
    let line = |buf: &mut Buffer, y: &mut u16, l: Line| {
        if *y < area.bottom() {
            Paragraph::new(l).render(Rect::new(x, *y, w, 1), buf);
        }
        *y += 1;
    };
    let outcome = r.result().map_or(t.no_result(), |o| lang.outcome(o));
    let outcome_style = match r.result() {
        Some(Outcome::Compliant) => theme.pass(),
        Some(_) => theme.fail(),
        None => theme.dim(),
    };
    line(
        buf,
        &mut y,
        Line::from(vec![
            Span::styled(format!("{}: ", t.result()), theme.heading()),
            Span::styled(outcome.to_string(), outcome_style),
            Span::raw(format!("   {}", r.form.establishment.facts.name)),
        ]),
    );
    let rate = tl
        .general_pass_rate()
        .map_or("-".to_string(), |p| format!("{p:.1}%"));
    let counts = format!(
        "{} {} {} {} {} | {} {} {} {} {} | {} {} | {} {} | {} {}",
        t.key_items(),
        t.checked(),
        tl.key_checked(),
        t.failed(),
        tl.key_failed,
        t.general_items(),
        t.checked(),
        tl.general_checked(),
        t.failed(),
        tl.general_failed,
        t.not_applicable(),
        tl.not_applicable(),
        t.pass_rate(),
        rate,
        t.unanswered(),
        tl.unanswered,
    );
    for part in crate::tui::text::wrap(&counts, usize::from(w)) {
        line(buf, &mut y, Line::raw(part));
    }
    y += 1;
    let label_w = 22;
    let mut cursor = None;
    for &field in r.fields() {
        if y >= area.bottom() {
            break;
        }
        let focused = field == r.focus;
        let label_style = if focused {
            theme.selected()
        } else {
            theme.heading()
        };
        let label = match field {
            Field::Handling => t.handling(),
            Field::Deadline => t.deadline(),
            Field::SecondName => t.second_inspector(),
            Field::SecondBadge => t.second_badge(),
            Field::Signatory => t.signatory(),
            Field::Opinion => t.opinion(),
            Field::Refused => t.refused(),
            Field::Witness => t.witness(),
            Field::Remarks => t.remarks(),
            Field::Credentials => t.notice_credentials(),
            Field::TaskLetter => t.notice_task_letter(),
            Field::Recusal => t.notice_recusal(),
            Field::RecusalAction => t.notice_recusal_action(),
            Field::Outcome => t.result_set(),
            Field::OutcomeReason => t.result_reason(),
            Field::Finalize => "",
        };
        let vx = x + label_w + 1;
        let vw = w.saturating_sub(label_w + 1);
        match field {
            Field::Finalize => {
                let style = if focused {
                    theme.selected()
                } else {
                    theme.key()
                };
                buf.set_string(x, y + 1, format!("[ {} ]", t.finalize()), style);
            }
            Field::Handling => {
                buf.set_string(x, y, pad(label, usize::from(label_w)), label_style);
                let suggested = r.suggested();
                let mut text = format!("< {} >", lang.handling(r.handling));
                if suggested == Some(r.handling) {
                    text.push_str(&format!("  ({})", t.suggested()));
                }
                buf.set_stringn(vx, y, text, usize::from(vw), ratatui::style::Style::new());
            }
            Field::Refused | Field::Credentials | Field::TaskLetter | Field::Recusal => {
                let on = match field {
                    Field::Credentials => r.notice.credentials_shown,
                    Field::TaskLetter => r.notice.task_letter_shown,
                    Field::Recusal => r.notice.recusal_requested,
                    _ => r.refused,
                };
                buf.set_string(x, y, pad(label, usize::from(label_w)), label_style);
                let mark = if on { "[x]" } else { "[ ]" };
                buf.set_string(vx, y, mark, ratatui::style::Style::new());
            }
            Field::Outcome => {
                buf.set_string(x, y, pad(label, usize::from(label_w)), label_style);
                let text = match (r.result(), r.chosen, r.outcome) {
                    (Some(result), Some(_), Some(computed)) => format!(
                        "< {} >  ({})",
                        lang.outcome(result),
                        t.computed_was(lang.outcome(computed))
                    ),
                    (Some(result), _, _) => {
                        // The checklist's rule says whether the counts decide or propose.
                        let proposal = r.form.checklist.outcome.propose(&r.tally);
                        let how = match proposal {
                            Some(p) if !p.by_rule => t.proposal(),
                            _ => t.by_rule(),
                        };
                        format!("< {} >  ({how})", lang.outcome(result))
                    }
                    (None, _, _) => t.no_result().to_string(),
                };
                buf.set_stringn(vx, y, text, usize::from(vw), ratatui::style::Style::new());
            }
            Field::Deadline | Field::OutcomeReason | Field::RecusalAction if r.disabled(field) => {
                let style = if focused { label_style } else { theme.dim() };
                buf.set_string(x, y, pad(label, usize::from(label_w)), style);
                let why = match field {
                    Field::Deadline => t.no_deadline_needed(),
                    Field::OutcomeReason => t.no_reason_needed(),
                    _ => t.no_recusal(),
                };
                buf.set_stringn(vx, y, why, usize::from(vw), theme.dim());
            }
            _ => {
                buf.set_string(x, y, pad(label, usize::from(label_w)), label_style);
                let input = match field {
                    Field::Deadline => &r.deadline,
                    Field::SecondName => &r.second_name,
                    Field::SecondBadge => &r.second_badge,
                    Field::Signatory => &r.signatory,
                    Field::Opinion => &r.opinion,
                    Field::Witness => &r.witness,
                    Field::OutcomeReason => &r.outcome_reason,
                    Field::RecusalAction => &r.recusal_action,
                    _ => &r.remarks,
                };
                // The deadline is a date: a short field, with the range allowed beside it; a
                // name with the list's matches beside it.
                let others = super::second_candidates(cx.colleagues, r);
                let picking = field == Field::SecondName && focused && !others.is_empty();
                let width = match field {
                    Field::Deadline => 12,
                    _ if picking => 16,
                    _ => 50,
                };
                let pos = input.render(Rect::new(vx, y, vw.min(width), 1), buf, theme.input());
                if field == Field::Deadline && vw > 13 {
                    let (from, to) = r.deadline_range();
                    let hint = t.deadline_range(from, to);
                    buf.set_stringn(vx + 13, y, hint, usize::from(vw - 13), theme.dim());
                }
                if picking && vw > 17 {
                    let n = crate::tui::people::count(&others, &r.second_query);
                    let hint = t.pick_from_list(n);
                    buf.set_stringn(vx + 17, y, hint, usize::from(vw - 17), theme.dim());
                }
                if focused {
                    cursor = Some(pos);
                }
            }
        }
        y += 1;
    }
    // Below the fields, the failed items with their notes, to read over before signing.
    y += 2;
    let failed: Vec<String> = r
        .form
        .items
        .iter()
        .filter_map(|(_, item)| {
            let a = r.form.answers.get(&item.id)?;
            (a.verdict == crate::domain::outcome::Verdict::Fail).then(|| {
                let note = if a.note.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", a.note)
                };
                format!("{} {}{note}", item.number, item.text)
            })
        })
        .collect();
    if !failed.is_empty() && y + 1 < area.bottom() {
        line(
            buf,
            &mut y,
            Line::styled(t.failed_items().to_string(), theme.heading()),
        );
        for f in failed {
            for part in crate::tui::text::wrap(&f, usize::from(w)) {
                if y >= area.bottom() {
                    break;
                }
                line(buf, &mut y, Line::raw(part));
            }
        }
    }
    if r.confirming {
        // Unanswered items are allowed (not every item applies on every visit) but said once more.
        let confirm = match tl.unanswered {
            0 => t.confirm_finalize().to_string(),
            n => format!("{n} {}. {}", t.unanswered_left(), t.confirm_finalize()),
        };
        let inner = crate::tui::widgets::popup(area, 60, 6, t.finalize(), buf);
        let lines: Vec<Line> = crate::tui::text::wrap(&confirm, usize::from(inner.width))
            .into_iter()
            .map(Line::raw)
            .collect();
        Paragraph::new(lines).render(inner, buf);
        return None;
    }
    cursor
}
