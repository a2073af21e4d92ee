//! `shian demo`: fill the data folder with a synthetic district.

use super::out::outln;
use anyhow::{Result, bail};
use chrono::NaiveDate;
use clap::Args;

use super::progress::Bar;
use super::{Context, Localized};
use crate::demo::Demo;
use crate::store::InspectionFilter;

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// How many establishments.
    #[arg(long, default_value_t = 300)]
    pub establishments: usize,
    /// How many final inspections, spread over the five years before --until.
    #[arg(long, default_value_t = 2000)]
    pub inspections: usize,
    /// The same seed (and --until) gives the same district.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The last day of the period (default: today).
    #[arg(long)]
    pub until: Option<NaiveDate>,
}

/// Inspections are written in batches: one transaction each, bounded memory, and a step of
/// the progress bar.
const BATCH: usize = 500;

pub fn run(ctx: &Context, args: DemoArgs) -> Result<()> {
    let lang = ctx.lang;
    let station = ctx.identity()?.station_code();
    let mut store = ctx.open_store()?;
    let existing = InspectionFilter {
        limit: Some(1),
        ..Default::default()
    };
    if !store.inspections(&existing).localized(lang)?.is_empty() {
        bail!(lang.demo_needs_empty_folder());
    }
    if args.inspections > 0 && args.establishments == 0 {
        bail!(lang.inspections_need_establishments());
    }
    let until = args
        .until
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut demo = Demo::new(args.seed, until);
    // One step for the roster, one per inspection.
    let mut bar = Bar::new(lang.making_demo_district(), args.inspections as u64 + 1);

    let roster = demo.establishments(args.establishments);
    store.import_roster(&roster, &station).localized(lang)?;
    let mut establishments = store.establishments().localized(lang)?;
    // Store order is by name; generation needs the roster's own order to be deterministic.
    let order: std::collections::HashMap<&str, usize> = roster
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.as_str(), i))
        .collect();
    bar.set(1);
    establishments.retain(|e| order.contains_key(e.facts.name.as_str()));
    establishments.sort_by_key(|e| order.get(e.facts.name.as_str()).copied());

    let catalog = ctx.catalog();
    let mut checklists = Vec::new();
    for checklist in catalog.checklists {
        let hash = store.put_checklist_version(&checklist).localized(lang)?;
        checklists.push((checklist, hash));
    }

    let mut written = 0;
    let mut batch = Vec::with_capacity(BATCH);
    let mut rectifications = Vec::new();
    let mut generated = demo.inspections(args.inspections, &establishments, &checklists, &station);
    loop {
        let next = generated.next();
        let done = next.is_none();
        if let Some(g) = next {
            rectifications.extend(g.rectifications);
            batch.push((g.inspection, g.answers));
        }
        if batch.len() == BATCH || (done && !batch.is_empty()) {
            store
                .insert_final_records(&batch, &rectifications)
                .localized(lang)?;
            written += batch.len();
            bar.set(written as u64 + 1);
            batch.clear();
            rectifications.clear();
        }
        if done {
            break;
        }
    }
    drop(generated);
    store
        .insert_final_records(&[], &demo.open_rectifications())
        .localized(lang)?;
    bar.finish();
    outln!(
        "{}",
        lang.demo_made(args.establishments, written, until, args.seed)
    )?;
    Ok(())
}
