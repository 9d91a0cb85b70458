//! The locator and the home page's chooser in every language the shipped content
//! offers: the locator's page, the island's words, the form's own POST and its problems,
//! all in the language, links in translated pages that lead to it, and each language's
//! home with the first screen and the chooser in its own words.

mod support;

use app::locator::{Key, Words, W};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use server::http::{app, AppState};
use std::path::Path;
use std::sync::{Arc, OnceLock};
use support::escaped;
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

async fn send(method: Method, uri: &str, body: &str) -> (StatusCode, String) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_owned()))
        .expect("request");
    let response = app(state()).oneshot(request).await.expect("infallible");
    (response.status(), support::body_text(response).await)
}

/// The text of an HTML attribute value as a browser reads it.
fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn each_language_has_its_locator_page_with_its_words_for_the_island() {
    let state = state();
    let languages = &state.find.site.languages;
    assert!(languages.len() >= 4, "the shipped languages");
    for language in languages {
        let path = format!("/{}/find", language.code);
        let (status, html) = send(Method::GET, &path, "").await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let words = &language.locator;
        assert!(
            html.contains(&format!(
                "<html lang=\"{}\" dir=\"{}\"",
                language.code,
                language.direction.attribute()
            )),
            "{path}: lang and dir"
        );
        assert!(
            html.contains(&format!("action=\"{path}\"")),
            "{path}: the form posts to the locator in the language"
        );
        for word in [W::QueryLabel, W::Submit, W::OpenOnly, W::ForWomen] {
            assert!(
                html.contains(&escaped(&words[word])),
                "{path}: {} ({})",
                word.name(),
                &words[word]
            );
        }
        for english in [
            "Postcode district or town",
            "Find help near here",
            "Who is the help for?",
        ] {
            assert!(!html.contains(english), "{path}: {english} is English");
        }
        // The island reads the same words from the page, whole.
        let attribute = support::between(&html, "data-words=\"", "\"");
        assert_eq!(
            Words::decode(&unescape(attribute)).as_ref(),
            Some(words),
            "{path}: the island's words"
        );
    }
}

#[tokio::test]
async fn a_search_posted_without_javascript_is_answered_in_its_language() {
    let state = state();
    for language in &state.find.site.languages {
        let path = format!("/{}/find", language.code);
        let words = &language.locator;
        let (status, html) = send(Method::POST, &path, "q=HD1&open=yes").await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let origin = words.fill(W::PostcodeArea, &[("code", "HD1")]);
        let heading = words.fill(W::ResultsHeading, &[("origin", &origin)]);
        assert!(html.contains(&escaped(&heading)), "{path}: {heading}");
        assert!(html.contains(&escaped(&words[W::RemoteHeading])), "{path}");
        assert!(!html.contains("Nearest to"), "{path}: English heading");
        assert!(
            !html.contains("<leptos-island"),
            "{path}: no WASM in an answer"
        );
        assert!(
            html.contains(&format!("<html lang=\"{}\"", language.code)),
            "{path}"
        );

        let (status, html) = send(Method::POST, &path, "q=").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        let examples = &state.find.site.locator.examples;
        let problem = words.fill(
            W::QueryEmpty,
            &[("district", &examples.district), ("town", &examples.town)],
        );
        assert!(html.contains(&escaped(&problem)), "{path}: {problem}");

        let (status, html) = send(Method::POST, &path, "q=HD1&q=HD2").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        assert!(html.contains(&escaped(&words[W::FormUnreadable])), "{path}");
    }
}

#[tokio::test]
async fn a_language_the_site_does_not_offer_has_no_locator() {
    for method in [Method::GET, Method::POST] {
        let (status, html) = send(method.clone(), "/xx/find", "q=HD1").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method}");
        assert!(html.contains("We cannot find that page"), "{method}");
    }
}

#[tokio::test]
async fn translated_pages_and_their_menus_lead_to_the_locator_in_their_language() {
    let state = state();
    for language in &state.find.site.languages {
        let path = format!("/{}/get-help/get-help-now", language.code);
        let (status, html) = send(Method::GET, &path, "").await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let find = format!("href=\"/{}/find\"", language.code);
        assert!(
            html.contains(&format!("<a {find} class=\"nav-find\">")),
            "{path}: the menu's find link"
        );
        assert!(
            !html.contains("href=\"/find\""),
            "{path}: a link to the English locator"
        );
    }
}

