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
                let path = crate::tui::paths::expand(&folder).join(name);
                crate::platform::write_whole(&path, &bytes)
                    .map_err(|e| Failure::Text(format!("{}: {e}", path.display())))?;
                self.store.set_setting(Setting::ReportFolder, &folder)?;
                crate::tui::log::info(&format!("report {}", path.display()));
                Ok(vec![Action::ReportWritten(path.display().to_string())])
            }
            Effect::OpenFile(path) => {
                crate::platform::open_with_default_program(Path::new(&path))
                    .map_err(|e| Failure::Text(self.lang.cannot_open(&path, &e)))?;
                Ok(Vec::new())
            }
            _ => Ok(Vec::new()),
        }
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
