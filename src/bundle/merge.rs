//! The merge rules of an import plan for records that change over time: establishments (by
//! revision) and rectifications (they only ever close).

use std::collections::BTreeSet;

use super::plan::{Action, Planner, RecordKind};
use super::records::json;
use super::{BundleError, Result};
use crate::domain::inspection::Rectification;
use crate::store::{EstablishmentRevision, MARK_ESTABLISHMENT_REVISION, Store, revision_key};

impl Planner {
    /// Revisions here stay; missing ones are added; once one conflicts, every later one of the
    /// same establishment is a conflict too (it was built on the conflicting one).
    pub(super) fn establishment(
        &mut self,
        store: &Store,
        id: &str,
        incoming: &[&EstablishmentRevision],
    ) -> Result<()> {
        let local = store.sync_establishment_history(id)?;
        let local_max = local.iter().map(|e| e.revision).max().unwrap_or(0);
        let mut blocked = false;
        let mut newest: Option<&EstablishmentRevision> = None;
        let mut conflicted = false;
        for e in incoming {
            let key = revision_key(id, e.revision);
            match local.iter().find(|l| l.revision == e.revision) {
                Some(l) if l == *e => {}
                Some(_) => {
                    blocked = true;
                    conflicted = true;
                    self.conflict_revision(&key, e);
                }
                None if blocked => self.conflict_revision(&key, e),
                None => {
                    self.changes.establishment_revisions.push((*e).clone());
                    self.changes
                        .marks
                        .push((MARK_ESTABLISHMENT_REVISION.into(), key));
                    if e.revision > local_max {
                        newest = Some(e);
                    }
                }
            }
        }
        let action = match (newest, conflicted) {
            (_, true) => Action::Conflict,
            (Some(e), false) => {
                self.changes.establishment_current.push(e.clone());
                if local.is_empty() {
                    Action::New
                } else {
                    Action::Newer
                }
            }
            (None, false) => Action::Identical,
        };
        // A conflict found above already has its line.
        if action != Action::Conflict {
            self.line(RecordKind::Establishment, id, action);
        }
        Ok(())
    }

    fn conflict_revision(&mut self, key: &str, e: &EstablishmentRevision) {
        self.conflict(
            RecordKind::Establishment,
            "establishment_revision",
            key,
            json(e),
        );
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
