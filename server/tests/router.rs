//! Router tests without a socket: every route answers from memory with the right
//! status and every privacy header; nothing sets a cookie.

mod support;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::response::Response;
use server::http::{app, AppState};
use std::sync::Arc;
use tower::ServiceExt;

fn state() -> Arc<AppState> {
    support::good_state()
}

async fn send(method: Method, uri: &str, accept_encoding: Option<&str>) -> Response {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(coding) = accept_encoding {
        request = request.header(header::ACCEPT_ENCODING, coding);
    }
    app(state())
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("infallible")
}

async fn text(response: Response) -> String {
    support::body_text(response).await
}

fn assert_privacy_headers(response: &Response, what: &str) {
    let headers = response.headers();
    let get = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let csp = get("content-security-policy");
    assert!(
        csp.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'"),
        "{what}: csp {csp}"
    );
    for part in [
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "object-src 'none'",
    ] {
        assert!(csp.contains(part), "{what}: csp lacks {part}");
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{what}: {csp}"
    );
    assert_eq!(get("referrer-policy"), "no-referrer", "{what}");
    assert_eq!(get("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(get("x-frame-options"), "DENY", "{what}");
    assert_eq!(get("cross-origin-resource-policy"), "same-origin", "{what}");
    // The CSP refuses every other origin's load; isolation is not needed.
    assert_eq!(get("cross-origin-embedder-policy"), "", "{what}");
    assert_eq!(get("cache-control"), "no-store, max-age=0", "{what}");
    let permissions = get("permissions-policy");
    assert!(
        permissions.starts_with("geolocation=(self), camera=(), microphone=()"),
        "{what}: {permissions}"
    );
    assert!(
        headers.get(header::SET_COOKIE).is_none(),
        "{what} sets a cookie"
    );
    assert!(
        headers.get(header::SERVER).is_none(),
        "{what} names the server"
    );
}

#[tokio::test]
async fn every_page_and_section_is_served_with_privacy_headers() {
    for path in ["/", "/info/leaving", "/info"] {
        let response = send(Method::GET, path, None).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_privacy_headers(&response, path);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/html; charset=utf-8"
        );
        let html = text(response).await;
        assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
        assert!(
            html.contains("class=\"exit-link\""),
            "{path} has no exit link"
        );
    }
}

#[tokio::test]
async fn a_content_page_shows_its_markdown_layout_and_help_numbers() {
    let html = text(send(Method::GET, "/info/leaving", None).await).await;
    assert!(html.contains("<h1>Leaving quickly</h1>"));
    assert!(html.contains("<h2 id=\"shortcuts\">Shortcuts</h2>"));
    assert!(html.contains("href=\"https://www.bbc.co.uk/weather\" rel=\"nofollow noreferrer\""));
    assert!(html.contains("href=\"tel:999\""), "footer has 999");
    assert!(html.contains("Last reviewed on 1 November 2026 by the Test team."));
    assert!(html.contains("<meta name=\"description\" content=\"How the exit works.\">"));
    // Only the locator has an island, so only it loads the WASM.
    assert!(!html.contains(".wasm"));
}

#[tokio::test]
async fn every_inline_script_is_allowed_by_its_hash_and_only_the_locator_has_an_island() {
    use base64::Engine;
    use sha2::Digest;
    for (path, scripts_expected) in [
        ("/", 1),
        ("/find", 2),
        ("/info/leaving", 1),
        ("/info", 1),
        ("/missing", 1),
    ] {
        let response = send(Method::GET, path, None).await;
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .expect("ascii")
            .to_owned();
        let html = text(response).await;
        let scripts = server::render::inline_scripts(&html);
        assert_eq!(
            scripts.len(),
            scripts_expected,
            "{path}: exit script, plus the island loader on the locator page"
        );
        assert_eq!(
            scripts[0],
            app::render::exit_script(),
            "{path}: exit script first, in the head"
        );
        for script in scripts {
            let hash =
                base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
            assert!(csp.contains(&format!("'sha256-{hash}'")), "{path}: {csp}");
        }
        assert_eq!(html.contains("<leptos-island"), path == "/find", "{path}");
    }
}

#[tokio::test]
async fn unknown_paths_get_a_calm_404_with_help_numbers() {
    let response = send(Method::GET, "/no/such/page?q=secret", None).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_privacy_headers(&response, "404");
    let html = text(response).await;
    assert!(html.contains("We cannot find that page"));
    assert!(html.contains("href=\"tel:08082000247\""));
    assert!(!html.contains("secret"), "the 404 never echoes the request");
}

#[tokio::test]
async fn other_methods_get_405_with_allow() {
    let response = send(Method::DELETE, "/", None).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()[header::ALLOW], "GET, HEAD");
    assert_privacy_headers(&response, "405");
}

