//! SHA-256 of what a bundle holds: each entry's content as it is written, and the whole file.

use std::io::Write;
use std::path::Path;

use sha2::Digest as _;

use super::manifest::EntryDigest;
use super::{BundleError, Result};

/// Writes an entry's content through `content` into `zip`, hashing and counting it on the way.
pub(super) fn hashed(
    zip: &mut dyn Write,
    content: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<EntryDigest> {
    let mut out = Hashing {
        inner: zip,
        hasher: sha2::Sha256::new(),
        size: 0,
    };
    content(&mut out)?;
    Ok(EntryDigest {
        sha256: hex::encode(out.hasher.finalize()),
        size: out.size,
    })
}

/// The bytes written to an entry, hashed and counted as they pass.
struct Hashing<'a> {
    inner: &'a mut dyn Write,
    hasher: sha2::Sha256,
    size: u64,
}

impl Write for Hashing<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

pub(crate) fn file_sha256(path: &Path) -> Result<String> {
    let mut file = std::fs::File::open(path).map_err(|source| BundleError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut hasher = sha2::Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = std::io::Read::read(&mut file, &mut buf).map_err(|source| BundleError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}
