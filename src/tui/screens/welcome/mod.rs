//! First run: who inspects with this station, whether to load the sample roster, and an
//! office roster bundle to import (through the sync screen's plan and confirmation).

mod view;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::tui::Text;
use crate::tui::app::{Action, Effect, Profile};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{
    BACK_TAB, COMPLETE_PATH, DOWN, ENTER, ESC, FIELDS_BOTH_WAYS, Keys, LEFT, Line as KeyLine,
    RIGHT, SPACE, TAB, UP, concat, short,
};
use crate::tui::route::Route;
use crate::tui::text::pad;

const FIELDS: usize = 6;
const SAMPLE: usize = 3;
const OFFICE: usize = 4;
const START: usize = 5;

pub struct WelcomeState {
    pub inputs: [TextInput; 3],
    pub load_sample: bool,
    /// The path of a roster bundle from the office, imported after the profile is saved.
    pub office: TextInput,
    pub focus: usize,
    /// Changing the profile later (from 首页), not the first run.
    pub editing: bool,
    /// What was typed as the name: ←→ pick the inspector from the bureau's list by it, once
    /// a list has arrived (src/tui/people.rs); else the name is typed as before.
    pub query: String,
}

impl WelcomeState {
    pub fn new(t: Text) -> Self {
        // The district of the seed; an English UI leaves it for the user to type.
        let bureau = t.default_bureau();
        WelcomeState {
            inputs: [
                TextInput::default(),
                TextInput::default(),
                TextInput::new(bureau),
            ],
            load_sample: true,
            office: TextInput::default(),
            focus: 0,
            editing: false,
            query: String::new(),
        }
    }

    /// The same form with the saved profile, to correct it later.
    pub fn edit(profile: &Profile) -> Self {
        WelcomeState {
            inputs: [
                TextInput::new(&profile.name),
                TextInput::new(&profile.badge),
                TextInput::new(&profile.bureau),
            ],
            load_sample: false,
            office: TextInput::default(),
            focus: 0,
            editing: true,
            query: String::new(),
        }
    }

    /// Whether the sample roster is loaded: not when an office bundle is given, whose roster
    /// is the real one (issue 15, item 12). The tick comes back when the path is emptied.
    pub fn loads_sample(&self) -> bool {
        self.load_sample && self.office.text().trim().is_empty()
    }

    /// A path completed with Tab in the office bundle's field.
    fn completed(&mut self, text: &str) {
        if self.focus == OFFICE {
            self.office = TextInput::new(text);
        }
    }

    fn input(&mut self) -> Option<&mut TextInput> {
        match self.focus {
            OFFICE => Some(&mut self.office),
            i => self.inputs.get_mut(i),
        }
    }

    /// Enter on 开始, or in the office bundle's path: the profile saved, the rosters loaded,
    /// and the office bundle planned on the sync screen.
    fn start(&self, cx: &Context) -> Step {
        let [name, badge, bureau] = &self.inputs;
        if name.is_empty() || badge.is_empty() {
            return Step::error(cx.t.need_name_and_badge());
        }
        let profile = Profile {
            name: name.text().trim().to_string(),
            badge: badge.text().trim().to_string(),
            bureau: bureau.text().trim().to_string(),
            colleague: cx.profile().colleague,
        };
        let mut effects = vec![Effect::SaveProfile(profile)];
        if self.loads_sample() {
            effects.push(Effect::LoadSampleRoster);
        }
        effects.push(Effect::LoadRoster);
        let office = self.office.text().trim().to_string();
        if office.is_empty() {
            return Step::effects(effects);
        }
        effects.push(Effect::PlanImport {
            path: office,
            trust: None,
        });
        Step::go(Route::SyncChecking).with_effects(effects)
    }
}

const ENTER_LINE: KeyLine =
    crate::key_line!(Text::keys_next_field_start, Command::Confirm, [ENTER]);
const ESC_LINE: KeyLine = crate::key_line!(Text::keys_quit_or_back_home, Command::Back, [ESC]);
const FOOTER: &[crate::tui::keys::Short] = &[
    short(&[TAB], Text::keys_next),
    short(&[ENTER], Text::keys_ok),
];

