//! Opening a database safely: refuse what is not ours before writing a byte, then migrate.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
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
        // tests/crash/kill_cli.rs: a killed migration of a database not yet in WAL). The hot journal
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
    // WAL lets a second process read while one writes. It is a property of the file: set it
    // only when the file is not in WAL yet (a new database, or one from before), since the
    // switch needs the database to itself and a current one must open beside a writer.
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;",
    )?;
    // The query planner stability guarantee: a plan made without the bound values. Without it,
    // SQLite lets a statement's plan depend on a parameter it compares with the ORDER BY (`WHERE
    // inspection_id = ?1 ORDER BY item_id`), and rusqlite clears the bindings of a cached
    // statement when it goes back to the cache: every reuse recompiled it, once per record of
    // an export (issue 20, BENCHMARKS.md). The plans do not need the values: no statistics are
    // kept, and tests/store/query_plans.rs checks them without values.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// Brings the schema up to `target` migrations, each in its own immediate transaction, so a
/// crash leaves the database at a whole version. Public for the migration tests.
pub fn migrate_to(conn: &Connection, target: usize) -> Result<()> {
    // A current database is only read here: a plain read takes no write lock, so opening it
    // works while another process writes (a long roster import), and only a real migration
    // waits for the write lock.
    if schema_version(conn)? >= target {
        return Ok(());
    }
    loop {
        // IMMEDIATE takes the write lock first: two processes opening a new database at once
        // run each migration exactly once.
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        // Read again under the lock: another process may have migrated meanwhile.
        let current = schema_version(&tx)?;
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

fn schema_version(conn: &Connection) -> Result<usize> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(usize::try_from(version).unwrap_or(0))
}

/// The byte of the `-shm` file whose write lock SQLite's WAL writer holds (`WAL_WRITE_LOCK`:
/// the lock bytes start at offset 120 of the shared-memory index; see SQLite's wal.c).
const WAL_WRITE_LOCK_BYTE: u64 = 120;
/// The byte of the database file a writer locks in rollback-journal mode (`RESERVED_BYTE`, one
/// past SQLite's `PENDING_BYTE` at 1 GiB; see SQLite's os.h).
const RESERVED_BYTE: u64 = 0x4000_0001;

/// The process holding the write lock on the database at `path`, where the system can say.
fn write_lock_holder(path: &Path) -> Option<String> {
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    crate::platform::write_lock_holder(Path::new(&shm), WAL_WRITE_LOCK_BYTE)
        .or_else(|| crate::platform::write_lock_holder(path, RESERVED_BYTE))
}

/// Sorts out the SQLite errors that have their own message: not a database, and busy (with
/// what holds the database, when the system can tell).
pub(super) fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::NotADatabase {
                path: path.to_path_buf(),
            }
        }
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy {
            path: path.to_path_buf(),
            holder: write_lock_holder(path),
        },
        _ => StoreError::Sqlite(error),
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::StatementStatus;

    /// An export reads each record's photos by `WHERE inspection_id = ?1 ORDER BY ...`: the
    /// statement must be compiled once, not once per record (issue 20: 2,298 recompiles in an
    /// export of 2,000 inspections, 5 % of its work). The count of recompiles is SQLite's own.
    #[test]
    fn a_cached_statement_is_not_recompiled_for_each_record() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = super::super::Store::open(dir.path()).expect("store");
        let sql = "SELECT item_id, sha256 FROM answer_attachments
                   WHERE inspection_id = ?1 ORDER BY item_id, sha256";
        for id in ["a", "b", "c", "d"] {
            let mut stmt = store.conn.prepare_cached(sql).expect("prepare");
            let rows = stmt.query_map([id], |_| Ok(())).expect("query").count();
            assert_eq!(rows, 0);
        }
        let stmt = store.conn.prepare_cached(sql).expect("prepare");
        assert_eq!(stmt.get_status(StatementStatus::RePrepare), 0);
    }
}
