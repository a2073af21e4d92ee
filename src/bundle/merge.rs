//! The merge rules of an import plan for records that change over time: establishments (their
//! revisions merge) and rectifications (they only ever close).

use std::collections::BTreeSet;

use super::plan::{Action, Planner, RecordKind};
use super::records::json;
use super::trust::Refusal;
use super::{BundleError, Result};
use crate::domain::inspection::Rectification;
use crate::store::{
    EstablishmentConflicts, EstablishmentRevision, MARK_ESTABLISHMENT_REVISION, Store,
    merge_revisions,
};

impl Planner {
    /// Revisions here stay; new ones are added, and the establishment's facts become the merge
    /// of all of them (docs/data-model.md, "Establishment revisions"): edits of different facts
    /// combine, two values of one fact are kept as a conflict for the office. A revision here
    /// with other content under the same number and station is kept aside, never applied.
    pub(super) fn establishment(
        &mut self,
        store: &Store,
        id: &str,
        incoming: &[&EstablishmentRevision],
    ) -> Result<()> {
        let local = store.sync_establishment_history(id)?;
        let mut all = local.clone();
        let mut added = false;
        let mut kept_aside = false;
        for e in incoming {
            match local.iter().find(|l| l.at() == e.at()) {
                Some(l) if l == *e => {}
                Some(_) => {
                    kept_aside = true;
                    self.conflict(
                        RecordKind::Establishment,
                        "establishment_revision",
                        &e.key(),
                        json(e),
                    );
                }
                None => {
                    added = true;
                    all.push((*e).clone());
                    self.changes.establishment_revisions.push((*e).clone());
                    self.changes
                        .marks
                        .push((MARK_ESTABLISHMENT_REVISION.into(), e.key()));
                }
            }
        }
        if !added {
            // A revision kept aside already has its line.
            if !kept_aside {
                self.line(RecordKind::Establishment, id, Action::Identical);
            }
            return Ok(());
        }
        let merged = merge_revisions(&all).map_err(|e| BundleError::Refused {
            record: format!("{} ({id})", incoming[0].facts.name),
            rule: Refusal::BrokenHistory(e),
        })?;
        let action = if local.is_empty() {
            Action::New
        } else {
            Action::Newer
        };
        if !kept_aside {
            self.line(RecordKind::Establishment, id, action);
        }
        if !merged.conflicts.is_empty() {
            self.conflicted.push(EstablishmentConflicts {
                establishment_id: id.to_string(),
                name: merged.facts.name.clone(),
                conflicts: merged.conflicts.clone(),
            });
        }
        self.changes
            .establishments_merged
            .push((id.to_string(), merged));
        Ok(())
    }

    /// Closed wins over open (a rectification only ever closes); two different closings of the
    /// same order conflict.
    pub(super) fn rectification(
        &mut self,
        store: &Store,
        r: &Rectification,
        local: Option<&Rectification>,
        inspections_here: &BTreeSet<String>,
        establishments_here: &BTreeSet<String>,
    ) -> Result<()> {
        let inspection_known = |id: &str| -> Result<bool> {
            Ok(inspections_here.contains(id) || store.has_inspection(id)?)
        };
        let missing = |what, id: &str| BundleError::MissingReference {
            what,
            id: id.to_string(),
        };
        if !inspection_known(&r.inspection_id)? {
            return Err(missing("inspection", &r.inspection_id));
        }
        if let Some(f) = &r.follow_up_id
            && !inspection_known(f)?
        {
            return Err(missing("inspection", f));
        }
        if !establishments_here.contains(&r.establishment_id)
            && !store.has_establishment(&r.establishment_id)?
        {
            return Err(missing("establishment", &r.establishment_id));
        }
        let Some(local) = local else {
            self.line(RecordKind::Rectification, &r.id, Action::New);
            self.changes.new_rectifications.push(r.clone());
            return Ok(());
        };
        let same_order = local.establishment_id == r.establishment_id
            && local.inspection_id == r.inspection_id
            && local.item_id == r.item_id
            && local.deadline == r.deadline;
        if local == r {
            self.line(RecordKind::Rectification, &r.id, Action::Identical);
        } else if !same_order || (!local.open && !r.open) {
            self.conflict(RecordKind::Rectification, "rectification", &r.id, json(r));
        } else if !local.open {
            // Closed here already: the incoming open state is older news.
            self.line(RecordKind::Rectification, &r.id, Action::Identical);
        } else if !r.open || r.follow_up_id > local.follow_up_id {
            // Both open: the later follow-up (by id, which is time-ordered) is kept.
            self.line(RecordKind::Rectification, &r.id, Action::Newer);
            self.changes.updated_rectifications.push(r.clone());
        } else {
            self.line(RecordKind::Rectification, &r.id, Action::Identical);
        }
        Ok(())
    }
}
