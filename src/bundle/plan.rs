//! Planning an import: each record of a verified bundle is new, identical, a newer revision, or a
//! conflict (the same id here with other content). Conflicts are kept aside, never applied; a
//! bundle that refers to what is neither in it nor here is refused whole.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::read::Verified;
use super::records::json;
use super::{BundleError, BundleKind, Result, check, sha256_hex};
use crate::domain::inspection::Status;
use crate::store::{
    BundleLogEntry, ConflictRow, EstablishmentConflicts, EstablishmentRevision, ImportChanges,
    InspectionEntry, MARK_INSPECTION, StationRow, Store,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Inspection,
    Establishment,
    Checklist,
    Rectification,
    Attachment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    New,
    Identical,
    Newer,
    Conflict,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanLine {
    pub kind: RecordKind,
    pub id: String,
    pub action: Action,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub lines: Vec<PlanLine>,
    /// This bundle was imported here before.
    pub already_imported: bool,
    /// The establishments this bundle touches whose facts are in conflict once it is imported
    /// (docs/data-model.md, "Establishment revisions"): for the office to settle.
    pub conflicted: Vec<EstablishmentConflicts>,
    pub changes: ImportChanges,
}

impl Plan {
    /// How many records of each kind get each action.
    pub fn counts(&self) -> BTreeMap<(RecordKind, Action), usize> {
        let mut counts = BTreeMap::new();
        for line in &self.lines {
            *counts.entry((line.kind, line.action)).or_insert(0) += 1;
        }
        counts
    }

    pub fn count(&self, action: Action) -> usize {
        self.lines.iter().filter(|l| l.action == action).count()
    }

    /// Whether applying would change any record.
    pub fn changes_records(&self) -> bool {
        self.lines.iter().any(|l| l.action != Action::Identical) || self.changes.trust.is_some()
    }
}

/// Plans the import of `bundle` into `store`; `trust` is the station to trust with it (first
/// contact), if any. Every record is checked first (its author and its content,
/// docs/trust.md): one refused record refuses the bundle.
pub fn plan(store: &Store, mut bundle: Verified, trust: Option<StationRow>) -> Result<Plan> {
    let already_imported = check::seen_before(store, &bundle)?;
    check::check_authorship(store, &bundle, trust.as_ref())?;
    let planning = super::planning::accept(store, &mut bundle, trust.as_ref())?;
    // The inspections move into the plan: a district year's 800,000 answers are not copied.
    let inspections = std::mem::take(&mut bundle.records.inspections);
    let m = &bundle.manifest;
    let r = &bundle.records;
    let at = super::now_text();
    let mut p = Planner {
        lines: Vec::new(),
        conflicted: Vec::new(),
        changes: ImportChanges {
            bundle_id: m.bundle_id.clone(),
            source_station: m.source.station.clone(),
            at: at.clone(),
            trust,
            planning,
            ..Default::default()
        },
    };

    let mut checklists_here = BTreeSet::new();
    for c in &r.checklists {
        match store.sync_checklist_version(&c.hash)? {
            None => {
                p.line(RecordKind::Checklist, &c.hash, Action::New);
                p.changes.checklists.push(c.clone());
            }
            Some(local) => {
                p.line(RecordKind::Checklist, &c.hash, Action::Identical);
                if c.stored_at < local.stored_at {
                    p.changes.checklists.push(c.clone());
                }
            }
        }
        checklists_here.insert(c.hash.clone());
    }

    let mut attachments_here = BTreeSet::new();
    for a in &r.attachments {
        match store.sync_attachment(&a.sha256)? {
            None => {
                p.line(RecordKind::Attachment, &a.sha256, Action::New);
                let bytes = bundle
                    .attachments
                    .get(&a.sha256)
                    .cloned()
                    .unwrap_or_default();
                p.changes.attachments.push((a.clone(), bytes));
            }
            Some(local) => {
                p.line(RecordKind::Attachment, &a.sha256, Action::Identical);
                if a.stored_at < local.stored_at {
                    let bytes = bundle
                        .attachments
                        .get(&a.sha256)
                        .cloned()
                        .unwrap_or_default();
                    p.changes.attachments.push((a.clone(), bytes));
                }
            }
        }
        attachments_here.insert(a.sha256.clone());
    }

    let mut by_establishment: BTreeMap<&str, Vec<&EstablishmentRevision>> = BTreeMap::new();
    for e in &r.establishment_revisions {
        by_establishment
            .entry(e.establishment_id.as_str())
            .or_default()
            .push(e);
    }
    let mut establishments_here = BTreeSet::new();
    for (id, mut incoming) in by_establishment {
        incoming.sort_by_key(|e| e.at());
        p.establishment(store, id, &incoming)?;
        establishments_here.insert(id.to_string());
    }

    let mut inspections_here = BTreeSet::new();
    let mut entries = inspections;
    entries.sort_by(|a, b| {
        (a.inspection.revision, &a.inspection.id).cmp(&(b.inspection.revision, &b.inspection.id))
    });
    for entry in entries {
        let i = &entry.inspection;
        let id = i.id.clone();
        if i.status != Status::Final {
            return Err(BundleError::BadRecord {
                entry: super::records::INSPECTIONS.into(),
                detail: format!("{} is not final", i.id),
            });
        }
        let has = |set: &BTreeSet<String>, id: &str| set.contains(id);
        if !has(&establishments_here, &i.establishment_id)
            && !store.has_establishment(&i.establishment_id)?
        {
            return Err(BundleError::MissingReference {
                what: "establishment",
                id: i.establishment_id.clone(),
            });
        }
        if !has(&checklists_here, &i.checklist_hash)
            && store.sync_checklist_version(&i.checklist_hash)?.is_none()
        {
            return Err(BundleError::MissingReference {
                what: "checklist version",
                id: i.checklist_hash.clone(),
            });
        }
        for a in &entry.attachments {
            if !has(&attachments_here, &a.sha256) && store.sync_attachment(&a.sha256)?.is_none() {
                return Err(BundleError::MissingReference {
                    what: "attachment",
                    id: a.sha256.clone(),
                });
            }
        }
        match store.sync_inspection(&i.id)? {
            Some(local) if local == in_store_order(&entry) => {
                p.line(RecordKind::Inspection, &i.id, Action::Identical)
            }
            Some(_) => p.conflict(
                RecordKind::Inspection,
                "inspection",
                &i.id,
                json(&in_store_order(&entry)),
            ),
            None => {
                if let Some(earlier) = &i.supersedes
                    && !inspections_here.contains(earlier)
                    && !store.has_inspection(earlier)?
                {
                    return Err(BundleError::MissingReference {
                        what: "inspection",
                        id: earlier.clone(),
                    });
                }
                let serial_taken = match &i.serial {
                    Some(serial) => store
                        .inspection_id_by_serial(serial)?
                        .is_some_and(|other| other != i.id),
                    None => false,
                };
                if serial_taken {
                    p.conflict(
                        RecordKind::Inspection,
                        "inspection",
                        &i.id,
                        json(&in_store_order(&entry)),
                    );
                } else {
                    let action = if i.supersedes.is_some() {
                        Action::Newer
                    } else {
                        Action::New
                    };
                    p.line(RecordKind::Inspection, &id, action);
                    p.changes.marks.push((MARK_INSPECTION.into(), id.clone()));
                    p.changes.inspections.push(entry);
                }
            }
        }
        inspections_here.insert(id);
    }

    let local_rectifications = store.sync_rectifications()?;
    for rect in &r.rectifications {
        p.rectification(
            store,
            rect,
            local_rectifications.get(&rect.id),
            &inspections_here,
            &establishments_here,
        )?;
    }

    let counts: BTreeMap<String, usize> = {
        let mut c = BTreeMap::new();
        for line in &p.lines {
            let action = serde_json::to_value(line.action)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            *c.entry(action).or_insert(0) += 1;
        }
        c
    };
    p.changes.log = Some(BundleLogEntry {
        id: uuid::Uuid::now_v7().to_string(),
        bundle_id: m.bundle_id.clone(),
        direction: "import".into(),
        kind: m.kind.code().into(),
        station: m.source.station.clone(),
        file_name: bundle
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sha256: bundle.file_sha256.clone(),
        counts: String::from_utf8(json(&counts)).unwrap_or_default(),
        at,
        manifest_sha256: Some(bundle.manifest_sha256.clone()),
        signer_key: Some(m.source.public_key.clone()),
    });
    if m.kind == BundleKind::Office {
        p.changes.stations = r.stations.clone();
    }
    p.changes.decisions = r.decisions.clone();
    Ok(Plan {
        lines: p.lines,
        already_imported,
        conflicted: p.conflicted,
        changes: p.changes,
    })
}

pub(super) struct Planner {
    pub(super) lines: Vec<PlanLine>,
    pub(super) conflicted: Vec<EstablishmentConflicts>,
    pub(super) changes: ImportChanges,
}

impl Planner {
    pub(super) fn line(&mut self, kind: RecordKind, id: &str, action: Action) {
        self.lines.push(PlanLine {
            kind,
            id: id.to_string(),
            action,
        });
    }

    pub(super) fn conflict(
        &mut self,
        kind: RecordKind,
        record_kind: &str,
        id: &str,
        content: Vec<u8>,
    ) {
        self.line(kind, id, Action::Conflict);
        self.changes.conflicts.push(ConflictRow {
            record_kind: record_kind.to_string(),
            record_id: id.to_string(),
            content_sha256: sha256_hex(&content),
            content: String::from_utf8(content).unwrap_or_default(),
        });
    }
}

/// An inspection as the store reads it back: the order of answers and photos carries no
/// meaning. Only a record already here is compared, so only that one is copied and sorted (a
/// district year's 800,000 answers were copied for nothing, issue 7).
fn in_store_order(entry: &InspectionEntry) -> InspectionEntry {
    let mut entry = entry.clone();
    entry.answers.sort_by(|a, b| a.item_id.cmp(&b.item_id));
    entry
        .attachments
        .sort_by(|a, b| (&a.item_id, &a.sha256).cmp(&(&b.item_id, &b.sha256)));
    entry
}