#[tokio::test]
async fn assets_are_fingerprinted_and_served_compressed_from_memory() {
    // The bundle's files are named by a fingerprint of their contents.
    let state = state();
    let stylesheet = state
        .assets
        .keys()
        .find(|name| name.starts_with("/pkg/site.") && name.ends_with(".css"))
        .expect("the fingerprinted stylesheet")
        .clone();
    let stylesheet = stylesheet.as_str();
    assert_ne!(stylesheet, "/pkg/site.css");
    let unfingerprinted = send(Method::GET, "/pkg/site.css", None).await;
    assert_eq!(unfingerprinted.status(), StatusCode::NOT_FOUND);

    let response = send(Method::GET, stylesheet, Some("gzip, br")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_privacy_headers(&response, "asset");
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(response.headers()[header::VARY], "Accept-Encoding");
    // A CDN may keep it; a browser may not.
    assert_eq!(
        response.headers()["cdn-cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "no-store, max-age=0"
    );
    // A file without a fingerprint may change under the same name: no CDN may keep it.
    let icon = send(Method::GET, "/favicon.svg", None).await;
    assert_eq!(icon.status(), StatusCode::OK);
    assert!(icon.headers().get("cdn-cache-control").is_none());
    let plain = send(Method::GET, stylesheet, None).await;
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(text(plain).await, "body{color:#0b0c0c}".repeat(50));
}

#[tokio::test]
async fn every_page_carries_the_stylesheet_inside_and_the_policy_allows_it_by_hash() {
    use base64::Engine;
    use sha2::Digest;
    let css = "body{color:#0b0c0c}".repeat(50);
    let hash = format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&css))
    );
    for path in ["/", "/info/leaving", "/info", "/find", "/missing"] {
        let response = send(Method::GET, path, None).await;
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(
            csp.contains(&format!("style-src 'self' {hash};")),
            "{path}: {csp}"
        );
        let html = text(response).await;
        assert_eq!(
            server::render::inline_styles(&html),
            [css.as_str()],
            "{path}"
        );
        assert!(
            !html.contains("rel=\"stylesheet\""),
            "{path}: no second round trip"
        );
    }
    let answer = text(post_find("q=ZZ1").await).await;
    assert_eq!(
        server::render::inline_styles(&answer),
        [css.as_str()],
        "POST /find"
    );
}

#[tokio::test]
async fn head_requests_get_headers_without_a_body() {
    let response = send(Method::HEAD, "/info/leaving", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[header::CONTENT_LENGTH]
            .to_str()
            .expect("len")
            != "0"
    );
    assert_eq!(text(response).await, "");
}

#[tokio::test]
async fn a_trailing_slash_redirects_to_the_one_address() {
    let response = send(Method::GET, "/info/leaving/", None).await;
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(response.headers()[header::LOCATION], "/info/leaving");
    assert_privacy_headers(&response, "redirect");
}

/// Tuesday 24 November 2026, 10:00 in the UK (GMT), in milliseconds since 1970.
fn tuesday_10am() -> f64 {
    1_795_514_400_000.0
}
const TUESDAY_10AM: fn() -> f64 = tuesday_10am;

/// Sunday 29 November 2026, 10:00 in the UK.
fn sunday_10am() -> f64 {
    1_795_946_400_000.0
}
const SUNDAY_10AM: fn() -> f64 = sunday_10am;

/// What the Library's hours say at those times.
const OPEN_TUESDAY: &str = "Open now. Closes at 5pm";
const CLOSED_SUNDAY: &str = "Closed now. Opens at 9am tomorrow";

