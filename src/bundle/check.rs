//! What an import checks of a verified bundle before it plans anything (docs/trust.md): that it
//! is not a bundle id met before with other content, that no record is in it twice, and every
//! record's author and content. One refused record refuses the bundle, and nothing is written.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::read::Verified;
use super::trust::{self, Authors, Refusal};
use super::{BundleError, BundleKind, Result};
use crate::domain::checklist::Checklist;
use crate::store::{InspectionEntry, StationRow, Store};

/// Whether this very bundle (same id, same manifest, same signer) was imported before. The
/// same id with another manifest or signer is refused loudly: a bundle id names one content.
pub(super) fn seen_before(store: &Store, bundle: &Verified) -> Result<bool> {
    let m = &bundle.manifest;
    let earlier = store.imports_of_bundle(&m.bundle_id)?;
    let other = earlier.iter().any(|(manifest, signer)| {
        manifest
            .as_ref()
            .is_some_and(|h| *h != bundle.manifest_sha256)
            || signer.as_ref().is_some_and(|k| *k != m.source.public_key)
    });
    if other {
        return Err(BundleError::ReusedBundleId {
            bundle_id: m.bundle_id.clone(),
        });
    }
    Ok(!earlier.is_empty())
}

/// Every record's author and content, before anything is planned (docs/trust.md).
pub(super) fn check_authorship(
    store: &Store,
    bundle: &Verified,
    trust: Option<&StationRow>,
) -> Result<()> {
    let r = &bundle.records;
    let m = &bundle.manifest;
    let signer_is_office = match trust {
        Some(row) => row.role == "office",
        None => store
            .station_by_key(&m.source.public_key)?
            .is_some_and(|s| s.role == "office"),
    };
    let from_office: &[StationRow] = if m.kind == BundleKind::Office && signer_is_office {
        &r.stations
    } else if r.stations.is_empty() {
        &[]
    } else {
        return Err(refused(
            m.source.station.clone(),
            Refusal::StationsNotFromOffice,
        ));
    };
    refuse_duplicates(r)?;
    let mut known = store.stations()?;
    known.extend(trust.cloned());
    let authors = Authors::new(known, store.own_public_key()?, from_office);

    for e in &r.establishment_revisions {
        trust::check_revision_author(&authors, e)
            .map_err(|rule| refused(format!("{} ({})", e.facts.name, e.key()), rule))?;
    }

    let in_bundle: BTreeMap<&str, &InspectionEntry> = r
        .inspections
        .iter()
        .map(|e| (e.inspection.id.as_str(), e))
        .collect();
    let mut checklists: BTreeMap<String, Checklist> = BTreeMap::new();
    for c in &r.checklists {
        if let Ok(parsed) = serde_json::from_str(&c.content) {
            checklists.insert(c.hash.clone(), parsed);
        }
    }
    let now = chrono::Utc::now();
    // An inspection a record refers to: borrowed from the bundle, or read from the store.
    let lookup = |id: &str| -> Result<Option<Cow<'_, InspectionEntry>>> {
        Ok(match in_bundle.get(id) {
            Some(e) => Some(Cow::Borrowed(*e)),
            None => store.sync_inspection(id)?.map(Cow::Owned),
        })
    };
    for e in &r.inspections {
        let hash = &e.inspection.checklist_hash;
        if !checklists.contains_key(hash)
            && let Some(v) = store.sync_checklist_version(hash)?
            && let Ok(parsed) = serde_json::from_str(&v.content)
        {
            checklists.insert(hash.clone(), parsed);
        }
    }
    // Signatures and content first, on both cores (a district year is 20,000 records); then who
    // may write each, in order, with the store at hand.
    let keys = on_two_cores(&r.inspections, |e| {
        trust::check_inspection_alone(e, checklists.get(&e.inspection.checklist_hash), now)
    });
    for (e, key) in r.inspections.iter().zip(keys) {
        let key = key.map_err(|rule| refused(record_name(e), rule))?;
        let original = match &e.inspection.supersedes {
            Some(id) => lookup(id)?.map(|o| o.inspection.clone()),
            None => None,
        };
        trust::check_inspection_author(&authors, e, &key, original.as_ref())
            .map_err(|rule| refused(record_name(e), rule))?;
    }

    let rectifications_here: BTreeSet<&str> =
        r.rectifications.iter().map(|x| x.id.as_str()).collect();
    let mut decided = BTreeSet::new();
    for d in &r.decisions {
        trust::check_decision(&authors, d)
            .map_err(|rule| refused(d.rectification_id.clone(), rule))?;
        if !rectifications_here.contains(d.rectification_id.as_str())
            && !store.has_rectification(&d.rectification_id)?
        {
            return Err(BundleError::MissingReference {
                what: "rectification",
                id: d.rectification_id.clone(),
            });
        }
        decided.insert(d.rectification_id.as_str());
    }
    for rect in &r.rectifications {
        let decided =
            decided.contains(rect.id.as_str()) || store.rectification_decision(&rect.id)?.is_some();
        let order = lookup(&rect.inspection_id)?;
        let follow_up = match &rect.follow_up_id {
            Some(id) => lookup(id)?,
            None => None,
        };
        // A rectification naming an inspection that is nowhere is refused by the plan.
        if let Some(order) = &order
            && (rect.follow_up_id.is_none() || follow_up.is_some())
        {
            trust::check_rectification(rect, order, follow_up.as_deref(), decided).map_err(
                |rule| refused(format!("{} {}", record_name(order), rect.item_id), rule),
            )?;
        }
    }
    Ok(())
}

