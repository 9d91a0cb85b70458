//! The editing desk through the router, without a socket: only in preview, only for a
//! loopback `Host`, every POST from its own origin with its token, paths kept inside
//! the content folder, and saves that keep what people wrote.

mod support;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use server::desk::{routes, Desk};
use server::http::{app, app_with_routes, limits::RequestLimits, Live};
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;

const TOKEN: &str = "0123456789abcdef0123456789abcdef";
const HOST: &str = "127.0.0.1:3000";
const ORIGIN: &str = "http://127.0.0.1:3000";

fn load_day() -> i32 {
    let (year, month, day) = support::LOAD_DAY;
    app::locator::day_number(year, month, day)
}

/// The preview's router with the desk on a fresh copy of the good fixture.
fn desk(case: &str) -> (Router, PathBuf) {
    let content = support::copy_of_good_fixture(&format!("desk-{case}"));
    let desk = Desk::with_token(content.clone(), "body{}", TOKEN.to_owned()).with_today(load_day);
    let live = Arc::new(Live::preview(support::good_state()));
    let router = app_with_routes(live, RequestLimits::default(), routes(Arc::new(desk)));
    (router, content)
}

fn get(path: &str, host: &str) -> Request<Body> {
    Request::builder()
        .uri(path)
        .header(header::HOST, host)
        .body(Body::empty())
        .expect("request")
}

fn post(path: &str, origin: Option<&str>, form: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(origin) = origin {
        request = request.header(header::ORIGIN, origin);
    }
    let body = serde_urlencoded::to_string(form).expect("form");
    request.body(Body::from(body)).expect("request")
}

async fn send(
    router: &Router,
    request: Request<Body>,
) -> (StatusCode, String, axum::http::HeaderMap) {
    let response = router.clone().oneshot(request).await.expect("infallible");
    let (status, headers) = (response.status(), response.headers().clone());
    (status, support::body_text(response).await, headers)
}

fn fingerprint(text: &str) -> String {
    server::desk::files::fingerprint(text)
}