/// The results list, or nothing when no place is listed by distance.
fn nearby_or_empty(html: &str) -> String {
    html.find("class=\"result-list\"")
        .and_then(|start| {
            let end = start + html[start..].find("</ol>")?;
            Some(html[start..end].to_owned())
        })
        .unwrap_or_default()
}

/// `POST /find` answered as if it were the time `clock` gives.
async fn post_find_at(clock: fn() -> f64, body: &str) -> Response {
    let state = Arc::new(support::good_state_with(|assets| assets).with_clock(clock));
    app(state)
        .oneshot(find_request(body))
        .await
        .expect("infallible")
}

fn find_request(body: &str) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri("/find")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_owned()))
        .expect("request")
}

async fn post_find(body: &str) -> Response {
    app(state())
        .oneshot(find_request(body))
        .await
        .expect("infallible")
}

#[tokio::test]
async fn the_locator_page_is_served_with_its_island_and_a_post_form() {
    let response = send(Method::GET, "/find", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = text(response).await;
    assert!(
        html.contains("<form method=\"post\" action=\"/find\""),
        "{html}"
    );
    assert!(html.contains("autocomplete=\"off\""));
    assert!(html.contains("<leptos-island"));
    assert!(!html.contains("data-props"), "the island takes no JSON");
    // The page names the data file and says what it weighs before anyone downloads it.
    let attribute = |name: &str| {
        let start = html.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        html[start..start + html[start..].find('"').expect("attribute ends")].to_owned()
    };
    let src = attribute("data-src");
    assert!(
        src.starts_with("/pkg/places.") && src.ends_with(".txt") && src.len() == 26,
        "named by a fingerprint: {src}"
    );
    let places: usize = attribute("data-places").parse().expect("a count");
    let bytes: usize = attribute("data-bytes").parse().expect("a size");
    assert!(html.contains(&format!(
        "downloads the list of all {places} places ({})",
        app::locator::size_words(bytes)
    )));
    // The file is served whole, the same for everyone, and a CDN may keep it.
    let response = send(Method::GET, &src, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_privacy_headers(&response, "the locator's data file");
    assert_eq!(
        response.headers()["cdn-cache-control"],
        "public, max-age=31536000, immutable"
    );
    let data = app::locator::unpack(&text(response).await).expect("the data file unpacks");
    assert_eq!(data.places.len(), places);
    assert!(data
        .places
        .iter()
        .any(|place| place.name == "Fixture Library"));
    assert!(data.outcodes.contains("ZZ1 "), "{}", data.outcodes);
}

#[tokio::test]
async fn a_district_posted_without_javascript_is_answered_directly() {
    let response = post_find("q=zz1").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers().get(header::LOCATION).is_none(),
        "no redirect"
    );
    assert_privacy_headers(&response, "POST /find");
    let html = text(response).await;
    assert!(html.contains("Nearest to the ZZ1 postcode area"));
    let library = html.find("Fixture Library").expect("nearest listed");
    let cafe = html.find("Fixture Cafe").expect("second listed");
    assert!(library < cafe, "nearest first");
    assert!(html.contains("Approximate: somewhere in Fixton"));
    assert!(html.contains("Opening hours not known"));
    assert!(
        html.contains("None of the places above is known to be open now")
            || html.contains("Open now. Closes at"),
        "either something is open or the person is told who to call"
    );
    assert!(
        html.contains("Fixture Shop"),
        "unplaced Safezones are listed by group"
    );
}

#[tokio::test]
async fn an_answer_without_javascript_has_the_form_but_no_island_and_no_wasm() {
    let html = text(post_find("q=zz1").await).await;
    assert!(
        html.contains("action=\"/find\""),
        "the form to search again"
    );
    assert!(html.contains("id=\"locator-q\""));
    assert!(!html.contains("<leptos-island"), "no island: {html}");
    assert!(!html.contains("data-props"), "no island data");
    assert!(!html.contains("/pkg/site.js") && !html.contains(".wasm"));
}

#[tokio::test]
async fn the_no_javascript_form_filters_by_kind_audience_and_open_now() {
    let nearby = |html: &str| {
        let start = html.find("class=\"result-list\"").expect("nearby list");
        let end = start + html[start..].find("</ol>").expect("list ends");
        html[start..end].to_owned()
    };
    // The island's data lists every place, so look only at the results.
    let results = |html: &str| {
        let start = html.find("class=\"results\"").expect("results");
        let end = start + html[start..].find("</section>").expect("results end");
        html[start..end].to_owned()
    };
    let html = text(post_find("q=ZZ1&show=services").await).await;
    assert!(!nearby(&html).contains("Fixture Library"), "no Safezones");
    assert!(
        !results(&html).contains("Fixture Shop"),
        "no unplaced Safezones"
    );
    assert!(html.contains("Test Helpline"));
    assert!(
        html.contains("value=\"services\" checked"),
        "the form keeps the choice"
    );
    // Open now, at fixed times: the Library opens Mo-Sa 09:00-17:00, the Cafe's
    // hours are unknown (so it is never shown as open), the helpline is 24/7.
    let html = text(post_find_at(TUESDAY_10AM, "q=ZZ1&open=yes").await).await;
    let list = nearby(&html);
    assert!(
        list.contains("Fixture Library"),
        "open on a Tuesday morning"
    );
    assert!(
        !list.contains("Fixture Cafe"),
        "unknown hours are never open"
    );
    assert!(!results(&html).contains("Fixture Shop"));
    assert!(html.contains("Test Helpline"), "24-hour lines are open");
    let html = text(post_find_at(SUNDAY_10AM, "q=ZZ1&open=yes").await).await;
    assert!(!nearby_or_empty(&html).contains("Fixture Library"));
    assert!(
        html.contains("Nothing near matches your choices"),
        "when nothing is open, say who to call: {html}"
    );
    let html = text(post_find_at(TUESDAY_10AM, "q=ZZ1").await).await;
    assert!(html.contains(OPEN_TUESDAY), "{html}");
    let html = text(post_find_at(SUNDAY_10AM, "q=ZZ1").await).await;
    assert!(html.contains(CLOSED_SUNDAY), "{html}");
    for body in ["q=ZZ1&show=pubs", "q=ZZ1&for=martians"] {
        let response = post_find(body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
        assert!(text(response)
            .await
            .contains("We could not read those choices"));
    }
}

#[tokio::test]
async fn a_full_postcode_is_cut_to_its_district_and_never_echoed() {
    let html = text(post_find("q=zz1+9xy").await).await;
    assert!(html.contains("Nearest to the ZZ1 postcode area"));
    assert!(
        !html.to_uppercase().contains("9XY"),
        "the full postcode never comes back"
    );
}

#[tokio::test]
async fn a_town_and_a_place_outside_the_area_are_answered_plainly() {
    let html = text(post_find("q=fixton").await).await;
    assert!(html.contains("Nearest to Fixton"));
    let html = text(post_find("q=YY1").await).await;
    assert!(
        html.contains("The YY1 postcode area is outside Fixtureshire."),
        "{html}"
    );
    assert!(html.contains("Test Helpline"), "national lines still shown");
}

#[tokio::test]
async fn bad_searches_get_calm_messages_and_4xx() {
    for (body, status, words) in [
        (
            "q=",
            StatusCode::BAD_REQUEST,
            "Type the first part of a postcode",
        ),
        (
            "q=%3Cscript%3E",
            StatusCode::BAD_REQUEST,
            "could not read that as a postcode",
        ),
        (
            "q=ZZ9",
            StatusCode::NOT_FOUND,
            "could not find the postcode area ZZ9",
        ),
        (
            "q=Atlantis",
            StatusCode::NOT_FOUND,
            "could not find a town called Atlantis",
        ),
        (
            "nonsense=%%%",
            StatusCode::BAD_REQUEST,
            "Type the first part of a postcode",
        ),
    ] {
        let response = post_find(body).await;
        let got = response.status();
        let html = text(response).await;
        assert_eq!(got, status, "{body}: {html}");
        assert!(html.contains(words), "{body}: {html}");
        assert!(
            !html.contains("&lt;script&gt;"),
            "{body}: input is not echoed"
        );
    }
    let huge = format!("q={}", "A".repeat(10_000));
    let response = post_find(&huge).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_privacy_headers(&response, "413");
    assert!(text(response)
        .await
        .contains("We could not read that search"));
}

#[tokio::test]
async fn a_confidential_service_is_listed_by_phone_only() {
    let html = text(post_find("q=ZZ1").await).await;
    let results = &html[html.find("class=\"results\"").expect("results")..];
    let start = results
        .find("Fixture Safe House")
        .expect("reachable by phone");
    let html = results;
    let entry = &html[start..start + html[start..].find("</li>").expect("entry ends")];
    assert!(entry.contains("tel:08082000247"));
    assert!(
        !entry.contains("result-place") && !entry.contains("Where:"),
        "{entry}"
    );
}

#[tokio::test]
async fn the_preview_shows_content_errors_and_production_never_does() {
    use server::http::{app_live, Live};
    let live = Arc::new(Live::preview(state()));
    live.set_errors(Some("fixture/pages/x.md:1: owner: is <missing>.".into()));
    let get = |uri: &'static str, live: Arc<Live>| async move {
        app_live(live)
            .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
            .await
            .expect("infallible")
    };
    let response = get("/", live.clone()).await;
    let policy = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let html = text(response).await;
    assert!(html.contains("id=\"preview-errors\""), "{html}");
    assert!(
        html.contains("owner: is &lt;missing&gt;."),
        "the report is escaped"
    );
    let script = server::render::inline_scripts(&html)
        .into_iter()
        .find(|s| s.contains("__preview/version"))
        .expect("the reload script");
    assert!(policy.contains(&format!(
        "'sha256-{}'",
        base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            <sha2::Sha256 as sha2::Digest>::digest(script)
        )
    )));
    let version = text(get("/__preview/version", live.clone()).await).await;
    live.set_errors(None);
    let after = text(get("/__preview/version", live.clone()).await).await;
    assert_ne!(version, after, "the version moves when the errors change");
    assert!(!text(get("/", live).await).await.contains("preview-errors"));

    // Production: no box, no script, no version endpoint.
    let production = app(state());
    let response = production
        .oneshot(
            Request::get("/__preview/version")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("infallible");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(!text(send(Method::GET, "/", None).await)
        .await
        .contains("__preview"));
}

#[tokio::test]
async fn a_panic_in_a_handler_gets_the_500_page_with_privacy_headers() {
    // The real application with every layer, plus one route that panics.
    let boom = axum::Router::new().route(
        "/boom",
        axum::routing::get(|| async {
            if std::hint::black_box(true) {
                panic!("a test panic");
            }
            "unreachable"
        }),
    );
    let router = server::http::app_with_routes(
        Arc::new(server::http::Live::new(state())),
        server::http::limits::RequestLimits::default(),
        boom,
    );
    let response = router
        .oneshot(Request::get("/boom").body(Body::empty()).expect("request"))
        .await
        .expect("infallible");
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_privacy_headers(&response, "panic");
    let html = text(response).await;
    assert!(html.contains("Sorry, something went wrong on our side"));
    assert!(html.contains("tel:999"), "help numbers on the error page");
}

#[tokio::test]
async fn an_old_address_redirects_permanently_to_the_page() {
    let response = send(Method::GET, "/info/exit", None).await;
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(
        response
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok()),
        Some("/info/leaving")
    );
    assert_privacy_headers(&response, "redirect");
}

