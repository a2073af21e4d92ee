//! Adding or editing an establishment: validated, then saved at once as a new revision.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::RosterState;
use crate::domain::establishment::{
    BrightKitchen, Establishment, EstablishmentFacts, EstablishmentKind, RiskGrade,
};
use crate::tui::app::{App, Effect, Screen};
use crate::tui::input::TextInput;
use crate::tui::text::pad;

/// The text fields, in screen order; the choices follow them.
const TEXTS: usize = 7;
const KIND: usize = 7;
const GRADE: usize = 8;
const KITCHEN: usize = 9;
const SAVE: usize = 10;
const FIELDS: usize = 11;

pub struct EditState {
    /// `None` for a new establishment.
    pub id: Option<String>,
    /// name, address, town, person in charge, phone, licence no., credit code
    pub texts: [TextInput; TEXTS],
    pub kind: EstablishmentKind,
    pub grade: Option<RiskGrade>,
    pub kitchen: Option<BrightKitchen>,
    pub focus: usize,
    /// The facts as the form opened, to tell unsaved edits.
    opened: Option<EstablishmentFacts>,
    /// Esc or Ctrl-C was pressed once over unsaved edits: the next one discards them.
    pub leaving: bool,
}

impl EditState {
    pub fn new(existing: Option<&Establishment>) -> Self {
        let f = existing.map(|e| &e.facts);
        let text =
            |get: fn(&EstablishmentFacts) -> &String| TextInput::new(f.map_or("", |f| get(f)));
        let mut state = EditState {
            id: existing.map(|e| e.id.clone()),
            texts: [
                text(|f| &f.name),
                text(|f| &f.address),
                text(|f| &f.town),
                text(|f| &f.person_in_charge),
                text(|f| &f.phone),
                text(|f| &f.license_no),
                text(|f| &f.credit_code),
            ],
            kind: f.map_or(EstablishmentKind::SchoolCanteen, |f| f.kind),
            grade: f.and_then(|f| f.risk_grade),
            kitchen: f.and_then(|f| f.bright_kitchen),
            focus: 0,
            opened: None,
            leaving: false,
        };
        state.opened = Some(state.facts());
        state
    }

    /// Something was typed or chosen that is not saved.
    pub fn unsaved(&self) -> bool {
        self.opened.as_ref() != Some(&self.facts())
    }

    /// Whether leaving (Esc, Ctrl-C) may go ahead: over unsaved edits the first press only
    /// asks, and the second one discards them (issue 15, item 3).
    pub fn may_leave(&mut self) -> bool {
        if self.leaving || !self.unsaved() {
            return true;
        }
        self.leaving = true;
        false
    }

    pub fn typing(&self) -> bool {
        self.focus < TEXTS
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(input) = self.texts.get_mut(self.focus) {
            input.insert(text);
        }
    }

    pub(crate) fn facts(&self) -> EstablishmentFacts {
        let t = |i: usize| self.texts[i].text().trim().to_string();
        EstablishmentFacts {
            name: t(0),
            kind: self.kind,
            address: t(1),
            town: t(2),
            person_in_charge: t(3),
            phone: t(4),
            license_no: t(5),
            credit_code: t(6),
            risk_grade: self.grade,
            bright_kitchen: self.kitchen,
        }
    }

    /// Name and town are required, as in the roster file; a licence number or credit code
    /// may belong to one establishment only.
    fn problem(
        &self,
        roster: &[Establishment],
    ) -> Option<fn(crate::i18n::tui::Text) -> &'static str> {
        let f = self.facts();
        if f.name.is_empty() || f.town.is_empty() {
            return Some(|t| t.need_name_and_town());
        }
        let taken = roster.iter().any(|e| {
            Some(&e.id) != self.id.as_ref()
                && ((!f.license_no.is_empty() && e.facts.license_no == f.license_no)
                    || (!f.credit_code.is_empty() && e.facts.credit_code == f.credit_code))
        });
        taken.then_some(|t| t.identifier_taken())
    }
}

