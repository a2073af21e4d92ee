//! Entry points shared by the fuzz targets (fuzz/) and the regression tests that replay what
//! the fuzzers found (tests/fuzz_regressions.rs). Each takes arbitrary bytes and must not panic.

use crate::domain::checklist::{parse_draft, resolve_all};

/// A checklist file: parsed, and resolved together with itself so includes are exercised.
pub fn checklist(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(draft) = parse_draft("fuzz.toml", &text) {
        let mut other = draft.clone();
        other.id.push_str("-copy");
        let _ = resolve_all(vec![draft, other]);
    }
}

/// A roster CSV in any encoding.
pub fn roster(data: &[u8]) {
    let _ = crate::roster::parse(data);
}
