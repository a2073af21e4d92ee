//! `shian export` and `shian import`: bundles on a USB stick or a shared folder.

use super::out::{err, errln, outln};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Args;

use super::Context;
use super::progress::Bar;
use crate::bundle::{self, Action, BundleKind, Signer, identity_file::same_fingerprint};
use crate::i18n::Lang;

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// A folder, made if missing (the file is named shian-<station>-<date>-<n>.shian), or a
    /// new file name ending in .shian.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Export everything made here again, not only what was not exported before.
    #[arg(long)]
    pub all: bool,
    /// The office → field bundle: roster, checklists, open rectifications, this office's key.
    #[arg(long)]
    pub roster: bool,
    /// This station's name, shown to the stations that import the bundle.
    #[arg(long, default_value = "")]
    pub name: String,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Bundle files, imported one after another, each in its own transaction.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Show the plan and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// First contact without a terminal: trust the signer if its key has this fingerprint.
    #[arg(long, value_name = "FP")]
    pub trust_fingerprint: Option<String>,
}

pub fn export(ctx: &Context, args: ExportArgs) -> Result<()> {
    let lang = ctx.lang;
    let identity = ctx.identity()?;
    let mut store = ctx.open_store()?;
    let kind = if args.roster {
        BundleKind::Office
    } else {
        BundleKind::Field
    };
    let mut line = ProgressLine::new(lang.writing_bundle());
    let result = bundle::export_bundle_with(
        &mut store,
        &identity,
        kind,
        &args.out,
        args.all,
        &args.name,
        &mut |p| line.update(p),
    );
    line.finish();
    match result {
        Ok(written) => {
            let counts = &written.manifest.counts;
            let n = |k: &str| counts.get(k).copied().unwrap_or(0);
            outln!("{}", written.path.display())?;
            outln!(
                "{}",
                lang.export_counts([
                    n("inspections"),
                    n("answers"),
                    n("establishment_revisions"),
                    n("checklists"),
                    n("rectifications"),
                    n("attachments"),
                ])
            )?;
            Ok(())
        }
        Err(bundle::BundleError::NothingToExport) => {
            outln!(
                "{}",
                lang.bundle_error(&bundle::BundleError::NothingToExport, "", None)
            )?;
            Ok(())
        }
        Err(e) => bail!(lang.bundle_error(&e, "", None)),
    }
}

pub fn import(ctx: &Context, args: ImportArgs) -> Result<()> {
    let lang = ctx.lang;
    let own_fingerprint = ctx.identity()?.fingerprint();
    let mut store = ctx.open_store()?;
    let mut refused = 0;
    for path in &args.paths {
        let mut accept =
            |signer: &Signer| first_contact(lang, signer, args.trust_fingerprint.as_deref());
        let mut line = ProgressLine::new(lang.checking_bundle());
        let result =
            bundle::import_bundle_with(&mut store, path, args.dry_run, &mut accept, &mut |p| {
                line.update(p)
            });
        line.finish();
        match result {
            Ok((plan, signer)) => {
                outln!(
                    "{}: {} {} ({})",
                    path.display(),
                    lang.from_station(),
                    signer.station,
                    match signer.kind {
                        BundleKind::Field => lang.field_bundle(),
                        BundleKind::Office => lang.office_bundle(),
                    }
                )?;
                let mut current = None;
                let mut parts = Vec::new();
                let flush = |kind: Option<bundle::RecordKind>,
                             parts: &mut Vec<String>|
                 -> std::io::Result<()> {
                    if let Some(kind) = kind {
                        outln!("  {}: {}", lang.record_kind(kind), parts.join(", "))?;
                    }
                    parts.clear();
                    Ok(())
                };
                for ((kind, action), n) in plan.counts() {
                    if current != Some(kind) {
                        flush(current, &mut parts)?;
                        current = Some(kind);
                    }
                    parts.push(format!("{} {n}", lang.plan_action(action)));
                }
                flush(current, &mut parts)?;
                for line in plan.lines.iter().filter(|l| l.action == Action::Conflict) {
                    outln!(
                        "  {} {} {}",
                        lang.conflict_kept_not_applied(),
                        lang.record_kind(line.kind),
                        line.id
                    )?;
                }
                super::conflicts::print_after_import(&store, lang, &plan.conflicted)?;
                let status = if args.dry_run {
                    lang.dry_run_nothing_was_written()
                } else if plan.already_imported {
                    lang.already_imported_nothing_changed()
                } else {
                    lang.imported()
                };
                outln!("  {status}")?;
            }
            Err(bundle::BundleError::UnknownStation { fingerprint, .. })
                if fingerprint == own_fingerprint =>
            {
                outln!("{}: {}", path.display(), lang.bundle_made_here())?;
            }
            Err(e) => {
                refused += 1;
                let (command, one_step) = trust_commands(ctx, path, &e);
                let message = lang.bundle_error(&e, &command, one_step.as_deref());
                errln!("{}: {message}", path.display());
            }
        }
    }
    if refused > 0 {
        bail!("{refused} {}", lang.bundles_refused_database_unchanged());
    }
    Ok(())
}

