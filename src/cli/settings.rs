//! `shian settings list|get|set`: every setting shian reads, without sqlite3, each checked
//! before it is saved (docs/settings.md holds the same table for people).

use anyhow::{Result, bail};
use clap::Subcommand;

use super::out::outln;
use super::{Context, Localized};
use crate::domain::frequencies::Frequencies;
use crate::i18n::Lang;
use crate::store::Store;

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

struct Setting {
    key: &'static str,
    /// What it is, in the user's language (`i18n/cli.rs`).
    about: fn(Lang) -> &'static str,
    kind: Kind,
}

/// Every setting shian reads, in the order docs/settings.md lists them.
const SETTINGS: &[Setting] = &[
    Setting {
        key: "inspector_name",
        about: Lang::setting_inspector_name,
        kind: Kind::Text(20),
    },
    Setting {
        key: "inspector_badge",
        about: Lang::setting_inspector_badge,
        kind: Kind::Badge {
            may_be_empty: false,
        },
    },
    Setting {
        key: "bureau",
        about: Lang::setting_bureau,
        kind: Kind::Text(60),
    },
    Setting {
        key: "colleague_name",
        about: Lang::setting_colleague_name,
        kind: Kind::Optional(20),
    },
    Setting {
        key: "colleague_badge",
        about: Lang::setting_colleague_badge,
        kind: Kind::Badge { may_be_empty: true },
    },
    Setting {
        key: Frequencies::SETTING,
        about: Lang::setting_frequencies,
        kind: Kind::Frequencies,
    },
    Setting {
        key: "tui.bundle_folder",
        about: Lang::setting_bundle_folder,
        kind: Kind::Folder,
    },
    Setting {
        key: "tui.report_folder",
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
                rows.push((s, value_of(&store, s.key, lang)?));
            }
            if json {
                let list: Vec<_> = rows
                    .iter()
                    .map(|(s, value)| {
                        serde_json::json!({
                            "key": s.key,
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
                outln!("{}\t{}\t{}", s.key, value, (s.about)(lang))?;
            }
            Ok(())
        }
        SettingsCommand::Get { key } => {
            let setting = known(&key, lang)?;
            if let Some(value) = value_of(&store, setting.key, lang)? {
                outln!("{value}")?;
            }
            Ok(())
        }
        SettingsCommand::Set { key, value } => {
            let setting = known(&key, lang)?;
            let value = checked(setting, &value, lang)?;
            store.set_setting(setting.key, &value).localized(lang)?;
            outln!("{} = {}", setting.key, value)?;
            Ok(())
        }
    }
}

/// The value as shian reads it: the frequencies fall back to their key of old.
fn value_of(store: &Store, key: &str, lang: Lang) -> Result<Option<String>> {
    if key == Frequencies::SETTING {
        return store.frequencies_text().localized(lang);
    }
    store.setting(key).localized(lang)
}

fn known(key: &str, lang: Lang) -> Result<&'static Setting> {
    let key = key.trim();
    SETTINGS.iter().find(|s| s.key == key).ok_or_else(|| {
        let keys: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
        anyhow::anyhow!("{key:?}: {} {}", lang.no_such_setting(), keys.join(", "))
    })
}

/// The value to save, or what is wrong with it.
fn checked(setting: &Setting, value: &str, lang: Lang) -> Result<String> {
    let value = value.trim();
    let key = setting.key;
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
    match setting.kind {
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
