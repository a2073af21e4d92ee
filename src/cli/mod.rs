//! The command line: global options and the headless subcommands.

mod checklists;
mod conflicts;
mod demo;
mod devices;
mod draw;
pub mod help_zh;
mod inspections;
mod out;
pub mod package_files;
mod planning;
mod progress;
pub use out::{is_broken_pipe, write as write_out, write_err};
mod rectifications;
mod report;
mod report_order;
mod roster;
mod settings;
mod sync;
mod tasks;

use out::outln;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::i18n::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "shian",
    version,
    about = "食安巡查 · food-safety inspections, offline"
)]
pub struct Cli {
    /// Data folder (default: the system's data folder for shian). Also SHIAN_DATA_DIR.
    #[arg(long, global = true, env = "SHIAN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Language of messages: zh (default) or en. Also SHIAN_LANG.
    #[arg(
        long,
        global = true,
        env = "SHIAN_LANG",
        value_enum,
        default_value = "zh"
    )]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Checklists: list, show, validate.
    #[command(subcommand)]
    Checklists(checklists::ChecklistsCommand),
    /// The roster of establishments: import a CSV, list.
    #[command(subcommand)]
    Roster(roster::RosterCommand),
    /// Inspections: list, show.
    #[command(subcommand)]
    Inspections(inspections::InspectionsCommand),
    /// Reports: record forms, period summary, workbook and CSV.
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Fill the data folder with a synthetic district (fictional names, real towns).
    Demo(demo::DemoArgs),
    /// This station's identity.
    #[command(subcommand)]
    Identity(IdentityCommand),
    /// The stations whose bundles this one accepts: list, trust, revoke.
    #[command(subcommand)]
    Devices(devices::DevicesCommand),
    /// Rectification orders: list; close one by the office's decision with a reason.
    #[command(subcommand)]
    Rectifications(rectifications::RectificationsCommand),
    /// Establishment facts in conflict between stations: list; settle one (the office).
    #[command(subcommand)]
    Conflicts(conflicts::ConflictsCommand),
    /// Station settings: list, get, set (checked before they are saved).
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// The bureau's inspectors: import, list, add, retire (issue 14).
    #[command(subcommand)]
    Inspectors(planning::InspectorsCommand),
    /// 专项行动 (campaigns): add from a TOML file, list, show, untag an inspection.
    #[command(subcommand)]
    Campaigns(planning::CampaignsCommand),
    /// Make a 双随机 draw: establishments and inspectors, by a recorded seed.
    Draw(draw::DrawArgs),
    /// The draws made here: list, show, print (A4), csv (一公开).
    #[command(subcommand)]
    Draws(draw::DrawsCommand),
    /// Tasks from campaigns and draws: done, pending, overdue.
    #[command(subcommand)]
    Tasks(tasks::TasksCommand),
    /// Write a bundle (field → office; with --roster, office → field).
    Export(sync::ExportArgs),
    /// Verify, plan and apply bundles.
    Import(sync::ImportArgs),
}

#[derive(Subcommand, Debug)]
pub enum IdentityCommand {
    /// Print the station code and key fingerprint.
    Show,
    /// Write this station's public identity file, for another station to trust.
    Export {
        path: PathBuf,
        /// A name for people, e.g. the inspector's or the office's.
        #[arg(long, default_value = "")]
        name: String,
        /// This station is the office.
        #[arg(long)]
        office: bool,
    },
}

/// What every command needs: where the data is and which language to speak.
pub struct Context {
    pub data_dir: PathBuf,
    pub lang: Lang,
}

impl Context {
    pub fn open_store(&self) -> Result<crate::store::Store> {
        crate::store::Store::open(&self.data_dir).localized(self.lang)
    }

    pub fn identity(&self) -> Result<crate::identity::Identity> {
        crate::identity::Identity::load_or_create(&self.data_dir)
            .map_err(|e| anyhow::anyhow!(self.lang.identity_error(&e)))
    }

    /// The shipped checklists with the data folder's overrides.
    pub fn catalog(&self) -> crate::checklists::Catalog {
        crate::checklists::Catalog::load(Some(&self.data_dir.join("checklists")))
    }
}

/// The data folder: `--data-dir`, else `SHIAN_DATA_DIR`, else the platform's data folder.
pub fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    directories::ProjectDirs::from("cn", "shian", "shian")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| anyhow::anyhow!("no home folder: give --data-dir DIR"))
}

pub fn run(cli: Cli) -> Result<()> {
    let ctx = Context {
        data_dir: data_dir(cli.data_dir)?,
        lang: cli.lang,
    };
    match cli.command {
        None => crate::tui::start(&ctx.data_dir, ctx.lang),
        Some(Command::Checklists(cmd)) => checklists::run(&ctx, cmd),
        Some(Command::Roster(cmd)) => roster::run(&ctx, cmd),
        Some(Command::Inspections(cmd)) => inspections::run(&ctx, cmd),
        Some(Command::Report(cmd)) => report::run(&ctx, cmd),
        Some(Command::Demo(args)) => demo::run(&ctx, args),
        Some(Command::Devices(cmd)) => devices::run(&ctx, cmd),
        Some(Command::Rectifications(cmd)) => rectifications::run(&ctx, cmd),
        Some(Command::Conflicts(cmd)) => conflicts::run(&ctx, cmd),
        Some(Command::Settings(cmd)) => settings::run(&ctx, cmd),
        Some(Command::Inspectors(cmd)) => planning::inspectors(&ctx, cmd),
        Some(Command::Campaigns(cmd)) => planning::campaigns(&ctx, cmd),
        Some(Command::Draw(args)) => draw::draw(&ctx, args),
        Some(Command::Draws(cmd)) => draw::draws(&ctx, cmd),
        Some(Command::Tasks(cmd)) => tasks::run(&ctx, cmd),
        Some(Command::Export(args)) => sync::export(&ctx, args),
        Some(Command::Import(args)) => sync::import(&ctx, args),
        Some(Command::Identity(IdentityCommand::Export { path, name, office })) => {
            devices::export_identity(&ctx, &path, &name, office)
        }
        Some(Command::Identity(IdentityCommand::Show)) => {
            let identity = ctx.identity()?;
            let lang = ctx.lang;
            outln!("{}: {}", lang.station_code_label(), identity.station_code())?;
            outln!(
                "{}: {}",
                lang.key_fingerprint_label(),
                identity.fingerprint()
            )?;
            Ok(())
        }
    }
}

/// Turns a store error into the user's language at the command boundary.
pub trait Localized<T> {
    fn localized(self, lang: Lang) -> Result<T>;
}

impl<T> Localized<T> for std::result::Result<T, crate::store::StoreError> {
    fn localized(self, lang: Lang) -> Result<T> {
        self.map_err(|e| anyhow::anyhow!(lang.store_error(&e)))
    }
}

impl<T> Localized<T> for std::result::Result<T, crate::report::ReportError> {
    fn localized(self, lang: Lang) -> Result<T> {
        self.map_err(|e| anyhow::anyhow!(lang.report_error(&e)))
    }
}
