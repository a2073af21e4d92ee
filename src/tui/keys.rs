//! Key tables: per screen (and per state of a screen, such as a popup open over it), the lines
//! of (keys, command, what it does). One table drives three things: which command a key gives,
//! the footer, and the help (`?`). A key not in the table reaches the screen as
//! `Command::Input`, which only a text input takes (docs/architecture.md).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::command::{Command, Typed};
use crate::i18n::tui::Text;

/// A key as a table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key without Ctrl (Shift is part of the character: `A`, Shift-Tab).
    Plain(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
    /// A letter in either case, shown in lower case: `y` on a question.
    Letter(char),
    /// Whatever is typed: named in the help (输入), and given as `Command::Input`.
    Typing,
}

impl Key {
    fn matches(self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Plain(code) => !ctrl && key.code == code,
            Key::Ctrl(c) => ctrl && key.code == KeyCode::Char(c),
            Key::Letter(c) => {
                !ctrl && matches!(key.code, KeyCode::Char(k) if k.eq_ignore_ascii_case(&c))
            }
            Key::Typing => false,
        }
    }

    /// The key as the help and the footer write it.
    pub fn name(self) -> String {
        match self {
            Key::Plain(code) => match code {
                KeyCode::Char(' ') => "Space".into(),
                KeyCode::Char(c) => c.to_string(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::PageUp => "PageUp".into(),
                KeyCode::PageDown => "PageDown".into(),
                other => other.to_string(),
            },
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Letter(c) => c.to_string(),
            Key::Typing => "输入".into(),
        }
    }

    /// A key as the shell would read it, for tests that press what a table lists.
    pub fn event(self) -> Option<KeyEvent> {
        match self {
            Key::Plain(code) => Some(KeyEvent::new(code, KeyModifiers::NONE)),
            Key::Ctrl(c) => Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
            Key::Letter(c) => Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            Key::Typing => None,
        }
    }
}

/// A character key.
pub const fn ch(c: char) -> Key {
    Key::Plain(KeyCode::Char(c))
}

pub const UP: Key = Key::Plain(KeyCode::Up);
pub const DOWN: Key = Key::Plain(KeyCode::Down);
pub const LEFT: Key = Key::Plain(KeyCode::Left);
pub const RIGHT: Key = Key::Plain(KeyCode::Right);
pub const TAB: Key = Key::Plain(KeyCode::Tab);
pub const BACK_TAB: Key = Key::Plain(KeyCode::BackTab);
pub const ENTER: Key = Key::Plain(KeyCode::Enter);
pub const ESC: Key = Key::Plain(KeyCode::Esc);
pub const SPACE: Key = Key::Plain(KeyCode::Char(' '));
pub const PAGE_UP: Key = Key::Plain(KeyCode::PageUp);
pub const PAGE_DOWN: Key = Key::Plain(KeyCode::PageDown);
pub const HOME: Key = Key::Plain(KeyCode::Home);
pub const END: Key = Key::Plain(KeyCode::End);
pub const DELETE: Key = Key::Plain(KeyCode::Delete);

/// What a line of the help says: a word of `i18n/tui/`.
pub type Words = fn(Text) -> &'static str;

/// One line of the help: its keys, each with the command it gives, and what they do.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    pub keys: &'static [(Key, Command)],
    pub what: Words,
}

/// One entry of the footer: some keys of a line, in a shorter word.
#[derive(Debug, Clone, Copy)]
pub struct Short {
    pub keys: &'static [Key],
    pub what: Words,
}

/// A footer entry.
pub const fn short(keys: &'static [Key], what: Words) -> Short {
    Short { keys, what }
}

/// A screen's keys while it is in one state.
#[derive(Debug, Clone, Copy)]
pub struct Keys {
    pub lines: &'static [Line],
    /// The footer, in its own order: the keys most used, as many as fit.
    pub footer: &'static [Short],
}

impl Keys {
    /// The command `key` gives: the first line that names it, else `Input` (text, where
    /// something is typed; nothing elsewhere).
    pub fn command(&self, key: KeyEvent) -> Command {
        self.lines
            .iter()
            .flat_map(|line| line.keys)
            .find(|(k, _)| k.matches(key))
            .map_or(Command::Input(Typed(key)), |(_, command)| *command)
    }
}

/// A help line: its keys as one word (`Up Down j k`, `1-9`), and what they do.
pub fn line_text(line: &Line, t: Text) -> (String, &'static str) {
    (names(line.keys.iter().map(|(k, _)| *k)), (line.what)(t))
}

