//! The roster import at scale (issue 16 item 3: a million rows, linear, well under a minute),
//! beside its baseline: the same rows inserted into the same schema by bare SQLite in one
//! transaction. See BENCHMARKS.md, "Roster import".
//!
//! `cargo bench --bench roster_import` (SHIAN_BENCH_ROSTER_ROWS rows, 1,000,000 by default;
//! quick: 20,000). The CSV is generated once under target/tmp (deterministic, fictional names
//! in the district's real towns) and its path printed, so any shian binary can be timed on it:
//! `/usr/bin/time -v target/release/shian --data-dir /tmp/r roster import <path>`.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use shian::domain::establishment::EstablishmentFacts;

const TOWNS: [&str; 6] = [
    "红海街道",
    "海星街道",
    "海东街道",
    "望海街道",
    "熊岳镇",
    "芦屯镇",
];
const KINDS: [(&str, &str); 6] = [
    ("餐馆", "透明厨房"),
    ("学校食堂", "视频厨房"),
    ("超市", ""),
    ("食杂店", ""),
    ("市场入场销售者", ""),
    ("校园周边餐饮服务单位", "无"),
];
const WORDS: [&str; 8] = [
    "海之味",
    "鲅鱼圈",
    "望海",
    "青禾",
    "金港",
    "熊岳",
    "芦屯",
    "北海",
];
const STREETS: [&str; 5] = ["青禾路", "海滨路", "平安大街", "昆仑大街", "熊岳大街"];

/// Row `n` of the generated roster: most have a licence and a credit code, one in twenty a
/// credit code only, one in twenty (market stalls) neither, known by name and address.
fn row(n: usize, out: &mut String) {
    let (kind, kitchen) = KINDS[n % KINDS.len()];
    let town = TOWNS[n % TOWNS.len()];
    let word = WORDS[(n / 7) % WORDS.len()];
    let street = STREETS[(n / 3) % STREETS.len()];
    let (licence, credit) = match n % 20 {
        0 => (String::new(), String::new()),
        1 => (String::new(), format!("91210804MA{n:07}X")),
        _ => (
            format!("JY{}{:013}", 1 + n % 3, n),
            format!("92210804MA{n:07}Y"),
        ),
    };
    let _ = writeln!(
        out,
        "{word}{kind}{n}号店,{kind},{street}{}号,{town},王某{},0417-{:07},{licence},{credit},{},{kitchen}",
        n % 999 + 1,
        n % 100,
        n % 10_000_000,
        ["A", "B", "C", "D"][n % 4],
    );
}

/// The roster CSV of `rows` rows under target/tmp, written once.
fn roster_csv(rows: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tmp/bench-roster");
    std::fs::create_dir_all(&dir).expect("bench folder");
    let path = dir.join(format!("roster-{rows}.csv"));
    if !path.exists() {
        let mut text = String::from(
            "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶\n",
        );
        for n in 0..rows {
            row(n, &mut text);
        }
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, text).expect("write roster");
        std::fs::rename(&tmp, &path).expect("rename roster");
    }
    path
}

/// The real binary's `roster import` into `data`: wall time, and peak memory where GNU time is
/// installed.
fn import_command(data: &Path, csv: &Path) -> (Duration, Option<String>) {
    let shian = env!("CARGO_BIN_EXE_shian");
    let gnu_time = Path::new("/usr/bin/time").exists();
    let mut cmd = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M"]).arg(shian);
        c
    } else {
        Command::new(shian)
    };
    cmd.arg("--data-dir")
        .arg(data)
        .args(["--lang", "en", "roster", "import"])
        .arg(csv);
    let start = Instant::now();
    let out = cmd.output().expect("run shian");
    let wall = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    print!("    {}", String::from_utf8_lossy(&out.stdout));
    let peak = gnu_time.then(|| {
        let kib: u64 = String::from_utf8_lossy(&out.stderr)
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(0);
        format!("{:.0} MiB", kib as f64 / 1024.0)
    });
    (wall, peak)
}

/// The baseline: the same establishments and their first revisions inserted by bare SQLite into
/// the same schema, in one transaction; the ids and the revisions' JSON are made outside the
/// timer, as data.
fn bare_insert(dir: &Path, rows: &[EstablishmentFacts]) -> Duration {
    let prepared: Vec<(String, String)> = rows
        .iter()
        .map(|f| {
            (
                uuid::Uuid::now_v7().to_string(),
                serde_json::to_string(f).expect("json"),
            )
        })
        .collect();
    let mut conn = common::bulk_rows::bare_empty(dir);
    let start = Instant::now();
    let tx = conn.transaction().expect("tx");
    {
        let mut establishment = tx
            .prepare(
                "INSERT INTO establishments (id, revision, name, kind, address, town,
                 person_in_charge, phone, license_no, credit_code, risk_grade, bright_kitchen,
                 updated_at, updated_by)
                 VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'BENCH')",
            )
            .expect("prepare");
        let mut revision = tx
            .prepare(
                "INSERT INTO establishment_revisions
                 (establishment_id, revision, facts, changed_at, changed_by)
                 VALUES (?1, 1, ?2, ?3, 'BENCH')",
            )
            .expect("prepare");
        let at = "2026-12-02T00:00:00.000Z";
        for (f, (id, json)) in rows.iter().zip(&prepared) {
            establishment
                .execute(rusqlite::params![
                    id,
                    f.name,
                    f.kind.code(),
                    f.address,
                    f.town,
                    f.person_in_charge,
                    f.phone,
                    f.license_no,
                    f.credit_code,
                    f.risk_grade.map(|g| g.code()),
                    f.bright_kitchen.map(|b| b.code()),
                    at
                ])
                .expect("insert");
            revision
                .execute(rusqlite::params![id, json, at])
                .expect("insert revision");
        }
    }
    tx.commit().expect("commit");
    start.elapsed()
}

fn main() {
    let rows = common::size("SHIAN_BENCH_ROSTER_ROWS", 1_000_000, 20_000);
    let csv = roster_csv(rows);
    let size = std::fs::metadata(&csv).expect("csv").len();
    println!(
        "roster: {rows} rows, {:.1} MB: {}",
        size as f64 / 1e6,
        csv.display()
    );
    let tmp = tempfile::tempdir().expect("temp dir");

    let bytes = std::fs::read(&csv).expect("read csv");
    let start = Instant::now();
    let roster = shian::roster::read(&bytes).expect("the generated roster is valid");
    let parse = start.elapsed();
    println!("  parse (decode, check, normalise), in process: {parse:.2?}");

    let (first, peak) = import_command(&tmp.path().join("shian"), &csv);
    println!(
        "  shian roster import, empty database: {first:.2?}, peak memory {}",
        peak.unwrap_or_else(|| "-".into())
    );
    let (again, _) = import_command(&tmp.path().join("shian"), &csv);
    println!("  shian roster import again, every row unchanged: {again:.2?}");

    let bare = bare_insert(tmp.path(), &roster.rows);
    println!("  bare SQLite insert of the same rows (baseline): {bare:.2?}");
    println!(
        "  ratio: import {:.2}x, parse + import beside the baseline",
        first.as_secs_f64() / bare.as_secs_f64()
    );
}
