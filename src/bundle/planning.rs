//! `records/planning.json`: the office's planning (issue 14, docs/planning.md) — the bureau's
//! inspectors, its 专项行动 and the tasks of campaigns and 双随机 draws — carried whole by an
//! office bundle to every laptop. Like the stations an office lists, it is office content: the
//! manifest's signature covers it, and an import takes it only from a bundle of kind `office`
//! signed by a station trusted as the office. An office with no planning writes no entry, so
//! its bundles are the same as before planning existed.

use std::collections::BTreeMap;

use super::manifest::Manifest;
use super::records::json;
use super::{BundleError, BundleKind, Result};
use crate::store::{PlanningSet, StationRow, Store};

/// The entry's name; optional, office bundles only.
pub const ENTRY: &str = "records/planning.json";

/// The entry an office bundle adds, if the office plans anything.
pub(super) fn entry(store: &Store, kind: BundleKind) -> Result<Option<Vec<u8>>> {
    if kind != BundleKind::Office {
        return Ok(None);
    }
    Ok(store.planning_set()?.map(|set| json(&set)))
}

/// The planning in a bundle's record files; refused in a field bundle.
pub(super) fn parse(
    manifest: &Manifest,
    files: &BTreeMap<String, Vec<u8>>,
) -> Result<Option<PlanningSet>> {
    let Some(bytes) = files.get(ENTRY) else {
        return Ok(None);
    };
    if manifest.kind != BundleKind::Office {
        return Err(BundleError::UnexpectedEntry(ENTRY.into()));
    }
    serde_json::from_slice(bytes)
        .map(Some)
        .map_err(|e| BundleError::BadRecord {
            entry: ENTRY.into(),
            detail: e.to_string(),
        })
}

/// The planning to apply: only an office's (the signer trusted here, or trusted now with this
/// bundle, as the office).
pub(super) fn accept(
    store: &Store,
    manifest: &Manifest,
    planning: Option<PlanningSet>,
    trust: Option<&StationRow>,
) -> Result<Option<PlanningSet>> {
    let Some(planning) = planning else {
        return Ok(None);
    };
    let signer_is_office = match trust {
        Some(row) => row.role == "office",
        None => store
            .station_by_key(&manifest.source.public_key)?
            .is_some_and(|s| s.role == "office"),
    };
    if !signer_is_office {
        return Err(BundleError::BadRecord {
            entry: ENTRY.into(),
            detail: format!(
                "planning from station {}, which is not trusted as the office",
                manifest.source.station
            ),
        });
    }
    Ok(Some(planning))
}
