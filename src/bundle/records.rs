//! records/*.json: the records a bundle carries, one JSON array per kind.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

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

/// The record files of a bundle, borrowed: an export writes them straight from its set, without
/// a copy of every record and answer (issue 20).
#[derive(Debug, Clone, Copy)]
pub struct RecordsRef<'a> {
    pub inspections: &'a [InspectionEntry],
    pub establishment_revisions: &'a [EstablishmentRevision],
    pub checklists: &'a [ChecklistVersion],
    pub rectifications: &'a [Rectification],
    pub attachments: &'a [AttachmentMeta],
    pub stations: &'a [StationRow],
    pub decisions: &'a [Decision],
}

impl<'a> RecordsRef<'a> {
    pub fn of_export(set: &'a ExportSet) -> RecordsRef<'a> {
        RecordsRef {
            inspections: &set.inspections,
            establishment_revisions: &set.establishment_revisions,
            checklists: &set.checklists,
            rectifications: &set.rectifications,
            attachments: &set.attachments,
            stations: &set.stations,
            decisions: &set.decisions,
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

    /// How many records the files hold in all.
    pub fn len(&self) -> u64 {
        [
            self.inspections.len(),
            self.establishment_revisions.len(),
            self.checklists.len(),
            self.rectifications.len(),
            self.attachments.len(),
            self.stations.len(),
            self.decisions.len(),
        ]
        .iter()
        .sum::<usize>() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the record file `name` (one of [`RECORD_FILES`]) to `out`, the same bytes as
    /// [`json`] of its records, one record at a time: an export streams a district year's
    /// 120 MB of inspections into its entry instead of building them whole (issue 20). `each`
    /// is called after every record.
    pub fn write<W: Write>(
        &self,
        name: &str,
        out: &mut W,
        each: &mut impl FnMut(),
    ) -> io::Result<()> {
        match name {
            INSPECTIONS => array(self.inspections, out, each),
            ESTABLISHMENT_REVISIONS => array(self.establishment_revisions, out, each),
            CHECKLISTS => array(self.checklists, out, each),
            RECTIFICATIONS => array(self.rectifications, out, each),
            ATTACHMENTS => array(self.attachments, out, each),
            STATIONS => array(self.stations, out, each),
            DECISIONS => array(self.decisions, out, each),
            other => Err(io::Error::other(format!("not a record file: {other}"))),
        }
    }
}

/// `[a,b,c]`, as serde_json writes a slice without spaces.
fn array<T: Serialize, W: Write>(
    items: &[T],
    out: &mut W,
    each: &mut impl FnMut(),
) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, item).map_err(io::Error::from)?;
        each();
    }
    out.write_all(b"]")
}

impl Records {
    pub fn borrowed(&self) -> RecordsRef<'_> {
        RecordsRef {
            inspections: &self.inspections,
            establishment_revisions: &self.establishment_revisions,
            checklists: &self.checklists,
            rectifications: &self.rectifications,
            attachments: &self.attachments,
            stations: &self.stations,
            decisions: &self.decisions,
        }
    }

    /// The manifest's `counts`.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.borrowed().counts()
    }

    /// Parses the record files from their bytes by entry name, all but the inspections, which
    /// an import streams (src/bundle/inspections.rs).
    pub fn parse(files: &BTreeMap<String, Vec<u8>>) -> Result<Records> {
        Ok(Records {
            inspections: Vec::new(),
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