/// A footer entry: its keys as one word, and what they do.
pub fn short_text(short: &Short, t: Text) -> (String, &'static str) {
    (names(short.keys.iter().copied()), (short.what)(t))
}

/// Keys written one after another; a run of digits from 1 to 9 as `1-9`.
fn names(keys: impl Iterator<Item = Key>) -> String {
    let keys: Vec<Key> = keys.collect();
    let digits: Vec<Key> = ('1'..='9').map(ch).collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        if keys[i..].starts_with(&digits) {
            words.push("1-9".to_string());
            i += digits.len();
        } else {
            words.push(keys[i].name());
            i += 1;
        }
    }
    words.join(" ")
}

/// Lines of several parts as one table, for screens whose tables share lines (`N` is the
/// count, checked when the table is built).
pub const fn concat<const N: usize>(parts: &[&[Line]]) -> [Line; N] {
    let mut out = [MOVE; N];
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[n] = parts[p][i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    assert!(n == N, "the table's count of lines is wrong");
    out
}

/// A line whose keys all give one command.
#[macro_export]
macro_rules! key_line {
    ($what:expr, $command:expr, [$($key:expr),+ $(,)?]) => {
        $crate::tui::keys::Line {
            keys: &[$(($key, $command)),+],
            what: $what,
        }
    };
}

/// ↑↓ and j k: move in a list.
pub const MOVE: Line = Line {
    keys: &[
        (UP, Command::Up),
        (DOWN, Command::Down),
        (ch('j'), Command::Down),
        (ch('k'), Command::Up),
    ],
    what: Text::keys_move,
};

/// PageDown and PageUp: ten lines at a time.
pub const PAGE: Line = Line {
    keys: &[(PAGE_DOWN, Command::PageDown), (PAGE_UP, Command::PageUp)],
    what: Text::keys_page,
};

/// Tab ↑↓ between the fields of a form.
pub const FIELDS: Line = Line {
    keys: &[
        (TAB, Command::NextField),
        (UP, Command::PreviousField),
        (DOWN, Command::NextField),
    ],
    what: Text::keys_next_previous_field,
};

/// Whatever is typed, given to the screen as `Command::Input` (the event here is never used:
/// `Key::Typing` matches no key, and `Keys::command` hands on the key pressed).
const TYPED: &[(Key, Command)] = &[(
    Key::Typing,
    Command::Input(Typed(KeyEvent::new(KeyCode::Null, KeyModifiers::NONE))),
)];

/// The help's line for a text input (输入): what typing does there.
pub const fn typing(what: Words) -> Line {
    Line { keys: TYPED, what }
}
/// Tab Shift-Tab ↑↓ between the fields of a form whose Shift-Tab goes back.
pub const FIELDS_BOTH_WAYS: Line = Line {
    keys: &[
        (TAB, Command::NextField),
        (BACK_TAB, Command::PreviousField),
        (UP, Command::PreviousField),
        (DOWN, Command::NextField),
    ],
    what: Text::keys_next_previous_field,
};

/// Ctrl-O: the file written last, opened (the 报表 and the draws).
pub const OPEN_WRITTEN: Line = Line {
    keys: &[(Key::Ctrl('o'), Command::OpenWritten)],
    what: Text::keys_open_written,
};

/// Enter: accept what is typed or chosen.
pub const OK: Line = crate::key_line!(Text::keys_ok, Command::Confirm, [ENTER]);

/// Esc: put it away.
pub const CANCEL: Line = crate::key_line!(Text::keys_cancel, Command::Back, [ESC]);

/// Tab in a path being typed: completed as a shell does.
pub const COMPLETE_PATH: Line =
    crate::key_line!(Text::keys_complete_path, Command::Complete, [TAB]);

/// The footer of an input or a popup: Enter and Esc.
pub const OK_CANCEL_FOOTER: &[Short] = &[
    short(&[ENTER], Text::keys_ok),
    short(&[ESC], Text::keys_cancel),
];

/// Text being typed (a note, a value, a reason, a folder): letters are text.
pub const TYPING_TEXT: Keys = Keys {
    lines: &[OK, CANCEL],
    footer: OK_CANCEL_FOOTER,
};

/// The keys of every screen, listed after its own.
pub const GLOBAL: &[(&str, Words)] = &[
    ("?", Text::keys_this_help),
    ("Ctrl-C", Text::keys_quit_safely_nothing_saved),
];

/// The last entry of every footer.
pub const FOOTER_HELP: (&str, Words) = ("?", Text::keys_keys);
