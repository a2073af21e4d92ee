//! 同步: export a bundle to a folder (remembered), import one with its plan shown before
//! anything is written, first contact with an office key, the bundle log, and the
//! establishment facts in conflict for the office to settle (`c`, screens/sync/conflicts.rs).
//!
//! Import is two effects: `PlanImport` checks the bundle and plans it without writing, the
//! inspector reads the plan, and only `y` sends `ApplyImport`, which checks and plans again
//! (the database may have changed meanwhile) and applies in one transaction.

pub mod conflicts;
pub mod view;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::bundle::Progress;
use crate::i18n::tui::Text;
use crate::tui::app::{Action, Effect};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{CANCEL, COMPLETE_PATH, ENTER, ESC, Key, Keys, Line, MOVE, OK, ch, short};
use crate::tui::msg::{FirstContact, ImportPreview, SyncData};
use crate::tui::route::Route;

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Menu,
    /// Typing the folder to export to.
    Folder {
        input: TextInput,
        office: bool,
        /// Every final record again (`shian export --all`), for a lost stick.
        all: bool,
    },
    /// Typing the bundle file to import.
    Path(TextInput),
    /// An unknown office key: compare the fingerprint, `y` trusts it.
    Trust(FirstContact),
    /// The plan of an import, waiting for `y`.
    Plan(Box<ImportPreview>),
    /// An export or import is running.
    Working(Work),
    /// The establishment facts in conflict, one chosen (screens/sync/conflicts.rs).
    Conflicts(conflicts::Choosing),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Exporting,
    Checking,
    Importing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyncState {
    pub mode: Mode,
    pub data: SyncData,
    pub progress: Option<Progress>,
    /// The first line of the bundle log shown.
    pub scroll: usize,
}

impl SyncState {
    pub fn new() -> Self {
        SyncState {
            mode: Mode::Menu,
            data: SyncData::default(),
            progress: None,
            scroll: 0,
        }
    }

    /// Checking a bundle chosen elsewhere (the first run's office bundle).
    pub fn checking() -> Self {
        SyncState {
            mode: Mode::Working(Work::Checking),
            ..SyncState::new()
        }
    }

    /// The sync screen from 首页, loading its folder, log and conflicts.
    pub fn open() -> (Self, Vec<Effect>) {
        (SyncState::new(), vec![Effect::LoadSync])
    }

    fn input(&mut self) -> Option<&mut TextInput> {
        match &mut self.mode {
            Mode::Folder { input, .. } | Mode::Path(input) => Some(input),
            _ => None,
        }
    }

    fn work(&mut self, work: Work) {
        self.mode = Mode::Working(work);
        self.progress = None;
    }

    /// The folder typed last, with a separator so that Tab lists what is in it.
    fn folder_text(&self) -> String {
        match &self.data.folder {
            Some(f) if !f.is_empty() && !f.ends_with(['/', std::path::MAIN_SEPARATOR]) => {
                format!("{f}{}", std::path::MAIN_SEPARATOR)
            }
            Some(f) => f.clone(),
            None => String::new(),
        }
    }
}

impl Default for SyncState {
    fn default() -> Self {
        SyncState::new()
    }
}

const MENU_KEYS: Keys = Keys {
    lines: &[
        crate::key_line!(Text::keys_export_field, Command::ExportField, [ch('e')]),
        crate::key_line!(Text::keys_export_all, Command::ExportAll, [ch('a')]),
        crate::key_line!(Text::keys_export_office, Command::ExportOffice, [ch('o')]),
        crate::key_line!(Text::keys_import, Command::Import, [ch('i')]),
        crate::key_line!(Text::keys_conflicts, Command::Conflicts, [ch('c')]),
        Line {
            keys: MOVE.keys,
            what: Text::keys_move_scroll,
        },
        crate::key_line!(Text::keys_back, Command::Back, [ESC, ch('q')]),
    ],
    footer: &[
        short(&[ch('e')], Text::keys_export),
        short(&[ch('i')], Text::keys_import_short),
        short(&[ESC], Text::keys_back),
    ],
};