/// A text field, or 开始.
const TEXT_KEYS: Keys = Keys {
    lines: &[FIELDS_BOTH_WAYS, ENTER_LINE, ESC_LINE],
    footer: FOOTER,
};

/// The name, once the bureau's list has arrived: ←→ pick the inspector from it.
const NAME_KEYS: Keys = Keys {
    lines: &concat::<4>(&[
        &[
            FIELDS_BOTH_WAYS,
            KeyLine {
                keys: &[(LEFT, Command::Previous), (RIGHT, Command::Next)],
                what: Text::keys_pick_from_the_list,
            },
        ],
        &[ENTER_LINE, ESC_LINE],
    ]),
    footer: FOOTER,
};

/// The sample roster's tick.
const SAMPLE_KEYS: Keys = Keys {
    lines: &[
        FIELDS_BOTH_WAYS,
        crate::key_line!(
            Text::keys_toggle_the_sample_roster,
            Command::Toggle,
            [SPACE, ENTER]
        ),
        ESC_LINE,
    ],
    footer: FOOTER,
};

/// The office bundle's path, once something is typed: Tab completes it as a shell does.
const PATH_KEYS: Keys = Keys {
    lines: &[
        COMPLETE_PATH,
        KeyLine {
            keys: &[
                (BACK_TAB, Command::PreviousField),
                (UP, Command::PreviousField),
                (DOWN, Command::NextField),
            ],
            what: Text::keys_next_previous_field,
        },
        ENTER_LINE,
        ESC_LINE,
    ],
    footer: FOOTER,
};

impl Component for WelcomeState {
    fn title(&self, t: Text) -> String {
        if self.editing {
            t.profile()
        } else {
            t.welcome()
        }
        .into()
    }

    fn keys(&self, cx: &Context) -> &'static Keys {
        match self.focus {
            0 if !cx.colleagues.is_empty() => &NAME_KEYS,
            SAMPLE => &SAMPLE_KEYS,
            OFFICE if !self.office.is_empty() => &PATH_KEYS,
            _ => &TEXT_KEYS,
        }
    }

    fn typing(&self) -> bool {
        self.focus < self.inputs.len() || self.focus == OFFICE
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        match command {
            // In the office bundle's path, Tab completes as a shell does (Down moves on).
            Command::Complete => {
                return Step::effect(Effect::CompletePath(self.office.text().to_string()));
            }
            Command::NextField => self.focus = (self.focus + 1) % FIELDS,
            Command::PreviousField => self.focus = (self.focus + FIELDS - 1) % FIELDS,
            Command::Toggle if self.office.text().trim().is_empty() => {
                self.load_sample = !self.load_sample;
            }
            Command::Toggle => return Step::info(cx.t.office_bundle_not_sample()),
            // Enter in the office bundle's path starts too: typing a path, then Enter, is the
            // natural end of the form.
            Command::Confirm if self.focus == START || self.focus == OFFICE => {
                return self.start(cx);
            }
            Command::Confirm => self.focus += 1,
            Command::Previous | Command::Next => {
                let current = self.inputs[0].text().to_string();
                let forward = command == Command::Next;
                if let Some(me) =
                    crate::tui::people::cycle(cx.colleagues, &self.query, &current, forward)
                {
                    self.inputs[0] = TextInput::new(&me.name);
                    self.inputs[1] = TextInput::new(&me.badge);
                }
            }
            Command::Back if self.editing => return Step::go(Route::Home),
            Command::Back => return Step::quit(),
            Command::Input(typed) => {
                if let Some(input) = self.input() {
                    input.handle_key(typed);
                }
                if self.focus == 0 {
                    self.query = self.inputs[0].text().to_string();
                }
            }
            _ => {}
        }
        Step::none()
    }

    fn paste(&mut self, _cx: &Context, text: &str) -> Step {
        if let Some(input) = self.input() {
            input.insert(text);
        }
        Step::none()
    }

    fn answer(&mut self, _cx: &Context, action: &Action) -> Option<Step> {
        match action {
            // The path in the input; `App` shows the names that fit.
            Action::PathCompleted { text, .. } => {
                self.completed(text);
                None
            }
            // The profile kept (by `App`): on to 首页.
            Action::ProfileSaved(_) => Some(Step::go(Route::Home)),
            _ => None,
        }
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}
