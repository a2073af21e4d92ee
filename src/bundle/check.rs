//! What an import checks of a verified bundle (docs/trust.md): that it is not a bundle id met
//! before with other content, that no record is in it twice, and every record's author and
//! content (the inspections a batch at a time, as they stream). One refused record refuses the
//! bundle, and nothing is written (the import's transaction is rolled back).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::read::Verified;
use super::trust::{self, Authors, InspectionFacts, Refusal};
use super::{BundleError, BundleKind, Result};
use crate::domain::checklist::Checklist;
use crate::domain::inspection::{Inspection, Rectification};
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

/// The checks of a bundle's records (docs/trust.md) that need no inspection: who may send a
/// station list, no record twice, every establishment revision's author, every decision. Gives
/// what the streamed inspections are then checked with, a batch at a time, beside `alone`.
pub(super) fn check_authorship(
    store: &Store,
    bundle: &Verified,
    trust: Option<&StationRow>,
    alone: AloneChecks,
) -> Result<InspectionChecks> {
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
    let mut seen = BTreeSet::new();
    refuse_duplicates(r, &mut seen)?;
    let mut known = store.stations()?;
    known.extend(trust.cloned());
    let authors = Authors::new(known, store.own_public_key()?, from_office);

    let revisions = &r.establishment_revisions;
    let checked = on_two_threads(revisions, |e| trust::check_revision_author(&authors, e));
    for (e, checked) in revisions.iter().zip(checked) {
        checked.map_err(|rule| refused(format!("{} ({})", e.facts.name, e.key()), rule))?;
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
        decided.insert(d.rectification_id.clone());
    }
    Ok(InspectionChecks {
        authors,
        alone,
        from_store: BTreeMap::new(),
        seen,
        decided,
    })
}

/// What the inspections of a bundle are checked with as they stream by.
pub(super) struct InspectionChecks {
    authors: Authors,
    alone: AloneChecks,
    /// Parsed checklist versions from the store, by hash, for records whose version the
    /// bundle does not carry.
    from_store: BTreeMap<String, Checklist>,
    /// Every record key met so far (see `refuse_duplicates`).
    seen: BTreeSet<String>,
    /// Rectifications the bundle's decisions close.
    decided: BTreeSet<String>,
}

/// The checks of each record that need nothing but the record and the bundle: its signature,
/// and its content against its checklist version when the bundle carries that version. An
/// import runs them on whichever thread is free, beside the write (src/bundle/relay.rs).
#[derive(Clone)]
pub(super) struct AloneChecks {
    /// The bundle's parsed checklist versions, by hash: a dozen in a district year.
    checklists: BTreeMap<String, Checklist>,
    now: chrono::DateTime<chrono::Utc>,
}

impl AloneChecks {
    /// The checks with the checklist versions `bundle` carries, as of now.
    pub(super) fn of(bundle: &Verified) -> AloneChecks {
        let mut checklists = BTreeMap::new();
        for c in &bundle.records.checklists {
            if let Ok(parsed) = serde_json::from_str(&c.content) {
                checklists.insert(c.hash.clone(), parsed);
            }
        }
        AloneChecks {
            checklists,
            now: chrono::Utc::now(),
        }
    }

    /// Each record's author key or refusal, in order.
    pub(super) fn check(&self, batch: &[InspectionEntry]) -> Vec<Alone> {
        batch
            .iter()
            .map(|e| {
                let checklist = self.checklists.get(&e.inspection.checklist_hash);
                trust::check_inspection_alone(e, checklist, self.now)
            })
            .collect()
    }
}

impl InspectionChecks {
    /// Refuses an inspection met before in the bundle (by id or serial number).
    pub(super) fn once(&mut self, e: &InspectionEntry) -> Result<()> {
        if !self.seen.insert(e.inspection.id.clone()) {
            return Err(refused(record_name(e), Refusal::Duplicate));
        }
        if let Some(serial) = &e.inspection.serial
            && !self.seen.insert(format!("serial {serial}"))
        {
            return Err(refused(serial.clone(), Refusal::Duplicate));
        }
        Ok(())
    }

