//! Any bytes as a bundle (bundle_signed): the verifying reader refuses or reads, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    shian::fuzzing::bundle_signed(data);
});
