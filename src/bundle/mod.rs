//! The bundle: the signed sync file between field laptops and the office (docs/bundle-format.md).
//!
//! Export gathers records through the store, writes them to a temporary file, syncs and renames
//! it. Import opens the file and checks its shape and signature before it decompresses any
//! record, asks whether the signer is trusted, reads every entry within fixed bounds, plans
//! against what is already here (new, identical, newer revision, conflict), and hands the whole
//! plan to the store to apply in one transaction.

mod archive;
mod check;
mod digest;
mod elements;
pub mod identity_file;
pub mod import;
pub mod inspections;
pub mod manifest;
mod merge;
pub mod plan;
mod plan_inspections;
mod planning;
pub mod read;
pub mod records;
mod relay;
pub mod trust;
pub mod write;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use identity_file::PublicIdentity;
pub use import::{Signer, SignerStatus, import_bundle, import_bundle_with, open_and_check_signer};
pub use inspections::Inspections;
pub use manifest::Manifest;
pub use plan::{Action, Plan, PlanLine, RecordKind};
pub use read::{Opened, Verified};
pub use write::{Written, export_bundle, export_bundle_with};

/// The format name in every manifest.
pub const FORMAT_NAME: &str = "shian-bundle";
/// The format version this shian writes: version 2 carries each record's author signature
/// (docs/bundle-format.md, docs/trust.md); version 3 adds the revisions an establishment
/// revision was made from, so edits merge (docs/bundle-format.md, section 10); version 4 adds
/// the members of a final record's conclusion set since the 2022 tables (a result set against
/// the computed one, the 告知页, the rules version, docs/outcome.md), which an older reader
/// would drop and then find the author's signature wrong, and a campaign tag's latest choice with
/// its time (`records/untagged.json`, docs/bundle-format.md 6.9), which a version 3 reader would
/// take for an untag: an older reader is told to upgrade instead.
pub const FORMAT_VERSION: u32 = 4;
/// The oldest version read. A version 3 bundle is read as it is (its records have none of
/// version 4's members). A version 2 bundle is read as it is: its establishment revisions
/// name no parents and follow the one numbered one less, as they were made. A version 1 bundle
/// is refused by name: its records cannot prove who wrote them.
pub const OLDEST_FORMAT_VERSION: u32 = 2;
/// The extension of bundle files.
pub const EXTENSION: &str = "shian";

/// Bounds on what a bundle may decompress to. Checked against the bytes actually read, not only
/// against what the archive declares. RELIABILITY.md section 6 lists them with the reasons.
pub mod limits {
    /// manifest.json.
    pub const MANIFEST: u64 = 4 << 20;
    /// manifest.sig.
    pub const SIGNATURE: u64 = 1 << 10;
    /// One record file (records/*.json): a district's year of inspections is about 120 MB.
    pub const ENTRY: u64 = 512 << 20;
    /// One attachment: the photo limit of the form (src/store/tables/attachments.rs).
    pub const ATTACHMENT: u64 = crate::store::MAX_PHOTO_BYTES;
    /// Everything a bundle decompresses to.
    pub const TOTAL: u64 = 1 << 30;
    /// Entries of any kind.
    pub const ENTRIES: usize = 100_000;
}

/// How far a long export or import is, for a progress bar: records and photos written
/// ([`Stage::Writing`]: the record files are streamed, their size known only once written), or
/// bytes of entry content read ([`Stage::Reading`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: u64,
    pub total: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Compressing records and photos into the bundle.
    Writing,
    /// Decompressing and checking the entries of a bundle.
    Reading,
}

/// Bytes between two progress reports.
const PROGRESS_CHUNK: usize = 256 << 10;

/// Which way a bundle goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BundleKind {
    /// Field → office: inspections, establishment edits, photos.
    Field,
    /// Office → field: roster, checklists, open rectifications, the office's identity.
    Office,
}

impl BundleKind {
    pub fn code(self) -> &'static str {
        match self {
            BundleKind::Field => "field",
            BundleKind::Office => "office",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("not a shian bundle (not a readable ZIP archive): {0}")]
    NotAZip(String),
    #[error("unsafe entry name {0:?}")]
    UnsafeName(String),
    #[error("unexpected entry {0:?}")]
    UnexpectedEntry(String),
    #[error("entry {0:?} is missing")]
    MissingEntry(String),
    #[error("entry {0:?} appears twice")]
    DuplicateEntry(String),
    #[error(
        "the archive lists {declared} entries under {distinct} names: an entry name appears twice"
    )]
    NamedTwice { declared: u64, distinct: u64 },
    #[error("the bundle holds {count} entries; at most {limit} are allowed")]
    TooManyEntries { count: usize, limit: usize },
    #[error("entry {name:?} is larger than allowed ({limit} bytes)")]
    TooLarge { name: String, limit: u64 },
    #[error("entry {name:?} does not have its declared size {declared}")]
    SizeMismatch { name: String, declared: u64 },
    #[error("entry {0:?} is damaged (its SHA-256 does not match the manifest)")]
    HashMismatch(String),
    #[error("damaged manifest: {0}")]
    BadManifest(String),
    #[error("not a shian bundle (format {0:?})")]
    NotShian(String),
    #[error(
        "bundle format version {found} is newer than this shian reads ({known}); upgrade shian"
    )]
    NewerFormat { found: u64, known: u32 },
    #[error(
        "bundle format version {found} is older than this shian reads ({known}): its records carry no author signatures; export it again with this shian"
    )]
    OlderFormat { found: u64, known: u32 },
    #[error("the signature does not match the manifest: the bundle was altered or damaged")]
    BadSignature,
    #[error("bundle from unknown station {station} (fingerprint {fingerprint})")]
    UnknownStation {
        station: String,
        fingerprint: String,
        kind: BundleKind,
        path: PathBuf,
    },
    #[error(
        "station code {station} of the unknown key {fingerprint} belongs to a known station ({known_name})"
    )]
    StationCodeTaken {
        station: String,
        fingerprint: String,
        known_name: String,
    },
    #[error("station {station} (fingerprint {fingerprint}) has been revoked")]
    RevokedStation {
        station: String,
        fingerprint: String,
    },
    #[error("damaged record in {entry}: {detail}")]
    BadRecord { entry: String, detail: String },
    #[error("the bundle refers to {what} {id}, which is neither in it nor here")]
    MissingReference { what: &'static str, id: String },
    /// A record that breaks a rule of authorship or content (docs/trust.md); the whole bundle
    /// is refused.
    #[error("{record}: refused ({rule:?})")]
    Refused {
        record: String,
        rule: crate::bundle::trust::Refusal,
    },
    #[error(
        "bundle {bundle_id} was imported before with other content or from another station: refused"
    )]
    ReusedBundleId { bundle_id: String },
    #[error("nothing to export")]
    NothingToExport,
    #[error("{0} already exists")]
    Exists(PathBuf),
    #[error("{0}")]
    Store(#[from] crate::store::StoreError),
    #[error("{0}")]
    Identity(#[from] crate::identity::IdentityError),
}

pub type Result<T> = std::result::Result<T, BundleError>;

/// An RFC 3339 UTC time with milliseconds, the store's text form.
pub fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}
