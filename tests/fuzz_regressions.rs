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
