//! Planning an import: each record of a verified bundle is new, identical, a newer revision, or a
//! conflict (the same id here with other content). Conflicts are kept aside, never applied; a
//! bundle that refers to what is neither in it nor here is refused whole.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::plan_inspections::{Here, InspectionStream};
use super::read::Verified;
use super::records::json;
use super::{BundleKind, Progress, Result, check, sha256_hex};
use crate::store::{
    BundleLogEntry, CarriedPlanning, ConflictRow, EstablishmentConflicts, EstablishmentRevision,
    ImportChanges, ImportTransaction, StationRow,
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
    /// First contact: the station trusted with this bundle.
    pub trust: Option<StationRow>,
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
        self.lines.iter().any(|l| l.action != Action::Identical) || self.trust.is_some()
    }
}

/// Plans the import of `bundle` and writes it, part by part, in the import's transaction `tx`
/// (committed or rolled back by the caller); `trust` is the station to trust with it (first
/// contact), if any. The inspections stream through in batches, each checked (its author and
/// its content, docs/trust.md), planned and written before the next is read, so memory stays
/// flat however large the bundle (issue 16). One refused record refuses the bundle: the
/// caller's transaction is then rolled back, and nothing is written.
pub fn plan(
    tx: &ImportTransaction<'_>,
    mut bundle: Verified,
    trust: Option<StationRow>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Plan> {
    let store = tx.store();
    // The inspections are read, parsed and their signatures checked on other threads from
    // here on, while this one checks and writes what they refer to (src/bundle/relay.rs).
    let alone = check::AloneChecks::of(&bundle);
    let ahead = bundle.inspections.read_ahead({
        let alone = alone.clone();
        move |batch| alone.check(batch)
    });
    let already_imported = check::seen_before(store, &bundle)?;
    let mut checks = check::check_authorship(store, &bundle, trust.as_ref(), alone)?;
    let mut planning = super::planning::accept(store, &mut bundle, trust.as_ref())?;
    // A station's untags name its inspections, which stream in below: applied after them.
    let untagged = match planning.take() {
        Some(CarriedPlanning::Untagged(list)) => Some(list),
        other => {
            planning = other;
            None
        }
    };
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
            trust: trust.clone(),
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
    if m.kind == BundleKind::Office {
        p.changes.stations = r.stations.clone();
    }
    // What the inspections refer to goes in first; then the inspections, a batch at a time.
    p.write(tx)?;

    let mut stream = InspectionStream::new(
        &mut checks,
        Here {
            establishments: &establishments_here,
            checklists: &checklists_here,
            attachments: &attachments_here,
        },
        &r.rectifications,
    );
    ahead.for_each(progress, &mut |batch, alone| {
        stream.batch(&mut p, tx, batch, alone)
    })?;
    stream.corrections(&mut p, tx)?;
    let inspections_here = stream.finish(store, &r.rectifications)?;

    for rect in &r.rectifications {
        let local = store.sync_rectification(&rect.id)?;
        p.rectification(
            store,
            rect,
            local.as_ref(),
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
    p.changes.decisions = r.decisions.clone();
    if let Some(list) = untagged {
        super::planning::check_untags(store, &m.source.station, &list)?;
        p.changes.planning = Some(CarriedPlanning::Untagged(list));
    }
    p.write(tx)?;
    Ok(Plan {
        lines: p.lines,
        already_imported,
        conflicted: p.conflicted,
        trust,
    })
}

pub(super) struct Planner {
    pub(super) lines: Vec<PlanLine>,
    pub(super) conflicted: Vec<EstablishmentConflicts>,
    pub(super) changes: ImportChanges,
}

impl Planner {
    /// Writes what is planned so far in the import's transaction, and forgets it.
    pub(super) fn write(&mut self, tx: &ImportTransaction<'_>) -> Result<()> {
        let c = &mut self.changes;
        let next = ImportChanges {
            bundle_id: c.bundle_id.clone(),
            source_station: c.source_station.clone(),
            at: c.at.clone(),
            ..Default::default()
        };
        tx.apply(&std::mem::replace(c, next))?;
        Ok(())
    }

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
