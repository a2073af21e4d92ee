//! `shian settings list|get|set`: every setting shian reads, without sqlite3, each checked
//! before it is saved (docs/settings.md holds the same table for people).

use anyhow::{Result, bail};
use clap::Subcommand;

use super::out::outln;
use super::{Context, Localized};
use crate::domain::frequencies::{Frequencies, FrequencyError};
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
    zh: &'static str,
    en: &'static str,
    kind: Kind,
}

/// Every setting shian reads, in the order docs/settings.md lists them.
const SETTINGS: &[Setting] = &[
    Setting {
        key: "inspector_name",
        zh: "检查人员姓名（记录表上的检查人员）",
        en: "the inspector's name (on the record form)",
        kind: Kind::Text(20),
    },
    Setting {
        key: "inspector_badge",
        zh: "检查人员执法证号",
        en: "the inspector's enforcement certificate number",
        kind: Kind::Badge {
            may_be_empty: false,
        },
    },
    Setting {
        key: "bureau",
        zh: "所属单位（记录表上的检查机关）",
        en: "the bureau (the inspecting authority on the record form)",
        kind: Kind::Text(60),
    },
    Setting {
        key: "colleague_name",
        zh: "上次的第二检查人员姓名（复核页预填）",
        en: "the last second inspector's name (filled in on the review)",
        kind: Kind::Optional(20),
    },
    Setting {
        key: "colleague_badge",
        zh: "上次的第二检查人员执法证号",
        en: "the last second inspector's certificate number",
        kind: Kind::Badge { may_be_empty: true },
    },
    Setting {
        key: Frequencies::SETTING,
        zh: "各风险等级每年应检次数（首页待检和阶段汇总），如 A=1,B=2,C=3,D=4",
        en: "inspections a year by risk grade (home screen's due list and the summary), e.g. A=1,B=2,C=3,D=4",
        kind: Kind::Frequencies,
    },
    Setting {
        key: "tui.bundle_folder",
        zh: "界面中数据包的默认文件夹",
        en: "the screens' default folder for bundles",
        kind: Kind::Folder,
    },
    Setting {
        key: "tui.report_folder",
        zh: "界面中报表的默认文件夹",
        en: "the screens' default folder for reports",
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
                            "about": lang.pick(s.zh, s.en),
                        })
                    })
                    .collect();
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
                return Ok(());
            }
            for (s, value) in rows {
                let value = value.unwrap_or_else(|| lang.pick("（未设置）", "(not set)").into());
                outln!("{}\t{}\t{}", s.key, value, lang.pick(s.zh, s.en))?;
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
        anyhow::anyhow!(
            "{key:?}: {} {}",
            lang.pick(
                "没有这个设置项；可设置的有：",
                "no such setting; there are:"
            ),
            keys.join(", ")
        )
    })
}

/// The value to save, or what is wrong with it.
fn checked(setting: &Setting, value: &str, lang: Lang) -> Result<String> {
    let value = value.trim();
    let key = setting.key;
    let one_line = |max: usize, may_be_empty: bool| -> Result<String> {
        if value.is_empty() && !may_be_empty {
            bail!("{key}: {}", lang.pick("不能为空", "must not be empty"));
        }
        if value.chars().any(char::is_control) {
            bail!(
                "{key} {value:?}: {}",
                lang.pick("只能是一行文字", "must be one line of text")
            );
        }
        let n = value.chars().count();
        if n > max {
            bail!(
                "{key}: {n} {}",
                lang.pick(
                    &format!("个字，最多 {max} 个"),
                    &format!("characters, at most {max}")
                )
            );
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
                bail!(
                    "{key} {value:?}: {c:?} {}",
                    lang.pick(
                        "不可用：执法证号只含字母、数字和 -",
                        "is not allowed: a certificate number has letters, digits and - only"
                    )
                );
            }
            Ok(value)
        }
        Kind::Frequencies => match Frequencies::read(value) {
            Ok(f) => Ok(f.to_text()),
            Err(e) => bail!("{key} {value:?}: {}", frequency_error(&e, lang)),
        },
        Kind::Folder => {
            // Kept as typed, `~/` included: the screens expand it as they use it.
            let path = crate::tui::paths::expand(value);
            if !path.is_absolute() || !path.is_dir() {
                bail!(
                    "{key} {value:?}: {}",
                    lang.pick(
                        "应为已存在的文件夹的完整路径（可用 ~/ 表示主文件夹）",
                        "must be the full path of a folder that exists (~/ for the home folder)"
                    )
                );
            }
            Ok(value.to_string())
        }
    }
}

/// What is wrong with a frequency text, in the user's language (also `report summary`'s).
pub fn frequency_error(e: &FrequencyError, lang: Lang) -> String {
    match (e, lang) {
        (_, Lang::En) => e.to_string(),
        (FrequencyError::NotAPair { part }, Lang::Zh) => {
            format!("{part:?} 应为 等级=次数，如 A=1,B=2,C=3,D=4")
        }
        (FrequencyError::NoSuchGrade { part, grade }, Lang::Zh) => {
            format!("{part:?} 中没有风险等级 {grade:?}（只有 A、B、C、D）")
        }
        (FrequencyError::BadCount { part, count }, Lang::Zh) => {
            format!("{part:?} 中的 {count:?} 不是 1 到 365 的整数（每年次数）")
        }
    }
}
