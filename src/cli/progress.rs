//! A progress bar for the long commands (demo, export, import, a year's report, roster import),
//! on stderr and only when stderr is a terminal: piped or redirected, they write nothing extra.
//!
//! No crate for it: one line redrawn with `\r` (src/cli/out.rs `progress`) is all a bar needs,
//! and it keeps every byte shian writes going through the one sanitizer.

use std::io::IsTerminal;

/// Cells of the bar itself; with a label and the counts it fits an 80-column terminal.
const WIDTH: u64 = 20;

pub struct Bar {
    label: String,
    /// What the command is doing now, after the label.
    doing: String,
    total: u64,
    done: u64,
    enabled: bool,
    /// Counting bytes, shown as megabytes.
    bytes: bool,
    /// The last drawn percentage: the line is redrawn only when it changes.
    shown: Option<u64>,
}

impl Bar {
    /// A bar of `total` steps, drawn when stderr is a terminal.
    pub fn new(label: &str, total: u64) -> Bar {
        Bar::when(std::io::stderr().is_terminal(), label, total)
    }

    /// A bar drawn only when `enabled` (and stderr is a terminal); a quick job needs none.
    pub fn when(enabled: bool, label: &str, total: u64) -> Bar {
        Bar {
            label: label.to_string(),
            doing: String::new(),
            total: total.max(1),
            done: 0,
            enabled: enabled && std::io::stderr().is_terminal(),
            bytes: false,
            shown: None,
        }
    }

    /// A bar of `total` bytes (a bundle being written or checked).
    pub fn bytes(label: &str, total: u64) -> Bar {
        let mut bar = Bar::new(label, total);
        bar.bytes = true;
        bar
    }

    /// `done` of the total steps are done.
    pub fn set(&mut self, done: u64) {
        self.done = done.min(self.total);
        if !self.enabled {
            return;
        }
        let percent = self.done * 100 / self.total;
        if self.shown != Some(percent) {
            let label = match self.doing.as_str() {
                "" => self.label.clone(),
                doing => format!("{}：{doing}", self.label),
            };
            super::out::progress(&line(&label, self.done, self.total, self.bytes));
            self.shown = Some(percent);
        }
    }

    /// One more step done, and what was just done (shown after the label).
    pub fn step(&mut self, what: &str) {
        self.doing = what.to_string();
        self.shown = None;
        self.set(self.done + 1);
    }

    /// Ends the line the bar was drawn on, if it was drawn.
    pub fn finish(&mut self) {
        if self.shown.take().is_some() {
            super::out::errln!();
        }
    }
}

impl Drop for Bar {
    /// An error on the way still leaves the cursor on a fresh line for its message.
    fn drop(&mut self) {
        self.finish();
    }
}

/// `label [########............]  40% 4/10`, padded so a shorter redraw covers a longer one.
fn line(label: &str, done: u64, total: u64, bytes: bool) -> String {
    let filled = done * WIDTH / total;
    let bar: String = (0..WIDTH)
        .map(|i| if i < filled { '#' } else { '.' })
        .collect();
    let counts = if bytes {
        let mb = |n: u64| n as f64 / f64::from(1 << 20);
        format!("{:.1}/{:.1} MB", mb(done), mb(total))
    } else {
        format!("{done}/{total}")
    };
    format!("{label} [{bar}] {:>3}% {counts}    ", done * 100 / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_the_share_done() {
        assert_eq!(
            line("生成检查记录", 1, 4, false),
            "生成检查记录 [#####...............]  25% 1/4    "
        );
        assert!(line("x", 4, 4, false).contains("[####################] 100% 4/4"));
        assert!(line("x", 3 << 20, 6 << 20, true).contains(" 50% 3.0/6.0 MB"));
    }

    #[test]
    fn piped_it_draws_nothing() {
        let mut bar = Bar::when(false, "x", 3);
        bar.set(2);
        bar.step("y");
        assert_eq!(bar.shown, None);
        assert_eq!(bar.done, 3);
    }
}