/// A progress bar for large bundles, only when stderr is a terminal: in records and photos
/// written for an export, in bytes checked for an import.
struct ProgressLine {
    label: &'static str,
    bar: Option<Bar>,
}

impl ProgressLine {
    /// Below this many bytes a bundle is quick and gets no progress bar.
    const LARGE: u64 = 4 << 20;
    /// Below this many records and photos an export is quick and gets none.
    const MANY: u64 = 2_000;

    fn new(label: &'static str) -> ProgressLine {
        ProgressLine { label, bar: None }
    }

    fn update(&mut self, p: bundle::Progress) {
        let writing = p.stage == bundle::Stage::Writing;
        if p.total < if writing { Self::MANY } else { Self::LARGE } {
            return;
        }
        let label = self.label;
        self.bar
            .get_or_insert_with(|| {
                if writing {
                    Bar::new(label, p.total)
                } else {
                    Bar::bytes(label, p.total)
                }
            })
            .set(p.done);
    }

    fn finish(&mut self) {
        if let Some(mut bar) = self.bar.take() {
            bar.finish();
        }
    }
}

/// First contact with an unknown signer: a matching `--trust-fingerprint`, or for an office
/// bundle on a terminal, the user's yes after comparing the fingerprint.
fn first_contact(lang: Lang, signer: &Signer, given: Option<&str>) -> bool {
    if let Some(given) = given {
        let same = same_fingerprint(given, &signer.fingerprint);
        if !same {
            errln!(
                "{} {}",
                lang.trust_fingerprint_does_not_match(),
                signer.fingerprint
            );
        }
        return same;
    }
    if signer.kind != BundleKind::Office || !std::io::stdin().is_terminal() {
        return false;
    }
    // The name is what the bundle claims, not what shian verified (the station code and the
    // fingerprint are computed from the key): marked as claimed, kept to one cleaned line.
    let claimed = match signer.name.as_str() {
        "" => String::new(),
        name => format!("{}{}", lang.claimed(), crate::text::printable_inline(name)),
    };
    err!(
        "{}",
        lang.first_contact_question(&signer.station, &claimed, &signer.fingerprint)
    );
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim(), "y" | "Y" | "yes" | "是")
}

/// The exact command that trusts the signer of a refused bundle, with this data folder; for an
/// office bundle also the one that trusts and imports in one step.
fn trust_commands(ctx: &Context, path: &Path, e: &bundle::BundleError) -> (String, Option<String>) {
    let bundle::BundleError::UnknownStation {
        fingerprint, kind, ..
    } = e
    else {
        return (String::new(), None);
    };
    let data_dir = match super::data_dir(None) {
        Ok(default) if default == ctx.data_dir => String::new(),
        _ => format!(" --data-dir {}", quote(&ctx.data_dir.display().to_string())),
    };
    let path = quote(&path.display().to_string());
    let trust = format!("shian{data_dir} devices trust {path} --fingerprint \"{fingerprint}\"");
    let one_step = (*kind == BundleKind::Office)
        .then(|| format!("shian{data_dir} import {path} --trust-fingerprint \"{fingerprint}\""));
    (trust, one_step)
}

fn quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:".contains(c))
    {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('"', "\\\""))
    }
}
