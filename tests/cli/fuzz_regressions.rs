//! Replays every input kept in fuzz/regressions/<target>/ (crashes the fuzzers found, and
//! hand-made hostile files): each must be handled without a panic.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("regressions folder") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read input");
        run(&bytes);
        count += 1;
    }
    count
}

#[test]
fn checklist_inputs_do_not_panic() {
    assert!(replay("checklist", shian::fuzzing::checklist) > 0);
}

#[test]
fn roster_inputs_do_not_panic() {
    assert!(replay("roster", shian::fuzzing::roster) > 0);
}

#[test]
fn bundle_inputs_do_not_panic() {
    assert!(replay("bundle", shian::fuzzing::bundle) > 0);
}

#[test]
fn signed_bundle_inputs_do_not_panic() {
    assert!(replay("bundle_signed", shian::fuzzing::bundle_signed) > 0);
}

/// The structure-aware target reaches past the signature: its sample bundle verifies whole.
#[test]
fn the_signed_sample_bundle_verifies() {
    let bytes = shian::fuzzing::sample_signed_bundle();
    let opened =
        shian::bundle::Opened::from_bytes(Path::new("sample.shian"), bytes.clone()).expect("opens");
    opened.read().expect("reads");
    shian::fuzzing::bundle(&bytes);
}
