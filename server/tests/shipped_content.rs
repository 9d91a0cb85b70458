//! The shipped content through the router, loaded once: the schools section (a
//! teacher reaches a KS4 lesson in two clicks, headings keep fixed anchors, a poster's
//! QR code decodes with an independent reader to the plain site address) and the
//! languages (the right `lang` and `dir`, the review note, a switcher of plain links).

mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use server::http::{app, AppState};
use std::path::Path;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

/// The shipped content, loaded once for all the tests here.
fn shipped_site() -> &'static app::model::Site {
    static SITE: OnceLock<app::model::Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        server::content::load(&dir).unwrap_or_else(|report| panic!("{report}"))
    })
}

fn state() -> Arc<AppState> {
    static STATE: OnceLock<Arc<AppState>> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let options = leptos::config::LeptosOptions::builder()
                .output_name("site")
                .build();
            Arc::new(AppState::new(
                shipped_site().clone(),
                server::assets::Assets::new(),
                options,
            ))
        })
        .clone()
}

async fn page(state: &Arc<AppState>, uri: &str) -> String {
    let response = app(state.clone())
        .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
        .await
        .expect("infallible");
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    assert!(
        response.headers().get(header::SET_COOKIE).is_none(),
        "no cookie, not even for a language"
    );
    support::body_text(response).await
}

#[tokio::test]
async fn a_teacher_reaches_a_ks4_lesson_in_two_clicks() {
    let state = state();
    // Click 1: every page's navigation links to the schools section.
    let home = page(&state, "/").await;
    assert!(
        home.contains("href=\"/schools\""),
        "navigation links to /schools"
    );
    // Click 2: the section lists its lessons under a heading for each key stage.
    let schools = page(&state, "/schools").await;
    let ks4 = support::between(&schools, "<h3 id=\"ks4\">", "</ul>");
    assert!(ks4.starts_with("Key stage 4 (ages 14 to 16)</h3>"), "{ks4}");
    assert!(
        ks4.contains("href=\"/schools/lesson-ks4-coercive-control\""),
        "{ks4}"
    );
    assert!(!ks4.contains("lesson-ks3"), "KS3 lessons are not under KS4");
    for anchor in ["by-key-stage", "ks3", "post-16", "by-topic", "being-safe"] {
        assert!(schools.contains(&format!("id=\"{anchor}\"")), "#{anchor}");
    }
    let lesson = page(&state, "/schools/lesson-ks4-coercive-control").await;
    for heading in [
        "aims",
        "lesson-plan",
        "discussion-prompts",
        "safeguarding-notes",
        "help",
    ] {
        assert!(
            lesson.contains(&format!("id=\"{heading}\"")),
            "#{heading} on the lesson"
        );
    }
    assert!(
        lesson.contains("<dd>KS4</dd>"),
        "the lesson says its key stage"
    );
    assert!(
        lesson.contains("href=\"/schools/control-in-relationships\""),
        "links its handout"
    );
}

#[tokio::test]
async fn the_poster_qr_code_decodes_to_the_plain_site_address() {
    let state = state();
    let site_url = shipped_site()
        .settings
        .site_url
        .clone()
        .expect("site.toml has site_url");
    for (uri, target) in [
        ("/about/school-poster", "/"),
        ("/about/safezone-poster", "/get-help/safezones"),
    ] {
        let html = page(&state, uri).await;
        let svg = support::between(&html, "<svg class=\"qr-code\"", "</svg>");
        let url = format!("{site_url}{target}");
        assert_eq!(decode(svg), url, "{uri}");
        assert!(
            !url.contains('?') && !url.contains('#'),
            "no tracking parameters"
        );
        assert!(html.contains(&format!(
            "<strong>{}</strong>",
            url.trim_start_matches("https://")
        )));
        assert!(
            html.contains("class=\"article poster\""),
            "{uri} uses the poster layout"
        );
    }
}

