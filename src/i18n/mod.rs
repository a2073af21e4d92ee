//! Every user-facing word: Simplified Chinese by default, English with `--lang en`.
//!
//! `Lang` picks; the parts hold the words by face:
//! - the domain's values (`domain`), and what is wrong with a checklist file (`checklist`);
//! - the errors and messages of each layer: `store`, `bundle`, `trust`, `roster`, `conflicts`,
//!   `sign_off`, `planning`, `table` (checklists from a spreadsheet), `errors` (the rest);
//! - what is printed: `report` and `report_2022` (the record forms and the summary), `order`
//!   (责令改正通知书), the draws in `planning`;
//! - the terminal UI (`tui/`) and the command line (`cli`).
//!
//! Each word is written once, with its two languages on one line or in one match arm; nothing
//! outside this module picks a language (docs/architecture.md).

/// A table of words as methods of `$ty`, which knows its language by `lang()`: one line per
/// word, `name => "中文", "English";`, so that the two never drift apart.
macro_rules! words {
    ($ty:ty; $($name:ident => $zh:literal, $en:literal;)*) => {
        impl $ty {
            $(pub fn $name(self) -> &'static str { self.lang().pick($zh, $en) })*
        }
    };
}

mod bundle;
mod checklist;
mod cli;
pub mod cli_help;
mod conflicts;
mod domain;
mod errors;
pub mod order;
mod planning;
pub mod report;
pub mod report_2022;
mod roster;
mod sign_off;
mod store;
mod summary;
mod table;
mod trust;
pub mod tui;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Itself: the words tables (`words!`) ask every face for its language.
    pub fn lang(self) -> Lang {
        self
    }

    /// The `lang` of a printed page's `<html>`.
    pub fn html_lang(self) -> &'static str {
        self.pick("zh-CN", "en")
    }

    /// A date as a printed form writes it: 2026年3月5日, or 2026-03-05.
    pub fn printed_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        match self {
            Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
            Lang::En => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// Between two words: nothing in Chinese, a space in English.
    pub fn word_space(self) -> &'static str {
        self.pick("", " ")
    }

    /// Between the items of a list: 、 in Chinese, a comma in English.
    pub fn list_separator(self) -> &'static str {
        self.pick("、", ", ")
    }

    /// A person with their 执法证号: `name（badge）`.
    pub fn name_with_badge(self, name: &str, badge: &str) -> String {
        match self {
            Lang::Zh => format!("{name}（{badge}）"),
            Lang::En => format!("{name} ({badge})"),
        }
    }

    /// Picks between the two texts of one message.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
