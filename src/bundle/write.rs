//! Writing a bundle: to a temporary file in the target folder, synced, then renamed, so a
//! killed export never leaves a file under a bundle's name that is not whole.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use ed25519_dalek::Signer as _;
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::manifest::{self, Manifest, Source};
use super::records::{self, RecordsRef};
use super::{BundleError, BundleKind, EXTENSION, Progress, PublicIdentity, Result, Stage};
use crate::identity::Identity;
use crate::store::{BundleLogEntry, ExportSet, Store, signatures};

/// The deflate level of the record entries. On a district year's records (BENCHMARKS.md,
/// issue 20) level 2 takes 40 % of level 6's time for a file a quarter larger; level 1 is
/// faster still but half again as large.
const DEFLATE_LEVEL: i64 = 2;

/// Records written between two progress reports.
const RECORDS_PER_REPORT: u64 = 256;

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct Written {
    pub path: PathBuf,
    pub manifest: Manifest,
    /// SHA-256 of the whole file.
    pub sha256: String,
}

/// Exports a bundle of `kind` from `store` to `out` (a folder, or a file name), logs it, and for
/// a field bundle marks what it carried as exported. `all` re-exports what was exported before.
pub fn export_bundle(
    store: &mut Store,
    identity: &Identity,
    kind: BundleKind,
    out: &Path,
    all: bool,
    name: &str,
) -> Result<Written> {
    export_bundle_with(store, identity, kind, out, all, name, &mut |_| {})
}

/// [`export_bundle`], reporting progress while the file is written.
pub fn export_bundle_with(
    store: &mut Store,
    identity: &Identity,
    kind: BundleKind,
    out: &Path,
    all: bool,
    name: &str,
    progress: &mut dyn FnMut(Progress),
) -> Result<Written> {
    let station = identity.station_code();
    let mut set = match kind {
        BundleKind::Field => store.field_export(&station, all)?,
        BundleKind::Office => store.office_export()?,
    };
    let revoked = store
        .stations()?
        .into_iter()
        .filter(|s| s.revoked_at.is_some())
        .map(|s| s.public_key)
        .collect();
    sign_what_is_unsigned(&mut set, identity, &revoked)?;
    // A tag changed on the laptop (issue 14) travels even with no new record.
    if kind == BundleKind::Field
        && set.inspections.is_empty()
        && set.marks.is_empty()
        && !store.tag_changes_unexported(&station)?
    {
        return Err(BundleError::NothingToExport);
    }
    let office_identity =
        (kind == BundleKind::Office).then(|| PublicIdentity::of(identity, name, "office"));
    let path = target_path(out, &station)?;
    let target = Target {
        kind,
        office_identity,
        name,
        path: &path,
    };
    let manifest = write_file(store, identity, &set, &target, progress)?;
    let sha256 = super::digest::file_sha256(&path)?;
    let log = BundleLogEntry {
        id: uuid::Uuid::now_v7().to_string(),
        bundle_id: manifest.bundle_id.clone(),
        direction: "export".into(),
        kind: kind.code().into(),
        station,
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sha256: sha256.clone(),
        counts: String::from_utf8(records::json(&manifest.counts)).unwrap_or_default(),
        at: super::now_text(),
        manifest_sha256: None,
        signer_key: None,
    };
    // The file is whole before it is marked: a crash in between only means the same records go
    // out again next time, which the other side imports as identical.
    store.record_export(&set.marks, &set.new_signatures, &log)?;
    store.remember_own_key(&hex::encode(identity.public_key().as_bytes()))?;
    Ok(Written {
        path,
        manifest,
        sha256,
    })
}

