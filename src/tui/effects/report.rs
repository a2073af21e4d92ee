//! The shell's side of the 报表 screen: gather with the store, render with `crate::report`,
//! write the file whole, and open it when asked. Same rules as `shian report`.

use std::path::Path;

use crate::domain::inspection::Status;
use crate::report::{self, Frequencies, RecordInput, Summary};
use crate::store::{Period, PeriodData, Setting};
use crate::tui::app::{Action, Effect};
use crate::tui::msg::{Headline, ReportKind};

use super::{Failure, Shell};

impl Shell {
    pub(super) fn report(&mut self, effect: Effect) -> Result<Vec<Action>, Failure> {
        match effect {
            Effect::LoadReport { from, to } => {
                let data = self.period(from, to)?;
                let summary = Summary::compute(&data, &self.frequencies()?);
                let outcomes = summary.outcomes;
                Ok(vec![Action::ReportLoaded(Box::new(Headline {
                    from,
                    to,
                    inspections: summary.inspections,
                    coverage: summary
                        .coverage
                        .iter()
                        .map(|c| (c.kind, c.inspected, c.total))
                        .collect(),
                    outcomes,
                    open: summary.rectifications.open,
                    overdue: summary.rectifications.overdue,
                    folder: self.store.setting(Setting::ReportFolder)?,
                }))])
            }
            Effect::WriteReport {
                kind: kind @ (ReportKind::Draw | ReportKind::DrawCsv),
                folder,
                ids,
                ..
            } => self.write_draw(kind == ReportKind::DrawCsv, &folder, &ids),
            Effect::WriteReport {
                kind,
                from,
                to,
                folder,
                ids,
            } => {
                let lang = self.lang;
                let data = self.period(from, to)?;
                let text = |e: report::ReportError| Failure::Text(lang.report_error(&e));
                let (name, bytes) = match kind {
                    ReportKind::Summary => {
                        let summary = Summary::compute(&data, &self.frequencies()?);
                        let html = report::render_summary(&summary, lang).map_err(text)?;
                        (format!("shian-summary-{from}-{to}.html"), html.into_bytes())
                    }
                    ReportKind::Workbook => {
                        let bytes =
                            report::workbook_bytes(&report::tables(&data, lang)).map_err(text)?;
                        (format!("shian-{from}-{to}.xlsx"), bytes)
                    }
                    ReportKind::Order => {
                        let id = ids.first().cloned().unwrap_or_default();
                        let record = self.store.inspection_record(&id)?;
                        let photos = self.store.photo_bytes(&id)?;
                        let html = match report::render_order(&record, &photos, lang) {
                            Err(report::ReportError::NoOrder(why)) => {
                                return Err(Failure::Text(lang.no_order(why).to_string()));
                            }
                            other => other.map_err(text)?,
                        };
                        let i = record.inspection;
                        (
                            format!("shian-order-{}.html", i.serial.unwrap_or(i.id)),
                            html.into_bytes(),
                        )
                    }
                    // Written above, without the period.
                    ReportKind::Draw | ReportKind::DrawCsv => return Ok(Vec::new()),
                    ReportKind::Records => {
                        let chosen = !ids.is_empty();
                        let ids = if chosen {
                            ids
                        } else {
                            data.inspections
                                .iter()
                                .map(|i| i.inspection.id.clone())
                                .collect()
                        };
                        let html = self.records_html(&ids)?;
                        let name = match ids.as_slice() {
                            [one] if chosen => {
                                let i = self.store.inspection(one)?;
                                format!("shian-record-{}.html", i.serial.unwrap_or(i.id))
                            }
                            more if chosen => format!("shian-records-{to}-{}.html", more.len()),
                            _ => format!("shian-records-{from}-{to}.html"),
                        };
                        (name, html.into_bytes())
                    }
                };
                self.write_file(&folder, &name, &bytes)
            }
            Effect::OpenFile(path) => {
                crate::platform::open_with_default_program(Path::new(&path))
                    .map_err(|e| Failure::Text(self.lang.cannot_open(&path, &e)))?;
                Ok(Vec::new())
            }
            _ => Ok(Vec::new()),
        }
    }

    /// Writes a report file whole into `folder`, remembered for the next one.
    fn write_file(
        &mut self,
        folder: &str,
        name: &str,
        bytes: &[u8],
    ) -> Result<Vec<Action>, Failure> {
        let path = crate::tui::paths::expand(folder).join(name);
        crate::platform::write_whole(&path, bytes)
            .map_err(|e| Failure::Text(format!("{}: {e}", path.display())))?;
        self.store.set_setting(Setting::ReportFolder, folder)?;
        crate::tui::log::info(&format!("report {}", path.display()));
        Ok(vec![Action::ReportWritten(path.display().to_string())])
    }

    /// One draw (its number in `ids`) on A4 or as CSV, as `shian draws print|csv` write it.
    fn write_draw(
        &mut self,
        csv: bool,
        folder: &str,
        ids: &[String],
    ) -> Result<Vec<Action>, Failure> {
        let lang = self.lang;
        let number: i64 = ids.first().and_then(|n| n.parse().ok()).unwrap_or(0);
        let draws = self.store.draws()?;
        let Some(draw) = draws.iter().find(|d| d.number == number) else {
            return Err(Failure::Text(format!(
                "{}: {number}",
                crate::i18n::tui::Text(lang).no_such_draw()
            )));
        };
        let text = |e: report::ReportError| Failure::Text(lang.report_error(&e));
        let (name, bytes) = if csv {
            (
                format!("shian-draw-{number}.csv"),
                report::draw_csv(draw, lang).map_err(text)?,
            )
        } else {
            (
                format!("shian-draw-{number}.html"),
                report::render_draw(draw, lang).map_err(text)?.into_bytes(),
            )
        };
        self.write_file(folder, &name, &bytes)
    }

    fn period(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<PeriodData, Failure> {
        Ok(self.store.period_data(&Period {
            from,
            to,
            town: None,
        })?)
    }

    fn frequencies(&self) -> Result<Frequencies, Failure> {
        Ok(self
            .store
            .frequencies_text()?
            .and_then(|text| Frequencies::parse(&text))
            .unwrap_or(Frequencies::DEFAULT))
    }

    /// The record forms of these inspections, one per page, in this order.
    fn records_html(&self, ids: &[String]) -> Result<String, Failure> {
        let mut records = Vec::with_capacity(ids.len());
        for id in ids {
            let record = self.store.inspection_record(id)?;
            let photos = self.store.photo_bytes(id)?;
            // Only a final correction replaces a record; a draft one does not yet.
            let mut superseded_by = Vec::new();
            for later in &record.superseded_by {
                let later = self.store.inspection(later)?;
                if later.status == Status::Final {
                    superseded_by.push(later.serial.unwrap_or(later.id));
                }
            }
            records.push((record, photos, superseded_by));
        }
        let inputs: Vec<RecordInput> = records
            .iter()
            .map(|(record, photos, superseded_by)| RecordInput {
                record,
                photos,
                superseded_by: superseded_by.clone(),
            })
            .collect();
        report::render_records(&inputs, self.lang).map_err(|e| Failure::Text(e.to_string()))
    }
}
