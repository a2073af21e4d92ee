//! A killed export leaves no file under a bundle's name that is not whole: `shian export` on a
//! large district is killed (SIGKILL) at random moments, and every file that looks like a
//! bundle must verify.

use crate::support::cli::process;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::bundle::*;
use tempfile::TempDir;

fn spawn_export(data: &Path, out: &Path) -> std::process::Child {
    process(data)
        .args(["--lang", "en", "export", "--all", "--out"])
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Every file in `out` is either a complete, verifiable bundle or a hidden temporary file.
fn check_folder(out: &Path) -> usize {
    let mut bundles = 0;
    for e in std::fs::read_dir(out).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with('.') && name.ends_with(".tmp") {
            continue;
        }
        assert!(name.ends_with(".shian"), "unexpected file {name}");
        let verified = shian::bundle::Opened::open(&path).and_then(|o| o.read());
        assert!(
            verified.is_ok(),
            "{name} looks whole but is not: {verified:?}"
        );
        bundles += 1;
    }
    bundles
}

#[test]
fn a_killed_export_leaves_no_file_that_looks_whole() {
    let tmp = TempDir::new().unwrap();
    let field = tmp.path().join("field");
    let out = tmp.path().join("stick");
    std::fs::create_dir_all(&out).unwrap();
    demo(&field, 100, 800, 11);

    // One whole export, to know roughly how long one takes on this machine.
    let started = Instant::now();
    let status = spawn_export(&field, &out).wait().unwrap();
    assert!(status.success());
    let whole = started.elapsed();
    assert_eq!(check_folder(&out), 1);

    let seed = std::env::var("SHIAN_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261129u64);
    eprintln!("kill seed {seed} (set SHIAN_KILL_SEED to repeat)");
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut killed = 0;
    for round in 0..8 {
        let mut child = spawn_export(&field, &out);
        if round % 2 == 1 {
            // Half the rounds aim at the writing itself: once the temporary file is there.
            let temporaries = |out: &Path| {
                std::fs::read_dir(out)
                    .unwrap()
                    .filter(|e| {
                        e.as_ref()
                            .unwrap()
                            .file_name()
                            .to_string_lossy()
                            .ends_with(".tmp")
                    })
                    .count()
            };
            let already = temporaries(&out);
            while temporaries(&out) == already && child.try_wait().unwrap().is_none() {
                std::thread::yield_now();
            }
        }
        // The moment of the kill is the experiment, not a wait for a condition.
        let fraction = if round % 2 == 1 { 0.3 } else { 1.1 };
        let at = whole.mul_f64(rng.f64() * fraction);
        std::thread::sleep(at.min(Duration::from_secs(60)));
        if child.try_wait().unwrap().is_none() {
            killed += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        check_folder(&out);
    }
    let files = std::fs::read_dir(&out).unwrap().count();
    let whole_bundles = check_folder(&out);
    eprintln!(
        "{killed} of 8 exports killed before they finished; {whole_bundles} whole bundles, {} temporary files left",
        files - whole_bundles
    );

    // The station is still sound and exports again.
    let store = shian::store::Store::open(&field).unwrap();
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);
    let before = check_folder(&out);
    assert!(spawn_export(&field, &out).wait().unwrap().success());
    assert_eq!(check_folder(&out), before + 1);
}
