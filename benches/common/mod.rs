//! What the benchmarks share: the cached synthetic district, sizes from the environment, and a
//! bare SQLite connection with the store's PRAGMAs for the baselines.
#![allow(dead_code)] // each bench binary uses part of it

use std::path::{Path, PathBuf};
use std::process::Command;

use rusqlite::Connection;

pub mod bulk_rows;

/// The last day of every synthetic district, so every run builds the same one.
pub const UNTIL: &str = "2026-06-30";

/// `SHIAN_BENCH_QUICK=1`: small sizes, so a whole run takes a couple of minutes.
pub fn quick() -> bool {
    std::env::var_os("SHIAN_BENCH_QUICK").is_some_and(|v| v != "0" && !v.is_empty())
}

/// A size from the environment variable `name`, else `full` (or `quick` in a quick run).
pub fn size(name: &str, full: usize, quick_size: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick() { quick_size } else { full })
}

/// A data folder holding `shian demo --establishments E --inspections I --seed 1 --until UNTIL`,
/// made by the real binary once and kept under target/tmp (delete it to rebuild). The
/// inspector's profile is set so that the UI starts on 首页.
pub fn district(establishments: usize, inspections: usize) -> PathBuf {
    seeded_district(establishments, inspections, 1)
}

/// [`district`] made with another seed: another district, with its own station key, roster
/// and records (the city office's six districts).
pub fn seeded_district(establishments: usize, inspections: usize, seed: u64) -> PathBuf {
    let name = match seed {
        1 => format!("e{establishments}-i{inspections}"),
        _ => format!("e{establishments}-i{inspections}-s{seed}"),
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("bench-data")
        .join(name);
    let complete = dir.join("complete");
    if complete.exists() {
        // A folder built by an older shian is brought to this schema before a baseline reads it.
        shian::store::Store::open(&dir).expect("open district");
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench data folder");
    eprintln!(
        "building the district {} (once; kept for later runs)",
        dir.display()
    );
    let status = Command::new(env!("CARGO_BIN_EXE_shian"))
        .arg("--data-dir")
        .arg(&dir)
        .args(["--lang", "en", "demo", "--until", UNTIL])
        .args(["--seed", &seed.to_string()])
        .args(["--establishments", &establishments.to_string()])
        .args(["--inspections", &inspections.to_string()])
        .status()
        .expect("run shian demo");
    assert!(status.success(), "shian demo failed");
    let store = shian::store::Store::open(&dir).expect("open district");
    use shian::store::Setting;
    for (key, value) in [
        (Setting::InspectorName, "周海明"),
        (Setting::InspectorBadge, "21080401"),
        (Setting::Bureau, "营口市鲅鱼圈区市场监督管理局"),
    ] {
        store.set_setting(key, value).expect("profile");
    }
    drop(store);
    std::fs::write(&complete, b"").expect("mark complete");
    dir
}

/// The five-year district of issue 7 (3,000 establishments, 100,000 inspections), or the sizes
/// of `SHIAN_BENCH_ESTABLISHMENTS` / `SHIAN_BENCH_INSPECTIONS`.
pub fn five_years() -> PathBuf {
    district(
        size("SHIAN_BENCH_ESTABLISHMENTS", 3000, 3000),
        size("SHIAN_BENCH_INSPECTIONS", 100_000, 10_000),
    )
}

/// A connection as the store configures its own, without any shian code.
pub fn bare_open(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("bare open");
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .expect("busy timeout");
    let _mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .expect("wal");
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        .expect("pragmas");
    conn
}

/// Every row of a query as text columns: what a baseline reads, so it does the reading too.
pub fn drain(conn: &Connection, sql: &str, params: &[&dyn rusqlite::ToSql]) -> usize {
    let mut stmt = conn.prepare_cached(sql).expect(sql);
    let columns = stmt.column_count();
    let mut rows = stmt.query(params).expect(sql);
    let mut n = 0;
    while let Some(row) = rows.next().expect(sql) {
        for c in 0..columns {
            let v: rusqlite::types::Value = row.get(c).expect("column");
            std::hint::black_box(v);
        }
        n += 1;
    }
    n
}

/// In a quick run every group measures briefly: the point is a figure in minutes, not precision.
pub fn brief<M: criterion::measurement::Measurement>(g: &mut criterion::BenchmarkGroup<'_, M>) {
    if quick() {
        g.sample_size(10)
            .warm_up_time(std::time::Duration::from_millis(500))
            .measurement_time(std::time::Duration::from_secs(2));
    }
}
