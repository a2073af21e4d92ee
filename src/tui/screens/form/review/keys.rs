//! The review's keys: one table for the fields that choose or tick (the handling, the result, a
//! box, the button), one for a field being typed in, one for the second inspector (typed, or
//! chosen among earlier colleagues), and one while 确认定稿 asks.

use super::missing::missing_text;
use super::{Field, ReviewState, problem_text};
use crate::domain::final_check::FinalProblem;
use crate::domain::outcome::Handling;
use crate::domain::sign_off::SignOffProblem;
use crate::i18n::tui::Text;
use crate::key_line;
use crate::tui::app::Profile;
use crate::tui::command::{Command, Typed};
use crate::tui::component::{Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{
    BACK_TAB, CANCEL, ENTER, ESC, FIELDS, Key, Keys, LEFT, Line, RIGHT, SPACE, Short, TAB, ch,
    concat, short,
};
use crate::tui::route::Route;

const PREVIOUS_FIELD: Line = key_line!(
    Text::keys_previous_field,
    Command::PreviousField,
    [BACK_TAB]
);
const CHOOSE: Line = Line {
    keys: &[(LEFT, Command::Previous), (RIGHT, Command::Next)],
    what: Text::keys_choose_the_handling_on,
};
const BACK: Line = key_line!(Text::keys_back_to_the_checklist, Command::Back, [ESC]);
/// Enter in a field typed in: the next field.
const NEXT: Line = key_line!(Text::keys_next, Command::Confirm, [ENTER]);

const FOOTER: &[Short] = &[
    short(&[TAB], Text::keys_next),
    short(&[LEFT, RIGHT], Text::keys_handling),
    short(&[ENTER], Text::keys_ok),
    short(&[ESC], Text::keys_back),
];

/// On a field that chooses or ticks: letters are keys.
const FIELD: Keys = Keys {
    lines: &concat::<7>(&[
        &[FIELDS, PREVIOUS_FIELD, CHOOSE],
        &[
            key_line!(Text::keys_refused_to_sign, Command::Toggle, [SPACE]),
            key_line!(Text::keys_finalize_on_the_button, Command::Confirm, [ENTER]),
            key_line!(Text::keys_go_to_missing, Command::GoToMissing, [ch('p')]),
            BACK,
        ],
    ]),
    footer: FOOTER,
};

/// On a field typed in: letters are text, ←→ move in it.
const TEXT: Keys = Keys {
    lines: &[FIELDS, PREVIOUS_FIELD, NEXT, BACK],
    footer: &[
        short(&[TAB], Text::keys_next),
        short(&[ENTER], Text::keys_ok),
        short(&[ESC], Text::keys_back),
    ],
};

/// The second inspector: typed, or ←→ among the colleagues what is typed matches.
const SECOND: Keys = Keys {
    lines: &[FIELDS, PREVIOUS_FIELD, CHOOSE, NEXT, BACK],
    footer: FOOTER,
};

/// 确认定稿 asks: `y` makes the record final, any other key does not.
const CONFIRM: Keys = Keys {
    lines: &[
        key_line!(Text::keys_ok, Command::Yes, [Key::Letter('y')]),
        CANCEL,
    ],
    footer: &[
        short(&[Key::Letter('y')], Text::keys_ok),
        short(&[ESC], Text::keys_cancel),
    ],
};

/// The keys of the field in focus.
pub(super) fn keys(r: &ReviewState) -> &'static Keys {
    match (r.confirming, r.typing(), r.focus) {
        (true, _, _) => &CONFIRM,
        (false, true, Field::SecondName) => &SECOND,
        (false, true, _) => &TEXT,
        (false, false, _) => &FIELD,
    }
}

