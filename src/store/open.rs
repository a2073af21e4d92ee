//! Opening a database safely: refuse what is not ours before writing a byte, then migrate.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::schema::{APPLICATION_ID, MIGRATIONS};
use super::{Result, StoreError};

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How long a writer waits for another process's transaction before giving up with `Busy`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub(super) fn open(path: &Path) -> Result<Connection> {
    if path.exists() {
        check_existing(path)?;
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(path, e))?;
    configure(&conn).map_err(|e| classify(path, e))?;
    migrate_to(&conn, MIGRATIONS.len()).map_err(|e| match e {
        StoreError::Sqlite(e) => classify(path, e),
        other => other,
    })?;
    Ok(conn)
}

/// Looks at an existing file read-only: it must be an SQLite database that is empty, or ours
/// and not from a newer shian.
fn check_existing(path: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len == 0 {
        return Ok(());
    }
    if file.read_exact(&mut header).is_err() || &header != SQLITE_HEADER {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| classify(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| classify(path, e))?;
    if let Err(e) = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        && matches!(&e, rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_READONLY_ROLLBACK)
    {
        // A process was killed mid-transaction in rollback-journal mode (found by
        // tests/kill_cli.rs: a killed migration of a database not yet in WAL). The hot journal
        // must be rolled back before anything can be read; that only restores the file to its
        // last committed state, which any SQLite program opening it would do.
        drop(conn);
        let rw = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|e| classify(path, e))?;
        rw.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| classify(path, e))?;
        rw.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map_err(|e| classify(path, e))?;
        drop(rw);
        return check_existing(path);
    }
    let read = || -> rusqlite::Result<(i32, i64, i64)> {
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        Ok((app, version, tables))
    };
    let (app, version, tables) = read().map_err(|e| classify(path, e))?;
    if app != APPLICATION_ID && tables > 0 {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known,
        });
    }
    Ok(())
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // journal_mode returns a row; WAL lets a second process read while one writes.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;",
    )?;
    Ok(())
}

/// Brings the schema up to `target` migrations, each in its own immediate transaction, so a
/// crash leaves the database at a whole version. Public for the migration tests.
pub fn migrate_to(conn: &Connection, target: usize) -> Result<()> {
    loop {
        // IMMEDIATE takes the write lock first: two processes opening a new database at once
        // run each migration exactly once.
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let current = usize::try_from(current).unwrap_or(0);
        if current >= target {
            tx.commit()?;
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[current])?;
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
            current + 1
        ))?;
        tx.commit()?;
    }
}

fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::NotADatabase {
                path: path.to_path_buf(),
            }
        }
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy {
            path: path.to_path_buf(),
        },
        _ => StoreError::Sqlite(error),
    }
}
