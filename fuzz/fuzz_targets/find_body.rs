//! The body of a `POST /find` from the no-JavaScript form, answered and rendered
//! against the test fixture's places.
#![no_main]

use libfuzzer_sys::fuzz_target;
use server::http::FindService;
use std::sync::OnceLock;

fn service() -> &'static FindService {
    static SERVICE: OnceLock<FindService> = OnceLock::new();
    SERVICE.get_or_init(|| {
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../server/tests/fixtures/good");
        match server::content::load(&fixture) {
            Ok(site) => FindService::new(site, server::leptos_options(), String::new()),
            Err(report) => panic!("the fixture must load: {report}"),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    // Noon on a Monday, in milliseconds since 1970.
    let now_ms = 1_795_435_200_000.0;
    let (status, outcome, choices) = service().answer_body(data, now_ms, None);
    assert!(status.is_success() || status.is_client_error());
    let _ = service().page(outcome, choices);
});
