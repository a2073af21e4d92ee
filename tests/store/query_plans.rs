//! The queries the screens and reports run stay on indexes: `EXPLAIN QUERY PLAN` shows no full
//! scan of inspections or answers. On the five-year database such a scan is what turns an
//! instant screen into a slow one (BENCHMARKS.md). Not timed: the plan is what is checked.
//! The demo database is not ANALYZEd, like a station's own, so the plans are the ones SQLite
//! picks from the schema alone.

use crate::support::cli;
use crate::support::district;
use rusqlite::Connection;

/// Lines of the plan of `sql`.
fn plan(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap_or_else(|e| panic!("{e}: {sql}"));
    // Parameters stay unbound (NULL): the plan does not depend on their values.
    let mut rows = stmt.raw_query();
    let mut lines = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        lines.push(row.get::<_, String>(3).unwrap());
    }
    lines
}

/// The names under which `sql` reads inspections or answers: the table names and their aliases.
fn watched_names(sql: &str) -> Vec<String> {
    let words: Vec<&str> = sql.split_whitespace().collect();
    let mut names = vec!["inspections".to_string(), "answers".to_string()];
    for pair in words.windows(2) {
        let table = pair[0].trim_end_matches(',');
        let alias = pair[1].trim_end_matches(',');
        let keyword = [
            "WHERE", "JOIN", "ON", "ORDER", "GROUP", "LIMIT", "SET", "AS",
        ]
        .iter()
        .any(|k| alias.eq_ignore_ascii_case(k));
        if (table == "inspections" || table == "answers") && !keyword && !alias.contains('(') {
            names.push(alias.to_string());
        }
    }
    names
}

/// Plan lines that read a watched table from end to end: a table scan, or an index walked
/// without a constraint (no `(column=?)`) where no LIMIT stops it early. A query for one
/// establishment must also find its rows by `establishment_id`: without statistics SQLite may
/// otherwise pick `status=?` and walk every final record.
fn full_scans(conn: &Connection, sql: &str) -> Vec<String> {
    let names = watched_names(sql);
    let limited = sql.contains("LIMIT");
    let lines = plan(conn, sql);
    let mut found: Vec<String> = lines
        .iter()
        .filter(|line| {
            let mut words = line.split_whitespace();
            let op = words.next();
            let watched = words.next().is_some_and(|n| names.iter().any(|w| w == n));
            let table_scan = op == Some("SCAN") && !line.contains("USING");
            let unconstrained = matches!(op, Some("SCAN" | "SEARCH")) && !line.contains('(');
            watched && (table_scan || (unconstrained && !limited))
        })
        .cloned()
        .collect();
    if sql.contains("establishment_id = ?1")
        && !lines.iter().any(|l| l.contains("(establishment_id=?"))
    {
        found.push(format!("not by establishment: {lines:?}"));
    }
    found
}

fn demo_db() -> (tempfile::TempDir, Connection) {
    let dir = district::empty_station();
    cli::shian(dir.path())
        .args(["demo", "--establishments", "30", "--inspections", "300"])
        .args(["--seed", "1", "--until", "2026-06-30"])
        .assert()
        .success();
    let conn = Connection::open(dir.path().join(shian::store::DATABASE_FILE)).unwrap();
    (dir, conn)
}

#[test]
fn the_queries_of_the_screens_do_not_scan_inspections_or_answers() {
    let (_dir, conn) = demo_db();
    let queries = shian::store::screen_queries();
    assert!(queries.len() >= 15, "the list covers the screens");
    let mut problems = Vec::new();
    for (what, sql) in &queries {
        let scans = full_scans(&conn, sql);
        if !scans.is_empty() {
            problems.push(format!(
                "{what}: {scans:?}\n{}",
                plan(&conn, sql).join("\n")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_check_sees_a_full_scan_when_there_is_one() {
    let (_dir, conn) = demo_db();
    let scans = full_scans(&conn, "SELECT count(*) FROM answers a WHERE a.note = 'x'");
    assert_eq!(scans.len(), 1, "{scans:?}");
    let scans = full_scans(&conn, "SELECT id FROM inspections WHERE bureau = 'x'");
    assert_eq!(scans.len(), 1, "{scans:?}");
}

/// The roster import's lookups (one per row, a million rows in BENCHMARKS.md) find their row by
/// an index: a scan of establishments per row made the import quadratic (issue 16 item 3).
#[test]
fn the_roster_import_lookups_use_indexes() {
    let (_dir, conn) = demo_db();
    let queries = shian::store::roster_import_queries();
    assert!(queries.len() >= 3, "licence, credit code, id");
    let mut problems = Vec::new();
    for (what, sql) in &queries {
        let lines = plan(&conn, sql);
        let scans: Vec<&String> = lines
            .iter()
            // A WITHOUT ROWID table's own key is an index too ("USING PRIMARY KEY").
            .filter(|l| {
                l.starts_with("SCAN") || !(l.contains("INDEX") || l.contains("PRIMARY KEY"))
            })
            .collect();
        if !scans.is_empty() {
            problems.push(format!("{what}: {}", lines.join("\n")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
