//! `shian inspectors import|list|add|retire` and `shian campaigns add|list|show|untag`: the
//! office's planning (issue 14, docs/planning.md).

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use clap::Subcommand;

use super::out::{errln, outln};
use super::{Context, Localized};
use crate::domain::planning::campaign::{self, Campaign};
use crate::domain::planning::{Task, TaskSource};
use crate::i18n::Lang;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum InspectorsCommand {
    /// Import the bureau's inspectors from a CSV (UTF-8 or GBK): 姓名, 执法证号, 单位, 站点代码,
    /// 在岗, 辖区. A file with any bad row imports nothing.
    Import { file: PathBuf },
    /// List the inspectors.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add (or correct) one inspector.
    Add {
        #[arg(long)]
        name: String,
        /// 执法证号 (enforcement ID).
        #[arg(long)]
        badge: String,
        #[arg(long, default_value = "")]
        unit: String,
        /// The station code of the laptop they use.
        #[arg(long, default_value = "")]
        station: String,
        /// The towns of their unit's 辖区, separated by 、 (a draw never sends them there).
        #[arg(long, default_value = "")]
        towns: String,
    },
    /// Mark an inspector retired: never drawn, never accepted as an inspector of a new record.
    Retire {
        /// 执法证号 (enforcement ID).
        badge: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum CampaignsCommand {
    /// Add (or replace) a campaign from its TOML file; its targets become tasks.
    Add { file: PathBuf },
    /// List the campaigns.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one campaign with its targets and how far each is.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Take an inspection out of a campaign (or back in with --undo).
    Untag {
        /// The inspection's serial number or id.
        inspection: String,
        campaign: String,
        #[arg(long)]
        undo: bool,
    },
}

fn read_file(path: &PathBuf) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            std::io::Read::read_to_end(
                &mut std::io::Read::take(f, crate::roster::MAX_FILE_BYTES as u64 + 1),
                &mut bytes,
            )
        })
        .with_context(|| path.display().to_string())?;
    Ok(bytes)
}

fn yes_no(lang: Lang, b: bool) -> &'static str {
    if b {
        lang.inspector_active()
    } else {
        lang.inspector_retired()
    }
}

pub fn inspectors(ctx: &Context, cmd: InspectorsCommand) -> Result<()> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    match cmd {
        InspectorsCommand::Import { file } => {
            let bytes = read_file(&file)?;
            let name = file.display().to_string();
            let list = match crate::roster::inspectors::read(&bytes) {
                Ok(list) => list,
                Err(errors) => {
                    for e in &errors {
                        errln!("{}", lang.roster_error(&name, e));
                    }
                    bail!(
                        "{name}: {} {}",
                        errors.len(),
                        lang.n_errors_no_inspector_imported()
                    );
                }
            };
            store.put_office_inspectors(&list).localized(lang)?;
            outln!("{} {}", list.len(), lang.n_inspectors_imported())?;
        }
        InspectorsCommand::List { json } => {
            let list = store.office_inspectors().localized(lang)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
            } else {
                for i in &list {
                    outln!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        i.badge,
                        i.name,
                        i.unit,
                        i.station,
                        yes_no(lang, i.active),
                        i.towns.join("、")
                    )?;
                }
            }
        }
        InspectorsCommand::Add {
            name,
            badge,
            unit,
            station,
            towns,
        } => {
            let person = crate::planning::new_inspector(&name, &badge, &unit, &station, &towns)
                .map_err(|e| anyhow::anyhow!(lang.planning_error(&e)))?;
            store.put_office_inspectors(&[person]).localized(lang)?;
        }
        InspectorsCommand::Retire { badge } => {
            let badge = crate::roster::normalize_identifier(&badge);
            if !store.retire_inspector(&badge).localized(lang)? {
                bail!("{}: {badge}", lang.no_inspector_enforcement_id());
            }
        }
    }
    Ok(())
}

