//! The share-your-story form through the whole router: sealed on arrival for the
//! team's key alone, nothing of the sender kept, and every refusal showing the words
//! back. The store is a real SQLite file in a temporary folder.

mod support;

use age::x25519::Identity;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use server::http::{app, AppState};
use std::sync::Arc;
use tower::ServiceExt;

use support::StorySetup as Setup;

async fn setup(name: &str, with_store: bool, per_minute: u32) -> Setup {
    support::story_setup(name, support::good_site(), true, with_store, per_minute).await
}

const CANARY: &str = "canary-7f3a";

async fn post(setup: &Setup, body: &str, site: &str) -> (StatusCode, Option<String>, String) {
    let request = Request::builder()
        .method(Method::POST)
        .uri("/share-your-story")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", site)
        .header(header::USER_AGENT, format!("{CANARY}-agent"))
        .header("x-forwarded-for", "203.0.113.77")
        .header(header::COOKIE, format!("{CANARY}=1"))
        .body(Body::from(body.to_owned()))
        .expect("request");
    let response = app(setup.state.clone())
        .oneshot(request)
        .await
        .expect("answer");
    let status = response.status();
    let retry = response
        .headers()
        .get(header::RETRY_AFTER)
        .map(|v| v.to_str().unwrap_or_default().to_owned());
    (status, retry, support::body_text(response).await)
}

#[tokio::test]
async fn a_story_is_sealed_for_the_team_alone_and_keeps_nothing_of_its_sender() {
    let setup = setup("sealed", true, 60).await;
    let body = "told=They+believed+me+at+the+library.&helped=A+quiet+room&services=Test+Helpline&town=Batley&age=25+to+39&quote=yes&website=";
    let (status, _, html) = post(&setup, body, "same-origin").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Thank you for telling us"), "{html}");
    assert!(
        !html.contains("They believed me"),
        "the answer does not repeat the story"
    );
    let stored = setup.store.all().await.expect("read");
    assert_eq!(stored.len(), 1);
    let row = format!("{:?}", stored[0]);
    for secret in [
        "believed",
        "library",
        "quiet room",
        "Batley",
        CANARY,
        "203.0.113.77",
        "10:00",
    ] {
        assert!(!row.contains(secret), "the stored row holds {secret:?}");
    }
    assert_eq!(stored[0].month, "2026-12");
    let opened =
        server::stories::open(&stored[0].sealed, &setup.team).expect("the team's key opens it");
    let expected = app::model::StoryDraft {
        told: "They believed me at the library.".into(),
        helped: "A quiet room".into(),
        services: vec!["Test Helpline".into()],
        town: "Batley".into(),
        age: "25 to 39".into(),
        quote: "yes".into(),
    };
    assert_eq!(opened, expected.as_text("2026-12"));
    assert!(server::stories::open(&stored[0].sealed, &Identity::generate()).is_err());
}

#[tokio::test]
async fn every_refusal_shows_the_words_back_and_stores_nothing() {
    let setup = setup("refusals", true, 60).await;
    let long = format!(
        "told={}&helped=Still+here",
        "a".repeat(app::model::MAX_TOLD_CHARS + 1)
    );
    let cases = [
        (
            "told=&helped=The+nurse+was+kind",
            "same-origin",
            StatusCode::UNPROCESSABLE_ENTITY,
            "Please write something in the first box",
            "The nurse was kind",
        ),
        (
            long.as_str(),
            "same-origin",
            StatusCode::UNPROCESSABLE_ENTITY,
            "longer than 10000 characters",
            "Still here",
        ),
        (
            "told=Kept+words&age=100",
            "same-origin",
            StatusCode::UNPROCESSABLE_ENTITY,
            "is not one on the form",
            "Kept words",
        ),
        (
            "told=Kept+words&website=spam",
            "same-origin",
            StatusCode::BAD_REQUEST,
            "could not be sent",
            "Kept words",
        ),
    ];
    for (body, site, status, message, kept) in cases {
        let (got, _, html) = post(&setup, body, site).await;
        assert_eq!(got, status, "{body:.40}");
        assert!(html.contains(message), "{message}: {html}");
        assert!(
            html.contains(kept),
            "the words are back in the form: {kept}"
        );
    }
    // From another site: refused, and nothing of it is shown back.
    let (got, _, html) = post(&setup, "told=Planted+words", "cross-site").await;
    assert_eq!(got, StatusCode::FORBIDDEN);
    assert!(html.contains("can only be sent from this website"));
    assert!(!html.contains("Planted words"));
    assert!(setup.store.all().await.expect("read").is_empty());
}

#[tokio::test]
async fn a_store_that_is_down_or_a_full_minute_asks_to_try_later_with_the_words_kept() {
    let down = setup("down", false, 60).await;
    let (status, retry, html) = post(&down, "told=Please+keep+this", "same-origin").await;
    assert_eq!(
        (status, retry.as_deref()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("60"))
    );
    assert!(html.contains("Please keep this") && html.contains("try again in a few minutes"));

    let busy = setup("busy", true, 1).await;
    assert_eq!(
        post(&busy, "told=First", "same-origin").await.0,
        StatusCode::OK
    );
    let (status, retry, html) = post(&busy, "told=Second+story", "same-origin").await;
    assert_eq!(
        (status, retry.as_deref()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("60"))
    );
    assert!(html.contains("Second story") && html.contains("try again in a minute"));
    assert_eq!(busy.store.all().await.expect("read").len(), 1);
}

