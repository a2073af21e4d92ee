//! 检查人员 (office): the bureau's inspectors — name, 执法证号, unit, station, active — with one
//! added (`a`) or retired (`r`, then `y`). The rules are those of `shian inspectors add|retire`
//! (src/planning.rs, store/tables/planning.rs); the office bundle carries the list to every laptop
//! (issue 14, docs/planning.md).

mod view;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::domain::planning::OfficeInspector;
use crate::i18n::tui::Text;
use crate::tui::app::{Action, Effect};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::fields::Fields;
use crate::tui::keys::{CANCEL, ESC, Key, Keys, MOVE, ch, short};
use crate::tui::msg::{InspectorChange, InspectorFields};
use crate::tui::route::Route;
use crate::tui::text::{pad, truncate};

/// The inputs of a new inspector, in this order.
const NAME: usize = 0;
const BADGE: usize = 1;
const UNIT: usize = 2;
const STATION: usize = 3;
const TOWNS: usize = 4;

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Mode {
    #[default]
    List,
    /// Typing a new inspector (or a correction, by the same 执法证号).
    Adding(Fields),
    /// The 执法证号 to retire once the office confirms with `y`.
    Retiring(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InspectorsState {
    pub list: Vec<OfficeInspector>,
    pub selected: usize,
    pub mode: Mode,
}

const LIST_KEYS: Keys = Keys {
    lines: &[
        MOVE,
        crate::key_line!(Text::keys_add_inspector, Command::Add, [ch('a')]),
        crate::key_line!(Text::keys_retire_inspector, Command::Retire, [ch('r')]),
        crate::key_line!(Text::keys_back, Command::Back, [ESC]),
    ],
    footer: &[
        short(&[ch('a')], Text::keys_add),
        short(&[ch('r')], Text::keys_retire),
        short(&[ESC], Text::keys_back),
    ],
};

/// Retiring an inspector: `y` confirms, any other key cancels.
const RETIRING_KEYS: Keys = Keys {
    lines: &[
        crate::key_line!(Text::keys_ok, Command::Yes, [Key::Letter('y')]),
        CANCEL,
    ],
    footer: &[
        short(&[Key::Letter('y')], Text::keys_ok),
        short(&[ESC], Text::keys_cancel),
    ],
};

impl InspectorsState {
    /// The list from 首页, loading.
    pub fn open() -> (Self, Vec<Effect>) {
        (InspectorsState::default(), vec![Effect::LoadInspectors])
    }

    fn on_list(&mut self, cx: &Context, command: Command) -> Step {
        let last = self.list.len().saturating_sub(1);
        match command {
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Add => self.mode = Mode::Adding(Fields::new(&[""; 5])),
            Command::Retire => match self.list.get(self.selected) {
                Some(i) if i.active => self.mode = Mode::Retiring(i.badge.clone()),
                Some(_) => return Step::info(cx.t.already_retired()),
                None => return Step::info(cx.t.no_inspectors_yet()),
            },
            Command::Back => return Step::go(Route::Home),
            _ => {}
        }
        Step::none()
    }
}

impl Component for InspectorsState {
    fn title(&self, t: Text) -> String {
        t.inspectors_title().into()
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        match self.mode {
            Mode::List => &LIST_KEYS,
            Mode::Adding(_) => &crate::tui::fields::KEYS,
            Mode::Retiring(_) => &RETIRING_KEYS,
        }
    }

    fn typing(&self) -> bool {
        matches!(self.mode, Mode::Adding(_))
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        match &mut self.mode {
            Mode::Retiring(badge) => {
                let badge = badge.clone();
                self.mode = Mode::List;
                match command {
                    Command::Yes => Step::effect(Effect::RetireInspector(badge)),
                    _ => Step::none(),
                }
            }
            Mode::Adding(fields) => {
                match command {
                    Command::Back => self.mode = Mode::List,
                    Command::NextField => fields.next(),
                    Command::PreviousField => fields.previous(),
                    Command::Confirm if fields.on_last() => {
                        let typed = InspectorFields {
                            name: fields.text(NAME).into(),
                            badge: fields.text(BADGE).into(),
                            unit: fields.text(UNIT).into(),
                            station: fields.text(STATION).into(),
                            towns: fields.text(TOWNS).into(),
                        };
                        return Step::effect(Effect::AddInspector(typed));
                    }
                    Command::Confirm => fields.next(),
                    Command::Input(typed) => {
                        fields.edit(typed);
                    }
                    _ => {}
                }
                Step::none()
            }
            Mode::List => self.on_list(cx, command),
        }
    }

    fn paste(&mut self, _cx: &Context, text: &str) -> Step {
        if let Mode::Adding(fields) = &mut self.mode {
            fields.paste(text);
        }
        Step::none()
    }

    /// The list loaded, with the inspector just added or retired named.
    fn answer(&mut self, cx: &Context, action: &Action) -> Option<Step> {
        let Action::InspectorsLoaded { list, changed } = action else {
            return None;
        };
        let t = cx.t;
        self.list = list.clone();
        self.selected = self.selected.min(list.len().saturating_sub(1));
        Some(match changed {
            Some(InspectorChange::Added(badge)) => {
                self.mode = Mode::List;
                if let Some(i) = list.iter().position(|p| &p.badge == badge) {
                    self.selected = i;
                }
                Step::info(format!("{} {badge}", t.inspector_saved()))
            }
            Some(InspectorChange::Retired(badge)) => {
                Step::info(format!("{} {badge}", t.inspector_retired()))
            }
            None => Step::none(),
        })
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}
