//! `shian roster import|list`

use super::out::{errln, outln};
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use clap::Subcommand;

use super::progress::Bar;
use super::{Context, Localized};
use crate::roster;

#[derive(Subcommand, Debug)]
pub enum RosterCommand {
    /// Import establishments from a CSV (UTF-8 or GBK). A file with any bad row imports nothing.
    Import { file: PathBuf },
    /// List the establishments.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: RosterCommand) -> Result<()> {
    let lang = ctx.lang;
    match cmd {
        RosterCommand::Import { file } => {
            let mut bar = Bar::new(lang.importing_roster(), 3);
            // Read at most one byte past the limit: a huge file is refused without being loaded.
            let mut bytes = Vec::new();
            std::fs::File::open(&file)
                .and_then(|f| {
                    std::io::Read::read_to_end(
                        &mut std::io::Read::take(f, roster::MAX_FILE_BYTES as u64 + 1),
                        &mut bytes,
                    )
                })
                .with_context(|| file.display().to_string())?;
            let name = file.display().to_string();
            bar.step(lang.step_read());
            let roster = match roster::read(&bytes) {
                Ok(roster) => roster,
                Err(errors) => {
                    bar.finish();
                    for error in &errors {
                        errln!("{}", lang.roster_error(&name, error));
                    }
                    bail!(
                        "{name}: {} {}",
                        errors.len(),
                        lang.n_errors_nothing_imported()
                    );
                }
            };
            bar.step(lang.step_checked());
            if !roster.unknown_columns.is_empty() {
                bar.finish();
                errln!(
                    "{}",
                    lang.roster_unknown_columns(&name, &roster.unknown_columns)
                );
            }
            drop(bytes); // the rows are all that is needed now (a million rows: 140 MB less)
            let rows = roster.rows;
            let station = ctx.identity()?.station_code();
            let mut store = ctx.open_store()?;
            let outcome = store.import_roster(&rows, &station).localized(lang)?;
            bar.step(lang.step_saved());
            bar.finish();
            outln!(
                "{}",
                lang.roster_import_counts(outcome.added, outcome.updated, outcome.unchanged)
            )?;
            Ok(())
        }
        RosterCommand::List { json } => {
            let store = ctx.open_store()?;
            let list = store.establishments().localized(lang)?;
            if json {
                // Each establishment with what this station knows of its inspections, whoever
                // made them (docs/roster.md).
                let mut standings = store.standings().localized(lang)?;
                let listed: Vec<Listed> = list
                    .iter()
                    .map(|establishment| Listed {
                        standing: standings.remove(&establishment.id).unwrap_or_default(),
                        establishment,
                    })
                    .collect();
                outln!("{}", serde_json::to_string_pretty(&listed)?)?;
                return Ok(());
            }
            for e in &list {
                let f = &e.facts;
                outln!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    f.town,
                    f.name,
                    lang.kind(f.kind),
                    f.risk_grade.map_or("-", |g| g.code()),
                    f.bright_kitchen.map_or("-", |b| lang.bright_kitchen(b)),
                    if f.license_no.is_empty() {
                        &f.credit_code
                    } else {
                        &f.license_no
                    },
                )?;
            }
            Ok(())
        }
    }
}

/// One establishment of `roster list --json`: its record, `last_inspected`, `open_rectifications`.
#[derive(serde::Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    establishment: &'a crate::domain::establishment::Establishment,
    #[serde(flatten)]
    standing: crate::store::Standing,
}
