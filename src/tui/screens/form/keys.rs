//! Keys on the checklist form's item list: a verdict per key, moving among items and
//! sections, and opening a note, a value, a choice or a photo. One table per kind of item in
//! focus (a text item takes what is typed) and per kind of inspection (a 复查 widens with `w`).

use super::{Edit, EditKind, FormState};
use crate::domain::checklist::{Item, ItemKind};
use crate::domain::outcome::Verdict;
use crate::i18n::tui::Text;
use crate::key_line;
use crate::tui::app::Effect;
use crate::tui::command::Command;
use crate::tui::component::{Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{
    END, ENTER, ESC, HOME, Keys, Line, MOVE, PAGE, Short, TAB, ch, concat, short, typing,
};
use crate::tui::route::Route;

/// The verdict keys of a scored item (a check, a measurement, a choice).
const VERDICTS: [Line; 3] = [
    key_line!(Text::keys_compliant_next, Command::Pass, [ch('1'), ch('y')]),
    key_line!(
        Text::keys_non_compliant_asks_for,
        Command::Fail,
        [ch('2'), ch('n')]
    ),
    key_line!(
        Text::keys_not_applicable_next,
        Command::NotApplicable,
        [ch('3'), ch('x')]
    ),
];

/// A text item is answered by its text: what is typed on it opens the text with it.
const TYPED_TEXT: Line = typing(Text::keys_type_the_text);

/// The keys every item has, up to `w`.
const FIRST: [Line; 10] = [
    key_line!(
        Text::keys_rest_of_section_compliant,
        Command::PassRestOfSection,
        [ch('A')]
    ),
    key_line!(Text::keys_clear_the_answer, Command::ClearAnswer, [ch('0')]),
    MOVE,
    PAGE,
    Line {
        keys: &[(HOME, Command::First), (END, Command::Last)],
        what: Text::keys_first_last,
    },
    key_line!(Text::keys_next_section, Command::NextSection, [TAB]),
    key_line!(Text::keys_note, Command::Note, [ch('e'), ENTER]),
    key_line!(Text::keys_measured_value_choice, Command::Value, [ch('v')]),
    key_line!(
        Text::keys_attach_a_photo_file,
        Command::AttachPhoto,
        [ch('p')]
    ),
    key_line!(Text::keys_remove_a_photo, Command::RemovePhoto, [ch('P')]),
];

/// `w` on a 复查: the whole checklist, or back to the items under rectification.
const WIDEN: Line = key_line!(Text::keys_widen, Command::Widen, [ch('w')]);

const LAST: [Line; 4] = [
    key_line!(Text::keys_guidance_and_basis, Command::Guidance, [ch('g')]),
    key_line!(
        Text::keys_next_unanswered,
        Command::NextUnanswered,
        [ch('u')]
    ),
    key_line!(Text::keys_review_and_finalize, Command::Review, [ch('F')]),
    key_line!(Text::keys_back_home_draft_is, Command::Back, [ESC]),
];

const FOOTER: &[Short] = &[
    short(&[ch('1')], Text::keys_pass),
    short(&[ch('2')], Text::keys_fail),
    short(&[ch('3')], Text::keys_n_a),
    short(&[ch('e')], Text::keys_note_short),
    short(&[ch('v')], Text::keys_value),
    short(&[ch('g')], Text::keys_guide),
    short(&[ch('u')], Text::keys_next_open),
    short(&[ch('F')], Text::keys_finalize),
    short(&[ESC], Text::keys_back),
];

/// On a text item the digits are text, so the footer does not offer them.
const TEXT_FOOTER: &[Short] = FOOTER.split_at(3).1;

const SCORED: Keys = Keys {
    lines: &concat::<17>(&[&VERDICTS, &FIRST, &LAST]),
    footer: FOOTER,
};

const SCORED_FOLLOW_UP: Keys = Keys {
    lines: &concat::<18>(&[&VERDICTS, &FIRST, &[WIDEN], &LAST]),
    footer: FOOTER,
};

const TEXT: Keys = Keys {
    lines: &concat::<15>(&[&[TYPED_TEXT], &FIRST, &LAST]),
    footer: TEXT_FOOTER,
};

const TEXT_FOLLOW_UP: Keys = Keys {
    lines: &concat::<16>(&[&[TYPED_TEXT], &FIRST, &[WIDEN], &LAST]),
    footer: TEXT_FOOTER,
};

/// A checklist that lists no item (a 复查 with nothing under rectification): only back.
pub(super) const EMPTY: Keys = Keys {
    lines: &[key_line!(
        Text::keys_back_home_draft_is,
        Command::Back,
        [ESC]
    )],
    footer: &[short(&[ESC], Text::keys_back)],
};

/// The item list's keys for the item in focus.
pub(super) fn list_keys(item: &Item, follow_up: bool) -> &'static Keys {
    match (item.kind == ItemKind::Text, follow_up) {
        (false, false) => &SCORED,
        (false, true) => &SCORED_FOLLOW_UP,
        (true, false) => &TEXT,
        (true, true) => &TEXT_FOLLOW_UP,
    }
}

type Msg = fn(Text) -> &'static str;

