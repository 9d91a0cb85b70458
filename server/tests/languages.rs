//! Pages in other languages, through the router with the shipped content: the right
//! `lang` and `dir`, the review note, and a language switcher made of plain links.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use server::http::{app, AppState};
use std::path::Path;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

fn state() -> Arc<AppState> {
    static STATE: OnceLock<Arc<AppState>> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
            let site = server::content::load(&dir).unwrap_or_else(|report| panic!("{report}"));
            let options = leptos::config::LeptosOptions::builder()
                .output_name("site")
                .build();
            Arc::new(AppState::new(site, server::assets::Assets::new(), options))
        })
        .clone()
}

async fn page(uri: &str) -> String {
    let response = app(state())
        .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
        .await
        .expect("infallible");
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    assert!(
        response.headers().get(header::SET_COOKIE).is_none(),
        "no cookie remembers the language"
    );
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

#[tokio::test]
async fn a_translation_has_its_language_direction_and_review_note() {
    for (code, dir) in [("ur", "rtl"), ("pl", "ltr"), ("ar", "rtl")] {
        let html = page(&format!("/{code}/get-help/get-help-now")).await;
        assert!(
            html.contains(&format!("<html lang=\"{code}\" dir=\"{dir}\">")),
            "{code}"
        );
        assert!(
            html.contains("class=\"translation-note\""),
            "{code}: awaiting community review"
        );
        assert!(
            html.contains("href=\"/get-help/get-help-now\" lang=\"en-GB\" hreflang=\"en-GB\""),
            "{code}: links to its source"
        );
        // The exit button explainer is the translated one.
        assert!(
            html.contains(&format!(
                "<a href=\"/{code}/staying-safe/leaving-quickly\" class=\"exit-help\">"
            )),
            "{code}"
        );
    }
}

#[tokio::test]
async fn english_pages_offer_their_translations_with_plain_links() {
    let html = page("/get-help/get-help-now").await;
    assert!(html.contains("<html lang=\"en-GB\" dir=\"ltr\">"));
    let switcher = html
        .split("class=\"language-switcher\"")
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
        .expect("a language switcher");
    for code in ["ur", "pl", "ar"] {
        assert!(
            switcher.contains(&format!(
                "href=\"/{code}/get-help/get-help-now\" lang=\"{code}\" hreflang=\"{code}\""
            )),
            "{code} in {switcher}"
        );
    }
    assert!(
        !switcher.contains("<script") && !switcher.contains("<form"),
        "links only, no script or form"
    );
    // A page with no translation has no switcher, but every footer lists the languages.
    let html = page("/about/privacy").await;
    assert!(!html.contains("class=\"language-switcher\""));
    assert!(html.contains("class=\"language-homes\""));
}

#[tokio::test]
async fn each_language_home_lists_its_pages() {
    let html = page("/pl").await;
    assert!(html.contains("<html lang=\"pl\" dir=\"ltr\">"));
    for path in [
        "/pl/get-help/get-help-now",
        "/pl/understanding-abuse/signs-of-abuse",
        "/pl/get-help/safezones",
        "/pl/staying-safe/leaving-quickly",
    ] {
        assert!(html.contains(&format!("href=\"{path}\"")), "{path}");
    }
}
