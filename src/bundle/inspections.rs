//! records/inspections.json, streamed: the one record file that grows with the year (a district
//! year is about 120 MB of JSON and 900,000 answers). It is decompressed, hashed and parsed in
//! batches of [`elements::BATCH`] records, at most [`AHEAD`] in flight, each handed on and
//! dropped, so an import's memory does not grow with the bundle (issue 16). The entry's size and
//! hash are checked as it streams; what was handed on before a mismatch was found is undone by the
//! caller, which applies everything in one transaction (`Store::begin_import`).

mod reading;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use zip::ZipArchive;

use self::reading::{Reading, Texts};
use super::archive::Source;
use super::elements;
use super::manifest::EntryDigest;
use super::relay::{Relay, StopOnPanic};
use super::{BundleError, Progress, Result, Stage, records};
use crate::store::InspectionEntry;

/// The inspections of a verified bundle, read once, when asked for.
pub struct Inspections {
    /// Taken by the one read of the entry.
    archive: Option<ZipArchive<Box<dyn Source>>>,
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
            archive: Some(archive),
            index,
            digest,
            declared,
            others,
        }
    }

    /// Starts reading the inspections on threads of their own: the entry is inflated, hashed
    /// and split on one; each batch is parsed and `prepare`d by whichever thread is free. An
    /// import starts this before it checks and writes what the inspections refer to, so the
    /// second core is busy meanwhile (issue 20); [`Ahead::for_each`] then hands the batches
    /// on. At most [`AHEAD`] batches are made before they are taken: the memory of those, not
    /// of the entry. The entry is read once: a second read finds no entry.
    pub fn read_ahead<T: Send + 'static>(
        &mut self,
        prepare: impl Fn(&[InspectionEntry]) -> T + Send + Sync + 'static,
    ) -> Ahead<T> {
        let work: Arc<Work<T>> = Arc::new(move |texts: Result<Texts>| {
            let texts = texts?;
            let entries = parse(&texts.texts, texts.before)?;
            Ok(Batch {
                answers: entries.iter().map(|e| e.answers.len() as u64).sum(),
                prepared: prepare(&entries),
                entries,
                read: texts.read,
            })
        });
        let relay = Arc::new(Relay::new(AHEAD));
        let given_up = Arc::new(AtomicBool::new(false));
        let reading = Reading {
            archive: self.archive.take(),
            index: self.index.get(records::INSPECTIONS).copied(),
            digest: self.digest.clone(),
            others: self.others,
            given_up: given_up.clone(),
        };
        let reader = {
            let (relay, work) = (relay.clone(), work.clone());
            std::thread::spawn(move || {
                crate::platform::lower_thread_priority();
                let _stop = StopOnPanic(&relay);
                let read = reading.read(&relay, &*work);
                relay.close();
                read
            })
        };
        let helper = {
            let (relay, work) = (relay.clone(), work.clone());
            std::thread::spawn(move || {
                crate::platform::lower_thread_priority();
                let _stop = StopOnPanic(&relay);
                relay.help(&*work);
            })
        };
        Ahead {
            relay,
            work,
            given_up,
            threads: Some((reader, helper)),
            declared: self.declared,
            others: self.others,
            total: self.others.saturating_add(self.digest.size),
        }
    }

    /// Streams the inspections to `each`, a batch at a time, in the bundle's order, each with
    /// what `prepare` made of it (see [`Inspections::read_ahead`] and [`Ahead::for_each`]).
    pub fn for_each_batch<T: Send + 'static>(
        &mut self,
        progress: &mut dyn FnMut(Progress),
        prepare: impl Fn(&[InspectionEntry]) -> T + Send + Sync + 'static,
        each: &mut dyn FnMut(Vec<InspectionEntry>, T) -> Result<()>,
    ) -> Result<()> {
        self.read_ahead(prepare).for_each(progress, each)
    }
}

/// What the threads do with a batch's text: parse and prepare it.
type Work<T> = dyn Fn(Result<Texts>) -> Result<Batch<T>> + Send + Sync;

/// The inspections being read ahead ([`Inspections::read_ahead`]). Dropped before they are
/// taken (an import refused before its inspections), the reading is given up: the threads
/// stop without reading the rest of the entry.
pub struct Ahead<T> {
    relay: Arc<Relay<Result<Texts>, Result<Batch<T>>>>,
    work: Arc<Work<T>>,
    given_up: Arc<AtomicBool>,
    /// The reading thread and the helper, until joined.
    threads: Option<(JoinHandle<Result<()>>, JoinHandle<()>)>,
    declared: (u64, u64),
    others: u64,
    total: u64,
}

impl<T> Ahead<T> {
    /// Hands the inspections to `each`, a batch at a time, in the bundle's order, each with
    /// what `prepare` made of it. The entry must be a JSON array of exactly its declared size
    /// and hash, holding the manifest's counts of inspections and answers.
    ///
    /// This thread works on batches too while it waits for the next in order
    /// (src/bundle/relay.rs; issue 20: an import's write, the one thread no other can
    /// relieve, waited for all of that). What is refused, and which refusal is reported, is
    /// as if each batch were read, prepared and handed on in turn: the first error in the
    /// stream's order; but an error of `each` or of a record met before the end is reported
    /// as damage when the entry's hash turns out wrong: an altered file is named as altered,
    /// not by whatever the alteration broke first.
    pub fn for_each(
        mut self,
        progress: &mut dyn FnMut(Progress),
        each: &mut dyn FnMut(Vec<InspectionEntry>, T) -> Result<()>,
    ) -> Result<()> {
        let (relay, work) = (self.relay.clone(), self.work.clone());
        let (mut handed, mut failed) = ((0u64, 0u64), None);
        let _stop = StopOnPanic(&relay);
        while let Some(batch) = relay.take(&*work) {
            let step = batch.and_then(|b| {
                progress(Progress {
                    stage: Stage::Reading,
                    done: self.others.saturating_add(b.read),
                    total: self.total,
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
        self.join()?;
        let counts = failed.map_or(Ok(handed), Err)?;
        if counts != self.declared {
            return Err(BundleError::BadManifest(
                "counts do not match the records".into(),
            ));
        }
        progress(Progress {
            stage: Stage::Reading,
            done: self.total,
            total: self.total,
        });
        Ok(())
    }

    /// Waits for the threads: what the reading thread found of the entry's size and hash.
    /// A panic on either is a bug; it is raised here rather than hidden.
    fn join(&mut self) -> Result<()> {
        let Some((reader, helper)) = self.threads.take() else {
            return Ok(());
        };
        let read = reader.join();
        let helped = helper.join();
        if let Err(panic) = helped {
            std::panic::resume_unwind(panic);
        }
        read.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

impl<T> Drop for Ahead<T> {
    fn drop(&mut self) {
        if let Some((reader, helper)) = self.threads.take() {
            self.given_up.store(true, Ordering::Relaxed);
            self.relay.stop();
            // Not raised: this may run while a panic unwinds.
            let _ = (reader.join(), helper.join());
        }
    }
}

/// Batches made ahead of the one being written, at most: about 1 MB each once parsed. More
/// were tried (24: the other core busy through all of the 0.2–0.3 s before the first batch is
/// taken, BENCHMARKS.md); the import was no faster, for 20 MB more.
const AHEAD: usize = 6;

/// A batch of the stream, parsed and prepared.
struct Batch<T> {
    entries: Vec<InspectionEntry>,
    prepared: T,
    /// Their answers.
    answers: u64,
    read: u64,
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

#[cfg(test)]
mod tests;
