//! An `opening_hours` value from the content, read and worked out over a year.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 512 {
        return;
    }
    if let Ok(text) = std::str::from_utf8(data) {
        server::content::fuzzing::opening_hours(text);
    }
});
