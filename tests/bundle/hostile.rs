//! Damaged bundles by the thousand: random bit flips, byte overwrites and truncations of a
//! valid signed bundle, each imported into a station that trusts the signer. Each import is
//! refused (and the database is unchanged) or is identical to the intact import.
//! `SHIAN_HOSTILE_SEED` repeats a run; `SHIAN_HOSTILE_TRIALS` sets how many.

use std::path::Path;

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};
use shian::store::Store;

/// Rows per table: a cheap check that a refused import wrote nothing.
fn counts(data: &Path) -> Vec<i64> {
    let conn = rusqlite::Connection::open_with_flags(
        data.join("shian.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    [
        "inspections",
        "answers",
        "establishments",
        "establishment_revisions",
        "bundle_log",
        "stations",
        "sync_conflicts",
        "rectifications",
        "attachments",
    ]
    .iter()
    .map(|t| {
        conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

#[test]
fn flipped_and_truncated_bundles_are_refused_or_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let field = tmp.path().join("field");
    let office = tmp.path().join("office");
    let intact_office = tmp.path().join("intact");
    demo(&field, 8, 12, 31);
    for dir in [&office, &intact_office] {
        stdout(shian_en(dir).args(["roster", "list"]));
        trust(dir, &field);
    }
    let bundle = export(&field, &tmp.path().join("stick"), &["--all"]);
    stdout(shian_en(&intact_office).arg("import").arg(&bundle));
    let skip = [BOOKKEEPING, &["stations"]].concat();
    let intact = dump(&intact_office, &skip);
    let baseline = tmp.path().join("baseline");
    copy_dir(&office, &baseline);
    let before = dump(&office, &[]);
    let before_counts = counts(&office);
    let bytes = std::fs::read(&bundle).unwrap();

    let seed = std::env::var("SHIAN_HOSTILE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8u64);
    eprintln!(
        "seed {seed} (set SHIAN_HOSTILE_SEED to repeat); bundle of {} bytes",
        bytes.len()
    );
    let mut rng = fastrand::Rng::with_seed(seed);
    let damaged = tmp.path().join("damaged.shian");
    let mut store = Store::open(&office).unwrap();
    // SHIAN_HOSTILE_TRIALS runs more (RELIABILITY.md has a 20,000-trial run).
    let trials: usize = std::env::var("SHIAN_HOSTILE_TRIALS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let (mut refused, mut accepted) = (0, 0);
    for trial in 0..trials {
        let mut b = bytes.clone();
        match trial % 3 {
            0 => {
                for _ in 0..rng.usize(1..=3) {
                    let i = rng.usize(..b.len());
                    b[i] ^= 1 << rng.u8(0..8);
                }
            }
            1 => {
                let i = rng.usize(..b.len());
                b[i] = rng.u8(..);
            }
            _ => b.truncate(rng.usize(..b.len())),
        }
        std::fs::write(&damaged, &b).unwrap();
        let result = shian::bundle::import_bundle(&mut store, &damaged, false, &mut |_| false);
        match result {
            Err(_) => {
                refused += 1;
                assert_eq!(
                    counts(&office),
                    before_counts,
                    "trial {trial}: a refused import wrote"
                );
            }
            Ok(_) => {
                accepted += 1;
                drop(store);
                assert_eq!(
                    dump(&office, &skip),
                    intact,
                    "trial {trial}: a damaged bundle changed the import"
                );
                // Back to the empty station for the next trial.
                std::fs::remove_dir_all(&office).unwrap();
                copy_dir(&baseline, &office);
                store = Store::open(&office).unwrap();
            }
        }
    }
    drop(store);
    if accepted == 0 {
        assert_eq!(dump(&office, &[]), before);
    }
    eprintln!("{trials} damaged bundles: {refused} refused, {accepted} imported identically");
}
