//! Import: verify, decide on the signer, then plan and apply in one transaction, the
//! inspections streamed in batches (src/bundle/plan_inspections.rs).

use std::path::Path;

use super::plan::{Plan, plan};
use super::read::Opened;
use super::{BundleError, BundleKind, Progress, Result};
use crate::identity;
use crate::store::{StationRow, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignerStatus {
    Trusted,
    Unknown,
    Revoked,
}

/// Who signed a bundle, and what this station thinks of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub station: String,
    pub public_key: String,
    pub fingerprint: String,
    pub name: String,
    pub kind: BundleKind,
    pub status: SignerStatus,
}

impl Signer {
    /// The station row that trusting this signer writes.
    pub fn station_row(&self) -> StationRow {
        StationRow {
            code: self.station.clone(),
            public_key: self.public_key.clone(),
            name: self.name.clone(),
            role: self.kind.code().to_string(),
            trusted: true,
            added_at: super::now_text(),
            revoked_at: None,
        }
    }
}

/// Opens a bundle, checks its shape and signature, and looks its signer up. Reads no record.
pub fn open_and_check_signer(store: &Store, path: &Path) -> Result<(Opened, Signer)> {
    let opened = Opened::open(path)?;
    let source = &opened.manifest.source;
    let key = super::identity_file::parse_key(&source.public_key)
        .ok_or_else(|| BundleError::BadManifest("bad public key".into()))?;
    let status = match store.station_by_key(&source.public_key)? {
        Some(s) if s.accepted() => SignerStatus::Trusted,
        Some(s) if s.revoked_at.is_some() => SignerStatus::Revoked,
        _ => SignerStatus::Unknown,
    };
    let signer = Signer {
        station: source.station.clone(),
        public_key: source.public_key.clone(),
        fingerprint: identity::fingerprint(&key),
        name: source.name.clone(),
        kind: opened.manifest.kind,
        status,
    };
    Ok((opened, signer))
}

/// Imports one bundle. `accept` is asked about a signer this station does not know yet (first
/// contact); when it says yes, the signer is trusted in the same transaction as the import. With
/// `dry_run` the plan is made and nothing is written. A bundle imported before is not applied
/// again (not even logged), so importing twice changes nothing.
pub fn import_bundle(
    store: &mut Store,
    path: &Path,
    dry_run: bool,
    accept: &mut dyn FnMut(&Signer) -> bool,
) -> Result<(Plan, Signer)> {
    import_bundle_with(store, path, dry_run, accept, &mut |_| {})
}

/// [`import_bundle`], reporting progress while the entries are read and checked.
pub fn import_bundle_with(
    store: &mut Store,
    path: &Path,
    dry_run: bool,
    accept: &mut dyn FnMut(&Signer) -> bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Plan, Signer)> {
    let (opened, signer) = open_and_check_signer(store, path)?;
    let trust = match signer.status {
        SignerStatus::Trusted => None,
        SignerStatus::Revoked => {
            return Err(BundleError::RevokedStation {
                station: signer.station,
                fingerprint: signer.fingerprint,
            });
        }
        SignerStatus::Unknown
            if let Some(known) =
                store.station_sharing_code(&signer.station, &signer.public_key)? =>
        {
            return Err(BundleError::StationCodeTaken {
                station: signer.station,
                fingerprint: signer.fingerprint,
                known_name: known.name,
            });
        }
        SignerStatus::Unknown if accept(&signer) => Some(signer.station_row()),
        SignerStatus::Unknown => {
            return Err(BundleError::UnknownStation {
                station: signer.station,
                fingerprint: signer.fingerprint,
                kind: signer.kind,
                path: path.to_path_buf(),
            });
        }
    };
    let verified = opened.read_with(progress)?;
    let mut trust = trust;
    if let (Some(row), Some(id)) = (&mut trust, &verified.identity)
        && !id.name.is_empty()
    {
        row.name = id.name.clone();
    }
    // The plan writes as it goes, in one transaction: kept only by a real import of a bundle
    // not imported before. A dry run ends like a failed import, rolled back, so it says exactly
    // what the import would.
    let tx = store.begin_import()?;
    let plan = plan(&tx, verified, trust, progress)?;
    if !dry_run && !plan.already_imported {
        tx.commit()?;
    }
    Ok((plan, signer))
}
