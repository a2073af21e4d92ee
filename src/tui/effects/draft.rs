//! The shell's side of the inspection form: start a draft or a correction, open it with what
//! the last inspection failed, save each answer as it is given, and finalize with the station's
//! signature.

use chrono::{Datelike, Local, Utc};

use crate::domain::inspection::{Answer, Status};
use crate::store::{NewInspection, Setting, StoreError};
use crate::tui::app::{Action, Effect, FormData};
use crate::tui::log;

use super::{Failure, Shell};

impl Shell {
    pub(super) fn draft(&mut self, effect: Effect) -> Result<Vec<Action>, Failure> {
        let store = &mut self.store;
        Ok(match effect {
            Effect::StartInspection {
                establishment_id,
                checklist_id,
                kind,
            } => {
                let Some(checklist) = self.catalog.get(&checklist_id) else {
                    return Err(Failure::Store(StoreError::NotFound {
                        what: "checklist",
                        id: checklist_id,
                    }));
                };
                let profile = self.profile()?.unwrap_or_default();
                let now = Local::now();
                let inspection = self.store.start_inspection(NewInspection {
                    establishment_id: &establishment_id,
                    checklist,
                    kind,
                    station: &self.station,
                    bureau: &profile.bureau,
                    inspectors: vec![profile.inspector()],
                    started_at: now.with_timezone(&Utc),
                    utc_offset_seconds: now.offset().local_minus_utc(),
                })?;
                log::info(&format!(
                    "started {} ({checklist_id}, {kind:?})",
                    inspection.id
                ));
                self.open_draft(&inspection.id)?
            }
            Effect::OpenDraft(id) => self.open_draft(&id)?,
            Effect::StartRevision { final_id, reason } => {
                let revision = self.store.start_revision(&final_id, &reason)?;
                self.store.copy_photos(&final_id, &revision.id)?;
                log::info(&format!("revision {} of {final_id}", revision.id));
                self.open_draft(&revision.id)?
            }
            Effect::SaveAnswer {
                inspection_id,
                answer,
                current_item,
            } => {
                let answer = Answer {
                    item_id: answer.item_id,
                    verdict: answer.verdict,
                    value: answer.value,
                    choice: answer.choice,
                    note: answer.note,
                    answered_at: Utc::now(),
                };
                match current_item {
                    Some(item_id) => {
                        store.save_answer_and_move(&inspection_id, &answer, &item_id)?
                    }
                    None => store.save_answer(&inspection_id, &answer)?,
                }
                vec![Action::AnswerSaved(answer)]
            }
            Effect::ClearAnswer {
                inspection_id,
                item_id,
            } => {
                store.clear_answer(&inspection_id, &item_id)?;
                vec![Action::AnswerCleared(item_id)]
            }
            Effect::SetCurrentItem {
                inspection_id,
                item_id,
            } => {
                store.set_current_item(&inspection_id, &item_id)?;
                Vec::new()
            }
            Effect::KeepSignOff {
                inspection_id,
                inspectors,
                conclusion,
            } => {
                store.keep_sign_off(&inspection_id, &inspectors, &conclusion)?;
                Vec::new()
            }
            Effect::Finalize {
                inspection_id,
                inspectors,
                conclusion,
            } => {
                store.set_inspectors(&inspection_id, &inspectors)?;
                let lang = self.lang;
                let identity =
                    crate::identity::Identity::load_or_create(&self.data_dir).map_err(|e| {
                        Failure::Text(lang.bundle_error(
                            &crate::bundle::BundleError::Identity(e),
                            "",
                            None,
                        ))
                    })?;
                let finalized = store.finalize_inspection(
                    &inspection_id,
                    &conclusion,
                    identity.signing_key(),
                    Utc::now(),
                )?;
                log::info(&format!(
                    "finalized {} as {:?}",
                    finalized.id, finalized.serial
                ));
                if let Some(second) = inspectors.get(1) {
                    store.set_setting(Setting::ColleagueName, &second.name)?;
                    store.set_setting(Setting::ColleagueBadge, &second.badge)?;
                }
                vec![Action::Finalized(Box::new(
                    store.inspection_record(&inspection_id)?,
                ))]
            }
            _ => Vec::new(),
        })
    }

    fn open_draft(&self, id: &str) -> Result<Vec<Action>, Failure> {
        let record = self.store.inspection_record(id)?;
        if record.inspection.status != Status::Draft {
            return Ok(vec![Action::RecordLoaded(Box::new(record))]);
        }
        let mut must_check = self
            .store
            .failed_at_last_inspection(&record.inspection.establishment_id)?;
        // The last inspection may have used another checklist; only this one's items can show.
        must_check.retain(|id| record.checklist.item(id).is_some());
        // A correction keeps its original's 本年度第 N 次 (the store gives it the same when
        // final); a first record is the next of the year.
        let original = match &record.inspection.supersedes {
            Some(id) => self.store.inspection(id)?.year_sequence,
            None => None,
        };
        let year_sequence = match original {
            Some(n) => n,
            None => {
                let year = record.inspection.local_started_at().year();
                self.store
                    .finals_in_year(&record.inspection.establishment_id, year)?
                    + 1
            }
        };
        // A 复查 lists the items under rectification with their findings (issue 13).
        let mut follow_up = Vec::new();
        if record.inspection.kind == crate::domain::inspection::InspectionKind::FollowUp {
            follow_up = self
                .store
                .rectification_cases(crate::store::CaseFilter::Open(Some(
                    &record.inspection.establishment_id,
                )))?;
            follow_up.retain(|c| record.checklist.item(&c.rectification.item_id).is_some());
        }
        Ok(vec![Action::FormOpened(Box::new(FormData {
            inspection: record.inspection,
            establishment: record.establishment,
            checklist: record.checklist,
            answers: record.answers,
            must_check,
            year_sequence,
            photos: self.store.photos(id)?,
            follow_up,
        }))])
    }
}
