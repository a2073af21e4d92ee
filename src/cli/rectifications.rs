//! `shian rectifications list|close`: the written orders and, at the office, closing one by a
//! decision with a reason where no 复查 will (docs/trust.md, rule 7).

use super::out::outln;

use anyhow::Result;
use clap::Subcommand;

use super::{Context, Localized};

#[derive(Subcommand, Debug)]
pub enum RectificationsCommand {
    /// List the rectification orders (open ones only with --open).
    List {
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
    /// Close an open rectification by the office's decision, with the reason (no 复查 will).
    Close {
        /// The rectification's id, as `rectifications list` shows it.
        id: String,
        /// Why it closes without a follow-up; `rectifications list` shows it.
        #[arg(long)]
        reason: String,
    },
}

pub fn run(ctx: &Context, cmd: RectificationsCommand) -> Result<()> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    match cmd {
        RectificationsCommand::List { open, json } => {
            let names: std::collections::HashMap<String, String> = store
                .establishments()
                .localized(lang)?
                .into_iter()
                .map(|e| (e.id, e.facts.name))
                .collect();
            let mut list: Vec<_> = store
                .sync_rectifications()
                .localized(lang)?
                .into_values()
                .filter(|r| !open || r.open)
                .collect();
            list.sort_by(|a, b| (a.deadline, &a.id).cmp(&(b.deadline, &b.id)));
            if json {
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
                return Ok(());
            }
            for r in &list {
                let decided = store.rectification_decision(&r.id).localized(lang)?;
                let state = match (r.open, decided) {
                    (true, _) => lang.rectification_open().to_string(),
                    (false, Some(d)) => format!("{}（{}）", lang.closed_by_office(), d.reason),
                    (false, None) => lang.closed_by_follow_up().to_string(),
                };
                outln!(
                    "{}\t{}\t{}\t{}\t{}",
                    r.id,
                    names.get(&r.establishment_id).map_or("", String::as_str),
                    r.item_id,
                    r.deadline.map(|d| d.to_string()).unwrap_or_default(),
                    state
                )?;
            }
            Ok(())
        }
        RectificationsCommand::Close { id, reason } => {
            let identity = ctx.identity()?;
            let decision = store
                .close_rectification_by_decision(
                    id.trim(),
                    &reason,
                    identity.signing_key(),
                    chrono::Utc::now(),
                )
                .localized(lang)?;
            outln!(
                "{} {}: {}",
                lang.closed_rectification(),
                decision.rectification_id,
                decision.reason
            )?;
            Ok(())
        }
    }
}
