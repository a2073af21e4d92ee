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
                bail!(
                    "{} {id:?}",
                    lang.pick("没有这张检查表：", "no such checklist:")
                );
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
                bail!("{} {}", catalog.errors.len(), lang.pick("处错误", "errors"));
            }
            outln!(
                "{} {}",
                catalog.checklists.len(),
                lang.pick("张检查表校验通过", "checklists are valid")
            )?;
            Ok(())
        }
        ChecklistsCommand::Import(args) => import(ctx, args),
    }
}

fn warn(ctx: &Context, catalog: &Catalog) {
    for error in &catalog.errors {
        super::out::errln!(
            "{}: {}",
            ctx.lang.pick("警告", "warning"),
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
    let _ = writeln!(
        out,
        "{}: {}",
        lang.pick("适用", "Applies to"),
        kinds.join("、")
    );
    if !c.basis.is_empty() {
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick("依据", "Basis"),
            c.basis.join("；")
        );
    }
    let rule = match c.outcome {
        OutcomeRule::KeyGeneral70 => {
            lang.pick("重点项、一般项 70% 规则", "key items and the 70% rule")
        }
        OutcomeRule::Judgement => lang.pick("检查人员综合判定", "the inspectors' judgement"),
    };
    let _ = writeln!(
        out,
        "{}: {rule}；{}: {}",
        lang.pick("结果判定", "Outcome"),
        lang.pick("记录表", "Record form"),
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
                ItemKind::Text => format!(" [{}]", lang.pick("文字", "text")),
                ItemKind::Check => String::new(),
            };
            let local = if item.local {
                lang.pick("（地方）", " (local)")
            } else {
                ""
            };
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
                super::out::errln!("{}", error.describe(lang));
            }
            bail!(
                "{} {}",
                errors.len(),
                lang.pick("处错误，未写入检查表", "errors; no checklist written")
            );
        }
    };
    for warning in &imported.warnings {
        super::out::errln!("{}", warning.describe(lang));
    }
    if Catalog::shipped().get(&options.id).is_some() {
        super::out::errln!(
            "{}",
            lang.pick(
                "提示：自带检查表中已有这个 id；放进数据文件夹后将替换自带表",
                "note: a shipped checklist has this id; in the data folder this file replaces it"
            )
        );
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
            lang.pick("文件已存在：", "file exists:"),
            out.display(),
            lang.pick("（加 --force 覆盖）", "(add --force to replace it)")
        );
    }
    crate::platform::write_whole(&out, imported.toml.as_bytes())?;
    let c = &imported.checklist;
    outln!(
        "{} {} {} {}（{} {}）→ {}",
        c.id,
        c.items().count(),
        lang.pick("项，其中重点项", "items, key items:"),
        c.items().filter(|i| i.key).count(),
        c.sections.len(),
        lang.pick("个部分", "sections"),
        out.display()
    )?;
    Ok(())
}
