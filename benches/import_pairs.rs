//! The import targets (issue 7, issue 20), measured in pairs. On a shared machine the speed of
//! the CPU drifts by half within minutes, so criterion's two groups, measured one after the
//! other, can disagree by that much. Here every shian import is followed at once by the bare
//! insert, each into a fresh database, and the ratio of each pair is reported; the median ratio
//! is the figure. See BENCHMARKS.md.
//!
//! Two cases: a district year (one field bundle, every record signed and each signature
//! verified on import: target ≤ 1.5×), and a city office importing six district years, one
//! bundle from each of six stations, in one call after another as `shian import` does them
//! (target ≤ 1.5× the bare insert of all their rows).
//!
//! Two more bulk paths of issue 20, also in pairs: the export of the district year, every
//! record signed (target ≤ 2× a bare read of the same rows), and the year's summary on the
//! five-year district (target ≤ 1.3× a bare aggregate of the same join).
//!
//! `cargo bench --bench import_pairs` (SHIAN_BENCH_PAIRS pairs, 7 by default;
//! SHIAN_BENCH_CITY_PAIRS for the six districts, 3 by default; SHIAN_BENCH_CITY=0 skips them;
//! SHIAN_BENCH_IMPORT=0, SHIAN_BENCH_EXPORT=0 and SHIAN_BENCH_SUMMARY=0 skip the district
//! import, the export and the summary).

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::bulk_rows::{bare_bulk_insert, bare_empty, export_all, read_rows};
use rusqlite::types::Value;
use shian::bundle;
use shian::store::Store;

type Rows = Vec<(String, Vec<Vec<Value>>)>;

/// Wall time and CPU time (user + system, of this process, from /proc/self/stat) of `work`.
/// The CPU time leaves out waiting for the disk, whose speed drifts even more than the CPU's.
fn timed(work: impl FnOnce()) -> (Duration, Duration) {
    let cpu = || {
        let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
        // Fields after the command name, which is in parentheses: utime and stime are 14 and 15.
        let after = &stat[stat.rfind(')').expect("stat format") + 2..];
        let fields: Vec<u64> = after
            .split(' ')
            .skip(11)
            .take(2)
            .map(|f| f.parse().expect("clock ticks"))
            .collect();
        // Linux reports clock ticks of 1/100 s (USER_HZ).
        Duration::from_millis((fields[0] + fields[1]) * 10)
    };
    let (start, cpu_start) = (Instant::now(), cpu());
    work();
    (start.elapsed(), cpu() - cpu_start)
}

/// A district's signed field bundle, written under `out`, and its rows (for the baseline). The
/// rows are read after the export, which signs the records a new district has not signed yet:
/// read before, a new district's baseline had none of its signatures.
fn bundle_of(dir: &Path, out: &Path, name: &str) -> (Rows, PathBuf) {
    let identity = shian::identity::Identity::load_or_create(dir).expect("identity");
    let path = out.join(name);
    let mut store = Store::open(dir).expect("open");
    export_all(&mut store, &identity, &path);
    (read_rows(&dir.join(shian::store::DATABASE_FILE)), path)
}

/// Imports `bundles` into a fresh office database, one after another, trusting each signer.
fn shian_imports(bundles: &[PathBuf]) {
    let office = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(office.path()).expect("office store");
    for path in bundles {
        bundle::import_bundle(&mut store, path, false, &mut |_| true).expect("import");
    }
}

/// The same rows by bare SQLite, one transaction per district.
fn bare_inserts(districts: &[Rows]) {
    let bare_dir = tempfile::tempdir().expect("tempdir");
    let mut conn = bare_empty(bare_dir.path());
    for rows in districts {
        bare_bulk_insert(&mut conn, rows);
    }
}

/// Whether the case named by `variable` runs (all do unless set to 0).
fn wanted(variable: &str) -> bool {
    std::env::var(variable).map_or(true, |v| v != "0")
}

/// The year's summary as `shian report summary` makes it: the period's data, the figures, the
/// page.
fn shian_summary(store: &Store) {
    let period = shian::store::Period {
        from: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
        to: chrono::NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
        town: None,
    };
    let data = store.period_data(&period).expect("period");
    let summary = shian::report::Summary::compute(&data, &shian::report::Frequencies::DEFAULT);
    let page = shian::report::render_summary(&summary, shian::i18n::Lang::Zh).expect("render");
    std::hint::black_box(page.len());
}

/// The bare aggregate of the same join: the year's final inspections with their
/// establishments and answers, counted by kind, town, outcome, item and verdict (the figures of
/// the summary's tables), and the rectifications of the year with their orders, by status.
fn bare_summary(db: &Path) {
    let conn = common::bare_open(db);
    let n = common::drain(
        &conn,
        "SELECT e.kind, e.town, i.outcome, a.item_id, a.verdict, count(*)
         FROM inspections i JOIN establishments e ON e.id = i.establishment_id
         JOIN answers a ON a.inspection_id = i.id
         WHERE i.status = 'final' AND i.started_at >= '2024-12-31T16:00:00'
           AND i.started_at < '2025-12-31T16:00:00'
         GROUP BY e.kind, e.town, i.outcome, a.item_id, a.verdict",
        &[],
    ) + common::drain(
        &conn,
        "SELECT r.status, count(*) FROM rectifications r JOIN inspections o ON o.id = r.inspection_id
         WHERE o.started_at < '2025-12-31T16:00:00'
           AND (r.status = 'open' OR r.closed_at >= '2025-01-01')
         GROUP BY r.status",
        &[],
    ) + common::drain(&conn, "SELECT * FROM establishments ORDER BY town, name", &[]);
    std::hint::black_box(n);
}

