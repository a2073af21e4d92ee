//! A one-line text input that measures by display width, so Chinese text and the system input
//! method's window line up with the real cursor.
//!
//! Small on purpose: the screens need one line with insert, delete, cursor moves and paste, and
//! the cursor column by width; a multi-line editor would bring more than it gives here.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::command::Typed;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Byte offset of the cursor, always on a char boundary.
    cursor: usize,
}

impl TextInput {
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Applies an editing key; `true` when the key was an editing key.
    pub fn handle_key(&mut self, Typed(key): Typed) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.text.len(),
            KeyCode::Char(c) if !ctrl => self.insert(&c.to_string()),
            KeyCode::Backspace => {
                if let Some(prev) = self.prev_boundary() {
                    self.text.replace_range(prev..self.cursor, "");
                    self.cursor = prev;
                }
            }
            KeyCode::Delete => {
                if let Some(next) = self.next_boundary() {
                    self.text.replace_range(self.cursor..next, "");
                }
            }
            KeyCode::Left => self.cursor = self.prev_boundary().unwrap_or(self.cursor),
            KeyCode::Right => self.cursor = self.next_boundary().unwrap_or(self.cursor),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.len(),
            _ => return false,
        }
        true
    }

    /// Inserts pasted or typed text; line breaks become spaces since the input is one line.
    pub fn insert(&mut self, text: &str) {
        let clean: String = text
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .char_indices()
            .last()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .chars()
            .next()
            .map(|c| self.cursor + c.len_utf8())
    }

    /// Display width of the text before the cursor.
    pub fn cursor_width(&self) -> usize {
        self.text[..self.cursor].width()
    }

    /// Draws the text in one row of `area`, scrolled so the cursor stays visible, and returns
    /// where the terminal cursor belongs.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) -> Position {
        let width = usize::from(area.width);
        if width == 0 || area.height == 0 {
            return Position::new(area.x, area.y);
        }
        // Skip whole characters from the left until the cursor fits, leaving one cell for it.
        let mut skip_width = self.cursor_width().saturating_sub(width.saturating_sub(1));
        let mut start = 0;
        for (i, c) in self.text.char_indices() {
            if skip_width == 0 {
                start = i;
                break;
            }
            let w = c.width().unwrap_or(0);
            skip_width = skip_width.saturating_sub(w);
            start = i + c.len_utf8();
        }
        let visible = &self.text[start..];
        buf.set_stringn(area.x, area.y, visible, width, style);
        let column = self.text[start..self.cursor]
            .width()
            .min(width.saturating_sub(1));
        // The column is below the area's width, which is a u16.
        Position::new(area.x + u16::try_from(column).unwrap_or(0), area.y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn cursor_column_counts_display_width() {
        let mut input = TextInput::default();
        input.insert("留样不足");
        assert_eq!(input.cursor_width(), 8);
        input.handle_key(Typed(key(KeyCode::Left)));
        assert_eq!(input.cursor_width(), 6);
        input.handle_key(Typed(key(KeyCode::Char('a'))));
        assert_eq!(input.text(), "留样不a足");
        input.handle_key(Typed(key(KeyCode::Backspace)));
        input.handle_key(Typed(key(KeyCode::Backspace)));
        assert_eq!(input.text(), "留样足");
        assert_eq!(input.cursor_width(), 4);
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let mut input = TextInput::default();
        input.insert("一二三四五六七八九十");
        let area = Rect::new(0, 0, 8, 1);
        let mut buf = Buffer::empty(area);
        let pos = input.render(area, &mut buf, Style::default());
        assert!(pos.x < 8);
        assert_eq!(input.text(), "一二三四五六七八九十");
    }

    #[test]
    fn pasted_line_breaks_become_spaces() {
        let mut input = TextInput::default();
        input.insert("a\nb");
        assert_eq!(input.text(), "a b");
    }
}