/// Records made before signatures (schema 5) are signed now if this station made them; one
/// made elsewhere cannot be signed for its author and stays out of the bundle, with whatever
/// depends on it (docs/trust.md, "Records from before signatures"). So do the records of a
/// station revoked here (by its key in `revoked`): the stations this bundle goes to would
/// refuse the whole bundle for them (docs/trust.md, rule 3).
fn sign_what_is_unsigned(
    set: &mut ExportSet,
    identity: &Identity,
    revoked: &std::collections::BTreeSet<String>,
) -> Result<()> {
    let by_revoked = |signed: &Option<crate::authorship::RecordSignature>| {
        signed.as_ref().is_some_and(|s| revoked.contains(&s.key))
    };
    let own = identity.station_code();
    let key = identity.signing_key();
    let failed = |e: crate::authorship::AuthorshipError| BundleError::BadRecord {
        entry: records::INSPECTIONS.into(),
        detail: e.to_string(),
    };
    let mut dropped = std::collections::BTreeSet::new();
    for e in &mut set.inspections {
        if by_revoked(&e.signed) {
            dropped.insert(e.inspection.id.clone());
            continue;
        }
        if e.signed.is_some() {
            continue;
        }
        if e.inspection.station == own {
            let signed = e.sign(key).map_err(failed)?;
            set.new_signatures.push((
                signatures::INSPECTION.into(),
                e.inspection.id.clone(),
                signed.clone(),
            ));
            e.signed = Some(signed);
        } else {
            dropped.insert(e.inspection.id.clone());
        }
    }
    // A correction of a record left out, and the orders of records left out, go with it.
    loop {
        let before = dropped.len();
        for e in &set.inspections {
            if e.inspection
                .supersedes
                .as_ref()
                .is_some_and(|s| dropped.contains(s))
            {
                dropped.insert(e.inspection.id.clone());
            }
        }
        if dropped.len() == before {
            break;
        }
    }
    set.inspections
        .retain(|e| !dropped.contains(&e.inspection.id));
    set.rectifications.retain(|r| {
        !dropped.contains(&r.inspection_id)
            && !r.follow_up_id.as_ref().is_some_and(|f| dropped.contains(f))
    });
    for r in &mut set.establishment_revisions {
        if r.signed.is_some() {
            continue;
        }
        if r.changed_by == own {
            let signed = r.sign(key).map_err(failed)?;
            set.new_signatures.push((
                signatures::ESTABLISHMENT_REVISION.into(),
                r.key(),
                signed.clone(),
            ));
            r.signed = Some(signed);
        }
    }
    set.establishment_revisions
        .retain(|r| r.signed.is_some() && !by_revoked(&r.signed));
    let carried: std::collections::BTreeSet<&str> =
        set.rectifications.iter().map(|r| r.id.as_str()).collect();
    set.decisions
        .retain(|d| !by_revoked(&d.signed) && carried.contains(d.rectification_id.as_str()));
    Ok(())
}

