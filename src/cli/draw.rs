//! `shian draw` and `shian draws list|show|print|csv`: 双随机 draws, numbered and kept with their
//! seed, printable on A4 and published as CSV (issue 14, docs/planning.md).

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::out::{errln, outln};
use super::report::Output;
use super::{Context, Localized};
use crate::domain::planning::draw::DrawRecord;
use crate::i18n::Lang;

#[derive(Args, Debug)]
pub struct DrawArgs {
    /// Which establishments: e.g. kind=学校食堂|幼儿园食堂,town=望海街道,grade=C|D (default: all).
    #[arg(long = "from", value_name = "FILTER", default_value = "all")]
    pub filter: String,
    /// How many establishments to draw.
    #[arg(long)]
    pub count: usize,
    /// How many inspectors for each establishment.
    #[arg(long = "inspectors", value_name = "K")]
    pub per: usize,
    /// The seed (a number); made up and shown when not given. The same seed, roster and
    /// inspector list give the same draw.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Last day for the drawn inspections (default: 30 days from today).
    #[arg(long)]
    pub deadline: Option<NaiveDate>,
    /// Allow drawing inspectors for establishments in their own unit's towns.
    #[arg(long)]
    pub allow_own_unit: bool,
    /// Who runs the draw, for the record (default: the station's inspector as set).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum DrawsCommand {
    /// List the draws made here.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one draw.
    Show {
        number: i64,
        #[arg(long)]
        json: bool,
    },
    /// One draw on A4 (HTML, printed from a browser) for the file.
    Print {
        number: i64,
        #[command(flatten)]
        output: Output,
    },
    /// One draw as CSV (UTF-8 with BOM) for 一公开.
    Csv {
        number: i64,
        #[command(flatten)]
        output: Output,
    },
}

fn print_draw(lang: Lang, d: &DrawRecord) -> Result<()> {
    outln!(
        "{} {}\t{} {}\t{}",
        lang.draw_label(),
        d.number,
        lang.seed_word(),
        d.seed,
        d.made_at
    )?;
    for (i, e) in d.drawn.iter().enumerate() {
        outln!("{}\t{}\t{}\t{}", i + 1, e.name, e.town, e.inspectors_line())?;
    }
    Ok(())
}

pub fn draw(ctx: &Context, args: DrawArgs) -> Result<()> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    let identity = ctx.identity()?;
    let request = crate::planning::DrawRequest {
        filter: args.filter.clone(),
        count: args.count,
        per: args.per,
        seed: args.seed,
        deadline: args.deadline,
        allow_own_unit: args.allow_own_unit,
        by: args.by.unwrap_or_default(),
    };
    let record = crate::planning::run_draw(&mut store, &request, &identity.station_code())
        .map_err(|e| anyhow::anyhow!(lang.planning_error(&e)))?;
    // A task goes to the stations of its inspectors; with none known, to every laptop.
    for d in crate::planning::unrouted(&record) {
        errln!("{}{}{}", d.name, lang.colon(), lang.draw_unrouted());
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&record)?)?;
    } else {
        print_draw(lang, &record)?;
    }
    Ok(())
}

pub fn draws(ctx: &Context, cmd: DrawsCommand) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_store()?;
    let all = store.draws().localized(lang)?;
    let find = |number: i64| {
        all.iter()
            .find(|d| d.number == number)
            .ok_or_else(|| anyhow::anyhow!("{}: {number}", lang.no_such_draw_number()))
    };
    match cmd {
        DrawsCommand::List { json } => {
            if json {
                outln!("{}", serde_json::to_string_pretty(&all)?)?;
            } else {
                for d in &all {
                    outln!(
                        "{}\t{}\t{}\t{}\t{}",
                        d.number,
                        d.made_at,
                        d.filter_text,
                        d.drawn.len(),
                        d.seed
                    )?;
                }
            }
        }
        DrawsCommand::Show { number, json } => {
            let d = find(number)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(d)?)?;
            } else {
                print_draw(lang, d)?;
            }
        }
        DrawsCommand::Print { number, output } => {
            let html = crate::report::render_draw(find(number)?, lang)?;
            super::report::finish(&output, &[(output.out.clone(), html.into_bytes())], lang)?;
        }
        DrawsCommand::Csv { number, output } => {
            let bytes = crate::report::draw_csv(find(number)?, lang)?;
            super::report::finish(&output, &[(output.out.clone(), bytes)], lang)?;
        }
    }
    Ok(())
}
