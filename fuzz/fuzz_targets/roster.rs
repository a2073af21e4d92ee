//! Any bytes as a roster CSV: the reader reports problems, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    shian::fuzzing::roster(data);
});
