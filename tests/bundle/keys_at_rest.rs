//! The station's private key at rest: owner-only permissions, and its bytes (as hex, either
//! case, or raw) appear in nothing shian writes for others to see: a bundle (its entries
//! decompressed), the TUI's log, the reports (HTML, XLSX entries, CSV), `identity export` and
//! the output of `identity show`.
#![cfg(unix)]

use std::io::Read;
use std::path::Path;

use crate::support::bundle::*;
use crate::support::cli::{process, shian_en, stdout};

/// Every readable byte string in `path`: the file, and each entry when it is a ZIP.
fn contents(path: &Path) -> Vec<Vec<u8>> {
    let bytes = std::fs::read(path).unwrap();
    let mut out = vec![bytes.clone()];
    if let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let mut b = Vec::new();
            entry.read_to_end(&mut b).unwrap();
            out.push(b);
        }
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn the_private_key_is_owner_only_and_never_written_out() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    demo(&data, 30, 120, 41);

    let key_file = data.join("station.key");
    let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
    assert_eq!(
        mode & 0o077,
        0,
        "station.key is readable by others: {mode:o}"
    );
    let hex_key = std::fs::read_to_string(&key_file)
        .unwrap()
        .trim()
        .to_string();
    let raw = hex::decode(&hex_key).unwrap();
    let needles: Vec<Vec<u8>> = vec![
        hex_key.to_lowercase().into_bytes(),
        hex_key.to_uppercase().into_bytes(),
        // Half the key is already too much.
        hex_key[..32].to_lowercase().into_bytes(),
        hex_key[32..].to_lowercase().into_bytes(),
        raw.clone(),
        base64_of(&raw),
    ];

    export(&data, &out, &["--all"]);
    stdout(
        shian_en(&data)
            .args(["export", "--roster", "--out"])
            .arg(&out),
    );
    stdout(
        shian_en(&data)
            .args(["identity", "export"])
            .arg(out.join("id.json")),
    );
    stdout(
        shian_en(&data)
            .args(["identity", "export", "--office"])
            .arg(out.join("office.json")),
    );
    let shown = stdout(shian_en(&data).args(["identity", "show"]));
    std::fs::write(out.join("identity-show.txt"), shown).unwrap();
    let serial = stdout(shian_en(&data).args(["inspections", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&serial).unwrap();
    let id = list[0]["id"].as_str().unwrap();
    stdout(
        shian_en(&data)
            .args(["report", "record", id, "--out"])
            .arg(out.join("record.html")),
    );
    stdout(
        shian_en(&data)
            .args(["report", "summary", "--to", "2026-06-30", "--out"])
            .arg(out.join("summary.html")),
    );
    stdout(
        shian_en(&data)
            .args(["report", "xlsx", "--to", "2026-06-30", "--out"])
            .arg(out.join("book.xlsx")),
    );
    stdout(
        shian_en(&data)
            .args(["report", "csv", "--to", "2026-06-30", "--out"])
            .arg(out.join("csv")),
    );

    // The TUI's log: start it in a terminal and quit.
    let mut cmd = process(&data);
    cmd.env("TERM", "xterm-256color");
    let mut session = expectrl::Session::spawn(cmd).unwrap();
    let log = data.join("shian-tui.log");
    let logged = |what: &str| {
        std::fs::read_to_string(&log)
            .map(|t| t.contains(what))
            .unwrap_or(false)
    };
    let started = std::time::Instant::now();
    while !logged("INFO start") {
        assert!(started.elapsed().as_secs() < 30, "the TUI did not start");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // The log is what is checked; the TUI itself can go.
    let _ = session
        .get_process_mut()
        .kill(expectrl::process::unix::Signal::SIGKILL);
    assert!(log.exists(), "no log written");

    let mut checked = vec![log];
    files(&out, &mut checked);
    assert!(checked.len() >= 9, "{checked:?}");
    for path in &checked {
        for bytes in contents(path) {
            for needle in &needles {
                assert!(
                    !find(&bytes, needle),
                    "the private key is in {}",
                    path.display()
                );
            }
        }
    }
    eprintln!(
        "{} files searched for the private key: not found",
        checked.len()
    );
}

fn base64_of(bytes: &[u8]) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .encode(bytes)
        .into_bytes()
}
