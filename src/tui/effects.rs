//! The imperative shell: performs the effects `App::update` asks for against the store and
//! turns the results into actions. Every write commits before its action reports it saved.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::Local;

use crate::checklists::Catalog;
use crate::domain::inspection::{Inspector, Status};
use crate::i18n::Lang;
use crate::store::{InspectionFilter, Setting, Store, StoreError};
use crate::tui::app::{Action, Effect, History, HomeData, Profile};
use crate::tui::log;
use crate::tui::screens::home::FINALS_SHOWN;

/// The sample roster, built into the binary so it loads from any working folder.
const SAMPLE_ROSTER: &[u8] = include_bytes!("../../data/roster-sample.csv");

/// Inspections listed in the roster's detail pane.
const HISTORY_SHOWN: usize = 8;

/// Inspections the records screen loads at once, newest first: a five-year office database
/// holds 100,000, and the inspector narrows the list rather than scrolling it (issue 7).
const RECORDS_SHOWN: usize = 500;

mod draft;
mod photo;
mod planning;
mod report;
mod sync;

pub struct Shell {
    pub store: Store,
    /// Where the station's key lives, for signing bundles.
    pub data_dir: PathBuf,
    pub catalog: Catalog,
    pub station: String,
    pub lang: Lang,
}

enum Failure {
    Store(StoreError),
    Text(String),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl Shell {
    pub fn open(data_dir: &Path, lang: Lang, station: String) -> Result<Shell, StoreError> {
        let mut store = Store::open(data_dir)?;
        // The establishments the inspector adds or edits are signed as they are saved, by the
        // station the shell runs as (docs/trust.md).
        if let Ok(identity) = crate::identity::Identity::load_or_create(data_dir)
            && identity.station_code() == station
        {
            store.sign_as(identity.signing_key());
        }
        let catalog = Catalog::load(Some(&data_dir.join("checklists")));
        for e in &catalog.errors {
            log::error(&lang.checklist_error(e));
        }
        Ok(Shell {
            store,
            data_dir: data_dir.to_path_buf(),
            catalog,
            station,
            lang,
        })
    }

    /// The inspector's profile, once the welcome screen has saved it.
    pub fn profile(&self) -> Result<Option<Profile>, StoreError> {
        let get = |key| -> Result<String, StoreError> {
            Ok(self.store.setting(key)?.unwrap_or_default())
        };
        let name = get(Setting::InspectorName)?;
        if name.is_empty() {
            return Ok(None);
        }
        Ok(Some(Profile {
            name,
            badge: get(Setting::InspectorBadge)?,
            bureau: get(Setting::Bureau)?,
            colleague: Inspector {
                name: get(Setting::ColleagueName)?,
                badge: get(Setting::ColleagueBadge)?,
            },
        }))
    }

    pub fn perform(&mut self, effect: Effect) -> Vec<Action> {
        self.perform_with(effect, &mut |_| {})
    }

    /// [`Shell::perform`], reporting the progress of a long export or import.
    pub fn perform_with(
        &mut self,
        effect: Effect,
        progress: &mut dyn FnMut(crate::bundle::Progress),
    ) -> Vec<Action> {
        let what = format!("{effect:?}");
        let result = self.run(effect, progress);
        match result {
            Ok(actions) => actions,
            Err(failure) => {
                let text = match failure {
                    Failure::Store(e) => self.lang.store_error(&e),
                    Failure::Text(t) => t,
                };
                log::error(&format!("{what}: {text}"));
                vec![Action::Failed(text)]
            }
        }
    }

    fn run(
        &mut self,
        effect: Effect,
        progress: &mut dyn FnMut(crate::bundle::Progress),
    ) -> Result<Vec<Action>, Failure> {
        let store = &mut self.store;
        Ok(match effect {
            Effect::SaveProfile(p) => {
                store.set_setting(Setting::InspectorName, &p.name)?;
                store.set_setting(Setting::InspectorBadge, &p.badge)?;
                store.set_setting(Setting::Bureau, &p.bureau)?;
                vec![Action::ProfileSaved(p)]
            }
            Effect::LoadSampleRoster => {
                let rows = match crate::roster::parse(SAMPLE_ROSTER) {
                    Ok((rows, _)) => rows,
                    Err(errors) => {
                        let text: Vec<String> = errors
                            .iter()
                            .map(|e| self.lang.roster_error("roster-sample.csv", e))
                            .collect();
                        return Err(Failure::Text(text.join("; ")));
                    }
                };
                let outcome = store.import_roster(&rows, &self.station)?;
                log::info(&format!("sample roster: {outcome:?}"));
                vec![Action::SampleLoaded {
                    added: outcome.added,
                }]
            }
            Effect::LoadRoster => vec![Action::RosterLoaded(store.establishments()?)],
            Effect::LoadHome => {
                let today = Local::now().date_naive();
                let drafts = store.inspections(&InspectionFilter {
                    status: Some(Status::Draft),
                    ..Default::default()
                })?;
                let unexported = store.unexported_page(FINALS_SHOWN)?;
                let last: HashMap<_, _> = store
                    .last_final_inspections()?
                    .into_iter()
                    .map(|(id, at)| (id, at.with_timezone(&Local).date_naive()))
                    .collect();
                let overdue = store.follow_ups_due(
                    today,
                    today + chrono::Days::new(crate::tui::due::FOLLOW_UP_AHEAD_DAYS),
                )?;
                let tasks = crate::tui::tasks::load(store, &self.station, today)?;
                let office = planning::is_office(store, &self.station)?;
                let campaigns = crate::tui::tasks::running_campaigns(store, today)?;
                vec![Action::HomeLoaded(HomeData {
                    drafts,
                    unexported,
                    overdue,
                    last,
                    tasks,
                    campaigns,
                    office,
                })]
            }
            Effect::SaveEstablishment { id, facts } => {
                let saved = match id {
                    Some(id) => store.update_establishment(&id, &facts, &self.station)?,
                    None => store.add_establishment(&facts, &self.station)?,
                };
                log::info(&format!("establishment {} r{}", saved.id, saved.revision));
                vec![Action::EstablishmentSaved(saved)]
            }
            Effect::LoadColleagues => {
                vec![Action::ColleaguesLoaded(crate::tui::people::colleagues(
                    store,
                )?)]
            }
            Effect::LoadHistory(id) => {
                let inspections = store.inspections(&InspectionFilter {
                    establishment_id: Some(id.clone()),
                    limit: Some(HISTORY_SHOWN),
                    ..Default::default()
                })?;
                let cases = store.rectification_cases(crate::store::CaseFilter::Open(Some(&id)))?;
                let follow_up_checklist = cases.first().map(|c| c.checklist_id.clone());
                // The item as the form numbers and words it (the id of an included checklist's
                // item, `food-sample/2.2`, means nothing to an inspector); the id when the
                // checklist is no longer here.
                let open = cases
                    .iter()
                    .map(|c| {
                        let id = &c.rectification.item_id;
                        let label = self
                            .catalog
                            .get(&c.checklist_id)
                            .and_then(|list| list.items().find(|i| &i.id == id))
                            .map_or_else(|| id.clone(), |i| format!("{} {}", i.number, i.text));
                        (label, c.deadline())
                    })
                    .collect();
                let elsewhere = store.inspected_elsewhere(&id, &self.station)?;
                vec![Action::HistoryLoaded(History {
                    establishment_id: id,
                    inspections,
                    open,
                    follow_up_checklist,
                    elsewhere,
                })]
            }
            Effect::StartInspection { .. }
            | Effect::OpenDraft(_)
            | Effect::StartRevision { .. }
            | Effect::SaveAnswer { .. }
            | Effect::ClearAnswer { .. }
            | Effect::SetCurrentItem { .. }
            | Effect::KeepSignOff { .. }
            | Effect::Finalize { .. } => self.draft(effect)?,
            Effect::DiscardDraft(id) => {
                store.discard_draft(&id)?;
                log::info(&format!("discarded draft {id}"));
                self.run(Effect::LoadHome, progress)?
            }
            Effect::AttachPhoto {
                inspection_id,
                item_id,
                path,
            } => self.attach_photo(&inspection_id, &item_id, &path)?,
            Effect::RemovePhoto {
                inspection_id,
                photo,
            } => {
                store.remove_photo(&inspection_id, &photo.item_id, &photo.sha256)?;
                log::info(&format!(
                    "photo {} removed from {inspection_id}/{}",
                    photo.sha256, photo.item_id
                ));
                vec![Action::PhotoRemoved(photo)]
            }
            Effect::CompletePath(text) => {
                let (text, candidates) = crate::tui::paths::complete(&text);
                vec![Action::PathCompleted { text, candidates }]
            }
            Effect::LoadRecords(q) => vec![Action::RecordsLoaded(store.inspection_page(
                &InspectionFilter {
                    status: q.status,
                    outcome: q.outcome,
                    from: q.from,
                    to: q.to,
                    establishment_ids: q.establishment_ids,
                    limit: Some(RECORDS_SHOWN),
                    ..Default::default()
                },
            )?)],
            Effect::LoadRecord(id) => vec![Action::RecordLoaded(Box::new(
                store.inspection_record(&id)?,
            ))],
            Effect::LoadSync
            | Effect::ExportBundle { .. }
            | Effect::PlanImport { .. }
            | Effect::ApplyImport { .. }
            | Effect::ResolveConflict { .. } => self.sync(effect, progress)?,
            Effect::LoadReport { .. } | Effect::WriteReport { .. } | Effect::OpenFile(_) => {
                self.report(effect)?
            }
            Effect::LoadInspectors
            | Effect::AddInspector(_)
            | Effect::RetireInspector(_)
            | Effect::LoadDraws
            | Effect::RunDraw(_)
            | Effect::LoadCampaignTags(_)
            | Effect::SetCampaignTag { .. } => self.planning(effect)?,
        })
    }
}
