//! `shian draw` and `shian draws list|show|print|csv`: 双随机 draws, numbered and kept with their
//! seed, printable on A4 and published as CSV (issue 14, docs/planning.md).

use anyhow::{Result, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::out::{errln, outln};
use super::report::Output;
use super::{Context, Localized};
use crate::domain::planning::draw::{self, DrawFilter, DrawRecord};
use crate::domain::planning::{Task, TaskSource};
use crate::i18n::Lang;

/// Days a draw's tasks get when no deadline is given.
const DEFAULT_DAYS: u64 = 30;

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
        lang.pick("抽取编号", "Draw"),
        d.number,
        lang.pick("随机种子", "seed"),
        d.seed,
        d.made_at
    )?;
    for (i, e) in d.drawn.iter().enumerate() {
        let people: Vec<String> = e
            .inspectors
            .iter()
            .map(|p| format!("{}({})", p.name, p.badge))
            .collect();
        outln!("{}\t{}\t{}\t{}", i + 1, e.name, e.town, people.join("、"))?;
    }
    Ok(())
}

pub fn draw(ctx: &Context, args: DrawArgs) -> Result<()> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    let filter =
        DrawFilter::parse(&args.filter).map_err(|p| anyhow::anyhow!(lang.filter_problem(&p)))?;
    if args.count == 0 || args.per == 0 {
        bail!(
            "{}",
            lang.pick(
                "--count 和 --inspectors 须为正整数",
                "--count and --inspectors must be positive"
            )
        );
    }
    let today = chrono::Local::now().date_naive();
    let deadline = args
        .deadline
        .unwrap_or_else(|| today + chrono::Days::new(DEFAULT_DAYS));
    if deadline < today {
        bail!(
            "{}",
            lang.pick("完成期限早于今天", "the deadline is before today")
        );
    }
    let since = draw::three_months_before(today);
    let recent: std::collections::HashSet<String> = store
        .last_final_inspections()
        .localized(lang)?
        .into_iter()
        .filter(|(_, at)| at.with_timezone(&chrono::Local).date_naive() >= since)
        .map(|(id, _)| id)
        .collect();
    let matched: Vec<_> = store
        .establishments()
        .localized(lang)?
        .into_iter()
        .filter(|e| filter.matches(e))
        .collect();
    let candidates: Vec<_> = matched
        .iter()
        .filter(|e| !recent.contains(&e.id))
        .cloned()
        .collect();
    let inspectors = store.office_inspectors().localized(lang)?;
    let avoid_own_unit = !args.allow_own_unit && inspectors.iter().any(|i| !i.towns.is_empty());
    let seed = match args.seed {
        Some(s) => s,
        None => getrandom::u64().map_err(|e| anyhow::anyhow!("random seed: {e}"))?,
    };
    let drawn = draw::draw(
        &candidates,
        &inspectors,
        args.count,
        args.per,
        avoid_own_unit,
        seed,
    )
    .map_err(|p| anyhow::anyhow!(lang.draw_problem(&p)))?;
    let made_by = match args.by.as_deref().map(str::trim) {
        Some(by) if !by.is_empty() => by.to_string(),
        _ => store
            .setting(crate::store::Setting::InspectorName)
            .localized(lang)?
            .unwrap_or_default(),
    };
    if made_by.trim().is_empty() {
        bail!(
            "{}",
            lang.pick(
                "抽取记录须写明操作人：用 --by 姓名 指定",
                "a draw records who ran it: give --by NAME"
            )
        );
    }
    let identity = ctx.identity()?;
    let mut record = DrawRecord {
        number: 0,
        id: uuid::Uuid::now_v7().to_string(),
        filter_text: args.filter.clone(),
        filter,
        seed: seed.to_string(),
        count: args.count,
        per: args.per,
        avoid_own_unit,
        day: today,
        deadline,
        made_at: crate::bundle::now_text(),
        made_by,
        station: identity.station_code(),
        matched: matched.len(),
        excluded_recent: matched.len() - candidates.len(),
        drawn,
    };
    let tasks: Vec<Task> = record
        .drawn
        .iter()
        .map(|d| {
            let source = TaskSource::Draw { number: 0 };
            Task {
                id: Task::id_for(&source, &d.establishment_id),
                source,
                establishment_id: d.establishment_id.clone(),
                from: today,
                deadline,
                inspectors: d.inspectors.iter().map(|p| p.badge.clone()).collect(),
                stations: d
                    .inspectors
                    .iter()
                    .map(|p| p.station.clone())
                    .filter(|s| !s.is_empty())
                    .collect(),
            }
        })
        .collect();
    // A task goes to the stations of its inspectors; with none known, to every laptop.
    for d in record
        .drawn
        .iter()
        .filter(|d| d.inspectors.iter().all(|p| p.station.is_empty()))
    {
        errln!(
            "{}{}{}",
            d.name,
            lang.pick("：", ": "),
            lang.pick(
                "抽中的检查人员都没有站点代码，此任务发给每台笔记本",
                "no drawn inspector has a station code, so this task goes to every laptop"
            ),
        );
    }
    store.record_draw(&mut record, &tasks).localized(lang)?;
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
        all.iter().find(|d| d.number == number).ok_or_else(|| {
            anyhow::anyhow!(
                "{}: {number}",
                lang.pick("没有这个抽取编号", "no such draw")
            )
        })
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
