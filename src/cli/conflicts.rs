//! `shian conflicts list|resolve`: establishment facts two stations changed differently, and the
//! office's choice between them (docs/data-model.md, "Establishment revisions"; docs/trust.md,
//! rule 8).

use std::collections::HashMap;

use anyhow::{Result, bail};
use clap::Subcommand;

use super::out::outln;
use super::{Context, Localized};
use crate::domain::establishment_merge::Fact;
use crate::i18n::Lang;
use crate::store::{EstablishmentConflicts, Store};

#[derive(Subcommand, Debug)]
pub enum ConflictsCommand {
    /// List the establishments whose facts are in conflict, with each value, who made it and when.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Settle one fact of an establishment: keep one of the listed values, or give a new one.
    Resolve {
        /// The establishment's id, as `conflicts list` shows it.
        establishment: String,
        /// The fact: name, kind, address, town, person_in_charge, phone, license_no,
        /// credit_code, risk_grade or bright_kitchen.
        fact: String,
        /// Keep the value listed in this place (1 for the first).
        #[arg(long, conflicts_with = "value", required_unless_present = "value")]
        keep: Option<usize>,
        /// The value to keep instead of any listed.
        #[arg(long)]
        value: Option<String>,
    },
}

pub fn run(ctx: &Context, cmd: ConflictsCommand) -> Result<()> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    match cmd {
        ConflictsCommand::List { json } => {
            let list = store.establishment_conflicts().localized(lang)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
                return Ok(());
            }
            if list.is_empty() {
                outln!("{}", lang.no_conflicts())?;
                return Ok(());
            }
            let station = station_names(&store, lang)?;
            for e in &list {
                outln!("{}\t{}", e.name, e.establishment_id)?;
                for c in &e.conflicts {
                    outln!("  [{}] {}", c.fact.code(), lang.conflict_line(c, &station))?;
                }
            }
            Ok(())
        }
        ConflictsCommand::Resolve {
            establishment,
            fact,
            keep,
            value,
        } => {
            let Some(fact) = Fact::parse(&fact) else {
                let known: Vec<&str> = Fact::ALL.iter().map(|f| f.code()).collect();
                bail!("{}: {fact} ({})", lang.no_such_fact(), known.join(", "));
            };
            let id = establishment.trim();
            let value = match (keep, value) {
                (_, Some(value)) => value,
                // clap asks for one of the two: without --value, --keep is there.
                (keep, None) => {
                    let n = keep.unwrap_or_default();
                    let sides = store
                        .establishment_conflicts()
                        .localized(lang)?
                        .into_iter()
                        .find(|e| e.establishment_id == id)
                        .and_then(|e| e.conflicts.into_iter().find(|c| c.fact == fact))
                        .map(|c| c.values)
                        .unwrap_or_default();
                    match n.checked_sub(1).and_then(|i| sides.get(i)) {
                        Some(side) => side.value.clone(),
                        // No such conflict: the store says so, naming it.
                        None if sides.is_empty() => String::new(),
                        None => bail!("--keep {n}: {} 1–{}", lang.choose_from(), sides.len()),
                    }
                }
            };
            let identity = ctx.identity()?;
            store.sign_as(identity.signing_key());
            let settled = store
                .resolve_conflict(id, fact, &value, &identity.station_code())
                .localized(lang)?;
            outln!(
                "{} {}：{} = {}",
                lang.settled(),
                settled.facts.name,
                lang.fact_name(fact.code()),
                lang.fact_value(fact, &fact.value(&settled.facts))
            )?;
            Ok(())
        }
    }
}

/// Names a station by its code: with the name it gave when it is known here.
fn station_names(store: &Store, lang: Lang) -> Result<impl Fn(&str) -> String> {
    let names: HashMap<String, String> = store
        .stations()
        .localized(lang)?
        .into_iter()
        .filter(|s| !s.name.is_empty())
        .map(|s| (s.code, s.name))
        .collect();
    Ok(move |code: &str| match names.get(code) {
        Some(name) => format!("{name} {code}"),
        None => format!("{} {code}", lang.station()),
    })
}

/// After an import: the conflicts the establishments it touched are left with.
pub(super) fn print_after_import(
    store: &Store,
    lang: Lang,
    conflicted: &[EstablishmentConflicts],
) -> Result<()> {
    if conflicted.is_empty() {
        return Ok(());
    }
    let station = station_names(store, lang)?;
    for e in conflicted {
        for c in &e.conflicts {
            outln!(
                "  {} {} {}",
                lang.conflict_for_the_office(),
                e.name,
                lang.conflict_line(c, &station)
            )?;
        }
    }
    outln!("  {}", lang.conflicts_commands_hint())?;
    Ok(())
}
