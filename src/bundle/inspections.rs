//! records/inspections.json, streamed: the one record file that grows with the year (a district
//! year is about 120 MB of JSON and 900,000 answers). It is decompressed, hashed and parsed in
//! batches of [`elements::BATCH`] records, a few in flight at a time, each handed on and
//! dropped, so an import's memory does not grow with the bundle (issue 16). The entry's size and hash are
//! checked as it streams; what was handed on before a mismatch was found is undone by the
//! caller, which applies everything in one transaction (`Store::begin_import`).

use std::collections::BTreeMap;
use std::io::Read;

use sha2::Digest;
use zip::ZipArchive;

use super::archive::Source;
use super::elements::{self, Splitter};
use super::manifest::EntryDigest;
use super::relay::{Relay, StopOnPanic};
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

    /// Streams the inspections to `each`, a batch at a time, in the bundle's order, each with
    /// what `prepare` made of it. The entry must be a JSON array of exactly its declared size
    /// and hash, holding the manifest's counts of inspections and answers.
    ///
    /// The entry is inflated, hashed and split on a thread of its own; each batch is parsed
    /// and `prepare`d by whichever thread is free, this one too while it waits for the next
    /// batch in order (src/bundle/relay.rs; issue 20: an import's write, the one thread no
    /// other can relieve, waited for all of that). What is refused, and which refusal is
    /// reported, is as if each batch were read, prepared and handed on in turn: the first
    /// error in the stream's order; but an error of `each` or of a record met before the end
    /// is reported as damage when the entry's hash turns out wrong: an altered file is named
    /// as altered, not by whatever the alteration broke first.
    pub fn for_each_batch<T: Send>(
        &mut self,
        progress: &mut dyn FnMut(Progress),
        prepare: impl Fn(&[InspectionEntry]) -> T + Sync,
        each: &mut dyn FnMut(Vec<InspectionEntry>, T) -> Result<()>,
    ) -> Result<()> {
        let name = records::INSPECTIONS;
        let i = *self
            .index
            .get(name)
            .ok_or_else(|| BundleError::MissingEntry(name.to_string()))?;
        let entry = self
            .archive
            .by_index(i)
            .map_err(|_| BundleError::HashMismatch(name.to_string()))?;
        let reading = Reading {
            digest: &self.digest,
            others: self.others,
        };
        let (others, total) = (self.others, self.others.saturating_add(self.digest.size));
        let work = |texts: Result<Texts>| -> Result<Batch<T>> {
            let texts = texts?;
            let entries = parse(&texts.texts, texts.before)?;
            Ok(Batch {
                answers: entries.iter().map(|e| e.answers.len() as u64).sum(),
                prepared: prepare(&entries),
                entries,
                read: texts.read,
            })
        };
        // A few batches in flight: the memory of those, not of the entry.
        let relay = Relay::new(AHEAD);
        let (read, handed) = std::thread::scope(|scope| {
            let reader = scope.spawn(|| {
                crate::platform::lower_thread_priority();
                let _stop = StopOnPanic(&relay);
                let read = reading.read(entry, &relay, &work);
                relay.close();
                read
            });
            scope.spawn(|| {
                crate::platform::lower_thread_priority();
                let _stop = StopOnPanic(&relay);
                relay.help(&work);
            });
            let _stop = StopOnPanic(&relay);
            let (mut handed, mut failed) = ((0u64, 0u64), None);
            while let Some(batch) = relay.take(&work) {
                let step = batch.and_then(|b| {
                    progress(Progress {
                        stage: Stage::Reading,
                        done: others.saturating_add(b.read),
                        total,
                    });
                    let counts = (b.entries.len() as u64, b.answers);
                    each(b.entries, b.prepared).map(|()| counts)
                });
                match step {
                    Ok((i, a)) => handed = (handed.0 + i, handed.1 + a),
                    Err(e) => {
                        // The reader reads on to the end, to check the entry's hash.
                        failed = Some(e);
                        relay.stop();
                    }
                }
            }
            match reader.join() {
                Ok(read) => (read, failed.map_or(Ok(handed), Err)),
                // A panic on the reading thread is a bug; it is raised here rather than hidden.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        read?;
        let counts = handed?;
        if counts != self.declared {
            return Err(BundleError::BadManifest(
                "counts do not match the records".into(),
            ));
        }
        progress(Progress {
            stage: Stage::Reading,
            done: total,
            total,
        });
        Ok(())
    }

    /// Every inspection at once: for small bundles and tests. An import streams them.
    pub fn read_all(&mut self) -> Result<Vec<InspectionEntry>> {
        let mut all = Vec::new();
        self.for_each_batch(&mut |_| {}, |_| (), &mut |batch, ()| {
            all.extend(batch);
            Ok(())
        })?;
        Ok(all)
    }
}

/// Batches made ahead of the one being written, at most.
const AHEAD: usize = 6;

/// The text of a batch's elements, as the reading thread splits them.
struct Texts {
    texts: Vec<Vec<u8>>,
    /// Elements before these in the entry.
    before: usize,
    /// Bytes of the entry read when the batch was complete.
    read: u64,
}

/// A batch of the stream, parsed and prepared.
struct Batch<T> {
    entries: Vec<InspectionEntry>,
    prepared: T,
    /// Their answers.
    answers: u64,
    read: u64,
}

/// The reading thread's part of [`Inspections::for_each_batch`].
struct Reading<'a> {
    digest: &'a EntryDigest,
    /// Bytes the other entries decompressed to: with this entry's, within `limits::TOTAL`.
    others: u64,
}

impl Reading<'_> {
    /// Reads the entry to its end, handing each batch's text to the relay; after an error
    /// (handed on in its batch's place) or once the relay stops, only to check the entry's
    /// size and hash, which is what this gives.
    fn read<O>(
        &self,
        entry: impl Read,
        relay: &Relay<Result<Texts>, O>,
        work: &impl Fn(Result<Texts>) -> O,
    ) -> Result<()> {
        let name = records::INSPECTIONS;
        let size = self.digest.size;
        let budget = limits::TOTAL.saturating_sub(self.others);
        // One byte more than declared is read, to tell that there were more.
        let mut reader = entry.take(size.min(budget).saturating_add(1));
        let mut hasher = sha2::Sha256::new();
        let mut splitter = Splitter::new();
        let mut chunk = vec![0u8; PROGRESS_CHUNK];
        let mut texts = Vec::new();
        let mut len = 0u64;
        let mut handing = true;
        let hand = |texts: Vec<Vec<u8>>, before: usize, read: u64| {
            relay.make(
                Ok(Texts {
                    texts,
                    before,
                    read,
                }),
                work,
            )
        };
        loop {
            let n = match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return Err(BundleError::HashMismatch(name.to_string())),
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
            if !handing {
                continue;
            }
            if let Err(detail) = splitter.feed(&chunk[..n], &mut texts) {
                handing = false;
                relay.make(Err(bad(detail)), work);
                continue;
            }
            while handing && texts.len() >= elements::BATCH {
                let rest = texts.split_off(elements::BATCH);
                let batch = std::mem::replace(&mut texts, rest);
                let before = splitter.count - batch.len() - texts.len();
                handing = hand(batch, before, len);
            }
        }
        if len != size {
            return Err(BundleError::SizeMismatch {
                name: name.to_string(),
                declared: size,
            });
        }
        if hex::encode(hasher.finalize()) != self.digest.sha256 {
            return Err(BundleError::HashMismatch(name.to_string()));
        }
        if handing {
            match splitter.finish() {
                Err(detail) => {
                    relay.make(Err(bad(detail)), work);
                }
                Ok(()) if !texts.is_empty() => {
                    let before = splitter.count - texts.len();
                    hand(texts, before, len);
                }
                Ok(()) => {}
            }
        }
        Ok(())
    }
}

/// Parses a batch of elements, numbered from `before + 1`.
fn parse(texts: &[Vec<u8>], before: usize) -> Result<Vec<InspectionEntry>> {
    elements::parse_batch(texts, before).map_err(bad)
}

fn bad(detail: String) -> BundleError {
    BundleError::BadRecord {
        entry: records::INSPECTIONS.to_string(),
        detail,
    }
}