#[tokio::test]
async fn the_form_is_a_plain_page_that_asks_for_no_name() {
    let setup = setup("form", true, 60).await;
    let request = Request::builder()
        .uri("/share-your-story")
        .body(Body::empty())
        .expect("request");
    let response = app(setup.state.clone())
        .oneshot(request)
        .await
        .expect("answer");
    assert_eq!(response.status(), StatusCode::OK);
    let html = support::body_text(response).await;
    assert!(html.contains("<form method=\"post\" action=\"/share-your-story\" autocomplete=\"off\" class=\"story-form\">"), "{html}");
    assert!(html.contains("We delete stories after 12 months."));
    for asked in [
        "name=\"name\"",
        "name=\"email\"",
        "name=\"phone\"",
        "<leptos-island",
    ] {
        assert!(!html.contains(asked), "{asked}");
    }
    assert!(
        html.contains("href=\"/share-your-story\""),
        "linked from the footer"
    );
}

#[tokio::test]
async fn you_said_we_did_lists_updates_newest_first_and_the_thank_you_page_links_it() {
    let mut setup = setup("updates", true, 60).await;
    let mut site = support::good_site();
    site.settings.stories = Some(app::model::StorySettings {
        recipients: vec![setup.team.to_public().to_string()],
        keep_months: 12,
        per_minute: 60,
    });
    site.sections.push(app::model::Section {
        id: app::model::YOU_SAID_WE_DID.into(),
        title: "You said, we did".into(),
        summary: "What changed because of what people told us.".into(),
        newest_first: true,
    });
    let template = site
        .pages
        .iter()
        .find(|p| p.path != "/")
        .cloned()
        .expect("a page");
    for (slug, title, month) in [
        ("older", "Longer opening hours", 3),
        ("newer", "A quieter waiting room", 10),
    ] {
        let mut page = template.clone();
        page.section = app::model::YOU_SAID_WE_DID.into();
        page.path = format!("/you-said-we-did/{slug}");
        page.title = title.into();
        page.last_reviewed = app::model::Date {
            year: 2026,
            month,
            day: 1,
        };
        site.pages.push(page);
    }
    let options = leptos::config::LeptosOptions::builder()
        .output_name("site")
        .build();
    let state = AppState::new(site, server::assets::Assets::new(), options)
        .with_story_store(Some(setup.store.clone()))
        .with_clock(support::december);
    setup.state = Arc::new(state);
    let (status, _, html) = post(&setup, "told=Thanks", "same-origin").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<a href=\"/you-said-we-did\" id=\"you-said-we-did\">"),
        "{html}"
    );
    let request = Request::builder()
        .uri("/you-said-we-did")
        .body(Body::empty())
        .expect("request");
    let html = support::body_text(
        app(setup.state.clone())
            .oneshot(request)
            .await
            .expect("answer"),
    )
    .await;
    let newer = html
        .find("A quieter waiting room")
        .expect("the newer update");
    let older = html.find("Longer opening hours").expect("the older update");
    assert!(newer < older, "newest first");
    assert!(html.contains("October 2026") && html.contains("March 2026"));
}

#[tokio::test]
async fn without_stories_set_up_a_post_gets_the_calm_404() {
    let request = Request::builder()
        .method(Method::POST)
        .uri("/share-your-story")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("told=Hello"))
        .expect("request");
    let response = app(support::good_state())
        .oneshot(request)
        .await
        .expect("answer");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = support::body_text(response).await;
    assert!(!html.contains("Hello"));
    assert!(!html.contains("story-form"));
}

#[tokio::test]
async fn the_about_section_invites_stories_only_when_the_form_is_on() {
    let about = app::model::Section {
        id: app::model::ABOUT_SECTION.into(),
        title: "About this site".into(),
        summary: "Who runs it.".into(),
        newest_first: false,
    };
    for on in [true, false] {
        let mut site = support::good_site();
        site.sections.push(about.clone());
        site.settings.stories = on.then(|| app::model::StorySettings {
            recipients: vec![Identity::generate().to_public().to_string()],
            keep_months: 12,
            per_minute: 60,
        });
        let options = leptos::config::LeptosOptions::builder()
            .output_name("site")
            .build();
        let state = AppState::new(site, server::assets::Assets::new(), options);
        let request = Request::builder()
            .uri("/about")
            .body(Body::empty())
            .expect("request");
        let response = app(Arc::new(state)).oneshot(request).await.expect("answer");
        assert_eq!(response.status(), StatusCode::OK);
        let html = support::body_text(response).await;
        let invitation = "<h2 id=\"share-your-story\">Tell us what happened</h2><p><a href=\"/share-your-story\">Share your story</a>";
        assert_eq!(html.contains(invitation), on, "stories on: {on}\n{html}");
    }
}