#[tokio::test]
async fn a_page_lists_where_its_facts_come_from() {
    let html = text(send(Method::GET, "/info/leaving", None).await).await;
    assert!(html.contains("<h2 id=\"sources\">Where this information comes from</h2>"));
    assert!(html.contains(
        "GOV.UK: <a href=\"https://www.gov.uk/guidance/domestic-abuse-how-to-get-help\" rel=\"nofollow noreferrer\">Domestic abuse: how to get help</a>. Checked on 1 November 2026."
    ), "{html}");
    let home = text(send(Method::GET, "/", None).await).await;
    assert!(
        !home.contains("Where this information comes from"),
        "only pages with sources"
    );
}

#[tokio::test]
async fn a_closed_safe_zone_never_appears_and_one_with_a_postcode_shows_its_walk() {
    let html = text(post_find("q=ZZ1").await).await;
    assert!(!html.contains("Fixture Bank"), "closed: never in an answer");
    let chemist = support::between(&html, "Fixture Chemist, Ltd", "</li>");
    assert!(chemist.contains("minutes' walk"), "{chemist}");
    assert!(
        chemist.contains("Not yet confirmed by the scheme"),
        "unconfirmed rows say so: {chemist}"
    );
    assert!(chemist.contains("Checked November 2026 (Test press, November 2026)."));
    let cafe = support::between(&html, "Fixture Cafe", "</li>");
    assert!(
        !cafe.contains("minutes' walk") && !cafe.contains("result-distance"),
        "no distance from a guessed point: {cafe}"
    );
    assert!(
        !html.contains("id=\"what-to-do-now\""),
        "exact places are near"
    );
    for path in ["/find", "/open-data/hsds/services.json"] {
        let body = text(send(Method::GET, path, None).await).await;
        assert!(!body.contains("Fixture Bank"), "{path}");
    }
}

