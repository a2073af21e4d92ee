//! First run: who inspects with this station, whether to load the sample roster, and an
//! office roster bundle to import (through the sync screen's plan and confirmation).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::tui::Text;
use crate::tui::app::{App, Effect, Profile, Screen};
use crate::tui::input::TextInput;
use crate::tui::route::Route;
use crate::tui::text::pad;
use crate::tui::theme::Theme;

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

    pub fn typing(&self) -> bool {
        self.focus < self.inputs.len() || self.focus == OFFICE
    }

    /// A path completed with Tab in the office bundle's field.
    pub fn completed(&mut self, text: &str) {
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

    pub fn paste(&mut self, text: &str) {
        if let Some(input) = self.input() {
            input.insert(text);
        }
    }
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let t = app.t;
    let Screen::Welcome(w) = &mut app.screen else {
        return Vec::new();
    };
    match key.code {
        // In the office bundle's path, Tab completes as a shell does (Down moves on).
        KeyCode::Tab if w.focus == OFFICE && !w.office.is_empty() => {
            return vec![Effect::CompletePath(w.office.text().to_string())];
        }
        KeyCode::Tab | KeyCode::Down => w.focus = (w.focus + 1) % FIELDS,
        KeyCode::BackTab | KeyCode::Up => w.focus = (w.focus + FIELDS - 1) % FIELDS,
        KeyCode::Char(' ') | KeyCode::Enter if w.focus == SAMPLE => {
            if w.office.text().trim().is_empty() {
                w.load_sample = !w.load_sample;
            } else {
                app.info(t.office_bundle_not_sample());
            }
        }
        // Enter in the office bundle's path starts too: typing a path, then Enter, is the
        // natural end of the form.
        KeyCode::Enter if w.focus == START || w.focus == OFFICE => {
            let [name, badge, bureau] = &w.inputs;
            if name.is_empty() || badge.is_empty() {
                app.error(t.need_name_and_badge());
                return Vec::new();
            }
            let profile = Profile {
                name: name.text().trim().to_string(),
                badge: badge.text().trim().to_string(),
                bureau: bureau.text().trim().to_string(),
                colleague: app
                    .profile
                    .as_ref()
                    .map(|p| p.colleague.clone())
                    .unwrap_or_default(),
            };
            let mut effects = vec![Effect::SaveProfile(profile)];
            if w.loads_sample() {
                effects.push(Effect::LoadSampleRoster);
            }
            effects.push(Effect::LoadRoster);
            let office = w.office.text().trim().to_string();
            if !office.is_empty() {
                effects.push(Effect::PlanImport {
                    path: office,
                    trust: None,
                });
                effects.extend(app.go(Route::SyncChecking));
            }
            return effects;
        }
        KeyCode::Left | KeyCode::Right if w.focus == 0 && !app.colleagues.is_empty() => {
            let forward = key.code == KeyCode::Right;
            let current = w.inputs[0].text().to_string();
            if let Some(me) =
                crate::tui::people::cycle(&app.colleagues, &w.query, &current, forward)
            {
                w.inputs[0] = TextInput::new(&me.name);
                w.inputs[1] = TextInput::new(&me.badge);
            }
        }
        KeyCode::Enter => w.focus += 1,
        KeyCode::Esc if w.editing => return app.go_home(),
        KeyCode::Esc => app.quit = true,
        _ => {
            if let Some(input) = w.input() {
                input.handle_key(key);
            }
            if w.focus == 0 {
                w.query = w.inputs[0].text().to_string();
            }
        }
    }
    Vec::new()
}

/// The welcome form; returns where the terminal cursor goes while typing.
pub fn render(
    w: &WelcomeState,
    t: Text,
    theme: Theme,
    (area, people): (Rect, &[crate::domain::inspection::Inspector]),
    buf: &mut Buffer,
) -> Option<Position> {
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
