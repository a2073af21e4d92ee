//! Entry points shared by the fuzz targets (fuzz/) and the regression tests that replay what
//! the fuzzers found (tests/cli/fuzz_regressions.rs). Each takes arbitrary bytes and must not panic.

use crate::domain::checklist::{parse_draft, resolve_all};

/// A checklist file: parsed, and resolved together with itself so includes are exercised.
pub fn checklist(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(draft) = parse_draft("fuzz.toml", &text) {
        let mut other = draft.clone();
        other.id.push_str("-copy");
        let _ = resolve_all(vec![draft, other]);
    }
}

/// A roster CSV in any encoding.
pub fn roster(data: &[u8]) {
    let _ = crate::roster::parse(data);
}

/// The key of the one station the bundle targets trust, derived from a fixed seed.
fn trusted_key() -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[7u8; 32])
}

/// Any bytes as a bundle file: the verifying reader, with one fixed trusted station. Only a
/// bundle signed by that station is read past its manifest.
pub fn bundle(data: &[u8]) {
    use crate::bundle::Opened;
    let Ok(opened) = Opened::from_bytes(std::path::Path::new("fuzz.shian"), data.to_vec()) else {
        return;
    };
    let trusted = hex::encode(trusted_key().verifying_key().as_bytes());
    if opened.manifest.source.public_key == trusted {
        let _ = opened.read();
    }
}

/// A well-formed bundle signed by the trusted station around arbitrary entry contents, so the
/// fuzzer reaches the records parser and the cross-checks behind the signature. The input is
/// split at 0xFF bytes: the first part picks the kind and whether the manifest tells the truth,
/// the next parts are the record files in order, then the identity and an attachment.
pub fn bundle_signed(data: &[u8]) {
    let mut parts = data.split(|b| *b == 0xFF);
    let flags = parts.next().and_then(|p| p.first().copied()).unwrap_or(0);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for name in crate::bundle::records::RECORD_FILES {
        files.push((name.to_string(), parts.next().unwrap_or(b"[]").to_vec()));
    }
    let office = flags & 1 == 1;
    if office {
        files.push((
            crate::bundle::records::IDENTITY.to_string(),
            parts.next().unwrap_or_default().to_vec(),
        ));
    }
    if let Some(attachment) = parts.next() {
        let hash = crate::bundle::sha256_hex(attachment);
        files.push((
            crate::bundle::manifest::attachment_name(&hash),
            attachment.to_vec(),
        ));
    }
    let _ = signed_bundle(&files, office, flags).map(bundle_bytes_read);
}

fn bundle_bytes_read(bytes: Vec<u8>) {
    if let Ok(opened) = crate::bundle::Opened::from_bytes(std::path::Path::new("fuzz.shian"), bytes)
    {
        let _ = opened.read();
    }
}

/// A ZIP holding `files`, their manifest and its signature by the trusted key. Bit 1 of
/// `flags` makes the manifest's counts claim the records' own counts (when they parse), so
/// both the agreeing and the disagreeing cases are reached.
fn signed_bundle(files: &[(String, Vec<u8>)], office: bool, flags: u8) -> Option<Vec<u8>> {
    use crate::bundle::manifest::{EntryDigest, Manifest, Source};
    use ed25519_dalek::Signer as _;
    use std::io::Write;
    use zip::write::{SimpleFileOptions, ZipWriter};

    let key = trusted_key();
    let mut entries = std::collections::BTreeMap::new();
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options).ok()?;
        zip.write_all(bytes).ok()?;
        entries.insert(
            name.clone(),
            EntryDigest {
                sha256: crate::bundle::sha256_hex(bytes),
                size: bytes.len() as u64,
            },
        );
    }
    let records: std::collections::BTreeMap<String, Vec<u8>> = files.iter().cloned().collect();
    let counts = if flags & 2 == 2 {
        crate::bundle::records::Records::parse(&records)
            .map(|r| r.counts())
            .unwrap_or_default()
    } else {
        Default::default()
    };
    let kind = if office {
        crate::bundle::BundleKind::Office
    } else {
        crate::bundle::BundleKind::Field
    };
    let source = Source {
        station: crate::identity::station_code(&key.verifying_key()),
        public_key: hex::encode(key.verifying_key().as_bytes()),
        name: String::new(),
    };
    let manifest = serde_json::to_vec_pretty(&Manifest::new(kind, source, counts, entries)).ok()?;
    let signature = hex::encode(key.sign(&manifest).to_bytes());
    zip.start_file(crate::bundle::manifest::MANIFEST, options)
        .ok()?;
    zip.write_all(&manifest).ok()?;
    zip.start_file(crate::bundle::manifest::SIGNATURE, options)
        .ok()?;
    zip.write_all(signature.as_bytes()).ok()?;
    Some(zip.finish().ok()?.into_inner())
}

/// A valid bundle signed by the trusted station, for seeding the fuzz corpus and for tests.
pub fn sample_signed_bundle() -> Vec<u8> {
    let files: Vec<(String, Vec<u8>)> = crate::bundle::records::RECORD_FILES
        .iter()
        .map(|n| (n.to_string(), b"[]".to_vec()))
        .collect();
    signed_bundle(&files, false, 2).unwrap_or_default()
}
