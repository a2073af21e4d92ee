//! A column of labelled one-line inputs, as the office's small forms use them (a new inspector,
//! a new draw): `next` and `previous` move between them, the keys of `input.rs` edit the one in
//! focus.

use ratatui::buffer::Buffer;

use ratatui::layout::{Position, Rect};

use super::command::{Command, Typed};
use super::input::TextInput;
use super::keys::{CANCEL, DOWN, ENTER, ESC, FIELDS_BOTH_WAYS, Keys, TAB, UP, short};
use super::text::pad;
use super::theme::Theme;
use crate::i18n::tui::Text;

/// The keys of such a form: letters are text; Enter goes on, and saves on the last input.
pub const KEYS: Keys = Keys {
    lines: &[
        FIELDS_BOTH_WAYS,
        crate::key_line!(Text::keys_next_field_save_last, Command::Confirm, [ENTER]),
        CANCEL,
    ],
    footer: &[
        short(&[TAB, UP, DOWN], Text::keys_next_previous_field),
        short(&[ENTER], Text::keys_next_field_save_last),
        short(&[ESC], Text::keys_cancel),
    ],
};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fields {
    pub focus: usize,
    pub inputs: Vec<TextInput>,
}

impl Fields {
    pub fn new(values: &[&str]) -> Self {
        Fields {
            focus: 0,
            inputs: values.iter().map(|v| TextInput::new(v)).collect(),
        }
    }

    pub fn text(&self, i: usize) -> &str {
        self.inputs.get(i).map_or("", |input| input.text().trim())
    }

    pub fn on_last(&self) -> bool {
        self.focus + 1 >= self.inputs.len()
    }

    /// The next input, wrapping (Tab ↓).
    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.inputs.len().max(1);
    }

    /// The input before, wrapping (Shift-Tab ↑).
    pub fn previous(&mut self) {
        let n = self.inputs.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Edits the input in focus with a key of `input.rs`; `true` when the key was taken.
    pub fn edit(&mut self, key: Typed) -> bool {
        self.inputs
            .get_mut(self.focus)
            .is_some_and(|input| input.handle_key(key))
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(input) = self.inputs.get_mut(self.focus) {
            input.insert(text);
        }
    }

    /// One input a line under `labels` (as wide as `label_w`), from the top of `area`; returns
    /// where the terminal cursor goes.
    pub fn render(
        &self,
        labels: &[&str],
        label_w: usize,
        area: Rect,
        buf: &mut Buffer,
        theme: Theme,
    ) -> Option<Position> {
        let mut cursor = None;
        let field_x = area.x + u16::try_from(label_w + 1).unwrap_or(area.width);
        let field_w = area.right().saturating_sub(field_x);
        for (i, (label, input)) in labels.iter().zip(&self.inputs).enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            if y >= area.bottom() {
                break;
            }
            let style = if i == self.focus {
                theme.selected()
            } else {
                theme.heading()
            };
            buf.set_stringn(area.x, y, pad(label, label_w), label_w, style);
            let pos = input.render(Rect::new(field_x, y, field_w, 1), buf, theme.input());
            if i == self.focus {
                cursor = Some(pos);
            }
        }
        cursor
    }
}