/// Steps through `values` and none, forward or back.
fn cycle<T: Copy + PartialEq>(values: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let n = values.len() + 1;
    let at = current
        .and_then(|c| values.iter().position(|v| *v == c))
        .map_or(0, |i| i + 1);
    let next = if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    };
    next.checked_sub(1).and_then(|i| values.get(i).copied())
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let t = app.t;
    let Screen::Establishment(s) = &mut app.screen else {
        return Vec::new();
    };
    let forward = key.code == KeyCode::Right;
    if key.code != KeyCode::Esc {
        s.leaving = false;
    }
    match key.code {
        KeyCode::Esc => {
            if s.may_leave() {
                app.screen = Screen::Roster(RosterState::new(app));
            } else {
                app.error(t.unsaved_establishment());
            }
        }
        KeyCode::Tab | KeyCode::Down => s.focus = (s.focus + 1) % FIELDS,
        KeyCode::BackTab | KeyCode::Up => s.focus = (s.focus + FIELDS - 1) % FIELDS,
        KeyCode::Left | KeyCode::Right if s.focus == KIND => {
            let all = EstablishmentKind::ALL;
            let next = cycle(&all, Some(s.kind), forward);
            // The kind is required: stepping past the ends wraps instead of clearing it.
            s.kind = next.unwrap_or(if forward { all[0] } else { all[all.len() - 1] });
        }
        KeyCode::Left | KeyCode::Right if s.focus == GRADE => {
            s.grade = cycle(&RiskGrade::ALL, s.grade, forward);
        }
        KeyCode::Left | KeyCode::Right if s.focus == KITCHEN => {
            s.kitchen = cycle(&BrightKitchen::ALL, s.kitchen, forward);
        }
        KeyCode::Enter if s.focus == SAVE => match s.problem(&app.roster) {
            Some(m) => app.error(m(t)),
            None => {
                return vec![Effect::SaveEstablishment {
                    id: s.id.clone(),
                    facts: s.facts(),
                }];
            }
        },
        KeyCode::Enter => s.focus = (s.focus + 1) % FIELDS,
        _ => {
            if let Some(input) = s.texts.get_mut(s.focus) {
                input.handle_key(key);
            }
        }
    }
    Vec::new()
}

pub fn render(app: &App, s: &EditState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = app.t;
    let theme = app.theme;
    let lang = t.lang();
    let labels = [
        t.name(),
        t.address(),
        t.town(),
        t.person(),
        t.phone(),
        t.license(),
        t.credit_code(),
        t.kind(),
        t.risk_grade(),
        t.bright_kitchen(),
    ];
    let x = area.x + 1;
    let label_w: u16 = 12;
    let value_w = area.width.saturating_sub(label_w + 2).min(60);
    let mut cursor = None;
    for (i, label) in labels.iter().enumerate() {
        let y = area.y + 1 + u16::try_from(i).unwrap_or(0);
        if y >= area.bottom() {
            break;
        }
        let style = if s.focus == i {
            theme.selected()
        } else {
            theme.heading()
        };
        buf.set_string(x, y, pad(label, usize::from(label_w)), style);
        let field = Rect::new(x + label_w + 1, y, value_w, 1);
        if let Some(input) = s.texts.get(i) {
            let pos = input.render(field, buf, theme.input());
            if s.focus == i {
                cursor = Some(pos);
            }
            continue;
        }
        let value = match i {
            KIND => lang.kind(s.kind),
            GRADE => s.grade.map_or("-", |g| g.code()),
            _ => s.kitchen.map_or("-", |k| lang.bright_kitchen(k)),
        };
        buf.set_stringn(
            field.x,
            y,
            format!("< {value} >"),
            usize::from(value_w),
            Style::new(),
        );
    }
    let y = area.y + 2 + u16::try_from(labels.len()).unwrap_or(0);
    if y < area.bottom() {
        let style = if s.focus == SAVE {
            theme.selected()
        } else {
            theme.key()
        };
        buf.set_string(x, y, format!("[ {} ]", t.save()), style);
    }
    cursor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_choices_cycle_through_none() {
        let all = RiskGrade::ALL;
        assert_eq!(cycle(&all, None, true), Some(RiskGrade::A));
        assert_eq!(cycle(&all, Some(RiskGrade::D), true), None);
        assert_eq!(cycle(&all, None, false), Some(RiskGrade::D));
    }
}
