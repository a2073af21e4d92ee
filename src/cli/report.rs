//! `shian report record|order|verify|summary|xlsx|csv`: gather with the store, render with
//! `crate::report`, write the file whole (temporary file, then rename), and open it if asked.

use super::out::outln;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};

use super::progress::Bar;
use super::{Context, Localized};
use crate::domain::inspection::Status;
use crate::i18n::Lang;
use crate::report::{self, Frequencies, RecordInput, Summary};
use crate::store::{InspectionRecord, Period, Store};

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// Record forms (日常监督检查结果记录表) of inspections, one per page, as one HTML file:
    /// those named, or the final ones of a period (--from/--to/--town), as the screens print.
    Record {
        /// Inspections: id, serial number, or an id prefix of 8 or more characters.
        #[arg(
            required_unless_present_any = ["from", "to"],
            conflicts_with_all = ["from", "to", "town"]
        )]
        ids: Vec<String>,
        #[command(flatten)]
        period: PeriodArgs,
        #[command(flatten)]
        output: Output,
    },
    /// 责令改正通知书 of a final record whose handling is 书面限期整改: one A4 page as HTML.
    Order {
        /// The inspection: id, serial number, or id prefix.
        id: String,
        #[command(flatten)]
        output: Output,
    },
    /// Check the record code printed on a form against the record in the database.
    Verify {
        /// The inspection: id, serial number, or id prefix.
        id: String,
        /// The 12-digit code printed on the form.
        code: String,
    },
    /// Summary of a period as HTML: coverage, results, failures, 明厨亮灶, rectifications.
    Summary {
        #[command(flatten)]
        period: PeriodArgs,
        /// Full inspections a year by risk grade, e.g. `A=1,B=2,C=3,D=4` (the default). Also
        /// the setting `inspection_frequency` (docs/settings.md).
        #[arg(long, value_name = "A=N,B=N,C=N,D=N")]
        frequencies: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Workbook (.xlsx): inspections, failed items, rectifications, establishments.
    Xlsx {
        #[command(flatten)]
        period: PeriodArgs,
        #[command(flatten)]
        output: Output,
    },
    /// The workbook's four tables as CSV files (UTF-8 with BOM) in the folder --out.
    Csv {
        #[command(flatten)]
        period: PeriodArgs,
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Args, Debug)]
pub struct PeriodArgs {
    /// First day (default: 1 January of --to's year).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last day (default: today).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Only establishments of this 镇/街道.
    #[arg(long)]
    pub town: Option<String>,
}

#[derive(Args, Debug)]
pub struct Output {
    /// Where to write.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Open the result with the system's default program.
    #[arg(long)]
    pub open: bool,
}

pub fn run(ctx: &Context, cmd: ReportCommand) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_store()?;
    match cmd {
        ReportCommand::Record {
            ids,
            period,
            output,
        } => {
            let ids = if ids.is_empty() {
                period_records(&store, &period, lang)?
            } else {
                ids
            };
            let html = records_html(&store, &ids, lang)?;
            finish(&output, &[(output.out.clone(), html.into_bytes())], lang)
        }
        ReportCommand::Order { id, output } => {
            let html = super::report_order::order_html(&store, &id, lang)?;
            finish(&output, &[(output.out.clone(), html.into_bytes())], lang)
        }
        ReportCommand::Verify { id, code } => verify(&store, &id, &code, lang),
        ReportCommand::Summary {
            period,
            frequencies,
            output,
        } => {
            let frequencies = frequencies_of(&store, frequencies, lang)?;
            let mut bar = report_bar(lang);
            let data = store.period_data(&period.resolve(lang)?).localized(lang)?;
            bar.step(gathered(lang));
            let mut summary = Summary::compute(&data, &frequencies);
            summary.campaigns = super::tasks::campaign_sections(&store, &data, lang)?;
            let html = report::render_summary(&summary, lang).localized(lang)?;
            bar.step(made(lang));
            bar.finish();
            drop(summary);
            // The command ends here: the year's several hundred thousand small allocations are
            // left to the OS at exit rather than freed one by one (a tenth of the time, issue 7).
            std::mem::forget(data);
            finish(&output, &[(output.out.clone(), html.into_bytes())], lang)
        }
        ReportCommand::Xlsx { period, output } => {
            let mut bar = report_bar(lang);
            let data = store.period_data(&period.resolve(lang)?).localized(lang)?;
            bar.step(gathered(lang));
            let tables = report::tables(&data, lang);
            let bytes = report::workbook_bytes(&tables).localized(lang)?;
            bar.step(made(lang));
            bar.finish();
            let cut = report::xlsx::cut_cells(&tables);
            if cut > 0 {
                super::out::errln!("{}", lang.cells_cut(cut, report::xlsx::MAX_CELL_CHARS));
            }
            finish(&output, &[(output.out.clone(), bytes)], lang)
        }
        ReportCommand::Csv { period, output } => {
            let mut bar = report_bar(lang);
            let data = store.period_data(&period.resolve(lang)?).localized(lang)?;
            bar.step(gathered(lang));
            std::fs::create_dir_all(&output.out)
                .with_context(|| output.out.display().to_string())?;
            let mut files = Vec::new();
            for table in report::tables(&data, lang) {
                let path = output.out.join(format!("{}.csv", table.name));
                files.push((path, report::csv_bytes(&table).localized(lang)?));
            }
            bar.step(made(lang));
            bar.finish();
            finish(&output, &files, lang)
        }
    }
}