impl FormState {
    /// A command on the item list, with `item` in focus.
    pub(super) fn on_list(&mut self, cx: &Context, item: &Item, command: Command) -> Step {
        let t = cx.t;
        let mut effects = Vec::new();
        let mut message: Option<Msg> = None;
        let scored = item.kind.is_scored();
        let choice = matches!(item.kind, ItemKind::Choice { .. });
        match command {
            // A choice item is answered by its option, which gives the verdict: `1`/`2` open the
            // options rather than record a 符合 that does not say which.
            Command::Pass if choice => self.open_choice(item, Some(true)),
            Command::Fail if choice => self.open_choice(item, Some(false)),
            Command::Pass if scored => {
                effects.push(self.save(item, Verdict::Pass, None, None, None));
                self.advance();
            }
            Command::Fail if scored => {
                effects.push(self.save(item, Verdict::Fail, None, None, None));
                self.open_note(Verdict::Fail, true);
            }
            Command::NotApplicable if scored => {
                effects.push(self.save(item, Verdict::NotApplicable, None, None, None));
                self.advance();
            }
            Command::ClearAnswer if self.answers.contains_key(&item.id) => {
                effects.push(Effect::ClearAnswer {
                    inspection_id: self.inspection.id.clone(),
                    item_id: item.id.clone(),
                });
            }
            Command::Down => self.advance(),
            Command::Up => self.cursor = self.cursor.saturating_sub(1),
            Command::PageDown => {
                self.cursor = (self.cursor + 10).min(self.order.len().saturating_sub(1));
            }
            Command::PageUp => self.cursor = self.cursor.saturating_sub(10),
            Command::First => self.cursor = 0,
            Command::Last => self.cursor = self.order.len().saturating_sub(1),
            Command::NextSection => self.next_section(),
            Command::Note => {
                let verdict = self
                    .answers
                    .get(&item.id)
                    .map_or(Verdict::NotChecked, |a| a.verdict);
                self.open_note(verdict, item.kind == ItemKind::Text);
            }
            Command::Value => message = self.open_value(item),
            Command::PassRestOfSection => {
                let text = self.pass_rest_of_section(t, &mut effects);
                self.remember_current(&mut effects);
                return Step::effects(effects).with_info(text);
            }
            Command::Guidance => self.guidance = true,
            Command::Widen => match self.toggle_widened() {
                Ok(widened) => {
                    let text = if widened { t.widened() } else { t.narrowed() };
                    return Step::info(text);
                }
                Err(m) => message = Some(m),
            },
            Command::AttachPhoto => {
                self.edit = Some(Edit {
                    kind: EditKind::Photo,
                    input: TextInput::default(),
                    then_next: false,
                });
            }
            // A wrong photo is removed from the draft: `P` lists the item's photos to choose one.
            Command::RemovePhoto => {
                if self.photos_of(&item.id).next().is_some() {
                    self.edit = Some(Edit {
                        kind: EditKind::PhotoList(0),
                        input: TextInput::default(),
                        then_next: false,
                    });
                } else {
                    message = Some(|t| t.no_photo_on_item());
                }
            }
            Command::NextUnanswered => match self.next_open(self.cursor + 1) {
                Some(p) => self.cursor = p,
                None => message = Some(|t| t.all_answered()),
            },
            Command::Review => {
                self.remember_current(&mut effects);
                let again = self.failed_again();
                let step = Step::go(Route::Review).with_effects(effects);
                if again.is_empty() {
                    return step;
                }
                return step.with_info(t.follow_up_failed_again(&again.join("、")));
            }
            Command::Back => {
                self.remember_current(&mut effects);
                return Step::go(Route::Home).with_effects(effects);
            }
            // `w` outside a 复查 says what it is for.
            Command::Input(typed) if typed.char() == Some('w') => {
                message = Some(|t| t.not_a_follow_up());
            }
            // A text item is answered by its text: what is typed on it (a `1` too) goes there.
            Command::Input(typed) if item.kind == ItemKind::Text => {
                if let Some(c) = typed.char() {
                    self.start_text(c);
                }
            }
            _ => {}
        }
        self.remember_current(&mut effects);
        let step = Step::effects(effects);
        match message {
            Some(m) => step.with_info(m(t)),
            None => step,
        }
    }

    /// Tab: the first item of the next group, wrapping around.
    fn next_section(&mut self) {
        let group = self.group_of(self.cursor);
        let n = self.order.len();
        self.cursor = (1..n)
            .map(|k| (self.cursor + k) % n)
            .find(|p| self.group_of(*p) != group)
            .unwrap_or(self.cursor);
    }

    /// `v`: a measurement's value, or a choice item's options; anything else says it has none.
    fn open_value(&mut self, item: &Item) -> Option<Msg> {
        match &item.kind {
            ItemKind::Measurement { .. } => {
                let old = self.answers.get(&item.id).and_then(|a| a.value);
                self.edit = Some(Edit {
                    kind: EditKind::Value,
                    input: TextInput::new(&old.map(|v| v.to_string()).unwrap_or_default()),
                    then_next: true,
                });
                None
            }
            ItemKind::Choice { .. } => {
                self.open_choice(item, None);
                None
            }
            _ => Some(|t| t.not_a_measurement()),
        }
    }
}