/// A folder or a bundle's path typed: letters are text, Tab completes.
const PATH_KEYS: Keys = Keys {
    lines: &[
        COMPLETE_PATH,
        OK,
        crate::key_line!(Text::keys_back, Command::Back, [ESC]),
    ],
    footer: &[
        short(&[ENTER], Text::keys_ok),
        short(&[ESC], Text::keys_back),
    ],
};

/// An office's fingerprint to trust, or a plan to confirm: `y`; any other key cancels.
const CONFIRM_KEYS: Keys = Keys {
    lines: &[
        crate::key_line!(Text::keys_confirm_plan, Command::Yes, [Key::Letter('y')]),
        CANCEL,
    ],
    footer: &[
        short(&[Key::Letter('y')], Text::keys_ok),
        short(&[ESC], Text::keys_back),
    ],
};

/// The plan: `n` and `q` cancel too; other keys wait.
const PLAN_KEYS: Keys = Keys {
    lines: &[
        crate::key_line!(Text::keys_confirm_plan, Command::Yes, [Key::Letter('y')]),
        crate::key_line!(
            Text::keys_cancel,
            Command::Back,
            [ESC, Key::Letter('n'), ch('q')]
        ),
    ],
    footer: CONFIRM_KEYS.footer,
};

/// An export or import running: keys wait.
const WORKING_KEYS: Keys = Keys {
    lines: &[],
    footer: &[],
};

impl Component for SyncState {
    fn title(&self, t: Text) -> String {
        t.sync().into()
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        match self.mode {
            Mode::Menu => &MENU_KEYS,
            Mode::Folder { .. } | Mode::Path(_) => &PATH_KEYS,
            Mode::Trust(_) => &CONFIRM_KEYS,
            Mode::Plan(_) => &PLAN_KEYS,
            Mode::Working(_) => &WORKING_KEYS,
            Mode::Conflicts(_) => &conflicts::KEYS,
        }
    }

    fn typing(&self) -> bool {
        matches!(self.mode, Mode::Folder { .. } | Mode::Path(_))
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        let t = cx.t;
        match &mut self.mode {
            Mode::Working(_) => Step::none(),
            Mode::Conflicts(choosing) => {
                match conflicts::on(choosing, &self.data.conflicts, command) {
                    Some(effects) => Step::effects(effects),
                    None => {
                        self.mode = Mode::Menu;
                        Step::none()
                    }
                }
            }
            Mode::Folder { .. } | Mode::Path(_) => self.on_path(command),
            Mode::Trust(contact) => {
                if command == Command::Yes {
                    let effect = Effect::PlanImport {
                        path: contact.path.clone(),
                        trust: Some(contact.fingerprint.clone()),
                    };
                    self.work(Work::Checking);
                    Step::effect(effect)
                } else {
                    self.mode = Mode::Menu;
                    Step::info(t.not_trusted_nothing_imported())
                }
            }
            Mode::Plan(plan) => match command {
                Command::Yes => {
                    let effect = Effect::ApplyImport {
                        path: plan.path.clone(),
                        trust: plan.trust.clone(),
                    };
                    self.work(Work::Importing);
                    Step::effect(effect)
                }
                Command::Back => {
                    self.mode = Mode::Menu;
                    Step::info(t.import_cancelled())
                }
                _ => Step::none(),
            },
            Mode::Menu => self.on_menu(cx, command),
        }
    }

    fn paste(&mut self, _cx: &Context, text: &str) -> Step {
        if let Some(input) = self.input() {
            input.insert(text);
        }
        Step::none()
    }