#[tokio::test]
async fn the_pocket_card_is_a_card_and_shows_only_register_numbers() {
    let state = state();
    let html = page(&state, "/about/pocket-card").await;
    assert!(html.contains("class=\"article pocket-card\""));
    let card = support::between(&html, "<div class=\"prose\">", "</div>");
    assert!(
        !card.to_lowercase().contains("abuse"),
        "the card itself is discreet: {card}"
    );
    assert!(card.contains("0808 2000 247"));
}

#[tokio::test]
async fn a_translation_has_its_language_direction_and_review_note() {
    for (code, dir) in [("ur", "rtl"), ("pl", "ltr"), ("ar", "rtl")] {
        let html = page(&state(), &format!("/{code}/get-help/get-help-now")).await;
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
    let html = page(&state(), "/get-help/get-help-now").await;
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
    let html = page(&state(), "/about/privacy").await;
    assert!(!html.contains("class=\"language-switcher\""));
    assert!(html.contains("class=\"language-homes\""));
}

#[tokio::test]
async fn each_language_home_lists_its_pages() {
    let html = page(&state(), "/pl").await;
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

/// Reads the dark squares back out of the SVG's path, draws them at camera-like
/// scale, and decodes them with rqrr, a reader independent of the encoder.
fn decode(svg: &str) -> String {
    let size: usize = support::between(svg, "viewBox=\"0 0 ", " ")
        .parse()
        .expect("size");
    let path = support::between(svg, " d=\"", "\"");
    let mut grid = vec![false; size * size];
    for run in path.split('M').filter(|r| !r.is_empty()) {
        let numbers: Vec<usize> = run
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().expect("number"))
            .collect();
        // Each run is M{x} {y}h{len}v1h-{len}z.
        let (x, y, len) = (numbers[0], numbers[1], numbers[2]);
        for dx in 0..len {
            grid[y * size + x + dx] = true;
        }
    }
    let scale = 6;
    let side = size * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        if grid[(y / scale) * size + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    let (_, content) = grids[0].decode().expect("decodes");
    content
}

/// Words that mean something was left unfinished, which no published page may show.
const PLACEHOLDERS: [&str; 8] = [
    "will be added",
    "to be confirmed",
    "coming soon",
    "tbc",
    "lorem ipsum",
    "placeholder",
    "todo",
    "xxx",
];

#[tokio::test]
async fn no_page_shows_placeholder_text() {
    let state = state();
    let mut found = Vec::new();
    for route in shipped_site().routes() {
        let path = route.path();
        if matches!(route, app::model::SiteRoute::OpenData(_)) {
            continue;
        }
        let html = page(&state, &path).await.to_lowercase();
        let words = support::between(&html, "<main", "</main>");
        for phrase in PLACEHOLDERS {
            let at_word = words.match_indices(phrase).any(|(index, _)| {
                let before = words[..index].chars().next_back();
                let after = words[index + phrase.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            if at_word {
                found.push(format!("{path}: \"{phrase}\""));
            }
        }
    }
    assert_eq!(found, Vec::<String>::new());
}

#[tokio::test]
async fn every_english_page_lists_where_its_facts_come_from() {
    let state = state();
    let site = shipped_site();
    let unsourced: Vec<&str> = site
        .pages
        .iter()
        .filter(|page| page.translation.is_none() && page.sources.is_empty())
        .map(|page| page.path.as_str())
        .collect();
    assert_eq!(unsourced, Vec::<&str>::new());
    let html = page(&state, "/get-help/legal-protection").await;
    assert!(html.contains("Where this information comes from"));
}

#[tokio::test]
async fn the_home_page_leads_with_help_and_its_chooser_is_html_alone() {
    let html = page(&state(), "/").await;
    assert!(html.contains("<details id=\"help-danger\" class=\"chooser-option\">"));
    assert!(
        html.contains("<summary class=\"chooser-choice\">I need somewhere safe tonight</summary>")
    );
    assert!(!html.contains("<leptos-island"));
    assert!(
        !html.contains(".js\"") && !html.contains(".wasm"),
        "no bundle on the home page"
    );
    let first = support::between(&html, "id=\"urgent-heading\"", "</section>");
    assert!(first.contains("In danger now? Call 999"));
    assert!(first.contains("href=\"tel:999\""));
    assert!(first.contains("href=\"tel:08082000247\""));
    assert!(first.contains("press 55"));
    assert!(first.contains("Find a Safe Zone or help near you"));
    let urgent = html.find("id=\"urgent-heading\"").expect("urgent block");
    let chooser = html.find("id=\"chooser-heading\"").expect("chooser");
    assert!(urgent < chooser, "help comes before the choices");
}

/// Every internal link in every translated page's words: to the same language, or to
/// an English page and marked so in the page's language.
#[test]
fn links_in_a_translated_page_stay_in_its_language_or_say_they_are_english() {
    let site = shipped_site();
    let mut checked = 0;
    for page in site.pages.iter().filter(|p| p.translation.is_some()) {
        let code = &page.translation.as_ref().expect("translation").language;
        let language = site
            .languages
            .iter()
            .find(|l| &l.code == code)
            .expect("language");
        let own = format!("/{code}");
        for (at, _) in page.body_html.match_indices("<a href=\"/") {
            let tag = &page.body_html[at..];
            let href = &tag["<a href=\"".len()..];
            let href = &href[..href.find('"').expect("closed")];
            let link = &tag[..tag.find("</a>").expect("link ends")];
            let marker = format!(
                "<span class=\"in-english\">{}</span>",
                language.strings.in_english
            );
            let in_language = href == own
                || href.starts_with(&format!("{own}/"))
                || href.starts_with(&format!("{own}#"));
            let marked = link.contains("hreflang=\"en\"") && link.ends_with(&marker);
            assert!(in_language || marked, "{}: {link}", page.path);
            // An English page is linked only when it has no translation in this language.
            if marked {
                let path = href.split('#').next().unwrap_or_default();
                assert!(
                    !site.pages.iter().any(|p| p
                        .translation
                        .as_ref()
                        .is_some_and(|t| &t.language == code && t.source == path)),
                    "{}: {href} has a translation in {code}",
                    page.path
                );
            }
            checked += 1;
        }
    }
    assert!(
        checked > 20,
        "the translated pages have internal links ({checked})"
    );
}

#[test]
fn the_translations_report_lists_each_languages_pages_and_gaps() {
    let report = server::content::translations_report(shipped_site());
    let polish = &report[report.find("Polski (pl): ").expect("Polish")..];
    let polish = &polish[..polish.find("\n\n").expect("ends")];
    assert!(
        polish.contains("  translated  /get-help/calling-999 -> /pl/get-help/calling-999: awaiting community review\n"),
        "{polish}"
    );
    assert!(
        polish.contains("\n  words       the home page's first screen and chooser (pl/home.toml), the locator (pl/locator.toml) and the story form (pl/story.toml): every word translated, awaiting community review (content/TO-CONFIRM.md)\n"),
        "{polish}"
    );
    // A translation reviewed before its English page is said to be older.
    let mut site = shipped_site().clone();
    let page = site
        .pages
        .iter_mut()
        .find(|p| p.path == "/pl/get-help/get-help-now")
        .expect("Polish page");
    page.last_reviewed = app::model::Date {
        year: 2025,
        month: 1,
        day: 2,
    };
    let english = site
        .page("/get-help/get-help-now")
        .expect("English")
        .last_reviewed;
    let report = server::content::translations_report(&site);
    assert!(
        report.contains(&format!("  translated  /get-help/get-help-now -> /pl/get-help/get-help-now: awaiting community review; older than the English page (reviewed 2025-01-02, English {english})\n")),
        "{report}"
    );
    assert!(polish.contains("  not yet, in get-help:\n"), "{polish}");
    assert!(
        polish.contains("    /get-help/legal-protection  "),
        "{polish}"
    );
    assert!(
        !polish.contains("    /get-help/calling-999  "),
        "a translated page is not listed as missing"
    );
}
