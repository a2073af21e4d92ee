//! Any bytes as a checklist file: the loader reports problems, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    shian::fuzzing::checklist(data);
});