/// Runs `pairs` alternating pairs and prints each ratio and the medians.
fn pairs(title: &str, count: usize, pairs: usize, shian: &dyn Fn(), bare: &dyn Fn()) {
    println!("{title} ({count} rows), shian then bare SQLite, in pairs");
    let mut ratios = Vec::new();
    let mut cpu_ratios = Vec::new();
    for pair in 1..=pairs {
        let (shian, shian_cpu) = timed(shian);
        let (bare, bare_cpu) = timed(bare);
        let ratio = shian.as_secs_f64() / bare.as_secs_f64();
        let cpu_ratio = shian_cpu.as_secs_f64() / bare_cpu.as_secs_f64();
        println!(
            "pair {pair}: shian {:.2} s ({:.0} rows/s, CPU {:.2} s), bare {:.2} s ({:.0} rows/s, \
             CPU {:.2} s), ratio {ratio:.2}, CPU ratio {cpu_ratio:.2}",
            shian.as_secs_f64(),
            count as f64 / shian.as_secs_f64(),
            shian_cpu.as_secs_f64(),
            bare.as_secs_f64(),
            count as f64 / bare.as_secs_f64(),
            bare_cpu.as_secs_f64(),
        );
        ratios.push(ratio);
        cpu_ratios.push(cpu_ratio);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[0], v[v.len() - 1])
    };
    let (wall, low, high) = median(ratios);
    println!("median ratio {wall:.2} (lowest {low:.2}, highest {high:.2})");
    let (cpu, low, high) = median(cpu_ratios);
    println!("median CPU ratio {cpu:.2} (lowest {low:.2}, highest {high:.2})");
}

fn main() {
    let establishments = common::size("SHIAN_BENCH_ESTABLISHMENTS", 3000, 3000);
    let inspections = common::size("SHIAN_BENCH_YEAR_INSPECTIONS", 20_000, 2_000);
    let out = tempfile::tempdir().expect("tempdir");

    let dir = common::district(establishments, inspections);
    let (rows, year) = bundle_of(&dir, out.path(), "year.shian");
    let count: usize = rows.iter().map(|(_, r)| r.len()).sum();
    if wanted("SHIAN_BENCH_IMPORT") {
        pairs(
            "signed import of a district year: every record's signature verified (target ≤ 1.5)",
            count,
            common::size("SHIAN_BENCH_PAIRS", 7, 3),
            &|| shian_imports(std::slice::from_ref(&year)),
            &|| bare_inserts(std::slice::from_ref(&rows)),
        );
    }

    if wanted("SHIAN_BENCH_EXPORT") {
        let db = dir.join(shian::store::DATABASE_FILE);
        let identity = shian::identity::Identity::load_or_create(&dir).expect("identity");
        let path = out.path().join("again.shian");
        pairs(
            "export of a district year: every record signed (target ≤ 2)",
            count,
            common::size("SHIAN_BENCH_PAIRS", 7, 3),
            &|| {
                let _ = std::fs::remove_file(&path);
                let mut store = Store::open(&dir).expect("open");
                export_all(&mut store, &identity, &path);
            },
            &|| {
                std::hint::black_box(read_rows(&db).len());
            },
        );
    }

    if wanted("SHIAN_BENCH_SUMMARY") {
        let five = common::five_years();
        let db = five.join(shian::store::DATABASE_FILE);
        pairs(
            "the year's summary on the five-year district (target ≤ 1.3)",
            0,
            common::size("SHIAN_BENCH_PAIRS", 7, 3),
            &|| shian_summary(&Store::open(&five).expect("open")),
            &|| bare_summary(&db),
        );
    }

    if !wanted("SHIAN_BENCH_CITY") {
        return;
    }
    let mut districts = Vec::new();
    let mut bundles = Vec::new();
    for seed in 1..=6 {
        let dir = common::seeded_district(establishments, inspections, seed);
        let (mut rows, path) = bundle_of(&dir, out.path(), &format!("district-{seed}.shian"));
        // The shipped checklists are the same in every district: the office stores each
        // version once, and so does the baseline.
        if seed > 1 {
            rows.retain(|(insert, _)| !insert.contains("INTO checklist_versions "));
        }
        districts.push(rows);
        bundles.push(path);
    }
    let count: usize = districts.iter().flatten().map(|(_, r)| r.len()).sum();
    pairs(
        "a city office: six district-year bundles from six stations, one after another (target ≤ 1.5)",
        count,
        common::size("SHIAN_BENCH_CITY_PAIRS", 3, 2),
        &|| shian_imports(&bundles),
        &|| bare_inserts(&districts),
    );
}
