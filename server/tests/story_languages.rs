//! The share-your-story form in every language the shipped content offers, once the
//! team turns it on: the page, its refusals and its thank-you in the language, the
//! story sealed and stored as in English, and footers that lead to it.

mod support;

use app::model::{Language, S};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use server::http::app;
use std::path::Path;
use std::sync::OnceLock;
use tower::ServiceExt;

use support::{escaped, StorySetup as Setup};

/// The shipped content, loaded once for every test here.
fn shipped() -> app::model::Site {
    static SITE: OnceLock<app::model::Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        server::content::load(&dir).unwrap_or_else(|report| panic!("{report}"))
    })
    .clone()
}

/// The shipped content with the form turned on (or not) for a made-up team key.
async fn setup(name: &str, stories: bool) -> Setup {
    support::story_setup(&format!("lang-{name}"), shipped(), stories, true, 60).await
}

async fn send(setup: &Setup, method: Method, uri: &str, body: &str) -> (StatusCode, String) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body.to_owned()))
        .expect("request");
    let response = app(setup.state.clone())
        .oneshot(request)
        .await
        .expect("answer");
    (response.status(), support::body_text(response).await)
}

fn languages(setup: &Setup) -> Vec<Language> {
    let languages = setup.state.find.site.languages.clone();
    assert!(languages.len() >= 4, "the shipped languages");
    languages
}

#[tokio::test]
async fn each_language_has_the_form_in_its_words_and_its_pages_lead_to_it() {
    let setup = setup("form", true).await;
    for language in languages(&setup) {
        let path = format!("/{}/share-your-story", language.code);
        let (status, html) = send(&setup, Method::GET, &path, "").await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            html.contains(&format!("<html lang=\"{}\"", language.code)),
            "{path}"
        );
        assert!(html.contains(&format!("action=\"{path}\"")), "{path}");
        for word in [S::Heading, S::ToldLabel, S::NoNames, S::Send, S::AgeNotSay] {
            assert!(
                html.contains(&escaped(&language.story[word])),
                "{path}: {word:?}"
            );
        }
        for english in ["Send your story", "What happens to your story", "Your town"] {
            assert!(!html.contains(english), "{path}: {english} is English");
        }
        let page = format!("/{}/get-help/get-help-now", language.code);
        let (_, html) = send(&setup, Method::GET, &page, "").await;
        let footer = format!(
            "<a href=\"{path}\">{}</a>",
            escaped(&language.story[S::Heading])
        );
        assert!(html.contains(&footer), "{page}: the footer links the form");
    }
}

#[tokio::test]
async fn a_refused_story_keeps_its_words_and_says_why_in_the_language() {
    let setup = setup("refused", true).await;
    for language in languages(&setup) {
        let path = format!("/{}/share-your-story", language.code);
        let (status, html) = send(&setup, Method::POST, &path, "told=+&helped=Kept+words").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert!(
            html.contains(&escaped(&language.story[S::NothingTold])),
            "{path}"
        );
        assert!(
            html.contains("Kept words"),
            "{path}: what was written is kept"
        );
        let (status, html) = send(&setup, Method::POST, &path, "told=Hello&age=99").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let why = language.story.fill(
            S::UnknownChoice,
            &[("question", &language.story[S::AgeQuestion])],
        );
        assert!(html.contains(&escaped(&why)), "{path}: {why}");
    }
    assert!(setup.store.all().await.expect("read").is_empty());
}

#[tokio::test]
async fn a_story_in_another_language_is_sealed_and_thanked_in_it() {
    let setup = setup("sealed", true).await;
    let language = languages(&setup).remove(0);
    let path = format!("/{}/share-your-story", language.code);
    let (status, html) = send(&setup, Method::POST, &path, "told=Dziękuję&age=18+to+24").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains(&escaped(&language.story[S::ReceivedHeading])));
    assert!(
        html.contains(&format!("<a href=\"/{}\">", language.code)),
        "back to its home"
    );
    let stored = setup.store.all().await.expect("read");
    assert_eq!(stored.len(), 1);
    let opened = server::stories::open(&stored[0].sealed, &setup.team).expect("opens");
    assert!(
        opened.contains("Dziękuję") && opened.contains("18 to 24"),
        "{opened}"
    );
}

#[tokio::test]
async fn a_language_the_site_does_not_offer_or_a_form_not_turned_on_is_not_found() {
    let on = setup("unknown", true).await;
    let (status, _) = send(&on, Method::POST, "/xx/share-your-story", "told=Hi").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let off = setup("off", false).await;
    for method in [Method::GET, Method::POST] {
        let (status, html) = send(&off, method.clone(), "/ur/share-your-story", "told=Hi").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method}");
        assert!(html.contains("We cannot find that page"), "{method}");
    }
    assert!(off.store.all().await.expect("read").is_empty());
}
