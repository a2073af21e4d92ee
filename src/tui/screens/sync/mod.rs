//! 同步: export a bundle to a folder (remembered), import one with its plan shown before
//! anything is written, first contact with an office key, the bundle log, and the
//! establishment facts in conflict for the office to settle (`c`, screens/sync/conflicts.rs).
//!
//! Import is two effects: `PlanImport` checks the bundle and plans it without writing, the
//! inspector reads the plan, and only `y` sends `ApplyImport`, which checks and plans again
//! (the database may have changed meanwhile) and applies in one transaction.

pub mod conflicts;
pub mod view;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::bundle::Progress;
use crate::tui::app::{App, Effect, Screen};
use crate::tui::input::TextInput;
use crate::tui::msg::{FirstContact, ImportPreview, SyncData};

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

    pub fn typing(&self) -> bool {
        matches!(self.mode, Mode::Folder { .. } | Mode::Path(_))
    }

    pub fn input(&mut self) -> Option<&mut TextInput> {
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

/// Opens the sync screen from 首页.
pub fn open(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Sync(Box::default());
    vec![Effect::LoadSync]
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let t = app.t;
    let Screen::Sync(s) = &mut app.screen else {
        return Vec::new();
    };
    let mut note = None;
    let mut effects = Vec::new();
    match &mut s.mode {
        Mode::Working(_) => {}
        Mode::Conflicts(choosing) => match conflicts::key(choosing, &s.data.conflicts, key) {
            Some(asked) => effects = asked,
            None => s.mode = Mode::Menu,
        },
        Mode::Folder { input, office, all } => match key.code {
            KeyCode::Esc => s.mode = Mode::Menu,
            KeyCode::Tab => effects.push(Effect::CompletePath(input.text().to_string())),
            KeyCode::Enter if !input.text().trim().is_empty() => {
                effects.push(Effect::ExportBundle {
                    folder: input.text().trim().to_string(),
                    office: *office,
                    all: *all,
                });
                s.work(Work::Exporting);
            }
            _ => {
                input.handle_key(key);
            }
        },
        Mode::Path(input) => match key.code {
            KeyCode::Esc => s.mode = Mode::Menu,
            KeyCode::Tab => effects.push(Effect::CompletePath(input.text().to_string())),
            KeyCode::Enter if !input.text().trim().is_empty() => {
                effects.push(Effect::PlanImport {
                    path: input.text().trim().to_string(),
                    trust: None,
                });
                s.work(Work::Checking);
            }
            _ => {
                input.handle_key(key);
            }
        },
        Mode::Trust(contact) => {
            if let KeyCode::Char('y' | 'Y') = key.code {
                effects.push(Effect::PlanImport {
                    path: contact.path.clone(),
                    trust: Some(contact.fingerprint.clone()),
                });
                s.work(Work::Checking);
            } else {
                note = Some(t.not_trusted_nothing_imported());
                s.mode = Mode::Menu;
            }
        }
        Mode::Plan(plan) => match key.code {
            KeyCode::Char('y' | 'Y') => {
                effects.push(Effect::ApplyImport {
                    path: plan.path.clone(),
                    trust: plan.trust.clone(),
                });
                s.work(Work::Importing);
            }
            KeyCode::Esc | KeyCode::Char('n' | 'N' | 'q') => {
                note = Some(t.import_cancelled());
                s.mode = Mode::Menu;
            }
            _ => {}
        },
        Mode::Menu => match key.code {
            KeyCode::Char(c @ ('e' | 'a' | 'o')) => {
                s.mode = Mode::Folder {
                    input: TextInput::new(&s.folder_text()),
                    office: c == 'o',
                    all: c == 'a',
                }
            }
            KeyCode::Char('i') => s.mode = Mode::Path(TextInput::new(&s.folder_text())),
            KeyCode::Char('c') if s.data.conflicts.is_empty() => note = Some(t.no_conflicts()),
            KeyCode::Char('c') => s.mode = Mode::Conflicts(Default::default()),
            KeyCode::Down | KeyCode::Char('j') => {
                s.scroll = (s.scroll + 1).min(s.data.log.len().saturating_sub(1))
            }
            KeyCode::Up | KeyCode::Char('k') => s.scroll = s.scroll.saturating_sub(1),
            KeyCode::Esc | KeyCode::Char('q') => return app.go_home(),
            _ => {}
        },
    }
    if let Some(note) = note {
        app.info(note);
    }
    effects
}

/// What the sync screen does with the shell's answers; `None` when the action is not its own.
pub fn update(app: &mut App, action: &crate::tui::app::Action) -> Option<Vec<Effect>> {
    use crate::tui::app::Action;
    let t = app.t;
    let Screen::Sync(s) = &mut app.screen else {
        return match action {
            // The first run's office bundle is planned from the welcome screen's choice.
            Action::ImportPlanned(_) | Action::FirstContact(_) => {
                app.screen = Screen::Sync(Box::default());
                update(app, action)
            }
            _ => None,
        };
    };
    let effects = match action {
        Action::SyncLoaded(data) => {
            s.data = data.clone();
            s.scroll = s.scroll.min(s.data.log.len().saturating_sub(1));
            if let Mode::Conflicts(choosing) = &mut s.mode {
                conflicts::clamp(choosing, &s.data.conflicts);
                if s.data.conflicts.is_empty() {
                    s.mode = Mode::Menu;
                }
            }
            Vec::new()
        }
        Action::ConflictSettled { name, fact, value } => {
            let text = conflicts::settled(app, name, *fact, value);
            app.info(text);
            vec![Effect::LoadSync, Effect::LoadRoster, Effect::LoadHome]
        }
        Action::Progress(p) => {
            s.progress = Some(*p);
            Vec::new()
        }
        Action::FirstContact(contact) => {
            s.mode = Mode::Trust(contact.clone());
            Vec::new()
        }
        Action::ImportPlanned(plan) => {
            s.mode = Mode::Plan(plan.clone());
            Vec::new()
        }
        Action::Exported { path, summary } => {
            s.mode = Mode::Menu;
            app.info(format!("{} {path}  {summary}", t.exported_to()));
            vec![Effect::LoadSync, Effect::LoadHome]
        }
        Action::Imported(text) => {
            s.mode = Mode::Menu;
            app.info(text.clone());
            // An office bundle may bring the bureau's list of inspectors (issue 14).
            vec![
                Effect::LoadSync,
                Effect::LoadRoster,
                Effect::LoadHome,
                Effect::LoadColleagues,
            ]
        }
        Action::Failed(text) => {
            if matches!(s.mode, Mode::Working(_)) {
                s.mode = Mode::Menu;
            }
            app.error(text.clone());
            Vec::new()
        }
        _ => return None,
    };
    Some(effects)
}