impl ReviewState {
    pub(super) fn on_command(&mut self, cx: &Context, command: Command) -> Step {
        let t = cx.t;
        let profile = cx.profile();
        if self.confirming {
            self.confirming = false;
            return match command {
                Command::Yes => Step::effect(self.finalize(&profile)),
                _ => Step::none(),
            };
        }
        let focus = self.focus;
        match command {
            Command::Back => return self.leave(&profile, false),
            Command::NextField => self.step(true),
            Command::PreviousField => self.step(false),
            Command::Previous | Command::Next => self.choose(cx, command == Command::Next),
            Command::Toggle | Command::Confirm if focus == Field::Refused => {
                self.refused = !self.refused;
            }
            Command::Toggle | Command::Confirm if self.toggle(focus) => {}
            Command::Confirm if focus == Field::Finalize => return self.try_finalize(t, &profile),
            // Back to the first item that lacks a note or photo, with it open.
            Command::GoToMissing if !self.missing.is_empty() => {
                return self.leave(&profile, true);
            }
            Command::Confirm => self.step(true),
            Command::Input(typed) => return self.typed(t, typed),
            // Space or `p` where they do nothing: a letter, which a disabled field explains.
            _ => return self.letter_on_disabled(t),
        }
        Step::none()
    }

    /// Back to the checklist, the sign-off kept: on the first item that lacks something when
    /// `to_missing`.
    fn leave(&mut self, profile: &Profile, to_missing: bool) -> Step {
        Step::go(Route::Checklist { to_missing }).with_effects(self.keep_sign_off(profile))
    }

    /// ←→: the handling, the second inspector among earlier colleagues, or the result.
    fn choose(&mut self, cx: &Context, forward: bool) {
        match self.focus {
            Field::Handling => {
                let all = Handling::ALL;
                let at = all.iter().position(|h| *h == self.handling).unwrap_or(0);
                let n = all.len();
                self.handling_chosen = true;
                self.handling = all[if forward {
                    (at + 1) % n
                } else {
                    (at + n - 1) % n
                }];
            }
            Field::SecondName => {
                // The colleagues that match what was typed, not the inspector themself.
                let others = super::second_candidates(cx.colleagues, self);
                let typed = self.second_name.text();
                if let Some(next) =
                    crate::tui::people::cycle(&others, &self.second_query, typed, forward)
                {
                    self.second_name = TextInput::new(&next.name);
                    self.second_badge = TextInput::new(&next.badge);
                }
            }
            Field::Outcome => self.choose_outcome(forward),
            _ => {}
        }
    }

    /// Enter on 确认定稿: what stops it, else the question.
    fn try_finalize(&mut self, t: Text, profile: &Profile) -> Step {
        match self.problem(profile) {
            Some(
                FinalProblem::NoteRequired { .. }
                | FinalProblem::PhotoRequired { .. }
                | FinalProblem::SignOff(SignOffProblem::Uncovered { .. }),
            ) => {
                self.missing = self.find_missing(&self.as_final(profile));
                Step::error(missing_text(t, &self.form, &self.missing))
            }
            Some(problem) => Step::error(problem_text(t, self, &problem)),
            None => {
                self.confirming = true;
                Step::none()
            }
        }
    }

    /// A key no line names: text in the field typed in.
    fn typed(&mut self, t: Text, typed: Typed) -> Step {
        if typed.char().is_some() && self.disabled(self.focus) {
            return self.letter_on_disabled(t);
        }
        if self.disabled(self.focus) {
            return Step::none();
        }
        let focus = self.focus;
        if let Some(input) = self.input(focus) {
            input.handle_key(typed);
        }
        if focus == Field::SecondName {
            self.second_query = self.second_name.text().to_string();
        }
        Step::none()
    }

    /// A letter on a field that takes none now says why.
    fn letter_on_disabled(&self, t: Text) -> Step {
        match self.focus {
            Field::Deadline if self.deadline_disabled() => Step::info(t.no_deadline_needed()),
            Field::OutcomeReason if self.disabled(Field::OutcomeReason) => {
                Step::info(t.no_reason_needed())
            }
            _ => Step::none(),
        }
    }
}
