//! Planning in bundles (issue 14, docs/planning.md).
//!
//! `records/planning.json`: the office's planning — the bureau's inspectors, its 专项行动 and the
//! tasks of campaigns and 双随机 draws — carried whole by an office bundle to every laptop. Like
//! the stations an office lists, it is office content: the manifest's signature covers it, and
//! an import takes it only from a bundle of kind `office` signed by a station trusted as the
//! office. An office with no planning writes no entry, so its bundles are as before.
//!
//! `records/untagged.json`: in a field bundle, the inspections of the signing station that its
//! inspector took out of a campaign or put back in, with when; the office applies one only for
//! an inspection made at the bundle's signer, and keeps the later choice. A re-tag needs
//! format version 4 to be read as one (docs/bundle-format.md 6.9).

use std::collections::BTreeMap;

use super::manifest::Manifest;
use super::read::Verified;
use super::records::json;
use super::{BundleError, BundleKind, Result};
use crate::store::{CarriedPlanning, StationRow, Store, Untag};

/// The office's planning; optional, office bundles only.
pub const ENTRY: &str = "records/planning.json";
/// A station's untags; optional, field bundles only.
pub const UNTAGGED: &str = "records/untagged.json";

/// The entry a bundle of `kind` from `station` adds, if it has anything to carry.
pub(super) fn entry(
    store: &Store,
    kind: BundleKind,
    station: &str,
) -> Result<Option<(&'static str, Vec<u8>)>> {
    Ok(match kind {
        BundleKind::Office => store.planning_set()?.map(|set| (ENTRY, json(&set))),
        BundleKind::Field => {
            let untags = store.own_untags(station)?;
            (!untags.is_empty()).then(|| (UNTAGGED, json(&untags)))
        }
    })
}

fn bad(entry: &str, detail: String) -> BundleError {
    BundleError::BadRecord {
        entry: entry.into(),
        detail,
    }
}

/// The planning in a bundle's record files; each entry only in its kind of bundle.
pub(super) fn parse(
    manifest: &Manifest,
    files: &BTreeMap<String, Vec<u8>>,
) -> Result<Option<CarriedPlanning>> {
    for (name, kind) in [(ENTRY, BundleKind::Office), (UNTAGGED, BundleKind::Field)] {
        if files.contains_key(name) && manifest.kind != kind {
            return Err(BundleError::UnexpectedEntry(name.into()));
        }
    }
    if let Some(bytes) = files.get(ENTRY) {
        let set = serde_json::from_slice(bytes).map_err(|e| bad(ENTRY, e.to_string()))?;
        return Ok(Some(CarriedPlanning::Office(set)));
    }
    if let Some(bytes) = files.get(UNTAGGED) {
        let list = serde_json::from_slice(bytes).map_err(|e| bad(UNTAGGED, e.to_string()))?;
        return Ok(Some(CarriedPlanning::Untagged(list)));
    }
    Ok(None)
}

/// What of the planning to apply: an office's only from a signer trusted (here, or now with
/// this bundle) as the office; a station's untags, to be checked by [`check_untags`].
pub(super) fn accept(
    store: &Store,
    bundle: &mut Verified,
    trust: Option<&StationRow>,
) -> Result<Option<CarriedPlanning>> {
    let manifest = &bundle.manifest;
    match bundle.planning.take() {
        None => Ok(None),
        Some(CarriedPlanning::Office(set)) => {
            let signer_is_office = match trust {
                Some(row) => row.role == "office",
                None => store
                    .station_by_key(&manifest.source.public_key)?
                    .is_some_and(|s| s.role == "office"),
            };
            if !signer_is_office {
                return Err(bad(
                    ENTRY,
                    format!(
                        "planning from station {}, which is not trusted as the office",
                        manifest.source.station
                    ),
                ));
            }
            Ok(Some(CarriedPlanning::Office(set)))
        }
        // Checked by [`check_untags`] once the bundle's inspections are in: they stream.
        Some(untagged @ CarriedPlanning::Untagged(_)) => Ok(Some(untagged)),
    }
}

/// A station's untags only of inspections that station made: run after the bundle's own
/// inspections are written in the import's transaction, so `store` sees them with those here.
pub(super) fn check_untags(store: &Store, station: &str, list: &[Untag]) -> Result<()> {
    for Untag { inspection_id, .. } in list {
        let made_at = store.find_inspection(inspection_id).ok().map(|i| i.station);
        if made_at.as_deref() != Some(station) {
            return Err(bad(
                UNTAGGED,
                format!("inspection {inspection_id} was not made at station {station}"),
            ));
        }
    }
    Ok(())
}
