//! The reading thread of [`super::Inspections::read_ahead`]: inflates
//! records/inspections.json, checks its size and hash, and splits it into batches of
//! [`elements::BATCH`] elements' text for the relay.

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use sha2::Digest;
use zip::ZipArchive;

use super::bad;
use crate::bundle::archive::Source;
use crate::bundle::elements::{self, Splitter};
use crate::bundle::manifest::EntryDigest;
use crate::bundle::relay::Relay;
use crate::bundle::{BundleError, PROGRESS_CHUNK, Result, limits, records};

/// The text of a batch's elements, as the reading thread splits them.
pub(super) struct Texts {
    pub(super) texts: Vec<Vec<u8>>,
    /// Elements before these in the entry.
    pub(super) before: usize,
    /// Bytes of the entry read when the batch was complete.
    pub(super) read: u64,
}

/// The reading thread's part of [`Inspections::read_ahead`].
pub(super) struct Reading {
    /// `None` once the entry was read.
    pub(super) archive: Option<ZipArchive<Box<dyn Source>>>,
    /// The entry's place in the archive.
    pub(super) index: Option<usize>,
    pub(super) digest: EntryDigest,
    /// Bytes the other entries decompressed to: with this entry's, within `limits::TOTAL`.
    pub(super) others: u64,
    /// The batches will not be taken, nor the entry's hash asked for: reading stops.
    pub(super) given_up: Arc<AtomicBool>,
}

impl Reading {
    /// Reads the entry to its end, handing each batch's text to the relay; after an error
    /// (handed on in its batch's place) or once the relay stops, only to check the entry's
    /// size and hash, which is what this gives; once given up, not even that.
    pub(super) fn read<O>(
        self,
        relay: &Relay<Result<Texts>, O>,
        work: &(impl Fn(Result<Texts>) -> O + ?Sized),
    ) -> Result<()> {
        let name = records::INSPECTIONS;
        let (Some(mut archive), Some(i)) = (self.archive, self.index) else {
            return Err(BundleError::MissingEntry(name.to_string()));
        };
        let entry = archive
            .by_index(i)
            .map_err(|_| BundleError::HashMismatch(name.to_string()))?;
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
            if self.given_up.load(Ordering::Relaxed) {
                return Ok(());
            }
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
