//! The one way the tests run the real binary: on a given data folder, with the environment's
//! `SHIAN_LANG` and `SHIAN_DATA_DIR` removed so that the developer's own settings never leak in.

use std::path::Path;

use assert_cmd::Command;

/// `shian --data-dir DIR` as a plain process, for tests that spawn, pipe or kill it.
pub fn process(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_shian"));
    cmd.arg("--data-dir")
        .arg(dir)
        .env_remove("SHIAN_LANG")
        .env_remove("SHIAN_DATA_DIR");
    cmd
}

/// `shian --data-dir DIR`, in the default language (Chinese).
pub fn shian(dir: &Path) -> Command {
    process(dir).into()
}

/// `shian --data-dir DIR --lang en`.
pub fn shian_en(dir: &Path) -> Command {
    let mut cmd = shian(dir);
    cmd.arg("--lang").arg("en");
    cmd
}

/// The standard output of a command that must succeed; its standard error if it does not.
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "command failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// The JSON a command prints; the command must succeed.
pub fn json_of(dir: &Path, args: &[&str]) -> serde_json::Value {
    json(&stdout(shian(dir).args(args)))
}