/// `out` itself when it names a `.shian` file that does not exist yet; else a folder (made if
/// missing) that gets `shian-<station>-<date>-<n>.shian`, with the first `n` not taken.
fn target_path(out: &Path, station: &str) -> Result<PathBuf> {
    if !out.is_dir() {
        if out.exists() {
            return Err(BundleError::Exists(out.to_path_buf()));
        }
        if out.extension().is_some_and(|e| e == EXTENSION) {
            return Ok(out.to_path_buf());
        }
        std::fs::create_dir_all(out).map_err(|source| BundleError::Io {
            path: out.to_path_buf(),
            source,
        })?;
    }
    let date = chrono::Local::now().format("%Y%m%d");
    let mut n = 1;
    loop {
        let candidate = out.join(format!("shian-{station}-{date}-{n}.{EXTENSION}"));
        if !candidate.exists() {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// What is written where.
struct Target<'a> {
    kind: BundleKind,
    office_identity: Option<PublicIdentity>,
    name: &'a str,
    path: &'a Path,
}

fn write_file(
    store: &Store,
    identity: &Identity,
    set: &ExportSet,
    target: &Target,
    progress: &mut dyn FnMut(Progress),
) -> Result<Manifest> {
    let Target {
        kind,
        office_identity,
        name,
        path,
    } = target;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = folder.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| BundleError::Io { path: p, source }
    };
    let result = (|| {
        let file = std::fs::File::create(&tmp).map_err(io(&tmp))?;
        let mut zip = ZipWriter::new(std::io::BufWriter::new(file));
        let records = RecordsRef::of_export(set);
        let mut entries = BTreeMap::new();
        // Deflate at its default level (6) was a third of an export's time (issue 20,
        // BENCHMARKS.md); the entries' hashes are of their content, so the level changes no
        // signature and no reader.
        let deflated = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(DEFLATE_LEVEL))
            .large_file(true);
        // Photos are compressed already.
        let stored = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(true);
        // Progress in records and photos: the record files are streamed, so their size is
        // known only once written.
        let total = records.len() + set.attachments.len() as u64;
        let mut done = 0u64;
        let mut step = |done: &mut u64, every: u64| {
            *done += 1;
            if (*done).is_multiple_of(every) {
                progress(Progress {
                    stage: Stage::Writing,
                    done: (*done).min(total),
                    total,
                });
            }
        };
        let mut add = |zip: &mut ZipWriter<_>,
                       name: &str,
                       options,
                       content: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>|
         -> Result<()> {
            zip.start_file(name, options).map_err(zip_error(&tmp))?;
            let digest = super::digest::hashed(zip, content).map_err(io(&tmp))?;
            entries.insert(name.to_string(), digest);
            Ok(())
        };
        for name in records::RECORD_FILES {
            add(&mut zip, name, deflated, &mut |out| {
                // Small writes of serde_json gathered before they are hashed and deflated.
                let mut out = std::io::BufWriter::with_capacity(super::PROGRESS_CHUNK, out);
                records.write(name, &mut out, &mut || step(&mut done, RECORDS_PER_REPORT))?;
                // Not `flush`: that would reach the deflater, which would close its block
                // there and add an empty one, so that a flipped final-block bit in front could
                // go unnoticed (tests/bundle/reject.rs).
                out.into_inner().map(|_| ()).map_err(|e| e.into_error())
            })?;
        }
        if let Some(identity) = &office_identity {
            let bytes = records::json(identity);
            add(&mut zip, records::IDENTITY, deflated, &mut |out| {
                out.write_all(&bytes)
            })?;
        }
        if let Some((name, bytes)) = super::planning::entry(store, *kind, &identity.station_code())?
        {
            add(&mut zip, name, deflated, &mut |out| out.write_all(&bytes))?;
        }
        for meta in &set.attachments {
            let bytes = store.attachment_bytes(&meta.sha256)?;
            add(
                &mut zip,
                &manifest::attachment_name(&meta.sha256),
                stored,
                &mut |out| out.write_all(&bytes),
            )?;
            step(&mut done, 1);
        }
        progress(Progress {
            stage: Stage::Writing,
            done: total,
            total,
        });
        let source = Source {
            station: identity.station_code(),
            public_key: hex::encode(identity.public_key().as_bytes()),
            name: name.to_string(),
        };
        let manifest = Manifest::new(*kind, source, records.counts(), entries);
        let manifest_bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
        let signature = identity.signing_key().sign(&manifest_bytes);
        zip.start_file(manifest::MANIFEST, deflated)
            .map_err(zip_error(&tmp))?;
        zip.write_all(&manifest_bytes).map_err(io(&tmp))?;
        zip.start_file(manifest::SIGNATURE, deflated)
            .map_err(zip_error(&tmp))?;
        zip.write_all(hex::encode(signature.to_bytes()).as_bytes())
            .map_err(io(&tmp))?;
        let writer = zip.finish().map_err(zip_error(&tmp))?;
        let file = writer.into_inner().map_err(|e| BundleError::Io {
            path: tmp.clone(),
            source: e.into_error(),
        })?;
        file.sync_all().map_err(io(&tmp))?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(io(path))?;
        crate::platform::sync_parent(path);
        Ok(manifest)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn zip_error(path: &Path) -> impl Fn(zip::result::ZipError) -> BundleError + '_ {
    // Keep the operating system's error, so a full disk is reported as one.
    move |e| BundleError::Io {
        path: path.to_path_buf(),
        source: match e {
            zip::result::ZipError::Io(e) => e,
            other => std::io::Error::other(other.to_string()),
        },
    }
}
