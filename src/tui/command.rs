//! What a key asks a screen to do. A screen's key table (`keys.rs`) turns a key into a
//! `Command`; the screen matches on the command, never on the key, so the table that drives the
//! keys is the one the footer and the help (`?`) show (docs/architecture.md).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    // Moving, in any list or text that scrolls.
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// The next input or field of a form (Tab, ↓), and the one before (Shift-Tab, ↑).
    NextField,
    PreviousField,
    /// The value before or after on a field that chooses among values (←→).
    Previous,
    Next,
    /// Enter: open, accept, go on.
    Confirm,
    /// Esc: cancel what is open, or go back.
    Back,
    /// `y` on a question that asks.
    Yes,
    /// Space on a field that is on or off.
    Toggle,
    /// Tab in a path: complete it as a shell does.
    Complete,
    Quit,

    // 首页
    Search,
    Records,
    Sync,
    Reports,
    Inspectors,
    Draws,
    DiscardDraft,
    ChangeProfile,

    // 单位名录
    FilterKind,
    FilterGrade,
    FilterTown,
    NewEstablishment,
    EditEstablishment,

    // The checklist
    Pass,
    Fail,
    NotApplicable,
    PassRestOfSection,
    ClearAnswer,
    NextSection,
    Note,
    Value,
    AttachPhoto,
    RemovePhoto,
    Guidance,
    Widen,
    NextUnanswered,
    Review,
    /// The review's problem: go to the item that lacks something.
    GoToMissing,

    // 检查记录 and a record
    FilterStatus,
    FilterName,
    FilterResult,
    FilterDays,
    FilterRange,
    Correct,
    Print,
    PrintAll,
    FollowUp,
    PrintOrder,
    Untag,

    // 同步
    ExportField,
    ExportAll,
    ExportOffice,
    Import,
    Conflicts,
    /// A numbered choice (1–9).
    Pick(u8),

    // The office's lists, and what they write
    Add,
    Retire,
    NewDraw,
    DrawCsv,
    OpenWritten,

    /// A key no line of the table names: text, where something is typed.
    Input(Typed),
}

/// A key that no table names, handed on whole to a text input (or ignored). Screens ask it only
/// for the character it types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typed(pub(super) KeyEvent);

impl Typed {
    /// The character the key types, when it types one.
    pub fn char(self) -> Option<char> {
        match self.0.code {
            KeyCode::Char(c) if !self.0.modifiers.contains(KeyModifiers::CONTROL) => Some(c),
            _ => None,
        }
    }
}
