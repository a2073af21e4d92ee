//! `shian checklists list|show|validate`

use super::out::{out, outln};
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Subcommand;

use super::Context;
use crate::checklists::Catalog;
use crate::domain::checklist::{Checklist, ItemKind};

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
