//! `shian checklists list|show|validate`

use super::out::{out, outln};
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Subcommand;

use super::Context;
use crate::checklists::Catalog;
use crate::domain::checklist::{Checklist, ItemKind, OutcomeRule};

#[derive(Subcommand, Debug)]
pub enum ChecklistsCommand {
    /// List the checklists in use (shipped, and the data folder's checklists/).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one checklist as shian reads it.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Check checklist files or folders; lists every error and exits non-zero if any.
    Validate {
        /// Files or folders (default: the data folder's checklists/ and the shipped ones).
        paths: Vec<PathBuf>,
    },
    /// Make a checklist from a table as bureaus receive it (.xlsx or .csv).
    Import(ImportArgs),
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The table: an Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK).
    pub table: PathBuf,
    /// The new checklist's id (lowercase letters, digits and -).
    #[arg(long)]
    pub id: String,
    /// The checklist's title, as printed on the record form.
    #[arg(long)]
    pub title: String,
    /// Establishment kinds it applies to, comma-separated (default: every kind).
    #[arg(long, value_delimiter = ',')]
    pub applies_to: Vec<String>,
    /// The checklist's version.
    #[arg(long = "checklist-version", default_value = "1")]
    pub checklist_version: String,
    /// How the result is decided: key-general-70 (default) or judgement.
    #[arg(long)]
    pub outcome: Option<String>,
    /// Which record form prints it: 2016 (default) or 2022.
    #[arg(long)]
    pub form: Option<String>,
    /// The sheet of a workbook (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Where to write the TOML, `-` for standard output (default: the data folder's
    /// checklists/ID.toml).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace the file at --out if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Context, cmd: ChecklistsCommand) -> Result<()> {
    let lang = ctx.lang;
    match cmd {
        ChecklistsCommand::List { json } => {
            let catalog = ctx.catalog();
            warn(ctx, &catalog);
            if json {
                let list: Vec<_> = catalog
                    .checklists
                    .iter()
                    .map(|c| {
                        serde_json::json!({
                            "id": c.id, "version": c.version, "title": c.title,
                            "items": c.items().count(),
                            "key_items": c.items().filter(|i| i.key).count(),
                            "applies_to": c.applies_to, "hash": c.content_hash(),
                            "outcome": c.outcome.code(), "form": c.form.code(),
                        })
                    })
                    .collect();
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
                return Ok(());
            }
            for c in &catalog.checklists {
                let kinds: Vec<&str> = c.applies_to.iter().map(|k| lang.kind(*k)).collect();
                outln!(
                    "{:<22} {:<8} {:<4} {:<4} {}  {}  [{}]",
                    c.id,
                    c.version,
                    c.items().count(),
                    c.items().filter(|i| i.key).count(),
                    &c.content_hash()[..12],
                    c.title,
                    kinds.join("、")
                )?;
            }
            Ok(())
        }
        ChecklistsCommand::Show { id, json } => {
            let catalog = ctx.catalog();
            let Some(checklist) = catalog.get(&id) else {
                bail!("{} {id:?}", lang.no_such_checklist());
            };
            if json {
                outln!("{}", serde_json::to_string_pretty(checklist)?)?;
            } else {
                out!("{}", readable(ctx, checklist))?;
            }
            Ok(())
        }
        ChecklistsCommand::Validate { paths } => {
            let catalog = if paths.is_empty() {
                ctx.catalog()
            } else {
                Catalog::validate(&paths)
            };
            for error in &catalog.errors {
                super::out::errln!("{}", lang.checklist_error(error));
            }
            if !catalog.errors.is_empty() {
                bail!("{} {}", catalog.errors.len(), lang.n_errors());
            }
            outln!("{} {}", catalog.checklists.len(), lang.checklists_valid())?;
            Ok(())
        }
        ChecklistsCommand::Import(args) => import(ctx, args),
    }
}

fn warn(ctx: &Context, catalog: &Catalog) {
    for error in &catalog.errors {
        super::out::errln!(
            "{}: {}",
            ctx.lang.warning(),
            ctx.lang.checklist_error(error)
        );
    }
}

