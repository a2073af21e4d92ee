//! `shian inspections list | head`: the reader of stdout goes away; shian ends quietly and
//! successfully instead of panicking on the broken pipe.

use crate::support::cli::process;
use std::process::Stdio;

use crate::support::bundle::*;

#[test]
fn a_closed_stdout_ends_commands_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo(&data, 30, 100, 51);
    for args in [
        &["inspections", "list"][..],
        &["roster", "list"],
        &["inspections", "list", "--json"],
    ] {
        let mut child = process(&data)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before shian writes a byte (it opens the database first): every write fails.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success(), "{args:?}: {stderr}");
    }
}
