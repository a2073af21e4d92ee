//! The inspections of an import, planned as they stream by: each batch checked (docs/trust.md),
//! each record new, identical, a correction or a conflict, and the batch written before the
//! next is read (issue 16). Corrections wait until every record they may correct has gone in,
//! then go in order of revision, as an import of the whole bundle at once would take them.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::check::{Alone, InspectionChecks};
use super::elements::BATCH;
use super::plan::{Action, Planner, RecordKind};
use super::records::{INSPECTIONS, json};
use super::trust::InspectionFacts;
use super::{BundleError, Result};
use crate::domain::inspection::{Inspection, Rectification, Status};
use crate::store::{ImportTransaction, InspectionEntry, MARK_INSPECTION, Store};

/// What the bundle brings besides its inspections, by id.
pub(super) struct Here<'a> {
    pub(super) establishments: &'a BTreeSet<String>,
    pub(super) checklists: &'a BTreeSet<String>,
    pub(super) attachments: &'a BTreeSet<String>,
}

pub(super) struct InspectionStream<'a> {
    checks: &'a mut InspectionChecks,
    planned: Planned<'a>,
    /// Corrections with the checks of the records alone, held until the stream has passed.
    corrections: Vec<(InspectionEntry, Alone)>,
}

/// What the plan knows of the inspections planned so far.
struct Planned<'a> {
    here: Here<'a>,
    /// The bundle's inspections planned so far.
    inspections_here: BTreeSet<String>,
    /// The bundle's version of each inspection kept as a conflict (not written): a correction
    /// in the bundle is checked against the record as the bundle has it.
    conflicted: BTreeMap<String, Inspection>,
    /// The items of the bundle's rectifications, by the inspection they name (order or
    /// follow-up).
    wanted: BTreeMap<String, BTreeSet<String>>,
    /// What the rectification checks read of those inspections, as the bundle has them: a
    /// few hundred bytes each, not the records.
    views: BTreeMap<String, InspectionFacts>,
}

impl<'a> InspectionStream<'a> {
    pub(super) fn new(
        checks: &'a mut InspectionChecks,
        here: Here<'a>,
        rectifications: &[Rectification],
    ) -> InspectionStream<'a> {
        let mut wanted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for r in rectifications {
            for id in std::iter::once(&r.inspection_id).chain(&r.follow_up_id) {
                wanted
                    .entry(id.clone())
                    .or_default()
                    .insert(r.item_id.clone());
            }
        }
        InspectionStream {
            checks,
            planned: Planned {
                here,
                inspections_here: BTreeSet::new(),
                conflicted: BTreeMap::new(),
                wanted,
                views: BTreeMap::new(),
            },
            corrections: Vec::new(),
        }
    }

    /// One batch of the stream, with the checks of its records alone (made beside the write,
    /// src/bundle/relay.rs): corrections are held back, the rest checked, planned and written.
    pub(super) fn batch(
        &mut self,
        p: &mut Planner,
        tx: &ImportTransaction<'_>,
        batch: Vec<InspectionEntry>,
        alone: Vec<Alone>,
    ) -> Result<()> {
        let store = tx.store();
        batch.iter().try_for_each(|e| self.checks.once(e))?;
        let (mut plain, mut plain_alone) = (Vec::new(), Vec::new());
        for (e, a) in batch.into_iter().zip(alone) {
            if e.inspection.supersedes.is_some() {
                self.corrections.push((e, a));
            } else {
                plain.push(e);
                plain_alone.push(a);
            }
        }
        self.checks
            .authors(store, &plain, plain_alone, &|_| Ok(None))?;
        self.planned.plan_all(p, store, plain)?;
        p.write(tx)
    }

    /// The corrections, after everything else, earlier revisions first, each checked against
    /// the record it supersedes (in the bundle or here).
    pub(super) fn corrections(
        &mut self,
        p: &mut Planner,
        tx: &ImportTransaction<'_>,
    ) -> Result<()> {
        let store = tx.store();
        let mut all = std::mem::take(&mut self.corrections);
        all.sort_by(|(a, _), (b, _)| {
            (a.inspection.revision, &a.inspection.id)
                .cmp(&(b.inspection.revision, &b.inspection.id))
        });
        let pending: BTreeMap<String, Inspection> = all
            .iter()
            .map(|(e, _)| (e.inspection.id.clone(), e.inspection.clone()))
            .collect();
        let mut rest = all.into_iter().peekable();
        while rest.peek().is_some() {
            let (chunk, alone): (Vec<InspectionEntry>, Vec<Alone>) =
                rest.by_ref().take(BATCH).unzip();
            let conflicted = &self.planned.conflicted;
            let original = |id: &str| -> Result<Option<Inspection>> {
                Ok(match pending.get(id).or_else(|| conflicted.get(id)) {
                    Some(i) => Some(i.clone()),
                    None => store.sync_inspection(id)?.map(|e| e.inspection),
                })
            };
            self.checks.authors(store, &chunk, alone, &original)?;
            self.planned.plan_all(p, store, chunk)?;
            p.write(tx)?;
        }
        Ok(())
    }

    /// The bundle's rectifications checked against the inspections they name; gives the ids
    /// of the bundle's inspections.
    pub(super) fn finish(
        self,
        store: &Store,
        rectifications: &[Rectification],
    ) -> Result<BTreeSet<String>> {
        let InspectionStream {
            checks,
            planned:
                Planned {
                    views,
                    inspections_here,
                    ..
                },
            ..
        } = self;
        let views = &views;
        let lookup = |id: &str| -> Result<Option<Cow<'_, InspectionFacts>>> {
            Ok(match views.get(id) {
                Some(facts) => Some(Cow::Borrowed(facts)),
                None => store
                    .sync_inspection(id)?
                    .map(|e| Cow::Owned(InspectionFacts::of(&e, |_| true))),
            })
        };
        checks.rectifications(store, rectifications, &lookup)?;
        Ok(inspections_here)
    }
}

