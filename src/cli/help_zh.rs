//! The command line's help in Chinese, the default language.
//!
//! The English help is the clap derive definitions' doc comments (src/cli/*.rs). The Chinese texts
//! live in one place (`i18n/cli_help.rs`), keyed by the command path and the argument id, and are
//! laid over the built `clap::Command` tree. The language has to be known before parsing, so it is
//! read from argv and the environment first (`--lang`, `SHIAN_LANG`). A test walks the whole tree
//! so that a command or option added without a Chinese text fails the suite (docs/packaging.md).

use std::ffi::OsString;

use clap::{Arg, Command, CommandFactory, FromArgMatches, ValueEnum};

use super::Cli;
use crate::i18n::Lang;
use crate::i18n::cli_help::{ARGS, COMMANDS};

/// The language of this run, read before parsing so that `--help` can speak it: the last
/// `--lang X` or `--lang=X` before a `--`, else `SHIAN_LANG`, else Chinese. A value clap would
/// refuse is left for clap to report.
pub fn lang_before_parsing(args: &[OsString], env_lang: Option<OsString>) -> Lang {
    let mut given: Option<OsString> = None;
    let mut args = args.iter().skip(1);
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else { continue };
        if text == "--" {
            break;
        } else if text == "--lang" {
            given = args.next().cloned();
        } else if let Some(value) = text.strip_prefix("--lang=") {
            given = Some(value.into());
        }
    }
    given
        .or(env_lang)
        .and_then(|value| value.to_str().and_then(|v| Lang::from_str(v, false).ok()))
        .unwrap_or_default()
}

/// Parses the process's arguments with the help in the language asked for. Bad arguments,
/// `--help` and `--version` come back as clap's error, for the caller to print through the
/// sanitizer (src/cli/out.rs).
pub fn try_parse() -> Result<Cli, clap::Error> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = lang_before_parsing(&args, std::env::var_os("SHIAN_LANG"));
    let matches = command(lang).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The whole command tree, built, with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    localized(Cli::command(), lang)
}

/// `cmd` built (help flags, `help` subcommands and global options in place), in `lang`.
pub fn localized(mut cmd: Command, lang: Lang) -> Command {
    cmd.build();
    match lang {
        Lang::En => cmd,
        Lang::Zh => in_chinese(cmd, ""),
    }
}

/// Lays the Chinese texts over `cmd` and, recursively, its subcommands. Missing texts keep the
/// English; the test below makes sure there are none.
fn in_chinese(cmd: Command, path: &str) -> Command {
    let key = text_key(path);
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .mut_args(|arg| arg_in_chinese(arg, &key));
    if let Some(about) = command_text(&key) {
        cmd = cmd.about(about).long_about(None);
    }
    cmd.mut_subcommands(|sub| {
        let path = join(path, sub.get_name());
        in_chinese(sub, &path)
    })
}

fn arg_in_chinese(arg: Arg, command_key: &str) -> Arg {
    let heading = if arg.is_positional() {
        "参数"
    } else {
        "选项"
    };
    // The Chinese texts name the environment variable and the choices themselves.
    let arg = arg
        .help_heading(heading)
        .hide_env(true)
        .hide_possible_values(true);
    match arg_text(command_key, arg.get_id().as_str()) {
        Some(help) => arg.help(help).long_help(None),
        None => arg,
    }
}

/// The key of a command's texts: the `help` subcommands clap adds (`shian help report xlsx`,
/// `shian report help xlsx`) mirror the tree, so `help` is dropped from the path unless it is the
/// `help` command itself.
fn text_key(path: &str) -> String {
    let words: Vec<&str> = path.split(' ').filter(|w| !w.is_empty()).collect();
    if words.last() == Some(&"help") {
        return "help".to_string();
    }
    words
        .into_iter()
        .filter(|w| *w != "help")
        .collect::<Vec<_>>()
        .join(" ")
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

fn command_text(key: &str) -> Option<&'static str> {
    COMMANDS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| *text)
}

fn arg_text(command_key: &str, id: &str) -> Option<&'static str> {
    let specific = join(command_key, id);
    ARGS.iter()
        .find(|(k, _)| *k == specific)
        .or_else(|| ARGS.iter().find(|(k, _)| *k == id))
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument of the built tree, as (command key, arg id or "").
    fn everything(cmd: &Command, path: &str, found: &mut Vec<(String, String)>) {
        let key = text_key(path);
        found.push((key.clone(), String::new()));
        for arg in cmd.get_arguments() {
            found.push((key.clone(), arg.get_id().to_string()));
        }
        for sub in cmd.get_subcommands() {
            everything(sub, &join(path, sub.get_name()), found);
        }
    }

    fn tree() -> Vec<(String, String)> {
        let mut found = Vec::new();
        everything(&command(Lang::En), "", &mut found);
        found
    }

    #[test]
    fn every_command_and_argument_has_a_chinese_text() {
        let missing: Vec<String> = tree()
            .into_iter()
            .filter(|(key, id)| match id.as_str() {
                "" => command_text(key).is_none(),
                id => arg_text(key, id).is_none(),
            })
            .map(|(key, id)| format!("{key:?} {id}"))
            .collect();
        assert!(missing.is_empty(), "no Chinese help for: {missing:#?}");
    }

    #[test]
    fn every_chinese_text_belongs_to_a_command_or_argument() {
        let tree = tree();
        let unused: Vec<&str> = COMMANDS
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| !tree.iter().any(|(key, id)| id.is_empty() && key == k))
            .chain(ARGS.iter().map(|(k, _)| *k).filter(|k| {
                !tree
                    .iter()
                    .any(|(key, id)| !id.is_empty() && (join(key, id) == *k || id == k))
            }))
            .collect();
        assert!(unused.is_empty(), "texts of nothing: {unused:?}");
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        let en = Some(OsString::from("en"));
        assert_eq!(
            lang_before_parsing(&args(&["shian", "--help"]), None),
            Lang::Zh
        );
        assert_eq!(
            lang_before_parsing(&args(&["shian", "--lang", "en", "--help"]), None),
            Lang::En
        );
        assert_eq!(
            lang_before_parsing(&args(&["shian", "roster", "--lang=en", "-h"]), None),
            Lang::En
        );
        assert_eq!(
            lang_before_parsing(&args(&["shian", "-h"]), en.clone()),
            Lang::En
        );
        assert_eq!(
            lang_before_parsing(&args(&["shian", "--lang", "zh"]), en.clone()),
            Lang::Zh
        );
        // After `--` a word is a value, not an option.
        assert_eq!(
            lang_before_parsing(&args(&["shian", "import", "--", "--lang", "en"]), None),
            Lang::Zh
        );
    }
}
