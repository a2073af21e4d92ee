//! Adding or editing an establishment: validated, then saved at once as a new revision.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use crate::domain::establishment::{
    BrightKitchen, Establishment, EstablishmentFacts, EstablishmentKind, RiskGrade,
};
use crate::i18n::tui::Text;
use crate::tui::app::Effect;
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{BACK_TAB, DOWN, ENTER, ESC, Keys, LEFT, Line, RIGHT, TAB, UP, short};
use crate::tui::route::Route;
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

    /// Whether the focus is on a text field, where letters are text.
    pub fn typing(&self) -> bool {
        self.focus < TEXTS
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

/// Tab ↑↓ (and Shift-Tab) between the fields.
const FIELD_KEYS: Line = Line {
    keys: &[
        (TAB, Command::NextField),
        (UP, Command::PreviousField),
        (DOWN, Command::NextField),
        (BACK_TAB, Command::PreviousField),
    ],
    what: Text::keys_next_previous_field,
};
const ENTER_KEY: Line = crate::key_line!(Text::keys_next_field_save_on, Command::Confirm, [ENTER]);
const ESC_KEY: Line = crate::key_line!(Text::keys_back_to_the_roster, Command::Back, [ESC]);

/// On a text field (where ←→ move in the text) and on [保存].
const KEYS: Keys = Keys {
    lines: &[FIELD_KEYS, ENTER_KEY, ESC_KEY],
    footer: &[
        short(&[TAB], Text::keys_next),
        short(&[ESC], Text::keys_back),
    ],
};

/// On the kind, the risk grade or 明厨亮灶: ←→ choose.
const CHOICE_KEYS: Keys = Keys {
    lines: &[
        FIELD_KEYS,
        Line {
            keys: &[(LEFT, Command::Previous), (RIGHT, Command::Next)],
            what: Text::keys_choose_kind_grade_bright,
        },
        ENTER_KEY,
        ESC_KEY,
    ],
    footer: &[
        short(&[TAB], Text::keys_next),
        short(&[LEFT, RIGHT], Text::keys_choose),
        short(&[ESC], Text::keys_back),
    ],
};

impl Component for EditState {
    fn title(&self, t: Text) -> String {
        match self.id {
            Some(_) => t.edit_establishment().into(),
            None => t.new_establishment().into(),
        }
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        match self.focus {
            KIND | GRADE | KITCHEN => &CHOICE_KEYS,
            _ => &KEYS,
        }
    }

    fn typing(&self) -> bool {
        EditState::typing(self)
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        let t = cx.t;
        if command != Command::Back {
            self.leaving = false;
        }
        match command {
            Command::Back if self.may_leave() => return Step::go(Route::Roster),
            Command::Back => return Step::error(t.unsaved_establishment()),
            Command::NextField => self.focus = (self.focus + 1) % FIELDS,
            Command::PreviousField => self.focus = (self.focus + FIELDS - 1) % FIELDS,
            Command::Previous | Command::Next => self.choose(command == Command::Next),
            Command::Confirm if self.focus == SAVE => {
                return match self.problem(cx.roster) {
                    Some(m) => Step::error(m(t)),
                    None => Step::effect(Effect::SaveEstablishment {
                        id: self.id.clone(),
                        facts: self.facts(),
                    }),
                };
            }
            Command::Confirm => self.focus = (self.focus + 1) % FIELDS,
            Command::Input(typed) => {
                if let Some(input) = self.texts.get_mut(self.focus) {
                    input.handle_key(typed);
                }
            }
            _ => {}
        }
        Step::none()
    }

    fn paste(&mut self, _cx: &Context, text: &str) -> Step {
        if let Some(input) = self.texts.get_mut(self.focus) {
            input.insert(text);
        }
        Step::none()
    }

    /// Unsaved edits are not thrown away without a word: the first Ctrl-C asks, a second one
    /// quits (issue 15, item 3).
    fn quit(&mut self, cx: &Context) -> Step {
        if self.may_leave() {
            Step::quit()
        } else {
            Step::error(cx.t.unsaved_establishment_quit())
        }
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        render(cx, self, area, buf)
    }
}

impl EditState {
    /// ←→ on the kind, the risk grade or 明厨亮灶.
    fn choose(&mut self, forward: bool) {
        match self.focus {
            KIND => {
                let all = EstablishmentKind::ALL;
                let next = cycle(&all, Some(self.kind), forward);
                // The kind is required: stepping past the ends wraps instead of clearing it.
                self.kind = next.unwrap_or(if forward { all[0] } else { all[all.len() - 1] });
            }
            GRADE => self.grade = cycle(&RiskGrade::ALL, self.grade, forward),
            KITCHEN => self.kitchen = cycle(&BrightKitchen::ALL, self.kitchen, forward),
            _ => {}
        }
    }
}

fn render(cx: &Context, s: &EditState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = cx.t;
    let theme = cx.theme;
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