fn readable(ctx: &Context, c: &Checklist) -> String {
    use std::fmt::Write;
    let lang = ctx.lang;
    let mut out = String::new();
    let _ = writeln!(out, "{}（{} {}）", c.title, c.id, c.version);
    let kinds: Vec<&str> = c.applies_to.iter().map(|k| lang.kind(*k)).collect();
    let _ = writeln!(out, "{}: {}", lang.applies_to(), kinds.join("、"));
    if !c.basis.is_empty() {
        let _ = writeln!(out, "{}: {}", lang.basis_label(), c.basis.join("；"));
    }
    let rule = match c.outcome {
        OutcomeRule::KeyGeneral70 => lang.rule_key_general_70(),
        OutcomeRule::Judgement => lang.rule_judgement(),
    };
    let _ = writeln!(
        out,
        "{}: {rule}；{}: {}",
        lang.outcome_rule_label(),
        lang.record_form_label(),
        c.form.code()
    );
    for section in &c.sections {
        let _ = writeln!(out, "\n{}", section.title);
        for item in &section.items {
            let mark = if item.key { "*" } else { " " };
            let kind = match &item.kind {
                ItemKind::Measurement { unit, min, max } => {
                    let show = |v: Option<f64>| v.map_or("—".to_string(), |v| v.to_string());
                    format!(" [{} – {} {unit}]", show(*min), show(*max))
                }
                ItemKind::Choice { options } => {
                    let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
                    format!(" [{}]", labels.join(" / "))
                }
                ItemKind::Text => format!(" [{}]", lang.text_item_mark()),
                ItemKind::Check => String::new(),
            };
            let local = if item.local { lang.local_mark() } else { "" };
            let _ = writeln!(out, "{mark}{:<8} {}{kind}{local}", item.number, item.text);
        }
    }
    out
}

/// `checklists import`: converts, checks, and writes the TOML only when every rule holds.
fn import(ctx: &Context, args: ImportArgs) -> Result<()> {
    use crate::checklist_table::{ImportOptions, import};
    use crate::domain::establishment::EstablishmentKind;
    let lang = ctx.lang;
    let applies_to = if args.applies_to.is_empty() {
        EstablishmentKind::ALL
            .iter()
            .map(|k| k.name_zh().to_string())
            .collect()
    } else {
        args.applies_to
            .iter()
            .map(|k| k.trim().to_string())
            .collect()
    };
    let options = ImportOptions {
        id: args.id.trim().to_string(),
        title: args.title.trim().to_string(),
        version: args.checklist_version,
        applies_to,
        outcome: args.outcome,
        form: args.form,
        sheet: args.sheet,
    };
    let imported = match import(&args.table, &options) {
        Ok(imported) => imported,
        Err(errors) => {
            for error in &errors {
                super::out::errln!("{}", lang.table_import_error(error));
            }
            bail!("{} {}", errors.len(), lang.n_errors_no_checklist_written());
        }
    };
    for warning in &imported.warnings {
        super::out::errln!("{}", lang.table_import_error(warning));
    }
    if Catalog::shipped().get(&options.id).is_some() {
        super::out::errln!("{}", lang.shipped_checklist_replaced_note());
    }
    if args.out.as_deref() == Some(std::path::Path::new("-")) {
        out!("{}", imported.toml)?;
        return Ok(());
    }
    let out = args.out.unwrap_or_else(|| {
        ctx.data_dir
            .join("checklists")
            .join(format!("{}.toml", options.id))
    });
    if out.exists() && !args.force {
        bail!(
            "{} {} {}",
            lang.file_exists(),
            out.display(),
            lang.add_force_replace()
        );
    }
    crate::platform::write_whole(&out, imported.toml.as_bytes())?;
    let c = &imported.checklist;
    outln!(
        "{} {} {} {}（{} {}）→ {}",
        c.id,
        c.items().count(),
        lang.items_key_items(),
        c.items().filter(|i| i.key).count(),
        c.sections.len(),
        lang.sections(),
        out.display()
    )?;
    Ok(())
}
