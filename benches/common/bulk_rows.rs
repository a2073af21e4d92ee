//! The rows of a district year as bare SQLite reads and inserts them: the baselines of the
//! import and export benchmarks.

use std::path::Path;

use rusqlite::types::Value;

use super::bare_open;

/// The tables a field bundle carries, parents first: with each signed record its signature,
/// which the bundle carries and the office keeps as the proof of who wrote it (issue 20: the
/// baseline of sessions 5 and 6 left these 23,000 rows of a district year out).
const TABLES: [&str; 7] = [
    "checklist_versions",
    "establishments",
    "establishment_revisions",
    "inspections",
    "answers",
    "rectifications",
    "record_signatures",
];

/// Every row of the tables a bundle carries, read with bare SQLite (untimed set-up).
pub fn read_rows(db: &Path) -> Vec<(String, Vec<Vec<Value>>)> {
    let conn = bare_open(db);
    TABLES
        .iter()
        .map(|table| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM {table}"))
                .expect("select");
            let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
            let rows = stmt
                .query_map([], |r| {
                    (0..columns.len())
                        .map(|c| r.get::<_, Value>(c))
                        .collect::<rusqlite::Result<Vec<_>>>()
                })
                .expect("query")
                .collect::<rusqlite::Result<Vec<_>>>()
                .expect("rows");
            let insert = format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                columns.join(", "),
                (1..=columns.len())
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            (insert, rows)
        })
        .collect()
}

/// A fresh database with the same schema text and PRAGMAs as a shian store (the schema is the
/// data of the comparison, not shian code: same tables, same indexes, same triggers).
pub fn bare_empty(dir: &Path) -> rusqlite::Connection {
    let conn = bare_open(&dir.join("bare.db"));
    for sql in shian::store::schema::MIGRATIONS {
        conn.execute_batch(sql).expect("schema");
    }
    conn
}

pub fn bare_bulk_insert(conn: &mut rusqlite::Connection, rows: &[(String, Vec<Vec<Value>>)]) {
    let tx = conn.transaction().expect("tx");
    for (insert, table) in rows {
        let mut stmt = tx.prepare(insert).expect("prepare");
        for row in table {
            stmt.execute(rusqlite::params_from_iter(row.iter()))
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
}

/// Writes every final record of the store to `path` as a field bundle (`export --all`).
pub fn export_all(
    store: &mut shian::store::Store,
    identity: &shian::identity::Identity,
    path: &Path,
) {
    shian::bundle::export_bundle(
        store,
        identity,
        shian::bundle::BundleKind::Field,
        path,
        true,
        "",
    )
    .expect("export");
}
