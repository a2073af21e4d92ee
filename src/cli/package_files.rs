//! The manual pages and shell completions that the Debian package installs, generated from the
//! same clap tree as `--help` (English from the derive definitions, Chinese from help_zh.rs).
//!
//! A build script cannot reach the clap definitions (they live in the library with the code they
//! run), so the package step (.ci/package) runs `examples/package-files.rs`, which calls [`write`]
//! after the release build; see docs/packaging.md. Layout under the folder:
//!
//! - `man/man1/shian.1`, `man/man1/shian-<subcommand>….1`: English pages;
//! - `man/zh_CN/man1/…`: the same pages in Chinese;
//! - `completions/shian.bash`, `completions/_shian`: bash and zsh completions.

use std::fs;
use std::path::{Path, PathBuf};

use clap::{Command, CommandFactory};
use clap_complete::Shell;

use super::{Cli, help_zh};
use crate::i18n::Lang;

#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct PackageFilesError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Writes the pages and completions under `out` (made if missing); returns how many files.
pub fn write(out: &Path) -> Result<usize, PackageFilesError> {
    let mut written = 0;
    for (lang, folder) in [(Lang::En, "man/man1"), (Lang::Zh, "man/zh_CN/man1")] {
        let folder = out.join(folder);
        make_folder(&folder)?;
        for (name, text) in manual_pages(lang) {
            let path = folder.join(name);
            fs::write(&path, text).map_err(|source| PackageFilesError { path, source })?;
            written += 1;
        }
    }
    let folder = out.join("completions");
    make_folder(&folder)?;
    for shell in [Shell::Bash, Shell::Zsh] {
        // Chinese like the help a user gets by default; zsh shows these texts beside the names.
        let mut cmd = help_zh::command(Lang::Zh);
        clap_complete::generate_to(shell, &mut cmd, "shian", &folder).map_err(|source| {
            PackageFilesError {
                path: folder.clone(),
                source,
            }
        })?;
        written += 1;
    }
    Ok(written)
}

fn make_folder(folder: &Path) -> Result<(), PackageFilesError> {
    fs::create_dir_all(folder).map_err(|source| PackageFilesError {
        path: folder.to_path_buf(),
        source,
    })
}

/// File name (`shian-report-summary.1`) and roff text of the page of `shian` and of each
/// subcommand at every depth.
pub fn manual_pages(lang: Lang) -> Vec<(String, String)> {
    let root = help_zh::localized(without_help_subcommands(Cli::command()), lang);
    let mut pages = Vec::new();
    let mut stack = vec![root];
    while let Some(cmd) = stack.pop() {
        stack.extend(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
        pages.push(manual_page(cmd, lang));
    }
    pages
}

/// The manual lists the real subcommands only, not the `help` ones clap adds for the terminal.
fn without_help_subcommands(cmd: Command) -> Command {
    cmd.disable_help_subcommand(true)
        .mut_subcommands(without_help_subcommands)
}

fn manual_page(cmd: Command, lang: Lang) -> (String, String) {
    let man = clap_mangen::Man::new(cmd)
        // The page's date: without one, man reads the next field (the source) as the date.
        .date(chrono::Local::now().date_naive().to_string())
        .source(concat!("shian ", env!("CARGO_PKG_VERSION")))
        .manual(lang.app_name());
    let mut roff = Vec::new();
    // Rendering into memory: the only writer error would be from the Vec, which has none.
    let _ = man.render(&mut roff);
    // man-db would guess a legacy encoding from a zh_CN folder without this first line.
    let mut text = format!(
        "'\\\" -*- coding: UTF-8 -*-\n{}",
        String::from_utf8_lossy(&roff)
    );
    if lang == Lang::Zh {
        for (en, zh) in crate::i18n::cli_help::MAN_SECTIONS {
            text = text.replace(&format!("\n.SH {en}\n"), &format!("\n.SH {zh}\n"));
        }
    }
    (man.get_filename(), text)
}