impl Planned<'_> {
    fn plan_all(
        &mut self,
        p: &mut Planner,
        store: &Store,
        entries: Vec<InspectionEntry>,
    ) -> Result<()> {
        entries
            .into_iter()
            .try_for_each(|entry| self.plan_one(p, store, entry))
    }

    fn plan_one(&mut self, p: &mut Planner, store: &Store, entry: InspectionEntry) -> Result<()> {
        let i = &entry.inspection;
        let id = i.id.clone();
        if i.status != Status::Final {
            return Err(BundleError::BadRecord {
                entry: INSPECTIONS.into(),
                detail: format!("{} is not final", i.id),
            });
        }
        if !self.here.establishments.contains(&i.establishment_id)
            && !store.has_establishment(&i.establishment_id)?
        {
            return Err(BundleError::MissingReference {
                what: "establishment",
                id: i.establishment_id.clone(),
            });
        }
        if !self.here.checklists.contains(&i.checklist_hash)
            && store.sync_checklist_version(&i.checklist_hash)?.is_none()
        {
            return Err(BundleError::MissingReference {
                what: "checklist version",
                id: i.checklist_hash.clone(),
            });
        }
        for a in &entry.attachments {
            if !self.here.attachments.contains(&a.sha256)
                && store.sync_attachment(&a.sha256)?.is_none()
            {
                return Err(BundleError::MissingReference {
                    what: "attachment",
                    id: a.sha256.clone(),
                });
            }
        }
        if let Some(items) = self.wanted.get(&id) {
            let facts = InspectionFacts::of(&entry, |item| items.contains(item));
            self.views.insert(id.clone(), facts);
        }
        match store.sync_inspection(&i.id)? {
            Some(local) if local == in_store_order(&entry) => {
                p.line(RecordKind::Inspection, &i.id, Action::Identical)
            }
            Some(_) => self.conflict(p, &entry),
            None => {
                if let Some(earlier) = &i.supersedes
                    && !self.inspections_here.contains(earlier)
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
                    self.conflict(p, &entry);
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
        self.inspections_here.insert(id);
        Ok(())
    }

    fn conflict(&mut self, p: &mut Planner, entry: &InspectionEntry) {
        let i = &entry.inspection;
        p.conflict(
            RecordKind::Inspection,
            "inspection",
            &i.id,
            json(&in_store_order(entry)),
        );
        self.conflicted.insert(i.id.clone(), i.clone());
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