#[tokio::test]
async fn an_answer_of_only_approximate_safe_zones_starts_with_what_to_do_now() {
    let root = support::copy_of_good_fixture("only-approximate");
    std::fs::write(
        root.join("safezones.csv"),
        "name,group,where,postcode,opening_hours,status,last_verified,source,notes\nTown Square Cafe,Fixton,,,,active,2026-11-01,Test,\n",
    )
    .expect("sheet");
    let toml = std::fs::read_to_string(root.join("safezones.toml")).expect("toml");
    let scheme_only = toml
        .split("[[safezone]]")
        .next()
        .unwrap_or_default()
        .to_owned();
    std::fs::write(root.join("safezones.toml"), scheme_only).expect("toml");
    let (site, report) = server::content::check(&root, app::locator::day_number(2026, 11, 23));
    assert!(report.is_empty(), "{report}");
    let state = server::http::AppState::new(
        site.expect("site"),
        server::assets::Assets::new(),
        leptos::config::LeptosOptions::builder()
            .output_name("site")
            .build(),
    );
    let html = text(
        app(Arc::new(state))
            .oneshot(find_request("q=ZZ1&show=safezones"))
            .await
            .expect("infallible"),
    )
    .await;
    let block = html
        .find("id=\"what-to-do-now\"")
        .expect("the what-to-do block");
    let list = html.find("class=\"result-list\"").expect("the list");
    assert!(block < list, "what to do now comes before the list");
    assert!(html.contains("Look for a Safezone sticker"));
    let _ = std::fs::remove_dir_all(root.parent().unwrap_or(&root));
}

