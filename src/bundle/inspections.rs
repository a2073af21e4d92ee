//! records/inspections.json, streamed: the one record file that grows with the year (a district
//! year is about 120 MB of JSON and 900,000 answers). It is decompressed, hashed and parsed in
//! batches of [`elements::BATCH`] records, each handed on and dropped before the next, so an
//! import's memory does not grow with the bundle (issue 16). The entry's size and hash are
//! checked as it streams; what was handed on before a mismatch was found is undone by the
//! caller, which applies everything in one transaction (`Store::begin_import`).

use std::collections::BTreeMap;
use std::io::Read;

use sha2::Digest;
use zip::ZipArchive;

use super::archive::Source;
use super::elements::{self, Splitter};
use super::manifest::EntryDigest;
use super::{BundleError, PROGRESS_CHUNK, Progress, Result, Stage, limits, records};
use crate::store::InspectionEntry;

/// The inspections of a verified bundle, read when asked for (and as often as asked).
pub struct Inspections {
    archive: ZipArchive<Box<dyn Source>>,
    index: BTreeMap<String, usize>,
    digest: EntryDigest,
    /// The manifest's counts of inspections and answers.
    declared: (u64, u64),
    /// Bytes the other entries decompressed to: with this entry's, within `limits::TOTAL`.
    others: u64,
}

impl std::fmt::Debug for Inspections {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inspections")
            .field("digest", &self.digest)
            .field("declared", &self.declared)
            .finish_non_exhaustive()
    }
}

impl Inspections {
    pub(super) fn new(
        archive: ZipArchive<Box<dyn Source>>,
        index: BTreeMap<String, usize>,
        digest: EntryDigest,
        declared: (u64, u64),
        others: u64,
    ) -> Inspections {
        Inspections {
            archive,
            index,
            digest,
            declared,
            others,
        }
    }

    /// Streams the inspections to `each`, a batch at a time, in the bundle's order. The entry
    /// must be a JSON array of exactly its declared size and hash, holding the manifest's
    /// counts of inspections and answers. An error of `each` or of a record met before the end
    /// is reported as damage when the entry's hash turns out wrong: an altered file is named
    /// as altered, not by whatever the alteration broke first.
    pub fn for_each_batch(
        &mut self,
        progress: &mut dyn FnMut(Progress),
        each: &mut dyn FnMut(Vec<InspectionEntry>) -> Result<()>,
    ) -> Result<()> {
        let name = records::INSPECTIONS;
        let damaged = || BundleError::HashMismatch(name.to_string());
        let bad = |detail: String| BundleError::BadRecord {
            entry: name.to_string(),
            detail,
        };
        let i = *self
            .index
            .get(name)
            .ok_or_else(|| BundleError::MissingEntry(name.to_string()))?;
        let size = self.digest.size;
        let budget = limits::TOTAL.saturating_sub(self.others);
        let total = self.others.saturating_add(size);
        let entry = self.archive.by_index(i).map_err(|_| damaged())?;
        // One byte more than declared is read, to tell that there were more.
        let mut reader = entry.take(size.min(budget).saturating_add(1));
        let mut hasher = sha2::Sha256::new();
        let mut splitter = Splitter::new();
        let mut chunk = vec![0u8; PROGRESS_CHUNK];
        let mut texts = Vec::new();
        let (mut len, mut inspections, mut answers) = (0u64, 0u64, 0u64);
        let mut first_error: Option<BundleError> = None;
        loop {
            let n = match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return Err(damaged()),
            };
            len += n as u64;
            if len > size || len > budget {
                return Err(if len > budget {
                    BundleError::TooLarge {
                        name: "*".into(),
                        limit: limits::TOTAL,
                    }
                } else {
                    BundleError::SizeMismatch {
                        name: name.to_string(),
                        declared: size,
                    }
                });
            }
            hasher.update(&chunk[..n]);
            progress(Progress {
                stage: Stage::Reading,
                done: self.others.saturating_add(len),
                total,
            });
            if first_error.is_some() {
                // Read on only to learn whether the entry is the one the manifest names.
                continue;
            }
            let fed = splitter.feed(&chunk[..n], &mut texts).map_err(bad);
            let step = || -> Result<()> {
                fed?;
                while texts.len() >= elements::BATCH {
                    let rest = texts.split_off(elements::BATCH);
                    let batch = std::mem::replace(&mut texts, rest);
                    hand_on(&batch, splitter.count - batch.len() - texts.len(), each).map(
                        |(i, a)| {
                            inspections += i;
                            answers += a;
                        },
                    )?;
                }
                Ok(())
            };
            if let Err(e) = step() {
                first_error = Some(e);
            }
        }
        if len != size || hex::encode(hasher.finalize()) != self.digest.sha256 {
            return Err(if len != size {
                BundleError::SizeMismatch {
                    name: name.to_string(),
                    declared: size,
                }
            } else {
                damaged()
            });
        }
        if let Some(e) = first_error {
            return Err(e);
        }
        splitter.finish().map_err(bad)?;
        let (i, a) = hand_on(&texts, splitter.count - texts.len(), each)?;
        if (inspections + i, answers + a) != self.declared {
            return Err(BundleError::BadManifest(
                "counts do not match the records".into(),
            ));
        }
        Ok(())
    }

    /// Every inspection at once: for small bundles and tests. An import streams them.
    pub fn read_all(&mut self) -> Result<Vec<InspectionEntry>> {
        let mut all = Vec::new();
        self.for_each_batch(&mut |_| {}, &mut |batch| {
            all.extend(batch);
            Ok(())
        })?;
        Ok(all)
    }
}

/// Parses a batch of elements (numbered from `before + 1`) and hands it on; gives how many
/// inspections and answers it held.
fn hand_on(
    texts: &[Vec<u8>],
    before: usize,
    each: &mut dyn FnMut(Vec<InspectionEntry>) -> Result<()>,
) -> Result<(u64, u64)> {
    if texts.is_empty() {
        return Ok((0, 0));
    }
    let batch: Vec<InspectionEntry> =
        elements::parse_batch(texts, before).map_err(|detail| BundleError::BadRecord {
            entry: records::INSPECTIONS.to_string(),
            detail,
        })?;
    let answers = batch.iter().map(|e| e.answers.len() as u64).sum();
    let count = batch.len() as u64;
    each(batch)?;
    Ok((count, answers))
}