/// A period's report in two steps, gathering the period and making the file: a year of a
/// district takes seconds, and the bar says shian is working (nothing when piped).
fn report_bar(lang: Lang) -> Bar {
    Bar::new(lang.making_report(), 2)
}

fn gathered(lang: Lang) -> &'static str {
    lang.period_gathered()
}

fn made(lang: Lang) -> &'static str {
    lang.made()
}

impl PeriodArgs {
    fn resolve(&self, lang: Lang) -> Result<Period> {
        let to = self.to.unwrap_or_else(|| chrono::Local::now().date_naive());
        let from = self
            .from
            .or_else(|| NaiveDate::from_ymd_opt(to.year(), 1, 1))
            .unwrap_or(to);
        if from > to {
            bail!("{}: {from} > {to}", lang.from_after_to());
        }
        Ok(Period {
            from,
            to,
            town: self.town.clone(),
        })
    }
}

/// `--frequencies`, else the station's setting (docs/settings.md), else the defaults.
fn frequencies_of(store: &Store, given: Option<String>, lang: Lang) -> Result<Frequencies> {
    let (text, source) = match given {
        Some(text) => (text, "--frequencies"),
        None => match store.frequencies_text().localized(lang)? {
            Some(text) => (text, crate::store::Setting::Frequencies.code()),
            None => return Ok(Frequencies::DEFAULT),
        },
    };
    Frequencies::read(&text)
        .map_err(|e| anyhow::anyhow!("{source} {text:?}: {}", lang.frequency_error(&e)))
}

/// The final inspections of a period, oldest first, as the records screen prints them; none is
/// refused rather than written as an empty file.
fn period_records(store: &Store, period: &PeriodArgs, lang: Lang) -> Result<Vec<String>> {
    let period = period.resolve(lang)?;
    let data = store.period_data(&period).localized(lang)?;
    if data.inspections.is_empty() {
        bail!(
            "{} {} – {}",
            lang.no_final_inspections_in_period(),
            period.from,
            period.to
        );
    }
    Ok(data
        .inspections
        .into_iter()
        .map(|i| i.inspection.id)
        .collect())
}

fn records_html(store: &Store, ids: &[String], lang: Lang) -> Result<String> {
    let mut records = Vec::with_capacity(ids.len());
    // A few forms are quick; a period's many take seconds.
    let mut bar = Bar::when(ids.len() >= 20, lang.reading_records(), ids.len() as u64);
    for (n, key) in ids.iter().enumerate() {
        let found = store.find_inspection(key).localized(lang)?;
        let record = store.inspection_record(&found.id).localized(lang)?;
        let photos = store.photo_bytes(&found.id).localized(lang)?;
        let superseded_by = corrections(store, &record, lang)?;
        records.push((record, photos, superseded_by));
        bar.set(n as u64 + 1);
    }
    bar.finish();
    let inputs: Vec<RecordInput> = records
        .iter()
        .map(|(record, photos, superseded_by)| RecordInput {
            record,
            photos,
            superseded_by: superseded_by.clone(),
        })
        .collect();
    report::render_records(&inputs, lang).localized(lang)
}

/// Serial numbers of the final revisions that correct `record`; a correction still in draft
/// does not yet replace it.
fn corrections(store: &Store, record: &InspectionRecord, lang: Lang) -> Result<Vec<String>> {
    let mut serials = Vec::new();
    for id in &record.superseded_by {
        let later = store.inspection(id).localized(lang)?;
        if later.status == Status::Final {
            serials.push(later.serial.unwrap_or(later.id));
        }
    }
    Ok(serials)
}

fn verify(store: &Store, key: &str, code: &str, lang: Lang) -> Result<()> {
    let found = store.find_inspection(key).localized(lang)?;
    let record = store.inspection_record(&found.id).localized(lang)?;
    let photos = store.photo_bytes(&found.id).localized(lang)?;
    let expected = report::record_code(&record, &photos);
    let given: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase();
    let i = &record.inspection;
    let serial = i.serial.as_deref().unwrap_or(&i.id);
    if given != expected {
        bail!("{} {serial}", lang.record_code_mismatch());
    }
    outln!(
        "{}: {serial}  {}  {}  {}",
        lang.code_matches(),
        // The name on the paper: the facts the record keeps, if it keeps them.
        i.facts_or(&record.establishment.facts).name,
        i.local_started_at().format("%Y-%m-%d"),
        i.outcome
            .or(record.tally.outcome())
            .map_or("-", |o| lang.outcome(o)),
    )?;
    if !corrections(store, &record, lang)?.is_empty() {
        outln!("{}", lang.record_corrected_note())?;
    }
    Ok(())
}

/// Writes every file whole, says where, and opens the first if asked.
pub(super) fn finish(output: &Output, files: &[(PathBuf, Vec<u8>)], lang: Lang) -> Result<()> {
    for (path, bytes) in files {
        crate::platform::write_whole(path, bytes).with_context(|| path.display().to_string())?;
        outln!("{}: {}", lang.written(), path.display())?;
    }
    if output.open {
        let target = match files {
            [(one, _)] => one.as_path(),
            _ => output.out.as_path(),
        };
        if let Err(e) = crate::platform::open_with_default_program(target) {
            super::out::errln!("{}", lang.cannot_open(&target.display().to_string(), &e));
        }
    }
    Ok(())
}
