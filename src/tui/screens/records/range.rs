//! 记录's custom date range (`D`): two days typed, "2026-03-01 2026-06-30" (or with 至 or ~
//! between), checked before the list is asked for; the other periods are `d`'s (mod.rs).

use chrono::{Datelike, NaiveDate};

use super::{Period, RecordsState};
use crate::i18n::tui::Text;
use crate::tui::command::Command;
use crate::tui::component::{Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{CANCEL, Keys, OK, OK_CANCEL_FOOTER, typing};

/// Typing the range: letters are text.
pub const KEYS: Keys = Keys {
    lines: &[typing(Text::keys_filter_by_range), OK, CANCEL],
    footer: OK_CANCEL_FOOTER,
};

/// Starts typing a range: the current one, else this year so far.
pub fn open(r: &mut RecordsState, today: NaiveDate) {
    let (from, to) = match r.period {
        Period::Range(from, to) => (from, to),
        _ => (
            NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
            today,
        ),
    };
    r.range = Some(TextInput::new(&format!("{from} {to}")));
}

/// Two days in order, separated by spaces, 至 or ~.
pub fn parse(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '至' || c == '~')
        .filter(|p| !p.is_empty())
        .collect();
    let [from, to] = parts.as_slice() else {
        return None;
    };
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let (from, to) = (day(from)?, day(to)?);
    (from <= to).then_some((from, to))
}

/// A command while the range is typed: Enter applies a good range, Esc leaves it as it was.
pub fn on(r: &mut RecordsState, cx: &Context, command: Command) -> Step {
    let Some(input) = &mut r.range else {
        return Step::none();
    };
    match command {
        Command::Back => r.range = None,
        Command::Confirm => match parse(input.text()) {
            Some((from, to)) => {
                r.range = None;
                r.period = Period::Range(from, to);
                r.query.from = Some(from);
                r.query.to = Some(to);
                return r.reload();
            }
            None => return Step::error(cx.t.bad_period()),
        },
        Command::Input(typed) => {
            input.handle_key(typed);
        }
        _ => {}
    }
    Step::none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_two_days_in_order() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        for text in [
            "2026-03-01 2026-06-30",
            " 2026-03-01  至 2026-06-30 ",
            "2026-03-01~2026-06-30",
        ] {
            assert_eq!(parse(text), Some((d(2026, 3, 1), d(2026, 6, 30))), "{text}");
        }
        assert_eq!(parse("2026-06-30 2026-03-01"), None);
        assert_eq!(parse("2026-03-01"), None);
        assert_eq!(parse("2026-03-01 2026-02-30"), None);
        assert_eq!(parse("2026-03-01 2026-06-30 2026-07-01"), None);
    }
}