#[test]
fn when_nothing_near_is_open_the_silent_call_note_is_the_languages_own() {
    // 03:00 on Monday 23 November 2026, UK time: the fixed clock.
    const MONDAY_THREE: f64 = 1_795_402_800_000.0;
    let state = state();
    let choices = app::locator::Choices {
        open_now: true,
        ..Default::default()
    };
    for language in &state.find.site.languages {
        let (_, outcome) = state
            .find
            .answer_in("WF17", &choices, MONDAY_THREE, Some(language));
        let app::render::FindOutcome::Results(results) = outcome else {
            panic!("{}: WF17 is answered", language.code);
        };
        let none_open = results.none_open.expect("nothing near is open at 3am");
        assert_eq!(
            none_open.silent_call_note, language.strings.silent_call_note,
            "{}",
            language.code
        );
    }
}

#[tokio::test]
async fn each_languages_home_has_the_first_screen_and_the_chooser_in_its_words() {
    let state = state();
    let english = &state.find.site.settings.urgent_help;
    let urgent = &state.find.site.settings.footer_contacts[..2];
    for language in &state.find.site.languages {
        let path = language.path();
        let (status, html) = send(Method::GET, &path, "").await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let words = &language.home.words;
        for key in app::model::H::ALL {
            let said = match key {
                app::model::H::FindNear => words.fill(*key, &[("scheme", "Safe Zone")]),
                _ => words[*key].to_owned(),
            };
            assert!(html.contains(&escaped(&said)), "{path}: {}", key.name());
        }
        let site_language = &state.find.site.settings.language;
        assert!(
            html.contains(&format!(
                "<div lang=\"{site_language}\" class=\"urgent-calls\">"
            )),
            "{path}: the register's names are marked as in the site's language"
        );
        for contact in urgent {
            assert!(
                html.contains(&format!(
                    "<a href=\"tel:{}\" class=\"urgent-call\">",
                    contact.dial
                )),
                "{path}: the first screen calls {}",
                contact.number
            );
        }
        assert!(
            html.contains(&format!(
                "<a href=\"/{}/find\" class=\"urgent-find\">",
                language.code
            )),
            "{path}: the first screen's locator link"
        );
        let chooser = support::between(
            &html,
            "<section aria-labelledby=\"chooser-heading\"",
            "</section>",
        );
        assert_eq!(
            chooser
                .matches(&format!(
                    "<ul lang=\"{site_language}\" class=\"call-list\">"
                ))
                .count(),
            english.len(),
            "{path}: each answer's numbers are marked as in the site's language"
        );
        assert_eq!(language.home.urgent_help.len(), english.len(), "{path}");
        for (translated, english) in language.home.urgent_help.iter().zip(english) {
            assert_eq!(translated.id, english.id, "{path}: the site's order");
            for words in [&translated.choice, &translated.heading, &translated.text] {
                assert!(chooser.contains(&escaped(words)), "{path}: {words}");
            }
            for words in [&english.choice, &english.text] {
                assert!(
                    !chooser.contains(&escaped(words)),
                    "{path}: English {words}"
                );
            }
            for contact in &english.contacts {
                assert!(
                    chooser.contains(&format!("href=\"tel:{}\"", contact.dial)),
                    "{path}: {} calls {}",
                    english.id,
                    contact.number
                );
            }
        }
    }
}

#[tokio::test]
async fn a_chooser_link_goes_to_the_translation_or_says_it_is_in_english() {
    let state = state();
    for language in &state.find.site.languages {
        let code = &language.code;
        let (_, html) = send(Method::GET, &language.path(), "").await;
        let chooser = support::between(
            &html,
            "<section aria-labelledby=\"chooser-heading\"",
            "</section>",
        );
        let link = |id: &str| {
            language
                .home
                .urgent_help
                .iter()
                .find(|route| route.id == id)
                .and_then(|route| route.more.clone())
                .unwrap_or_else(|| panic!("{code}: {id} has a link"))
        };
        // Translated in every shipped language: the link stays in the language.
        let danger = link("danger");
        assert_eq!(danger.path, format!("/{code}/get-help/calling-999"));
        assert_eq!(link("kirklees").path, format!("/{code}/find"));
        // Only in English: the link keeps its address and says so.
        let tonight = link("tonight");
        assert_eq!(tonight.path, "/get-help/somewhere-safe-tonight");
        assert!(
            tonight
                .label
                .ends_with(&format!(" {}", language.strings.in_english)),
            "{code}: {}",
            tonight.label
        );
        for (link, hreflang) in [(danger, ""), (tonight, " hreflang=\"en\"")] {
            let anchor = format!(
                "<a href=\"{}\"{hreflang}>{}</a>",
                link.path,
                escaped(&link.label)
            );
            assert!(chooser.contains(&anchor), "{code}: {anchor}");
        }
    }
}
