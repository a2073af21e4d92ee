//! Measuring and cutting text by display width: a Chinese character takes two cells.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    s.width()
}

/// Cuts `s` to at most `max` cells, ending with `...` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let limit = max.saturating_sub(3);
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > limit {
            break;
        }
        used += w;
        out.push(c);
    }
    if max >= 3 {
        out.push_str("...");
    }
    out
}

/// Pads `s` with spaces to exactly `cells` cells (cutting it first if longer).
pub fn pad(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Wraps by display width. ratatui's word wrap breaks only at spaces, which Chinese text lacks;
/// this breaks anywhere, preferring a space when one is near in Latin text.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let mut lines = Vec::new();
    for paragraph in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in paragraph.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > cells {
                // Move a trailing Latin word to the next line if the line has a space.
                let carry = match line.rfind(' ') {
                    Some(i) if c.is_ascii_graphic() && i > 0 => line.split_off(i + 1),
                    _ => String::new(),
                };
                lines.push(line.trim_end().to_string());
                used = carry.width();
                line = carry;
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_cut_and_wrapped_by_width() {
        assert_eq!(truncate("鲅鱼圈区青禾实验小学", 10), "鲅鱼圈...");
        assert_eq!(pad("符合", 6), "符合  ");
        assert_eq!(
            wrap("留样不少于一百二十五克", 8),
            vec!["留样不少", "于一百二", "十五克"]
        );
        assert_eq!(
            wrap("keep samples 48 hours", 14),
            vec!["keep samples", "48 hours"]
        );
    }
}
