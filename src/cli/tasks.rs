//! `shian tasks list`: each task of a campaign or a draw, done, pending or overdue (issue 14).

use anyhow::Result;
use chrono::NaiveDate;
use clap::Subcommand;
use serde::Serialize;

use super::out::outln;
use super::{Context, Localized};
use crate::domain::planning::{Task, TaskSource, TaskState};
use crate::i18n::Lang;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum TasksCommand {
    /// List the tasks with their state: done, pending or overdue.
    List {
        /// Only the tasks of this station (its code).
        #[arg(long)]
        station: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// A task as the office reads it.
#[derive(Debug, Clone, Serialize)]
pub struct TaskLine {
    pub id: String,
    pub source: String,
    pub establishment_id: String,
    pub establishment: String,
    pub from: NaiveDate,
    pub deadline: NaiveDate,
    pub inspectors: Vec<String>,
    pub stations: Vec<String>,
    pub state: TaskState,
}

/// The tasks `keep` selects, with their state today.
pub fn task_lines(
    store: &Store,
    lang: Lang,
    keep: impl Fn(&Task) -> bool,
) -> Result<Vec<TaskLine>> {
    let today = chrono::Local::now().date_naive();
    let names: std::collections::HashMap<String, String> = store
        .establishments()
        .localized(lang)?
        .into_iter()
        .map(|e| (e.id, e.facts.name))
        .collect();
    let people: std::collections::HashMap<String, String> = store
        .office_inspectors()
        .localized(lang)?
        .into_iter()
        .map(|i| (i.badge, i.name))
        .collect();
    let days = store.task_inspection_days().localized(lang)?;
    Ok(store
        .tasks()
        .localized(lang)?
        .into_iter()
        .filter(|t| keep(t))
        .map(|t| TaskLine {
            state: t.state(
                days.get(&t.establishment_id).map_or(&[][..], Vec::as_slice),
                today,
            ),
            source: lang.task_source(&t.source),
            establishment: names.get(&t.establishment_id).cloned().unwrap_or_default(),
            inspectors: t
                .inspectors
                .iter()
                .map(|b| people.get(b).cloned().unwrap_or_else(|| b.clone()))
                .collect(),
            id: t.id,
            establishment_id: t.establishment_id,
            from: t.from,
            deadline: t.deadline,
            stations: t.stations,
        })
        .collect())
}

pub fn print_lines(lang: Lang, lines: &[TaskLine]) -> Result<()> {
    for l in lines {
        outln!(
            "{}\t{}\t{} ~ {}\t{}\t{}",
            l.source,
            l.establishment,
            l.from,
            l.deadline,
            l.inspectors.join("、"),
            lang.task_state(l.state)
        )?;
    }
    Ok(())
}

pub fn run(ctx: &Context, cmd: TasksCommand) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_store()?;
    match cmd {
        TasksCommand::List { station, json } => {
            let station = station.map(|s| s.trim().to_ascii_uppercase());
            let lines = task_lines(&store, lang, |t| {
                station.as_ref().is_none_or(|s| t.is_for(s))
            })?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&lines)?)?;
            } else {
                print_lines(lang, &lines)?;
            }
        }
    }
    Ok(())
}

/// The summary's 专项行动 sections: each campaign here with its targets (its tasks) and the
/// inspections an inspector untagged.
pub fn campaign_sections(
    store: &Store,
    data: &crate::store::PeriodData,
    lang: Lang,
) -> Result<Vec<crate::report::CampaignSection>> {
    let tasks = store.tasks().localized(lang)?;
    let plans: Vec<crate::report::CampaignPlan> = store
        .campaigns()
        .localized(lang)?
        .into_iter()
        .map(|campaign| crate::report::CampaignPlan {
            targets: tasks
                .iter()
                .filter(
                    |t| matches!(&t.source, TaskSource::Campaign { id, .. } if *id == campaign.id),
                )
                .map(|t| t.establishment_id.clone())
                .collect(),
            campaign,
        })
        .collect();
    let untagged = store
        .campaign_untagged()
        .localized(lang)?
        .into_iter()
        .collect();
    Ok(crate::report::campaign_sections(data, &plans, &untagged))
}
