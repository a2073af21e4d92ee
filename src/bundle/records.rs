//! records/*.json: the records a bundle carries, one JSON array per kind.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::{BundleError, Result};
use crate::domain::inspection::Rectification;
use crate::store::{
    AttachmentMeta, ChecklistVersion, Decision, EstablishmentRevision, ExportSet, InspectionEntry,
    StationRow,
};

pub const INSPECTIONS: &str = "records/inspections.json";
pub const ESTABLISHMENT_REVISIONS: &str = "records/establishment_revisions.json";
pub const CHECKLISTS: &str = "records/checklists.json";
pub const RECTIFICATIONS: &str = "records/rectifications.json";
pub const ATTACHMENTS: &str = "records/attachments.json";
/// The stations the signer knows (office bundles; `[]` in field bundles).
pub const STATIONS: &str = "records/stations.json";
/// The office's decisions that closed rectifications without a follow-up.
pub const DECISIONS: &str = "records/decisions.json";
/// Office bundles only: the office's public identity.
pub const IDENTITY: &str = "records/identity.json";

/// The record files every bundle has (possibly as empty arrays).
pub const RECORD_FILES: [&str; 7] = [
    INSPECTIONS,
    ESTABLISHMENT_REVISIONS,
    CHECKLISTS,
    RECTIFICATIONS,
    ATTACHMENTS,
    STATIONS,
    DECISIONS,
];

/// The parsed records of a bundle.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    pub inspections: Vec<InspectionEntry>,
    pub establishment_revisions: Vec<EstablishmentRevision>,
    pub checklists: Vec<ChecklistVersion>,
    pub rectifications: Vec<Rectification>,
    pub attachments: Vec<AttachmentMeta>,
    pub stations: Vec<StationRow>,
    pub decisions: Vec<Decision>,
}

impl Records {
    pub fn from_export(set: &ExportSet) -> Records {
        Records {
            inspections: set.inspections.clone(),
            establishment_revisions: set.establishment_revisions.clone(),
            checklists: set.checklists.clone(),
            rectifications: set.rectifications.clone(),
            attachments: set.attachments.clone(),
            stations: set.stations.clone(),
            decisions: set.decisions.clone(),
        }
    }

    /// The manifest's `counts`.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        let answers: usize = self.inspections.iter().map(|i| i.answers.len()).sum();
        [
            ("inspections", self.inspections.len()),
            ("answers", answers),
            (
                "establishment_revisions",
                self.establishment_revisions.len(),
            ),
            ("checklists", self.checklists.len()),
            ("rectifications", self.rectifications.len()),
            ("attachments", self.attachments.len()),
            ("stations", self.stations.len()),
            ("decisions", self.decisions.len()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v as u64))
        .collect()
    }

    /// Each record file as `(entry name, JSON bytes)`.
    pub fn to_entries(&self) -> Vec<(&'static str, Vec<u8>)> {
        vec![
            (INSPECTIONS, json(&self.inspections)),
            (ESTABLISHMENT_REVISIONS, json(&self.establishment_revisions)),
            (CHECKLISTS, json(&self.checklists)),
            (RECTIFICATIONS, json(&self.rectifications)),
            (ATTACHMENTS, json(&self.attachments)),
            (STATIONS, json(&self.stations)),
            (DECISIONS, json(&self.decisions)),
        ]
    }

    /// Parses the record files from their bytes by entry name.
    pub fn parse(files: &BTreeMap<String, Vec<u8>>) -> Result<Records> {
        Ok(Records {
            inspections: parse_on_two_cores(files, INSPECTIONS)?,
            establishment_revisions: parse(files, ESTABLISHMENT_REVISIONS)?,
            checklists: parse(files, CHECKLISTS)?,
            rectifications: parse(files, RECTIFICATIONS)?,
            attachments: parse(files, ATTACHMENTS)?,
            stations: parse(files, STATIONS)?,
            decisions: parse(files, DECISIONS)?,
        })
    }
}

/// Serializing plain data (strings, numbers, vectors, maps with string keys) cannot fail.
pub fn json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

fn parse<T: DeserializeOwned>(files: &BTreeMap<String, Vec<u8>>, name: &str) -> Result<T> {
    let bytes = files
        .get(name)
        .ok_or_else(|| BundleError::MissingEntry(name.to_string()))?;
    serde_json::from_slice(bytes).map_err(|e| BundleError::BadRecord {
        entry: name.to_string(),
        detail: e.to_string(),
    })
}

/// A long array parsed in two halves at once. The inspections of a district year, with their
/// 800,000 answers, were a fifth of an import parsed on one core (issue 7). The array is first
/// split into its elements' raw text (a scan that builds nothing), then each half is parsed on
/// its own thread; an error names the element.
fn parse_on_two_cores<T: DeserializeOwned + Send>(
    files: &BTreeMap<String, Vec<u8>>,
    name: &str,
) -> Result<Vec<T>> {
    let bad = |detail: String| BundleError::BadRecord {
        entry: name.to_string(),
        detail,
    };
    let bytes = files
        .get(name)
        .ok_or_else(|| BundleError::MissingEntry(name.to_string()))?;
    let elements: Vec<&RawValue> = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
    let (first, second) = elements.split_at(elements.len() / 2);
    let parse_all = |part: &[&RawValue], offset: usize| -> Result<Vec<T>> {
        part.iter()
            .enumerate()
            .map(|(i, raw)| {
                serde_json::from_str(raw.get())
                    .map_err(|e| bad(format!("element {}: {e}", offset + i + 1)))
            })
            .collect()
    };
    std::thread::scope(|scope| {
        let later = scope.spawn(|| parse_all(second, first.len()));
        let mut all = parse_all(first, 0)?;
        all.extend(
            later
                .join()
                .map_err(|_| bad("parser thread failed".into()))??,
        );
        Ok(all)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(json: &str) -> BTreeMap<String, Vec<u8>> {
        BTreeMap::from([(INSPECTIONS.to_string(), json.as_bytes().to_vec())])
    }

    #[test]
    fn the_two_halves_keep_the_order_and_an_error_names_its_element() {
        let parsed: Vec<u32> = parse_on_two_cores(&files("[1, 2, 3, 4, 5]"), INSPECTIONS).unwrap();
        assert_eq!(parsed, [1, 2, 3, 4, 5]);
        let empty: Vec<u32> = parse_on_two_cores(&files("[]"), INSPECTIONS).unwrap();
        assert!(empty.is_empty());

        let err =
            parse_on_two_cores::<u32>(&files("[1, 2, 3, \"four\", 5]"), INSPECTIONS).unwrap_err();
        match err {
            BundleError::BadRecord { entry, detail } => {
                assert_eq!(entry, INSPECTIONS);
                assert!(detail.starts_with("element 4: "), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        // Not an array, or cut short: the whole entry is refused with serde's position.
        for text in ["{}", "[1, 2", ""] {
            assert!(matches!(
                parse_on_two_cores::<u32>(&files(text), INSPECTIONS),
                Err(BundleError::BadRecord { .. })
            ));
        }
    }
}
