//! What the report tests share: a data folder with the demo district, and running the binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub mod forms;

/// A fixed station key, so serial numbers (which carry the station code) are the same every run.
pub const STATION_KEY: &str = "0000000000000000000000000000000000000000000000000000000000000001";

pub fn shian(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_shian"));
    command
        .arg("--data-dir")
        .arg(dir)
        .env_remove("SHIAN_LANG")
        .env_remove("SHIAN_DATA_DIR");
    command
}

/// A data folder with the fixed station key and nothing else.
pub fn empty_station() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("station.key"), STATION_KEY).unwrap();
    dir
}

/// The command that makes the demo district of the golden tests.
pub const DEMO_DISTRICT: [&str; 9] = [
    "demo",
    "--establishments",
    "60",
    "--inspections",
    "400",
    "--seed",
    "1",
    "--until",
    "2026-06-30",
];

/// The demo district of the golden tests: seed 1, until 2026-06-30.
pub fn demo_district() -> TempDir {
    let dir = empty_station();
    shian(dir.path()).args(DEMO_DISTRICT).assert().success();
    dir
}

/// `inspections list --json` as JSON values.
pub fn inspections(dir: &Path) -> Vec<serde_json::Value> {
    let out = shian(dir)
        .args(["inspections", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The serial of the newest inspection with this outcome code.
pub fn serial_with_outcome(dir: &Path, outcome: &str) -> String {
    inspections(dir)
        .iter()
        .find(|i| i["outcome"] == outcome)
        .and_then(|i| i["serial"].as_str())
        .unwrap()
        .to_string()
}

/// Runs a report command that writes `file` inside `dir` and returns the file's path.
pub fn report(dir: &Path, args: &[&str], file: &str) -> PathBuf {
    let out = dir.join(file);
    shian(dir)
        .arg("report")
        .args(args)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    out
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The record code printed on a form.
pub fn printed_code(html: &str) -> String {
    let start = html.find(r#"class="code">"#).unwrap() + r#"class="code">"#.len();
    html[start..start + 12].to_string()
}