    fn answer(&mut self, cx: &Context, action: &Action) -> Option<Step> {
        let t = cx.t;
        let step = match action {
            Action::SyncLoaded(data) => {
                self.data = data.clone();
                self.scroll = self.scroll.min(self.data.log.len().saturating_sub(1));
                if let Mode::Conflicts(choosing) = &mut self.mode {
                    conflicts::clamp(choosing, &self.data.conflicts);
                    if self.data.conflicts.is_empty() {
                        self.mode = Mode::Menu;
                    }
                }
                Step::none()
            }
            Action::ConflictSettled { name, fact, value } => {
                Step::effects(vec![Effect::LoadSync, Effect::LoadRoster, Effect::LoadHome])
                    .with_info(conflicts::settled(t, name, *fact, value))
            }
            Action::Progress(p) => {
                self.progress = Some(*p);
                Step::none()
            }
            Action::FirstContact(contact) => {
                self.mode = Mode::Trust(contact.clone());
                Step::none()
            }
            Action::ImportPlanned(plan) => {
                self.mode = Mode::Plan(plan.clone());
                Step::none()
            }
            Action::Exported { path, summary } => {
                self.mode = Mode::Menu;
                Step::effects(vec![Effect::LoadSync, Effect::LoadHome])
                    .with_info(format!("{} {path}  {summary}", t.exported_to()))
            }
            Action::Imported(text) => {
                self.mode = Mode::Menu;
                // An office bundle may bring the bureau's list of inspectors (issue 14).
                Step::effects(vec![
                    Effect::LoadSync,
                    Effect::LoadRoster,
                    Effect::LoadHome,
                    Effect::LoadColleagues,
                ])
                .with_info(text.clone())
            }
            Action::Failed(text) => {
                if matches!(self.mode, Mode::Working(_)) {
                    self.mode = Mode::Menu;
                }
                Step::error(text.clone())
            }
            // The path in the input; `App` shows the names that fit.
            Action::PathCompleted { text, .. } => {
                if let Some(input) = self.input() {
                    *input = TextInput::new(text);
                }
                return None;
            }
            _ => return None,
        };
        Some(step)
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}

impl SyncState {
    fn on_menu(&mut self, cx: &Context, command: Command) -> Step {
        match command {
            Command::ExportField | Command::ExportAll | Command::ExportOffice => {
                self.mode = Mode::Folder {
                    input: TextInput::new(&self.folder_text()),
                    office: command == Command::ExportOffice,
                    all: command == Command::ExportAll,
                }
            }
            Command::Import => self.mode = Mode::Path(TextInput::new(&self.folder_text())),
            Command::Conflicts if self.data.conflicts.is_empty() => {
                return Step::info(cx.t.no_conflicts());
            }
            Command::Conflicts => self.mode = Mode::Conflicts(Default::default()),
            Command::Down => {
                self.scroll = (self.scroll + 1).min(self.data.log.len().saturating_sub(1))
            }
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::Back => return Step::go(Route::Home),
            _ => {}
        }
        Step::none()
    }

    /// Typing the folder to export to, or the bundle to import.
    fn on_path(&mut self, command: Command) -> Step {
        let (input, effect, work) = match &mut self.mode {
            Mode::Folder { input, office, all } => {
                let effect = Effect::ExportBundle {
                    folder: input.text().trim().to_string(),
                    office: *office,
                    all: *all,
                };
                (input, effect, Work::Exporting)
            }
            Mode::Path(input) => {
                let effect = Effect::PlanImport {
                    path: input.text().trim().to_string(),
                    trust: None,
                };
                (input, effect, Work::Checking)
            }
            _ => return Step::none(),
        };
        match command {
            Command::Back => self.mode = Mode::Menu,
            Command::Complete => {
                return Step::effect(Effect::CompletePath(input.text().to_string()));
            }
            Command::Confirm if !input.text().trim().is_empty() => {
                self.work(work);
                return Step::effect(effect);
            }
            Command::Input(typed) => {
                input.handle_key(typed);
            }
            _ => {}
        }
        Step::none()
    }
}
