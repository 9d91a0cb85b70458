//! A content page file: front matter (TOML) and markdown, as the content check reads it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = server::content::fuzzing::page(text);
    }
});
