//! Text made safe to show on a terminal: the one sanitizer for every byte shian writes to
//! stdout, stderr and prompts (`cli/out.rs`). The TUI needs none: ratatui drops control
//! characters when it draws (tests/tui/hostile_text.rs checks the raw terminal output).

use std::borrow::Cow;

/// `s` with every control character except newline and tab replaced by its caret notation
/// (`ESC` → `^[`, `BEL` → `^G`, DEL → `^?`) or, for the C1 controls (U+0080–U+009F) that have
/// none, `\u{..}`; invisible formatting characters (bidi overrides and isolates, zero-width
/// characters, a BOM) become `\u{..}` too. A name or note then prints as the text it is and
/// cannot move the cursor, clear the screen, retitle the window, hide text (SGR 8) or reorder
/// what follows it.
pub fn printable(s: &str) -> Cow<'_, str> {
    sanitize(s, |c| c == '\n' || c == '\t')
}

/// Like [`printable`], for text shown inside one line (a name in a prompt): newline and tab are
/// shown as `^J` and `^I` too, so the text cannot start a line of its own.
pub fn printable_inline(s: &str) -> Cow<'_, str> {
    sanitize(s, |_| false)
}

fn sanitize(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() || is_invisible_format(c)) && !keep(c);
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !unsafe_char(c) {
            out.push(c);
        } else if (c as u32) < 0x20 {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        } else if c == '\u{7f}' {
            out.push_str("^?");
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// Formatting characters that show nothing themselves but change how text around them shows
/// or compares: bidi embeddings, overrides, isolates and marks (the "Trojan Source" set), the
/// zero-width space, joiners and word joiner, and U+FEFF (a BOM, or a zero-width no-break
/// space). Chinese names and addresses need none of them.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061c}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::{printable, printable_inline};

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(printable("\x1b]0;pwned\x07"), "^[]0;pwned^G");
        assert_eq!(printable("a\x1b[2Jb"), "a^[[2Jb");
        assert_eq!(printable("\x1b[8m隐藏"), "^[[8m隐藏");
        assert_eq!(printable("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(printable("x\u{7f}"), "x^?");
        assert_eq!(printable("食品\t留样\n"), "食品\t留样\n");
    }

    #[test]
    fn bidi_controls_and_invisible_characters_become_visible() {
        assert_eq!(printable("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(printable("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(
            printable("海\u{200b}之味\u{feff}"),
            "海\\u{200b}之味\\u{feff}"
        );
    }

    #[test]
    fn inline_text_cannot_start_a_line() {
        assert_eq!(printable_inline("区局\n密钥指纹：00"), "区局^J密钥指纹：00");
        assert_eq!(printable_inline("a\tb"), "a^Ib");
    }
}
