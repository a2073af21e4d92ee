//! 冲突: the establishment facts two stations changed differently, on the sync screen, and the
//! office's choice between the values (docs/tui.md; docs/data-model.md, "Establishment
//! revisions"). One row per conflicted fact; ←→ picks a value, Enter settles the fact with it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::establishment_merge::{Fact, FactConflict};
use crate::i18n::tui::Text;
use crate::store::EstablishmentConflicts;
use crate::tui::app::Effect;
use crate::tui::command::Command;
use crate::tui::component::Context;
use crate::tui::keys::{self, BACK_TAB, ENTER, ESC, Keys, LEFT, MOVE, RIGHT, TAB, ch, short};
use crate::tui::text::truncate;

/// Where the office stands in the list: the row (one conflicted fact) and the value chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Choosing {
    pub row: usize,
    pub side: usize,
}

/// One conflicted fact of one establishment.
struct Row<'a> {
    establishment: &'a EstablishmentConflicts,
    conflict: &'a FactConflict,
}

fn rows(list: &[EstablishmentConflicts]) -> Vec<Row<'_>> {
    list.iter()
        .flat_map(|e| {
            e.conflicts.iter().map(move |c| Row {
                establishment: e,
                conflict: c,
            })
        })
        .collect()
}

/// How many rows (conflicted facts) the list has.
pub fn count(list: &[EstablishmentConflicts]) -> usize {
    list.iter().map(|e| e.conflicts.len()).sum()
}

/// A value picked by its number (the line's keys after ←→ and their neighbours).
const fn pick(n: u8) -> (keys::Key, Command) {
    (ch((b'0' + n) as char), Command::Pick(n))
}

/// The list of conflicts open on the sync screen.
pub const KEYS: Keys = Keys {
    lines: &[
        MOVE,
        keys::Line {
            keys: &[
                (LEFT, Command::Previous),
                (RIGHT, Command::Next),
                (ch('h'), Command::Previous),
                (ch('l'), Command::Next),
                (TAB, Command::Next),
                (BACK_TAB, Command::Previous),
                pick(1),
                pick(2),
                pick(3),
                pick(4),
                pick(5),
                pick(6),
                pick(7),
                pick(8),
                pick(9),
            ],
            what: Text::keys_pick_conflict_value,
        },
        crate::key_line!(Text::keys_settle_conflict, Command::Confirm, [ENTER]),
        crate::key_line!(Text::keys_back, Command::Back, [ESC, ch('q')]),
    ],
    footer: &[
        short(&[LEFT, RIGHT], Text::keys_choose),
        short(&[ENTER], Text::keys_ok),
        short(&[ESC], Text::keys_back),
    ],
};

/// Moves the choice, or asks to settle the chosen row with the chosen value. `None` for Esc.
pub fn on(
    choosing: &mut Choosing,
    list: &[EstablishmentConflicts],
    command: Command,
) -> Option<Vec<Effect>> {
    let rows = rows(list);
    let sides = rows
        .get(choosing.row)
        .map_or(0, |r| r.conflict.values.len());
    match command {
        Command::Back => return None,
        Command::Down if choosing.row + 1 < rows.len() => {
            *choosing = Choosing {
                row: choosing.row + 1,
                side: 0,
            }
        }
        Command::Up if choosing.row > 0 => {
            *choosing = Choosing {
                row: choosing.row - 1,
                side: 0,
            }
        }
        Command::Next if sides > 0 => choosing.side = (choosing.side + 1) % sides,
        Command::Previous if sides > 0 => choosing.side = (choosing.side + sides - 1) % sides,
        Command::Pick(n) => {
            let n = usize::from(n) - 1;
            if n < sides {
                choosing.side = n;
            }
        }
        Command::Confirm => {
            if let Some(row) = rows.get(choosing.row)
                && let Some(side) = row.conflict.values.get(choosing.side)
            {
                return Some(vec![Effect::ResolveConflict {
                    establishment_id: row.establishment.establishment_id.clone(),
                    fact: row.conflict.fact,
                    value: side.value.clone(),
                }]);
            }
        }
        _ => {}
    }
    Some(Vec::new())
}

/// Keeps the choice inside a list that changed (a conflict settled).
pub fn clamp(choosing: &mut Choosing, list: &[EstablishmentConflicts]) {
    let n = count(list);
    if choosing.row >= n {
        *choosing = Choosing {
            row: n.saturating_sub(1),
            side: 0,
        };
    }
}

/// The lines the list takes: a heading, two per row, the keys.
pub fn height(list: &[EstablishmentConflicts]) -> usize {
    2 + 2 * count(list)
}

pub fn render(
    cx: &Context,
    choosing: Choosing,
    list: &[EstablishmentConflicts],
    station: &dyn Fn(&str) -> String,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = cx.t;
    let theme = cx.theme;
    let lang = t.lang();
    let w = usize::from(area.width);
    let rows = rows(list);
    let mut lines = vec![Line::styled(t.conflicts_heading(), theme.heading())];
    // Two lines per row; keep the chosen row in view.
    let fit = usize::from(area.height.saturating_sub(2)) / 2;
    let first = choosing.row.saturating_sub(fit.saturating_sub(1));
    for (i, row) in rows.iter().enumerate().skip(first).take(fit.max(1)) {
        let chosen = i == choosing.row;
        let marker = if chosen { "▸ " } else { "  " };
        let head = format!(
            "{marker}{} · {}",
            row.establishment.name,
            lang.fact_name(row.conflict.fact.code())
        );
        lines.push(Line::styled(
            truncate(&head, w),
            if chosen {
                theme.selected()
            } else {
                theme.heading()
            },
        ));
        let mut spans = vec![Span::raw("    ")];
        for (n, side) in row.conflict.values.iter().enumerate() {
            let text = format!(
                "{} {}（{}）",
                n + 1,
                lang.fact_value(row.conflict.fact, &side.value),
                station(&side.revision.station)
            );
            // Brackets as well as colour, for a terminal without colours (NO_COLOR).
            let (text, style) = if chosen && n == choosing.side {
                (format!("[{text}]"), theme.selected())
            } else {
                (format!(" {text} "), theme.dim())
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::raw("  "));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(t.conflicts_keys(), theme.key()));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// The settled fact in words, for the message line.
pub fn settled(t: Text, name: &str, fact: Fact, value: &str) -> String {
    let lang = t.lang();
    format!(
        "{}{name} · {}：{}",
        t.conflict_settled(),
        lang.fact_name(fact.code()),
        lang.fact_value(fact, value)
    )
}
