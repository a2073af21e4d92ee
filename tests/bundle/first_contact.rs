//! First contact on a terminal: a laptop importing its first office bundle is shown the office's
//! fingerprint and asked. The terminal is util-linux `script`, which runs the real binary on a
//! pseudo-terminal and passes our answer to it.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};
use tempfile::TempDir;

/// Runs the import on a pseudo-terminal, answering `answer`; None where `script` is missing.
fn import_on_a_terminal(data: &Path, bundle: &Path, answer: &str) -> Option<(bool, String)> {
    let line = format!(
        "{} --data-dir '{}' --lang en import '{}'",
        env!("CARGO_BIN_EXE_shian"),
        data.display(),
        bundle.display()
    );
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{answer}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

#[test]
fn the_first_office_bundle_asks_to_confirm_the_fingerprint() {
    let tmp = TempDir::new().unwrap();
    let office = tmp.path().join("office");
    demo(&office, 4, 0, 2);
    let bundle = export(
        &office,
        &tmp.path().join("out"),
        &["--roster", "--name", "区局"],
    );
    let fp = fingerprint(&office);

    let declined = tmp.path().join("declined");
    stdout(shian_en(&declined).args(["devices", "list"]));
    let before = dump(&declined, &[]);
    let Some((ok, screen)) = import_on_a_terminal(&declined, &bundle, "n") else {
        eprintln!("skipped: no `script` command for a pseudo-terminal");
        return;
    };
    assert!(!ok, "{screen}");
    assert!(screen.contains(&fp) && screen.contains("[y/N]"), "{screen}");
    assert_eq!(before, dump(&declined, &[]));

    let accepted = tmp.path().join("accepted");
    stdout(shian_en(&accepted).args(["devices", "list"]));
    let (ok, screen) = import_on_a_terminal(&accepted, &bundle, "y").unwrap();
    assert!(ok, "{screen}");
    assert!(screen.contains("establishments: new 4"), "{screen}");
    let devices = stdout(shian_en(&accepted).args(["devices", "list"]));
    assert!(
        devices.contains("office") && devices.contains("区局"),
        "{devices}"
    );
}
