//! The first start (and the inspector's details, changed) drawn: the fields, the sample tick, the
//! office bundle's path, and the bureau's list to pick oneself from.

use super::*;

/// The welcome form; returns where the terminal cursor goes while typing.
pub(super) fn render(
    cx: &Context,
    w: &WelcomeState,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let (t, theme, people) = (cx.t, cx.theme, cx.colleagues);
    let x = area.x + 2;
    let width = area.width.saturating_sub(4);
    let title = if w.editing { t.profile() } else { t.welcome() };
    Paragraph::new(Line::styled(title, theme.title()))
        .render(Rect::new(x, area.y + 1, width, 1), buf);
    if !w.editing {
        Paragraph::new(t.welcome_intro()).render(Rect::new(x, area.y + 2, width, 1), buf);
    }
    let labels = [t.inspector_name(), t.badge(), t.bureau()];
    let label_width: u16 = 16;
    let mut cursor = None;
    for (i, (label, input)) in labels.iter().zip(&w.inputs).enumerate() {
        let y = area.y + 4 + 2 * u16::try_from(i).unwrap_or(0);
        if y >= area.bottom() {
            break;
        }
        let style = if w.focus == i {
            theme.selected()
        } else {
            theme.heading()
        };
        buf.set_string(x, y, pad(label, usize::from(label_width)), style);
        let field = Rect::new(
            x + label_width + 1,
            y,
            width.saturating_sub(label_width + 1).min(40),
            1,
        );
        let pos = input.render(field, buf, theme.input());
        if w.focus == i {
            cursor = Some(pos);
        }
        let beside = field.right() + 1;
        if i == 0 && !people.is_empty() && beside < area.right() {
            let hint = t.pick_from_list(crate::tui::people::count(people, &w.query));
            let room = usize::from(area.right() - beside);
            buf.set_stringn(beside, y, hint, room, theme.dim());
        }
    }
    let y = area.y + 10;
    let mark = if w.loads_sample() { "[x] " } else { "[ ] " };
    let style = if w.focus == SAMPLE {
        theme.selected()
    } else if w.office.text().trim().is_empty() {
        ratatui::style::Style::new()
    } else {
        // The office bundle's roster is loaded instead: the sample is not a choice now.
        theme.dim()
    };
    if y < area.bottom() {
        buf.set_stringn(
            x,
            y,
            format!("{mark}{}", t.load_sample()),
            usize::from(width),
            style,
        );
    }
    let style = if w.focus == OFFICE {
        theme.selected()
    } else {
        theme.heading()
    };
    if y + 2 < area.bottom() {
        buf.set_stringn(x, y + 2, t.load_office_bundle(), usize::from(width), style);
    }
    if y + 3 < area.bottom() {
        let field = Rect::new(x + 4, y + 3, width.saturating_sub(4).min(60), 1);
        let pos = w.office.render(field, buf, theme.input());
        if w.focus == OFFICE {
            cursor = Some(pos);
        }
    }
    let style = if w.focus == START {
        theme.selected()
    } else {
        theme.key()
    };
    if y + 5 < area.bottom() {
        buf.set_string(x, y + 5, format!("[ {} ]", t.start()), style);
    }
    cursor
}