/// The tasks a campaign gives: one per target on the roster, for the stations of its
/// inspectors (every station when it names none).
fn campaign_tasks(store: &Store, c: &Campaign) -> crate::store::Result<Vec<Task>> {
    let people = store.office_inspectors()?;
    let stations: Vec<String> = c
        .inspectors
        .iter()
        .filter_map(|b| people.iter().find(|p| p.badge == *b))
        .map(|p| p.station.clone())
        .filter(|s| !s.is_empty())
        .collect();
    let source = TaskSource::Campaign {
        id: c.id.clone(),
        name: c.name.clone(),
    };
    Ok(store
        .establishments()?
        .into_iter()
        .filter(|e| c.targets_establishment(e))
        .map(|e| Task {
            id: Task::id_for(&source, &e.id),
            source: source.clone(),
            establishment_id: e.id,
            from: c.from,
            deadline: c.to,
            inspectors: c.inspectors.clone(),
            stations: stations.clone(),
        })
        .collect())
}

pub fn campaigns(ctx: &Context, cmd: CampaignsCommand) -> Result<()> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    match cmd {
        CampaignsCommand::Add { file } => {
            let bytes = read_file(&file)?;
            let name = file.display().to_string();
            let text = String::from_utf8(bytes)
                .map_err(|_| anyhow::anyhow!("{name}: {}", lang.not_utf8_text()))?;
            let known: Vec<String> = ctx
                .catalog()
                .checklists
                .iter()
                .map(|c| c.id.clone())
                .collect();
            let c = match campaign::parse(&name, &text, &known) {
                Ok(c) => c,
                Err(errors) => {
                    for e in &errors {
                        errln!("{}", lang.campaign_error(e));
                    }
                    bail!("{name}: {} {}", errors.len(), lang.n_errors_nothing_saved());
                }
            };
            let tasks = campaign_tasks(&store, &c).localized(lang)?;
            let roster = store.establishments().localized(lang)?;
            for t in &c.targets {
                let found = roster.iter().any(|e| {
                    e.facts.name == *t
                        || (!e.facts.license_no.is_empty() && e.facts.license_no == *t)
                });
                if !found {
                    errln!("{name}: {} {t}", lang.no_roster_establishment_for_target());
                }
            }
            store.put_campaign(&c, &text, &tasks).localized(lang)?;
            outln!(
                "{}{}{} {}",
                c.name,
                lang.colon(),
                tasks.len(),
                lang.target_establishments()
            )?;
        }
        CampaignsCommand::List { json } => {
            let list = store.campaigns().localized(lang)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
            } else {
                for c in &list {
                    outln!("{}\t{}\t{} ~ {}", c.id, c.name, c.from, c.to)?;
                }
            }
        }
        CampaignsCommand::Show { id, json } => {
            let Some((c, _)) = store.campaign(&id).localized(lang)? else {
                bail!("{}: {id}", lang.no_such_campaign());
            };
            let lines = super::tasks::task_lines(
                &store,
                lang,
                |t| matches!(&t.source, TaskSource::Campaign { id, .. } if *id == c.id),
            )?;
            if json {
                let value = serde_json::json!({ "campaign": c, "tasks": lines });
                outln!("{}", serde_json::to_string_pretty(&value)?)?;
            } else {
                let count = c
                    .target_count
                    .map_or(lang.full_coverage().to_string(), |n| n.to_string());
                outln!("{}\t{}\t{} ~ {}\t{}", c.id, c.name, c.from, c.to, count)?;
                super::tasks::print_lines(lang, &lines)?;
            }
        }
        CampaignsCommand::Untag {
            inspection,
            campaign,
            undo,
        } => {
            let id = store.find_inspection(&inspection).localized(lang)?.id;
            if store.campaign(&campaign).localized(lang)?.is_none() {
                bail!("{}: {campaign}", lang.no_such_campaign());
            }
            store
                .set_campaign_tag(&id, &campaign, undo)
                .localized(lang)?;
        }
    }
    Ok(())
}
