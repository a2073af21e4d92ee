//! The ZIP archive underneath a bundle, read without trusting it: how many entries its end record
//! declares, and one entry at a time within a size limit.

use std::collections::BTreeMap;
use std::io::{Read, Seek};

use zip::ZipArchive;

use super::{BundleError, PROGRESS_CHUNK, Result};

/// Where the archive's bytes come from: the bundle file, or memory (the fuzz targets).
pub(super) trait Source: Read + Seek + Send {}
impl<T: Read + Seek + Send> Source for T {}

/// How many entries the archive's end record says its central directory holds (ZIP64 too), or
/// `None` when it cannot be read (the zip crate then refuses the archive on its own).
pub(super) fn central_directory_entries(source: &mut Box<dyn Source>) -> Option<u64> {
    use std::io::SeekFrom;
    let len = source.seek(SeekFrom::End(0)).ok()?;
    // The end record is 22 bytes plus a comment of at most 65,535.
    let tail_len = len.min(22 + 65_535);
    source.seek(SeekFrom::Start(len - tail_len)).ok()?;
    let mut tail = vec![0u8; tail_len as usize];
    source.read_exact(&mut tail).ok()?;
    source.seek(SeekFrom::Start(0)).ok()?;
    let at = tail
        .windows(4)
        .rposition(|w| w == b"PK\x05\x06")
        .filter(|at| at + 22 <= tail.len())?;
    let count = u64::from(u16::from_le_bytes([tail[at + 10], tail[at + 11]]));
    if count != 0xFFFF {
        return Some(count);
    }
    // ZIP64: the locator just before the end record gives where the ZIP64 end record is.
    let locator = at.checked_sub(20)?;
    if &tail[locator..locator + 4] != b"PK\x06\x07" {
        return None;
    }
    let offset = u64::from_le_bytes(tail[locator + 8..locator + 16].try_into().ok()?);
    source.seek(SeekFrom::Start(offset)).ok()?;
    let mut record = [0u8; 40];
    source.read_exact(&mut record).ok()?;
    source.seek(SeekFrom::Start(0)).ok()?;
    if &record[..4] != b"PK\x06\x06" {
        return None;
    }
    Some(u64::from_le_bytes(record[32..40].try_into().ok()?))
}

/// Reads one entry, never more than `limit` bytes (plus one, to tell that there were more).
/// With `exact`, the entry must be exactly `limit` bytes long. `report` hears of each chunk.
pub(super) fn read_entry(
    archive: &mut ZipArchive<Box<dyn Source>>,
    index: &BTreeMap<String, usize>,
    name: &str,
    (limit, exact): (u64, bool),
    report: &mut dyn FnMut(u64),
) -> Result<Vec<u8>> {
    let damaged = || BundleError::HashMismatch(name.to_string());
    let i = *index
        .get(name)
        .ok_or_else(|| BundleError::MissingEntry(name.to_string()))?;
    let entry = archive.by_index(i).map_err(|_| damaged())?;
    let mut bounded = entry.take(limit.saturating_add(1));
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; PROGRESS_CHUNK];
    loop {
        let n = match bounded.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return Err(damaged()),
        };
        bytes.extend_from_slice(&chunk[..n]);
        report(n as u64);
    }
    let len = bytes.len() as u64;
    if len > limit {
        return Err(if exact {
            BundleError::SizeMismatch {
                name: name.to_string(),
                declared: limit,
            }
        } else {
            BundleError::TooLarge {
                name: name.to_string(),
                limit,
            }
        });
    }
    if exact && len != limit {
        return Err(BundleError::SizeMismatch {
            name: name.to_string(),
            declared: limit,
        });
    }
    Ok(bytes)
}
