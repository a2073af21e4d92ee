//! `shian` with no subcommand outside a terminal: a clear error, no panic, nothing written.

use crate::support::cli::shian_en;
use predicates::str::contains;

#[test]
fn the_ui_outside_a_terminal_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    shian_en(&data)
        .write_stdin("")
        .assert()
        .failure()
        .stderr(contains("the UI needs a terminal"));
    assert!(!data.exists());
}