    /// Who may write each record of `batch`, in order, after [`AloneChecks::check`] gave
    /// `alone`: the content of a record whose checklist version is not in the bundle is
    /// checked here, against the store's. The first refusal refuses the bundle.
    pub(super) fn authors(
        &mut self,
        store: &Store,
        batch: &[InspectionEntry],
        alone: Vec<Alone>,
        original: &dyn Fn(&str) -> Result<Option<Inspection>>,
    ) -> Result<()> {
        for (e, key) in batch.iter().zip(alone) {
            let key = key.map_err(|rule| refused(record_name(e), rule))?;
            self.content_from_store(store, e)?;
            let original = match &e.inspection.supersedes {
                Some(id) => original(id)?,
                None => None,
            };
            trust::check_inspection_author(&self.authors, e, &key, original.as_ref())
                .map_err(|rule| refused(record_name(e), rule))?;
        }
        Ok(())
    }

    /// The content of a record whose checklist version the bundle does not carry, against the
    /// store's version. A version in neither is refused by the plan, with its hash.
    fn content_from_store(&mut self, store: &Store, e: &InspectionEntry) -> Result<()> {
        let hash = &e.inspection.checklist_hash;
        if self.alone.checklists.contains_key(hash) {
            return Ok(());
        }
        if !self.from_store.contains_key(hash) {
            let stored = store.sync_checklist_version(hash)?;
            match stored.and_then(|v| serde_json::from_str(&v.content).ok()) {
                Some(parsed) => self.from_store.insert(hash.clone(), parsed),
                None => return Ok(()),
            };
        }
        trust::check_inspection_content(e, &self.from_store[hash], self.alone.now)
            .map_err(|rule| refused(record_name(e), rule))
    }

    /// The bundle's rectifications against the inspections they name: `lookup` finds one as
    /// the bundle has it, or as it is here.
    pub(super) fn rectifications<'v>(
        &self,
        store: &Store,
        rectifications: &[Rectification],
        lookup: &dyn Fn(&str) -> Result<Option<Cow<'v, InspectionFacts>>>,
    ) -> Result<()> {
        for rect in rectifications {
            let decided = self.decided.contains(&rect.id)
                || store.rectification_decision(&rect.id)?.is_some();
            let order = lookup(&rect.inspection_id)?;
            let follow_up = match &rect.follow_up_id {
                Some(id) => lookup(id)?,
                None => None,
            };
            // A rectification naming an inspection that is nowhere is refused by the plan.
            if let Some(order) = &order
                && (rect.follow_up_id.is_none() || follow_up.is_some())
            {
                trust::check_rectification(rect, order, follow_up.as_deref(), decided)
                    .map_err(|rule| refused(format!("{} {}", order.name, rect.item_id), rule))?;
            }
        }
        Ok(())
    }
}

/// One record once: two of one establishment revision, rectification, checklist version or
/// attachment are refused here, so that `--dry-run` says what the import would (issue 16),
/// never a raw UNIQUE error at apply. The inspections, streamed, are met once each by
/// [`InspectionChecks::once`].
fn refuse_duplicates(r: &super::records::Records, seen: &mut BTreeSet<String>) -> Result<()> {
    let dup = |record: String| refused(record, Refusal::Duplicate);
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

/// A record's author key, or why it is refused, from the checks of the record alone.
pub(super) type Alone = std::result::Result<ed25519_dalek::VerifyingKey, Refusal>;

/// `check` of each item, the two halves of `items` on two threads (a district year's 3,000
/// establishment revisions are signatures to check before anything else can be written);
/// the results in the items' order.
fn on_two_threads<T: Sync, R: Send>(items: &[T], check: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let (first, second) = items.split_at(items.len() / 2);
    let check_all = |part: &[T]| part.iter().map(&check).collect::<Vec<R>>();
    std::thread::scope(|scope| {
        let later = scope.spawn(|| check_all(second));
        let mut all = check_all(first);
        match later.join() {
            Ok(later) => all.extend(later),
            // A panic in the other thread is a bug; it is raised here rather than hidden.
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
