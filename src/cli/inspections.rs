//! `shian inspections list|show`

use super::out::{out, outln};
use anyhow::Result;
use clap::Subcommand;
use serde_json::json;

use super::{Context, Localized};
use crate::domain::inspection::{InspectionKind, Status};
use crate::store::{InspectionFilter, InspectionRecord};

#[derive(Subcommand, Debug)]
pub enum InspectionsCommand {
    /// List inspections, newest first.
    List {
        #[arg(long)]
        json: bool,
        /// Only drafts or only final records.
        #[arg(long, value_parser = ["draft", "final"])]
        status: Option<String>,
        /// At most this many.
        #[arg(long)]
        limit: Option<usize>,
        /// Only follow-ups (复查), each with the records whose orders it follows up.
        #[arg(long)]
        follow_ups: bool,
    },
    /// Show one inspection: by id, serial number, or an id prefix of 8 or more characters.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: InspectionsCommand) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_store()?;
    match cmd {
        InspectionsCommand::List {
            json,
            status,
            limit,
            follow_ups,
        } => {
            let filter = InspectionFilter {
                status: status.as_deref().and_then(Status::from_code),
                limit,
                kind: follow_ups.then_some(InspectionKind::FollowUp),
                ..Default::default()
            };
            let list = store.inspections(&filter).localized(lang)?;
            if follow_ups {
                return list_follow_ups(&store, &list, json, lang);
            }
            if json {
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
                return Ok(());
            }
            for i in &list {
                outln!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    i.local_started_at().format("%Y-%m-%d"),
                    i.serial.as_deref().unwrap_or(lang.status(i.status)),
                    i.establishment,
                    lang.inspection_kind(i.kind),
                    i.outcome.map_or("-", |o| lang.outcome(o)),
                    i.id,
                )?;
            }
            Ok(())
        }
        InspectionsCommand::Show { id, json } => {
            let found = store.find_inspection(&id).localized(lang)?;
            let record = store.inspection_record(&found.id).localized(lang)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&record_json(&record))?)?;
            } else {
                out!("{}", readable(ctx, &record))?;
            }
            Ok(())
        }
    }
}

/// The 复查 listed, each with the serial numbers of the records whose orders it follows up: a
/// column after the list's usual ones, or `follows_up` in the JSON.
fn list_follow_ups(
    store: &crate::store::Store,
    list: &[crate::store::InspectionSummary],
    json: bool,
    lang: crate::i18n::Lang,
) -> Result<()> {
    let mut rows = Vec::with_capacity(list.len());
    for i in list {
        let followed: Vec<String> = store
            .follows_up(&i.id)
            .localized(lang)?
            .into_iter()
            .map(|(id, serial)| serial.unwrap_or(id))
            .collect();
        rows.push((i, followed));
    }
    if json {
        let values: Vec<serde_json::Value> = rows
            .iter()
            .map(|(i, followed)| {
                let mut value = json!(i);
                value["follows_up"] = json!(followed);
                value
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&values)?)?;
        return Ok(());
    }
    for (i, followed) in &rows {
        outln!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{} {}",
            i.local_started_at().format("%Y-%m-%d"),
            i.serial.as_deref().unwrap_or(lang.status(i.status)),
            i.establishment,
            lang.inspection_kind(i.kind),
            i.outcome.map_or("-", |o| lang.outcome(o)),
            i.id,
            lang.label_follows_up(),
            followed.join(lang.list_separator()),
        )?;
    }
    Ok(())
}

/// The record as JSON: the inspection, each answer with its item's number and key flag, and the
/// outcome with the counts behind it.
fn record_json(r: &InspectionRecord) -> serde_json::Value {
    let answers: Vec<_> = r
        .checklist
        .items()
        .filter_map(|item| {
            let answer = r.answers.iter().find(|a| a.item_id == item.id)?;
            Some(json!({
                "item_id": item.id, "number": item.number, "key": item.key,
                "verdict": answer.verdict, "value": answer.value, "choice": answer.choice,
                "note": answer.note, "answered_at": answer.answered_at,
            }))
        })
        .collect();
    let t = &r.tally;
    json!({
        "inspection": r.inspection,
        "establishment": r.establishment,
        "checklist": { "id": r.checklist.id, "version": r.checklist.version,
                       "title": r.checklist.title, "hash": r.inspection.checklist_hash },
        "answers": answers,
        "outcome": {
            "result": r.inspection.outcome.or(t.outcome()),
            "key_checked": t.key_checked(), "key_failed": t.key_failed,
            "general_checked": t.general_checked(), "general_failed": t.general_failed,
            "not_applicable": t.not_applicable(), "unanswered": t.unanswered,
            "general_pass_rate": t.general_pass_rate(),
        },
        "superseded_by": r.superseded_by,
    })
}

fn readable(ctx: &Context, r: &InspectionRecord) -> String {
    use std::fmt::Write;
    let lang = ctx.lang;
    let i = &r.inspection;
    let t = &r.tally;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}  {}",
        i.serial.as_deref().unwrap_or(lang.status(i.status)),
        i.facts_or(&r.establishment.facts).name,
        i.local_started_at().format("%Y-%m-%d %H:%M")
    );
    let _ = writeln!(
        out,
        "{}  {}",
        lang.inspection_kind(i.kind),
        r.checklist.title
    );
    let names: Vec<&str> = i.inspectors.iter().map(|p| p.name.as_str()).collect();
    let _ = writeln!(out, "{}: {}", lang.label_inspectors(), names.join("、"));
    let outcome = i.outcome.or(t.outcome()).map_or("-", |o| lang.outcome(o));
    let _ = writeln!(
        out,
        "{}: {outcome}  ({} {}/{}, {} {}/{}, {} {})",
        lang.label_result(),
        lang.label_key_failed_checked(),
        t.key_failed,
        t.key_checked(),
        lang.label_general_failed_checked(),
        t.general_failed,
        t.general_checked(),
        lang.label_not_applicable(),
        t.not_applicable()
    );
    if let Some(h) = i.conclusion.handling {
        let _ = writeln!(out, "{}: {}", lang.label_handling(), lang.handling(h));
    }
    for item in r.checklist.items() {
        if let Some(a) = r.answers.iter().find(|a| a.item_id == item.id) {
            let mark = if item.key { "*" } else { " " };
            let value = a.value.map(|v| format!(" [{v}]")).unwrap_or_default();
            let note = if a.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", a.note)
            };
            let _ = writeln!(
                out,
                "{mark}{:<8} {}{value}  {}{note}",
                item.number,
                lang.verdict(a.verdict),
                item.text
            );
        }
    }
    out
}
