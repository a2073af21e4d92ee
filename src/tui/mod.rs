//! The field UI: from the roster to a finalized inspection record, one key per item.
//!
//! Elm-shaped: `app::App::update` is pure, `effects::Shell` performs what it asks against the
//! store, `run` owns the terminal, `view` and `screens` draw. See docs/architecture.md and
//! docs/tui.md.

pub mod app;
pub mod command;
pub mod component;
pub mod due;
pub mod effects;
pub mod fields;
pub mod input;
pub mod keys;
pub mod log;
pub mod msg;
pub mod msg_office;
pub mod paths;
pub mod people;
pub mod route;
pub mod run;
pub mod screens;
pub mod search;
pub mod tasks;
pub mod text;
pub mod theme;
pub mod view;
pub mod widgets;

#[cfg(test)]
mod tests;

use std::path::Path;

use crate::i18n::Lang;

/// Starts the UI on the data folder `data_dir`.
pub fn start(data_dir: &Path, lang: Lang) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(crate::i18n::tui::Text(lang).not_a_terminal());
    }
    std::fs::create_dir_all(data_dir)?;
    log::init(data_dir);
    log::info("start");
    let station = crate::identity::Identity::load_or_create(data_dir)?.station_code();
    let mut shell = effects::Shell::open(data_dir, lang, station)
        .map_err(|e| anyhow::anyhow!(lang.store_error(&e)))?;
    let profile = shell
        .profile()
        .map_err(|e| anyhow::anyhow!(lang.store_error(&e)))?;
    let today = chrono::Local::now().date_naive();
    let mut app = app::App::new(
        lang,
        theme::Theme::from_env(),
        today,
        profile,
        shell.catalog.checklists.clone(),
    );
    if let Ok(Some(freq)) = shell.store.frequencies_text() {
        app.frequencies = due::Frequencies::parse(&freq).unwrap_or_default();
    }
    let result = run::run(&mut app, &mut shell);
    log::info("stop");
    result
}
