//! The SQLite store: the only module that writes SQL.
//!
//! Every call that changes data commits before it returns, so what the screen shows as saved is
//! on disk (WAL with `synchronous=FULL`).
//!
//! Laid out by what it holds (docs/architecture.md): `tables/` one file per table and the rules
//! of writing it; `sync/` what a bundle takes out and puts in; `queries/` what the screens and
//! reports read. Beside them: opening and migrating (`open.rs`, `schema.rs`), the typed settings,
//! the row decoders (`rows.rs`) and the shapes the parts share (`types.rs`).

mod open;
mod queries;
mod rows;
pub mod schema;
mod settings;
pub mod signatures;
mod sync;
mod tables;
#[cfg(test)]
pub(crate) mod test_cover;
mod types;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use queries::home::{InspectedElsewhere, OverdueRectification, Standing};
pub use queries::inspection_lists::InspectionPage;
pub use queries::plans::screen_queries;
pub use queries::rectification_cases::CaseFilter;
pub use queries::reports::{
    FailedItem, Period, PeriodData, PeriodInspection, PhotoBytes, RectificationRow,
};
pub use settings::Setting;
pub use sync::apply::{ConflictRow, ImportChanges, ImportTransaction, KeptConflict};
pub use sync::export::OFFICE_RECENT_DAYS;
pub use sync::planning::{CarriedPlanning, PlanningSet, Untag};
pub use sync::{
    AttachmentLink, AttachmentMeta, ChecklistVersion, ExportSet, InspectionEntry,
    MARK_ESTABLISHMENT_REVISION, MARK_INSPECTION,
};
pub use tables::attachments::{MAX_PHOTO_BYTES, Photo, photo_media_type};
pub use tables::conflicts::EstablishmentConflicts;
pub use tables::decisions::{Decision, DecisionRefusal};
pub use tables::establishments::{RosterOutcome, roster_import_queries};
pub use tables::inspections::{InspectionRecord, NewInspection};
pub use tables::planning_tags::CampaignTag;
pub use tables::revisions::{EstablishmentRevision, merge_revisions};
pub use tables::stations::{BundleLogEntry, StationRow};
pub use types::{InspectionFilter, InspectionSummary, revision_key};

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "shian.db";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a shian database (not an SQLite file, or damaged)")]
    NotADatabase { path: PathBuf },
    #[error("{path}: an SQLite database of another program")]
    Foreign { path: PathBuf },
    #[error("{path}: made by a newer shian (schema {found}, this one knows {known})")]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// Another connection kept the write lock past the busy timeout; `holder` names the process
    /// when the system can tell (`store/open.rs`).
    #[error("{path}: the database is locked by another program{}", holder.as_ref().map(|h| format!(" ({h})")).unwrap_or_default())]
    Busy {
        path: PathBuf,
        holder: Option<String>,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no such {what}: {id}")]
    NotFound { what: &'static str, id: String },
    #[error("inspection {id} is final and cannot be changed")]
    ReadOnly { id: String },
    /// The bytes offered as a photo are not one by their content (src/store/tables/attachments.rs).
    #[error("{file_name}: not a photo (JPEG, PNG, HEIC or WebP, by its content)")]
    NotAPhoto { file_name: String },
    #[error("inspection {id} has no item passed or failed: there is nothing to judge")]
    NothingChecked { id: String },
    /// A rule of a final record (docs/outcome.md, docs/trust.md) is not met.
    #[error("inspection {id} cannot be final: {problem:?}")]
    NotFinal {
        id: String,
        problem: crate::domain::final_check::FinalProblem,
    },
    /// The office's decision on a rectification is not taken (docs/trust.md, rule 7).
    #[error("rectification {id}: decision refused ({why:?})")]
    DecisionRefused { id: String, why: DecisionRefusal },
    /// `conflicts resolve` of a fact that is not in conflict (src/store/tables/revisions.rs).
    #[error("establishment {id}: {fact} is not in conflict")]
    NoConflict { id: String, fact: &'static str },
    #[error("{fact}: \"{value}\" is not a value of this fact")]
    BadFactValue { fact: &'static str, value: String },
    /// A field station (it trusts the office `office`) may not settle a conflict.
    #[error("a field station does not settle conflicts: the office {office} does")]
    NotTheOffice { office: String },
    /// A record's inspector is one the office's list refuses (issue 14, docs/planning.md).
    #[error("inspection {id}: inspector refused ({why:?})")]
    InspectorRefused {
        id: String,
        why: crate::domain::planning::InspectorRefusal,
    },
    #[error("damaged record in {table}: {detail}")]
    Damaged { table: &'static str, detail: String },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// This station's key, when the shell has given it: establishment revisions made here are
    /// signed as they are made (docs/trust.md). Without it they are signed at first export.
    author: Option<ed25519_dalek::SigningKey>,
}

impl Store {
    /// Opens the database in `data_dir`, creating the folder and the database if needed, and
    /// migrates it to the current schema. A file that is not a shian database is refused
    /// without being written to.
    pub fn open(data_dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::Io {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let path = data_dir.join(DATABASE_FILE);
        let conn = open::open(&path)?;
        Ok(Store {
            conn,
            path,
            author: None,
        })
    }

    /// Signs the establishment revisions this station makes from now on with `key` (and
    /// records them under its station code).
    pub fn sign_as(&mut self, key: &ed25519_dalek::SigningKey) {
        self.author = Some(key.clone());
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    /// A transaction that takes the write lock at once. Read-then-write work (matching a roster
    /// row, then inserting it) must not start as a reader: in WAL mode a reader that later wants
    /// to write fails at once if another process wrote meanwhile, instead of waiting its turn.
    pub(super) fn write_transaction(&mut self) -> Result<rusqlite::Transaction<'_>> {
        rusqlite::Transaction::new(&mut self.conn, rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| open::classify(&self.path, e))
    }

    /// Runs `PRAGMA integrity_check`; `Ok(())` when the database is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
        let problems: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        Ok(problems.into_iter().filter(|p| p != "ok").collect())
    }
}

pub use open::migrate_to;

/// The database could not grow: the disk (or the quota) is full.
pub fn is_disk_full(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
}

/// The operating system failed a read or write of the database file.
pub fn is_io_error(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::SystemIoFailure)
}
