//! The shell's side of the sync screen: export, plan and apply bundles through `crate::bundle`,
//! with the same first-contact rule as `shian import`: only an office bundle may be trusted
//! from here, and only with the fingerprint the inspector confirmed on screen.

use crate::bundle::{
    self, BundleError, BundleKind, Progress, Signer, identity_file::same_fingerprint,
};
use crate::i18n::tui::Text;
use crate::identity::Identity;
use crate::store::Setting;
use crate::tui::app::{Action, Effect};
use crate::tui::msg::{FirstContact, ImportPreview, SyncData};

use super::{Failure, Shell};

impl Shell {
    pub(super) fn sync(
        &mut self,
        effect: Effect,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Vec<Action>, Failure> {
        match effect {
            Effect::LoadSync => {
                let mut log = self.store.bundle_log()?;
                log.reverse();
                // The log keeps UTC; the inspector reads local time.
                for entry in &mut log {
                    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(&entry.at) {
                        entry.at = at
                            .with_timezone(&chrono::Local)
                            .format("%Y-%m-%d %H:%M")
                            .to_string();
                    }
                }
                Ok(vec![Action::SyncLoaded(SyncData {
                    folder: self.store.setting(Setting::BundleFolder)?,
                    log,
                    conflicts: self.store.establishment_conflicts()?,
                    stations: self
                        .store
                        .stations()?
                        .into_iter()
                        .map(|s| (s.code, s.name))
                        .collect(),
                })])
            }
            Effect::ResolveConflict {
                establishment_id,
                fact,
                value,
            } => {
                let settled =
                    self.store
                        .resolve_conflict(&establishment_id, fact, &value, &self.station)?;
                Ok(vec![Action::ConflictSettled {
                    name: settled.facts.name.clone(),
                    fact,
                    value: fact.value(&settled.facts),
                }])
            }
            Effect::ExportBundle {
                folder,
                office,
                all,
            } => self.export(&folder, office, all, progress),
            Effect::PlanImport { path, trust } => self.import(&path, trust, true, progress),
            Effect::ApplyImport { path, trust } => self.import(&path, trust, false, progress),
            _ => Ok(Vec::new()),
        }
    }

    pub(super) fn bundle_failure(&self, e: &BundleError) -> Failure {
        Failure::Text(self.lang.bundle_error(e, "", None))
    }

    fn export(
        &mut self,
        folder: &str,
        office: bool,
        all: bool,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Vec<Action>, Failure> {
        let identity = Identity::load_or_create(&self.data_dir)
            .map_err(|e| self.bundle_failure(&BundleError::Identity(e)))?;
        let profile = self.profile()?.unwrap_or_default();
        let (kind, name) = if office {
            (BundleKind::Office, profile.bureau)
        } else {
            (BundleKind::Field, profile.name)
        };
        let out = crate::tui::paths::expand(folder);
        let written = bundle::export_bundle_with(
            &mut self.store,
            &identity,
            kind,
            &out,
            all,
            &name,
            progress,
        )
        .map_err(|e| self.bundle_failure(&e))?;
        self.store.set_setting(Setting::BundleFolder, folder)?;
        crate::tui::log::info(&format!("exported {}", written.path.display()));
        let t = Text(self.lang);
        let n = |k: &str| written.manifest.counts.get(k).copied().unwrap_or(0);
        let summary = format!(
            "{} {}  {} {}  {} {}  {} {}",
            t.bundle_inspections(),
            n("inspections"),
            t.bundle_establishments(),
            n("establishment_revisions"),
            t.bundle_rectifications(),
            n("rectifications"),
            t.bundle_attachments(),
            n("attachments"),
        );
        Ok(vec![Action::Exported {
            path: written.path.display().to_string(),
            summary,
        }])
    }

    fn import(
        &mut self,
        path: &str,
        trust: Option<String>,
        dry_run: bool,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Vec<Action>, Failure> {
        let t = Text(self.lang);
        let file = crate::tui::paths::expand(path);
        let mut accept = |s: &Signer| {
            s.kind == BundleKind::Office
                && trust
                    .as_deref()
                    .is_some_and(|fp| same_fingerprint(fp, &s.fingerprint))
        };
        let result =
            bundle::import_bundle_with(&mut self.store, &file, dry_run, &mut accept, progress);
        let (plan, signer) = match result {
            Ok(done) => done,
            Err(BundleError::UnknownStation {
                station,
                fingerprint,
                kind,
                ..
            }) => {
                let own = Identity::load_or_create(&self.data_dir)
                    .map(|i| i.fingerprint())
                    .unwrap_or_default();
                if same_fingerprint(&own, &fingerprint) {
                    return Err(Failure::Text(t.own_bundle().to_string()));
                }
                if kind == BundleKind::Office && trust.is_none() {
                    let name = bundle::open_and_check_signer(&self.store, &file)
                        .map(|(_, s)| s.name)
                        .unwrap_or_default();
                    return Ok(vec![Action::FirstContact(FirstContact {
                        path: path.to_string(),
                        station,
                        name,
                        fingerprint,
                    })]);
                }
                let e = BundleError::UnknownStation {
                    station,
                    fingerprint: fingerprint.clone(),
                    kind,
                    path: file.clone(),
                };
                let command = format!(
                    "shian --data-dir \"{}\" devices trust \"{}\" --fingerprint \"{fingerprint}\"",
                    self.data_dir.display(),
                    file.display()
                );
                return Err(Failure::Text(self.lang.bundle_error(&e, &command, None)));
            }
            Err(e) => return Err(self.bundle_failure(&e)),
        };
        if dry_run {
            let counts = plan
                .counts()
                .into_iter()
                .map(|((kind, action), n)| (kind, action, n))
                .collect();
            let conflicts = plan
                .lines
                .iter()
                .filter(|l| l.action == bundle::Action::Conflict)
                .map(|l| (l.kind, l.id.clone()))
                .collect();
            return Ok(vec![Action::ImportPlanned(Box::new(ImportPreview {
                path: path.to_string(),
                station: signer.station,
                name: signer.name,
                office: signer.kind == BundleKind::Office,
                counts,
                conflicts,
                conflicted: plan.conflicted,
                already_imported: plan.already_imported,
                trust,
            }))]);
        }
        crate::tui::log::info(&format!("imported {}", file.display()));
        let text = if plan.already_imported {
            t.already_imported()
        } else {
            t.imported()
        };
        let mut said = format!(
            "{text}: {}",
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        if !plan.conflicted.is_empty() {
            said.push_str(&t.conflicts_after_import(plan.conflicted.len()));
        }
        Ok(vec![Action::Imported(said)])
    }
}
