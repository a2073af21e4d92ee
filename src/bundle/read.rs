//! Reading a bundle, distrustfully: names and sizes first, then the manifest and its signature,
//! and only then (once the caller has accepted the signer) the records, each read within its
//! declared size and checked against its hash.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use ed25519_dalek::Signature;
use zip::{CompressionMethod, ZipArchive};

use super::archive::{Source, central_directory_entries, read_entry};
use super::identity_file::{PublicIdentity, parse_key};
use super::inspections::Inspections;
use super::manifest::{self, Manifest, attachment_hash};
use super::records::{self, Records};
use super::{BundleError, BundleKind, Progress, Result, Stage, limits, sha256_hex};
use crate::identity;

/// A bundle whose shape, manifest and signature have been checked; records not yet read.
pub struct Opened {
    pub path: PathBuf,
    pub manifest: Manifest,
    pub manifest_bytes: Vec<u8>,
    /// SHA-256 of the whole file.
    pub file_sha256: String,
    archive: ZipArchive<Box<dyn Source>>,
    index: BTreeMap<String, usize>,
}

/// A bundle checked against its manifest, which the signature covers: every entry but the
/// inspections read and checked; the inspections streamed when asked for
/// ([`Verified::inspections`]), checked as they stream.
#[derive(Debug)]
pub struct Verified {
    pub path: PathBuf,
    pub manifest: Manifest,
    pub file_sha256: String,
    /// The SHA-256 of manifest.json: with the signer's key, what makes a bundle this bundle.
    pub manifest_sha256: String,
    /// The records but the inspections (`records.inspections` stays empty).
    pub records: Records,
    pub inspections: Inspections,
    /// Office bundles: the office's identity.
    pub identity: Option<PublicIdentity>,
    /// Attachment bytes by SHA-256.
    pub attachments: BTreeMap<String, Vec<u8>>,
    /// The office's planning, or a field station's untags (src/bundle/planning.rs).
    pub planning: Option<crate::store::CarriedPlanning>,
}

impl Opened {
    /// Checks the archive's entry names, the manifest and its signature by the key the manifest
    /// names. Whether that key is trusted is the caller's question.
    pub fn open(path: &Path) -> Result<Opened> {
        let file_sha256 = super::digest::file_sha256(path)?;
        let file = File::open(path).map_err(|source| BundleError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Opened::from_source(path, Box::new(file), file_sha256)
    }

    /// [`Opened::open`] on bytes in memory; `path` only names them in messages.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Opened> {
        let file_sha256 = sha256_hex(&bytes);
        Opened::from_source(path, Box::new(std::io::Cursor::new(bytes)), file_sha256)
    }

    fn from_source(
        path: &Path,
        mut source: Box<dyn Source>,
        file_sha256: String,
    ) -> Result<Opened> {
        let declared = central_directory_entries(&mut source);
        let mut archive =
            ZipArchive::new(source).map_err(|e| BundleError::NotAZip(e.to_string()))?;
        // The zip crate keeps one entry per name: a name written twice (a bogus manifest before
        // the real one) would be invisible here but not to another ZIP reader (issue 16).
        if let Some(declared) = declared
            && declared != archive.len() as u64
        {
            return Err(BundleError::NamedTwice {
                declared,
                distinct: archive.len() as u64,
            });
        }
        if archive.len() > limits::ENTRIES + 2 {
            return Err(BundleError::TooManyEntries {
                count: archive.len(),
                limit: limits::ENTRIES + 2,
            });
        }
        let mut index = BTreeMap::new();
        for i in 0..archive.len() {
            let entry = archive
                .by_index_raw(i)
                .map_err(|e| BundleError::NotAZip(e.to_string()))?;
            let name = std::str::from_utf8(entry.name_raw())
                .map_err(|_| {
                    BundleError::UnsafeName(String::from_utf8_lossy(entry.name_raw()).into())
                })?
                .to_string();
            manifest::check_name(&name)?;
            if entry.is_dir() || entry.encrypted() {
                return Err(BundleError::UnexpectedEntry(name));
            }
            if !matches!(
                entry.compression(),
                CompressionMethod::Stored | CompressionMethod::Deflated
            ) {
                return Err(BundleError::UnexpectedEntry(name));
            }
            if index.insert(name.clone(), i).is_some() {
                return Err(BundleError::DuplicateEntry(name));
            }
        }
        let manifest_bytes = read_entry(
            &mut archive,
            &index,
            manifest::MANIFEST,
            (limits::MANIFEST, false),
            &mut |_| {},
        )?;
        let signature = read_entry(
            &mut archive,
            &index,
            manifest::SIGNATURE,
            (limits::SIGNATURE, false),
            &mut |_| {},
        )?;
        let manifest = Manifest::parse(&manifest_bytes)?;
        verify_signature(&manifest, &manifest_bytes, &signature)?;
        check_entry_set(&manifest, &index)?;
        Ok(Opened {
            path: path.to_path_buf(),
            manifest,
            manifest_bytes,
            file_sha256,
            archive,
            index,
        })
    }

