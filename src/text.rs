//! Text from records made safe to show on a terminal.

use std::borrow::Cow;

/// `s` with every control character except newline and tab replaced by its caret notation
/// (`ESC` → `^[`, `BEL` → `^G`, DEL → `^?`) or, for the C1 controls (U+0080–U+009F) that have
/// none, `\u{..}`. A name or note then prints as the text it is and cannot move the cursor,
/// clear the screen or retitle the window.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !unsafe_control(c) {
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

fn unsafe_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(printable("\x1b]0;pwned\x07"), "^[]0;pwned^G");
        assert_eq!(printable("a\x1b[2Jb"), "a^[[2Jb");
        assert_eq!(printable("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(printable("x\u{7f}"), "x^?");
        assert_eq!(printable("食品\t留样\n"), "食品\t留样\n");
    }
}