#[tokio::test]
async fn the_desk_is_not_part_of_the_served_site() {
    let response = app(support::good_state())
        .oneshot(get("/_desk", HOST))
        .await
        .expect("infallible");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_desk_answers_only_to_this_machines_names() {
    let (router, _) = desk("host");
    let (status, html, headers) = send(&router, get("/_desk", HOST)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Leaving quickly"), "lists the pages");
    assert!(
        html.contains("<td>1 November 2026</td><td>1 November 2027</td>"),
        "each page's last review and when the next is due"
    );
    assert!(
        html.contains("Fixture Chemist, Ltd"),
        "lists the Safe Zones"
    );
    let policy = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("policy");
    assert!(
        policy.starts_with("default-src 'none'; script-src 'sha256-"),
        "{policy}"
    );
    // So that the browser sends the desk's origin with its forms, not "null".
    assert_eq!(headers[header::REFERRER_POLICY], "same-origin");
    for host in [
        "evil.example",
        "evil.example:3000",
        "localhost.evil.example:3000",
    ] {
        let (status, _, _) = send(&router, get("/_desk", host)).await;
        assert_eq!(status, StatusCode::MISDIRECTED_REQUEST, "{host}");
    }
    let (status, _, _) = send(&router, get("/_desk", "localhost:3000")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_post_needs_the_desks_own_origin_and_token() {
    let (router, content) = desk("origin");
    let before = std::fs::read_to_string(content.join("pages/info/leaving.md")).expect("page");
    let form = |token: &'static str| {
        vec![
            ("token", token),
            ("file", "pages/info/leaving.md"),
            ("base", ""),
            ("text", "changed"),
            ("action", "save"),
        ]
    };
    for (origin, token) in [
        (None, TOKEN),
        (Some("http://evil.example"), TOKEN),
        (Some("null"), TOKEN),
        (Some(ORIGIN), "wrong"),
        (Some(ORIGIN), ""),
    ] {
        let (status, html, _) = send(&router, post("/_desk/edit", origin, &form(token))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin:?} {token}");
        assert!(html.contains("That did not come from the desk"));
    }
    let after = std::fs::read_to_string(content.join("pages/info/leaving.md")).expect("page");
    assert_eq!(before, after, "nothing written");
}

#[tokio::test]
async fn paths_cannot_leave_the_content_folder() {
    let (router, _) = desk("paths");
    for file in [
        "../good/site.toml",
        "%2Fetc%2Fpasswd",
        "pages/../../x.md",
        "pages%2F..%2F..%2Fx.md",
        "site.sh",
    ] {
        let (status, html, _) = send(&router, get(&format!("/_desk/edit?file={file}"), HOST)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{file}");
        assert!(
            html.contains(
                "only opens markdown, TOML, CSV and text files inside the content folder"
            ),
            "{file}"
        );
    }
    let (status, _, _) = send(&router, get("/_desk/edit?file=pages/none.md", HOST)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_broken_page_is_not_saved_and_its_message_names_the_line() {
    let (router, content) = desk("save");
    let path = content.join("pages/info/leaving.md");
    let original = std::fs::read_to_string(&path).expect("page");
    let base = fingerprint(&original);
    let broken = original.replace("order = 1", "order = \"first\"");
    let form = [
        ("token", TOKEN),
        ("file", "pages/info/leaving.md"),
        ("base", &base),
        ("text", &broken),
        ("action", "save"),
    ];
    let (status, html, _) = send(&router, post("/_desk/edit", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Not saved yet"), "{html}");
    assert!(
        html.contains(
            "<strong>Line 5</strong><span class=\"desk-line\">order = &quot;first&quot;</span>"
        ),
        "{html}"
    );
    let kept = broken
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;");
    assert!(
        html.contains(&format!(
            "name=\"text\" spellcheck=\"true\">\n{kept}</textarea>"
        )),
        "the text is kept"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("page"),
        original,
        "not written"
    );

    let fixed = original.replace(
        "Press Shift three times.",
        "Press Shift three times, quickly.",
    );
    let form = [
        ("token", TOKEN),
        ("file", "pages/info/leaving.md"),
        ("base", &base),
        ("text", &fixed),
        ("action", "save"),
    ];
    let (status, _, headers) = send(&router, post("/_desk/edit", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers[header::LOCATION],
        "/_desk/edit?file=pages/info/leaving.md&saved=1"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("page"), fixed);

    // A second tab that opened the first version cannot undo the save.
    let stale = original.replace("Press Shift", "Tap Shift");
    let form = [
        ("token", TOKEN),
        ("file", "pages/info/leaving.md"),
        ("base", &base),
        ("text", &stale),
        ("action", "save"),
    ];
    let (status, html, _) = send(&router, post("/_desk/edit", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("was changed after you opened it"));
    assert!(
        html.contains("Tap Shift three times"),
        "the second tab's text is kept on the page"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("page"), fixed);
}

#[tokio::test]
async fn the_preview_button_shows_the_page_as_it_would_be_without_saving() {
    let (router, content) = desk("preview");
    let path = content.join("pages/info/leaving.md");
    let original = std::fs::read_to_string(&path).expect("page");
    let changed = original.replace("## Shortcuts", "## Quick ways out");
    let form = [
        ("token", TOKEN),
        ("file", "pages/info/leaving.md"),
        ("base", ""),
        ("text", &changed),
        ("action", "preview"),
    ];
    let (status, html, _) = send(&router, post("/_desk/edit", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::OK);
    let preview = &html[html.find("id=\"desk-preview\"").expect("preview")..];
    assert!(preview.contains("Quick ways out"), "{preview}");
    assert_eq!(std::fs::read_to_string(&path).expect("page"), original);
}

#[tokio::test]
async fn a_safe_zone_is_added_only_when_the_check_accepts_it() {
    let (router, content) = desk("safezone");
    let path = content.join("safezones.csv");
    let original = std::fs::read_to_string(&path).expect("sheet");
    let base = fingerprint(&original);
    let mut form = vec![
        ("token", TOKEN),
        ("row", ""),
        ("base", base.as_str()),
        ("f-name", "Desk Test Café"),
        ("f-group", "Fixton"),
        ("f-where", "Market Place"),
        ("f-postcode", "ZZ1 9ZZ"),
        ("f-opening_hours", "Mo-Su 08:00-20:00"),
        ("f-status", "active"),
        ("f-last_verified", "2026-11-20"),
        ("f-source", "Phoned the venue, 20 November 2026"),
        ("f-notes", ""),
    ];
    let (status, html, _) = send(&router, post("/_desk/safezone", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    let postcode_field = &html[html.find("<label for=\"field-postcode\">").expect("field")..];
    let postcode_field = &postcode_field[..postcode_field.find("</div>").expect("end")];
    assert!(
        postcode_field.contains("desk-message"),
        "the message is beside the postcode: {postcode_field}"
    );
    assert!(
        html.contains("value=\"Desk Test Café\""),
        "what was typed is kept"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("sheet"), original);

    form[6] = ("f-postcode", "ZZ1 1AA");
    let (status, _, headers) = send(&router, post("/_desk/safezone", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers[header::LOCATION],
        "/_desk?saved=safezones.csv#safezones"
    );
    let saved = std::fs::read_to_string(&path).expect("sheet");
    assert!(
        saved.starts_with(original.trim_end_matches(['\r', '\n'])),
        "the rows before are unchanged"
    );
    assert!(
        saved.contains(
            "Desk Test Café,Fixton,Market Place,ZZ1 1AA,Mo-Su 08:00-20:00,active,2026-11-20"
        ),
        "{saved}"
    );
    let (site, report) = server::content::check(&content, load_day());
    assert!(report.is_empty(), "{report}");
    assert!(site
        .expect("site")
        .locator
        .places
        .iter()
        .any(|p| p.name == "Desk Test Café"));
}

#[tokio::test]
async fn a_new_page_starts_from_its_sections_template() {
    let (router, content) = desk("new");
    let form = [
        ("token", TOKEN),
        ("section", "info"),
        ("name", "money-worries"),
        ("title", "Money worries"),
    ];
    let (status, _, headers) = send(&router, post("/_desk/new", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers[header::LOCATION],
        "/_desk/edit?file=pages/info/money-worries.md"
    );
    let text = std::fs::read_to_string(content.join("pages/info/money-worries.md")).expect("page");
    assert!(
        text.starts_with("+++\ntitle = \"Money worries\"\n"),
        "{text}"
    );
    assert!(
        text.contains("section = \"info\"") && text.contains("last_reviewed = 2026-11-23"),
        "{text}"
    );
    let (status, html, _) = send(&router, post("/_desk/new", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::CONFLICT, "the same name twice");
    assert!(html.contains("already a page with that short name"));
    let bad = [
        ("token", TOKEN),
        ("section", "info"),
        ("name", "../escape"),
        ("title", "X"),
    ];
    let (status, _, _) = send(&router, post("/_desk/new", Some(ORIGIN), &bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_service_is_changed_in_place_only_when_the_check_accepts_it() {
    let (router, content) = desk("service");
    let path = content.join("services.toml");
    let original = std::fs::read_to_string(&path).expect("services");
    let (status, html, _) = send(&router, get("/_desk/service?id=helpline", HOST)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("value=\"A helpline for tests.\""), "{html}");
    let base = fingerprint(&original);
    let mut form = vec![
        ("token", TOKEN),
        ("editing", "helpline"),
        ("base", base.as_str()),
        ("f-id", "helpline"),
        ("f-name", "Test Helpline"),
        ("f-organisation", "Test Org"),
        ("f-description", "A helpline for tests, open all day."),
        ("f-categories", "domestic-abuse"),
        ("f-audiences", "everyone"),
        ("f-phones", "a-number-nobody-registered"),
        ("f-opening_hours", "24/7"),
        ("f-last_verified", "2026-11-20"),
        ("f-source", "test fixture"),
    ];
    let (status, html, _) = send(&router, post("/_desk/service", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    let phones = &html[html.find("<label for=\"service-phones\">").expect("field")..];
    let phones = &phones[..phones.find("</div>").expect("end")];
    assert!(
        phones.contains("desk-message"),
        "the message is beside the phones: {phones}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("services"), original);

    form[9] = ("f-phones", "helpline");
    let (status, _, headers) = send(&router, post("/_desk/service", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers[header::LOCATION],
        "/_desk?saved=services.toml#services"
    );
    let saved = std::fs::read_to_string(&path).expect("services");
    assert_eq!(
        saved,
        original
            .replace(
                "A helpline for tests.",
                "A helpline for tests, open all day."
            )
            .replace(
                "last_verified = 2026-01-01\nsource = \"test fixture\"\n\n",
                "last_verified = 2026-11-20\nsource = \"test fixture\"\n\n"
            ),
        "only the edited entry changed"
    );
}

#[tokio::test]
async fn a_safe_zone_form_opened_before_another_change_is_not_saved_over_it() {
    let (router, content) = desk("stale-row");
    let path = content.join("safezones.csv");
    let original = std::fs::read_to_string(&path).expect("sheet");
    let opened = fingerprint(&original);
    // Another tab changes the sheet after this form was opened.
    let changed = original.replace("Fixture Bank", "Fixture Bank (renamed)");
    std::fs::write(&path, &changed).expect("other tab");
    let form = [
        ("token", TOKEN),
        ("row", "0"),
        ("base", opened.as_str()),
        ("f-name", "Fixture Chemist, Ltd"),
        ("f-group", "Fixton"),
        ("f-where", ""),
        ("f-postcode", "ZZ1 1AA"),
        ("f-opening_hours", ""),
        ("f-status", "active"),
        ("f-last_verified", "2026-11-20"),
        ("f-source", "Test press"),
        ("f-notes", ""),
    ];
    let (status, html, _) = send(&router, post("/_desk/safezone", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("was changed after you opened it"));
    assert!(
        html.contains(&format!("name=\"base\" value=\"{opened}\"")),
        "the refused form keeps the version it was opened on, so a second try is refused too"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("sheet"), changed);
}

#[tokio::test]
async fn a_new_pages_title_is_kept_as_typed() {
    let (router, content) = desk("title");
    let form = [
        ("token", TOKEN),
        ("section", "info"),
        ("name", "quotes"),
        ("title", "Say \"no\" \\ walk away"),
    ];
    let (status, _, _) = send(&router, post("/_desk/new", Some(ORIGIN), &form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let text = std::fs::read_to_string(content.join("pages/info/quotes.md")).expect("page");
    let front = text.split("+++").nth(1).expect("front matter");
    let parsed: toml::Table = toml::from_str(front).expect("valid TOML");
    assert_eq!(parsed["title"].as_str(), Some("Say \"no\" \\ walk away"));
}