/// One record once: two entries for one inspection (by id or serial), one establishment
/// revision, one rectification, checklist version or attachment are refused here, so that
/// `--dry-run` says what the import would (issue 16), never a raw UNIQUE error at apply.
fn refuse_duplicates(r: &super::records::Records) -> Result<()> {
    let dup = |record: String| refused(record, Refusal::Duplicate);
    let mut seen = BTreeSet::new();
    for e in &r.inspections {
        if !seen.insert(e.inspection.id.clone()) {
            return Err(dup(record_name(e)));
        }
        if let Some(serial) = &e.inspection.serial
            && !seen.insert(format!("serial {serial}"))
        {
            return Err(dup(serial.clone()));
        }
    }
    for e in &r.establishment_revisions {
        let key = e.key();
        if !seen.insert(key.clone()) {
            return Err(dup(format!("{} ({key})", e.facts.name)));
        }
    }
    // Each kind of record by its own key: a decision names its rectification's id.
    let keyed = r
        .rectifications
        .iter()
        .map(|x| ("rectification", &x.id))
        .chain(r.checklists.iter().map(|c| ("checklist", &c.hash)))
        .chain(r.attachments.iter().map(|a| ("attachment", &a.sha256)))
        .chain(r.stations.iter().map(|s| ("station", &s.public_key)))
        .chain(
            r.decisions
                .iter()
                .map(|d| ("decision", &d.rectification_id)),
        );
    for (kind, id) in keyed {
        if !seen.insert(format!("{kind} {id}")) {
            return Err(dup(id.clone()));
        }
    }
    Ok(())
}

/// `check` of every element, the two halves on two threads, results in the elements' order.
fn on_two_cores<T: Sync, R: Send>(items: &[T], check: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let (first, second) = items.split_at(items.len() / 2);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| second.iter().map(&check).collect::<Vec<_>>());
        let mut all: Vec<R> = first.iter().map(&check).collect();
        // A panic in the other half is a bug; it is raised here rather than hidden.
        match later.join() {
            Ok(rest) => all.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        all
    })
}

/// How a refused inspection is named: its serial number, else its id.
fn record_name(e: &InspectionEntry) -> String {
    e.inspection
        .serial
        .clone()
        .unwrap_or_else(|| e.inspection.id.clone())
}

fn refused(record: String, rule: Refusal) -> BundleError {
    BundleError::Refused { record, rule }
}