    /// Reads every entry within its declared size and checks its hash, and parses the
    /// records, the inspections included (streamed through, not kept).
    pub fn read(self) -> Result<Verified> {
        let mut verified = self.read_with(&mut |_| {})?;
        verified
            .inspections
            .for_each_batch(&mut |_| {}, |_| (), &mut |_, ()| Ok(()))?;
        Ok(verified)
    }

    /// Reads and checks every entry but the inspections, which are left to stream
    /// ([`Inspections::for_each_batch`]); reports progress in bytes of entry content.
    pub fn read_with(mut self, progress: &mut dyn FnMut(Progress)) -> Result<Verified> {
        let mut files = BTreeMap::new();
        let mut attachments = BTreeMap::new();
        let entries = self.manifest.entries.clone();
        let total: u64 = entries.values().map(|d| d.size).sum();
        let mut done = 0u64;
        let mut report = |n: u64| {
            done += n;
            progress(Progress {
                stage: Stage::Reading,
                done: done.min(total),
                total,
            });
        };
        for (name, digest) in &entries {
            if name == records::INSPECTIONS {
                continue;
            }
            let bytes = read_entry(
                &mut self.archive,
                &self.index,
                name,
                (digest.size, true),
                &mut report,
            )?;
            if sha256_hex(&bytes) != digest.sha256 {
                return Err(BundleError::HashMismatch(name.clone()));
            }
            match attachment_hash(name) {
                Some(hash) => {
                    if hash != digest.sha256 {
                        return Err(BundleError::HashMismatch(name.clone()));
                    }
                    attachments.insert(hash.to_string(), bytes);
                }
                None => {
                    files.insert(name.clone(), bytes);
                }
            }
        }
        let records = Records::parse(&files)?;
        let identity = match files.get(records::IDENTITY) {
            Some(bytes) => {
                let id = PublicIdentity::parse(bytes)?;
                if id.public_key != self.manifest.source.public_key {
                    return Err(BundleError::BadRecord {
                        entry: records::IDENTITY.into(),
                        detail: "not the signer's identity".into(),
                    });
                }
                Some(id)
            }
            None => None,
        };
        let declared = check_records(&self.manifest, &records, &attachments)?;
        let planning = super::planning::parse(&self.manifest, &files)?;
        let digest = entries
            .get(records::INSPECTIONS)
            .cloned()
            .ok_or_else(|| BundleError::MissingEntry(records::INSPECTIONS.into()))?;
        let others = total.saturating_sub(digest.size);
        Ok(Verified {
            planning,
            manifest_sha256: sha256_hex(&self.manifest_bytes),
            path: self.path,
            manifest: self.manifest,
            file_sha256: self.file_sha256,
            records,
            inspections: Inspections::new(self.archive, self.index, digest, declared, others),
            identity,
            attachments,
        })
    }
}

