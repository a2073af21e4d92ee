//! `shian settings list|get|set`: every setting shian reads, without sqlite3, each checked
//! before it is saved (docs/settings.md holds the same table for people).

use anyhow::{Result, bail};
use clap::Subcommand;

use super::out::outln;
use super::{Context, Localized};
use crate::domain::frequencies::Frequencies;
use crate::i18n::Lang;
use crate::store::{Setting, Store};

#[derive(Subcommand, Debug)]
pub enum SettingsCommand {
    /// List every setting with its value and what it is for.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print one setting's value (nothing when it is not set).
    Get {
        /// The setting's key, as `settings list` shows it.
        key: String,
    },
    /// Check a value and save it.
    Set {
        /// The setting's key, as `settings list` shows it.
        key: String,
        /// The new value.
        value: String,
    },
}

/// What a setting's value has to be.
#[derive(Clone, Copy)]
enum Kind {
    /// A name or title: one line, at most this many characters, not empty.
    Text(usize),
    /// Like `Text`, but may be empty (a remembered colleague may be cleared).
    Optional(usize),
    /// An enforcement certificate number: letters, digits and `-`, at most 32.
    Badge { may_be_empty: bool },
    /// `A=1,B=2,C=3,D=4`.
    Frequencies,
    /// A folder that exists.
    Folder,
}

/// A setting as the command line offers it: what it is, and what it takes.
struct Entry {
    setting: Setting,
    /// What it is, in the user's language (`i18n/cli.rs`).
    about: fn(Lang) -> &'static str,
    kind: Kind,
}

/// Every setting shian reads, in the order docs/settings.md lists them.
const SETTINGS: &[Entry] = &[
    Entry {
        setting: Setting::InspectorName,
        about: Lang::setting_inspector_name,
        kind: Kind::Text(20),
    },
    Entry {
        setting: Setting::InspectorBadge,
        about: Lang::setting_inspector_badge,
        kind: Kind::Badge {
            may_be_empty: false,
        },
    },
    Entry {
        setting: Setting::Bureau,
        about: Lang::setting_bureau,
        kind: Kind::Text(60),
    },
    Entry {
        setting: Setting::ColleagueName,
        about: Lang::setting_colleague_name,
        kind: Kind::Optional(20),
    },
    Entry {
        setting: Setting::ColleagueBadge,
        about: Lang::setting_colleague_badge,
        kind: Kind::Badge { may_be_empty: true },
    },
    Entry {
        setting: Setting::Frequencies,
        about: Lang::setting_frequencies,
        kind: Kind::Frequencies,
    },
    Entry {
        setting: Setting::BundleFolder,
        about: Lang::setting_bundle_folder,
        kind: Kind::Folder,
    },
    Entry {
        setting: Setting::ReportFolder,
        about: Lang::setting_report_folder,
        kind: Kind::Folder,
    },
];

pub fn run(ctx: &Context, cmd: SettingsCommand) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_store()?;
    match cmd {
        SettingsCommand::List { json } => {
            let mut rows = Vec::with_capacity(SETTINGS.len());
            for s in SETTINGS {
                rows.push((s, value_of(&store, s.setting, lang)?));
            }
            if json {
                let list: Vec<_> = rows
                    .iter()
                    .map(|(s, value)| {
                        serde_json::json!({
                            "key": s.setting.code(),
                            "value": value,
                            "about": (s.about)(lang),
                        })
                    })
                    .collect();
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
                return Ok(());
            }
            for (s, value) in rows {
                let value = value.unwrap_or_else(|| lang.not_set().into());
                outln!("{}\t{}\t{}", s.setting.code(), value, (s.about)(lang))?;
            }
            Ok(())
        }
        SettingsCommand::Get { key } => {
            let entry = known(&key, lang)?;
            if let Some(value) = value_of(&store, entry.setting, lang)? {
                outln!("{value}")?;
            }
            Ok(())
        }
        SettingsCommand::Set { key, value } => {
            let entry = known(&key, lang)?;
            let value = checked(entry, &value, lang)?;
            store.set_setting(entry.setting, &value).localized(lang)?;
            outln!("{} = {}", entry.setting.code(), value)?;
            Ok(())
        }
    }
}

/// The value as shian reads it: the frequencies fall back to their key of old.
fn value_of(store: &Store, setting: Setting, lang: Lang) -> Result<Option<String>> {
    if setting == Setting::Frequencies {
        return store.frequencies_text().localized(lang);
    }
    store.setting(setting).localized(lang)
}

fn known(key: &str, lang: Lang) -> Result<&'static Entry> {
    let key = key.trim();
    SETTINGS
        .iter()
        .find(|s| s.setting.code() == key)
        .ok_or_else(|| {
            let keys: Vec<&str> = SETTINGS.iter().map(|s| s.setting.code()).collect();
            anyhow::anyhow!("{key:?}: {} {}", lang.no_such_setting(), keys.join(", "))
        })
}

/// The value to save, or what is wrong with it.
fn checked(entry: &Entry, value: &str, lang: Lang) -> Result<String> {
    let value = value.trim();
    let key = entry.setting.code();
    let one_line = |max: usize, may_be_empty: bool| -> Result<String> {
        if value.is_empty() && !may_be_empty {
            bail!("{key}: {}", lang.must_not_be_empty());
        }
        if value.chars().any(char::is_control) {
            bail!("{key} {value:?}: {}", lang.must_be_one_line());
        }
        let n = value.chars().count();
        if n > max {
            bail!("{key}: {n} {}", &lang.at_most_characters(max));
        }
        Ok(value.to_string())
    };
    match entry.kind {
        Kind::Text(max) => one_line(max, false),
        Kind::Optional(max) => one_line(max, true),
        Kind::Badge { may_be_empty } => {
            let value = one_line(32, may_be_empty)?;
            if let Some(c) = value
                .chars()
                .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
            {
                bail!("{key} {value:?}: {c:?} {}", lang.badge_characters());
            }
            Ok(value)
        }
        Kind::Frequencies => match Frequencies::read(value) {
            Ok(f) => Ok(f.to_text()),
            Err(e) => bail!("{key} {value:?}: {}", lang.frequency_error(&e)),
        },
        Kind::Folder => {
            // Kept as typed, `~/` included: the screens expand it as they use it.
            let path = crate::tui::paths::expand(value);
            if !path.is_absolute() || !path.is_dir() {
                bail!("{key} {value:?}: {}", lang.must_be_existing_folder());
            }
            Ok(value.to_string())
        }
    }
}
