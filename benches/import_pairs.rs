//! The import target (issue 7: a district year within 2× the bare SQLite bulk insert of the same
//! rows), measured in pairs. On a shared machine the speed of the CPU drifts by half within
//! minutes, so criterion's two groups, measured one after the other, can disagree by that much.
//! Here every shian import is followed at once by the bare insert, each into a fresh database,
//! and the ratio of each pair is reported; the median ratio is the figure. See BENCHMARKS.md.
//!
//! `cargo bench --bench import_pairs` (SHIAN_BENCH_PAIRS pairs, 7 by default).

mod common;

use std::time::{Duration, Instant};

use common::bulk_rows::{bare_bulk_insert, bare_empty, export_all, read_rows};
use shian::bundle;
use shian::store::Store;

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

fn main() {
    let dir = common::district(
        common::size("SHIAN_BENCH_ESTABLISHMENTS", 3000, 3000),
        common::size("SHIAN_BENCH_YEAR_INSPECTIONS", 20_000, 2_000),
    );
    let pairs = common::size("SHIAN_BENCH_PAIRS", 7, 3);
    let rows = read_rows(&dir.join(shian::store::DATABASE_FILE));
    let count: usize = rows.iter().map(|(_, r)| r.len()).sum();
    let identity = shian::identity::Identity::load_or_create(&dir).expect("identity");
    let out = tempfile::tempdir().expect("tempdir");
    let bundle_path = out.path().join("year.shian");
    let mut store = Store::open(&dir).expect("open");
    export_all(&mut store, &identity, &bundle_path);
    drop(store);

    println!("import of a district year ({count} rows), shian then bare SQLite, in pairs");
    let mut ratios = Vec::new();
    let mut cpu_ratios = Vec::new();
    for pair in 1..=pairs {
        let office = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(office.path()).expect("office store");
        let (shian, shian_cpu) = timed(|| {
            bundle::import_bundle(&mut store, &bundle_path, false, &mut |_| true).expect("import");
        });
        drop(store);
        let bare_dir = tempfile::tempdir().expect("tempdir");
        let mut conn = bare_empty(bare_dir.path());
        let (bare, bare_cpu) = timed(|| bare_bulk_insert(&mut conn, &rows));
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
    println!("median ratio {wall:.2} (lowest {low:.2}, highest {high:.2}); target ≤ 2");
    let (cpu, low, high) = median(cpu_ratios);
    println!("median CPU ratio {cpu:.2} (lowest {low:.2}, highest {high:.2})");
}