#[test]
fn the_home_page_visit_has_its_own_budget_and_counts_no_bundle() {
    let state = state();
    let budgets = server::sizes::budgets(&state.site, &state.assets);
    let home = budgets
        .iter()
        .find(|budget| budget.what == "/: everything a visit to the home page downloads")
        .expect("the home page's budget");
    assert_eq!(home.limit_bytes, 14 * 1024);
    let page = state.site.pages["/"].brotli().map_or(0, |body| body.len());
    let icon = state.assets["/favicon.svg"]
        .brotli()
        .map_or(state.assets["/favicon.svg"].identity.len(), |body| {
            body.len()
        });
    assert_eq!(
        home.actual_bytes,
        page + icon,
        "the page and its icon, no WASM"
    );
}

#[tokio::test]
async fn only_the_locator_and_its_answers_are_cut_off_from_an_opening_window() {
    let opener = |response: &Response| {
        response
            .headers()
            .get("cross-origin-opener-policy")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let find = send(Method::GET, "/find", None).await;
    assert_eq!(opener(&find).as_deref(), Some("same-origin"), "GET /find");
    let answer = post_find("q=HD1").await;
    assert_eq!(
        opener(&answer).as_deref(),
        Some("same-origin"),
        "POST /find"
    );
    for path in ["/", "/get-help/helplines", "/no-such-page"] {
        let page = send(Method::GET, path, None).await;
        assert_eq!(opener(&page), None, "{path} holds nothing of the person's");
    }
}
