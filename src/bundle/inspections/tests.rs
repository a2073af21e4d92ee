//! The inspections read ahead and not taken.

use std::io::{Cursor, Read, Seek, SeekFrom, Write};
use std::sync::atomic::AtomicU64;

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::*;

/// An archive's bytes, counting what is read of them.
struct Counted {
    bytes: Cursor<Vec<u8>>,
    read: Arc<AtomicU64>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.bytes.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl Seek for Counted {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.bytes.seek(to)
    }
}

/// An import refused before its inspections (say, an establishment revision by an
/// unknown author) drops what was read ahead: the reading stops there rather than
/// inflating and hashing the rest of a district year for nobody.
#[test]
fn inspections_read_ahead_and_not_taken_are_not_read_to_the_end() {
    let element = br#"{"inspection": "not one"},"#;
    // About 10 MB: many times what is read before the reader waits for room.
    let count = 400_000;
    let mut entry = b"[".to_vec();
    for _ in 0..count {
        entry.extend_from_slice(element);
    }
    entry.pop();
    entry.push(b']');
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file(records::INSPECTIONS, stored).unwrap();
    zip.write_all(&entry).unwrap();
    let bytes = zip.finish().unwrap().into_inner();

    let read = Arc::new(AtomicU64::new(0));
    let source: Box<dyn Source> = Box::new(Counted {
        bytes: Cursor::new(bytes),
        read: read.clone(),
    });
    let archive = ZipArchive::new(source).unwrap();
    let index = BTreeMap::from([(records::INSPECTIONS.to_string(), 0)]);
    let digest = EntryDigest {
        sha256: crate::bundle::sha256_hex(&entry),
        size: entry.len() as u64,
    };
    let mut inspections = Inspections::new(archive, index, digest, (count as u64, 0), 0);
    let ahead = inspections.read_ahead(|batch| batch.len());
    drop(ahead);

    let read = read.load(Ordering::Relaxed);
    assert!(
        read < entry.len() as u64 / 4,
        "{read} of the entry's {} bytes were read",
        entry.len()
    );
}
