//! The confidential-location canary. A fixture gives a confidential service a unique
//! canary address. The check must refuse it (so `serve` never starts), and even the
//! site built in spite of that error must carry no byte of it: not in any page, not
//! in the island's data, not in a locator answer, not in the static export, not in
//! the built WASM.

mod support;

use axum::body::Body;
use axum::http::{header, Method, Request};
use server::http::{app, AppState};
use std::sync::Arc;
use tower::ServiceExt;

const CANARIES: [&str; 3] = ["CANARY-5Q2W", "Canary Close", "ZZ9 9ZZ"];

fn assert_no_canary(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    for canary in CANARIES {
        assert!(!text.contains(canary), "{what} contains {canary:?}");
    }
}

#[tokio::test]
async fn a_confidential_address_is_refused_and_never_output() {
    let root = support::copy_of_good_fixture("canary");
    support::copy_dir(
        &support::fixtures().join("broken/confidential-address"),
        &root,
    );
    let source = std::fs::read_to_string(root.join("services.toml")).expect("services");
    assert!(
        source.contains(CANARIES[0]),
        "the fixture carries the canary"
    );

    assert!(
        server::content::load(&root).is_err(),
        "serve refuses the content"
    );
    let (site, report) = server::content::check(&root, server::content::today());
    assert!(report
        .to_string()
        .contains("Fixture Safe House is confidential but has an address or postcode."));
    let site = site.expect("the site as far as it could be built");

    let options = leptos::config::LeptosOptions::builder()
        .output_name("site")
        .build();
    let state = Arc::new(AppState::new(
        site.clone(),
        server::assets::Assets::new(),
        options,
    ));
    let mut paths: Vec<String> = site.pages.iter().map(|page| page.path.clone()).collect();
    paths.extend(site.sections.iter().map(|section| section.path()));
    paths.extend(["/find".to_owned(), "/no-such-page".to_owned()]);
    paths.extend([
        server::open_data::SERVICES_PATH.to_owned(),
        server::open_data::ABOUT_PATH.to_owned(),
        // The island's data file, which every visitor of the locator fetches.
        state.site.locator_file.path.clone(),
    ]);
    for path in &paths {
        let request = Request::builder()
            .method(Method::GET)
            .uri(path.as_str())
            .body(Body::empty())
            .expect("request");
        let response = app(state.clone()).oneshot(request).await.expect("answer");
        let body = support::body_bytes(response).await;
        assert_no_canary(&body, path);
    }
    for form in [
        "q=ZZ1",
        "q=ZZ9",
        "q=ZZ9+9ZZ",
        "q=Fixton&show=services",
        "q=YY1&open=yes",
    ] {
        let request = Request::builder()
            .method(Method::POST)
            .uri("/find")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form))
            .expect("request");
        let response = app(state.clone()).oneshot(request).await.expect("answer");
        let body = support::body_bytes(response).await;
        assert_no_canary(&body, &format!("POST /find {form}"));
    }

    // The static export: every file it writes.
    let out = std::env::temp_dir().join(format!("canary-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    server::export::export(
        &site,
        &state.site,
        &server::assets::Assets::new(),
        &leptos::config::LeptosOptions::builder()
            .output_name("site")
            .build(),
        &out,
    )
    .expect("export written");
    let mut folders = vec![out.clone()];
    let mut files = 0;
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("export folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_none_or(|ext| ext != "br" && ext != "gz")
            {
                assert_no_canary(
                    &std::fs::read(&path).expect("exported file"),
                    &path.display().to_string(),
                );
                files += 1;
            }
        }
    }
    assert!(files > 3, "the export was scanned");
    let _ = std::fs::remove_dir_all(&out);

    // The island's data file is among the paths above; the WASM is built from code only, but
    // check the built bundle too when there is one.
    let pkg = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/site/pkg");
    if let Ok(entries) = std::fs::read_dir(&pkg) {
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("built asset");
            assert_no_canary(&bytes, &entry.path().display().to_string());
        }
    }
    let _ = std::fs::remove_dir_all(root.parent().unwrap_or(&root));
}