fn verify_signature(manifest: &Manifest, bytes: &[u8], signature: &[u8]) -> Result<()> {
    let key = parse_key(&manifest.source.public_key)
        .ok_or_else(|| BundleError::BadManifest("bad public key".into()))?;
    // Exactly 128 lowercase hexadecimal digits: one spelling only, so no byte of the entry is
    // free to change.
    if signature.len() != 128
        || !signature
            .iter()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
    {
        return Err(BundleError::BadSignature);
    }
    let mut sig = [0u8; 64];
    hex::decode_to_slice(signature, &mut sig).map_err(|_| BundleError::BadSignature)?;
    key.verify_strict(bytes, &Signature::from_bytes(&sig))
        .map_err(|_| BundleError::BadSignature)?;
    if identity::station_code(&key) != manifest.source.station {
        return Err(BundleError::BadManifest(
            "station code does not match the key".into(),
        ));
    }
    Ok(())
}

/// The archive holds exactly the manifest, its signature and the entries the manifest lists,
/// within the size bounds.
fn check_entry_set(manifest: &Manifest, index: &BTreeMap<String, usize>) -> Result<()> {
    for name in index.keys() {
        if name != manifest::MANIFEST
            && name != manifest::SIGNATURE
            && !manifest.entries.contains_key(name)
        {
            return Err(BundleError::UnexpectedEntry(name.clone()));
        }
    }
    for name in manifest.entries.keys() {
        if !index.contains_key(name) {
            return Err(BundleError::MissingEntry(name.clone()));
        }
    }
    for name in records::RECORD_FILES {
        if !manifest.entries.contains_key(name) {
            return Err(BundleError::MissingEntry(name.to_string()));
        }
    }
    let office = manifest.kind == BundleKind::Office;
    if office != manifest.entries.contains_key(records::IDENTITY) {
        return Err(if office {
            BundleError::MissingEntry(records::IDENTITY.into())
        } else {
            BundleError::UnexpectedEntry(records::IDENTITY.into())
        });
    }
    let mut total: u64 = 0;
    for (name, digest) in &manifest.entries {
        let limit = if attachment_hash(name).is_some() {
            limits::ATTACHMENT
        } else {
            limits::ENTRY
        };
        if digest.size > limit {
            return Err(BundleError::TooLarge {
                name: name.clone(),
                limit,
            });
        }
        total = total.saturating_add(digest.size);
    }
    if total > limits::TOTAL {
        return Err(BundleError::TooLarge {
            name: "*".into(),
            limit: limits::TOTAL,
        });
    }
    Ok(())
}

/// The records agree with the manifest's counts and with the attachment entries, and every
/// checklist version is the content its hash names. Gives the manifest's counts of inspections
/// and answers, which the streamed inspections must then meet.
fn check_records(
    manifest: &Manifest,
    records: &Records,
    attachments: &BTreeMap<String, Vec<u8>>,
) -> Result<(u64, u64)> {
    let mismatch = || BundleError::BadManifest("counts do not match the records".into());
    let declared = |kind: &str| manifest.counts.get(kind).copied().ok_or_else(mismatch);
    let streamed = (declared("inspections")?, declared("answers")?);
    let mut counts = records.counts();
    counts.insert("inspections".into(), streamed.0);
    counts.insert("answers".into(), streamed.1);
    if counts != manifest.counts {
        return Err(mismatch());
    }
    let described: BTreeMap<&str, i64> = records
        .attachments
        .iter()
        .map(|a| (a.sha256.as_str(), a.size))
        .collect();
    let present: BTreeMap<&str, i64> = attachments
        .iter()
        .map(|(h, b)| (h.as_str(), b.len() as i64))
        .collect();
    if described != present {
        return Err(BundleError::BadRecord {
            entry: records::ATTACHMENTS.into(),
            detail: "does not describe the attachment entries".into(),
        });
    }
    for c in &records.checklists {
        let parsed: std::result::Result<crate::domain::checklist::Checklist, _> =
            serde_json::from_str(&c.content);
        if sha256_hex(c.content.as_bytes()) != c.hash || parsed.is_err() {
            return Err(BundleError::BadRecord {
                entry: records::CHECKLISTS.into(),
                detail: format!("checklist version {}", c.hash),
            });
        }
    }
    Ok(streamed)
}
