//! What people type into the locator: a postcode district, a full postcode or a town.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let data = app::model::LocatorData {
            area_name: "Fuzzshire".into(),
            ..Default::default()
        };
        let words = app::locator::Words::english();
        match app::locator::parse_query(text) {
            Ok(query) => {
                let _ = app::locator::not_found_words(&query, &data, &words);
            }
            Err(problem) => {
                let _ = problem.words(&data.examples, &words);
            }
        }
    }
});
