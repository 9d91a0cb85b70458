//! The MDN HTTP Observatory's scoring rules, applied to every kind of response the
//! server gives: pages, sections, the locator, its POST answers (200, 400, 404, 413),
//! assets, 404 and 405. Rules and modifiers follow MDN's "Tests & Scoring" page:
//! start at 100, take off penalties, then add bonuses if the score is still 90 or more.
//!
//! Two bonuses cannot be earned by a server on its own: "hsts-preloaded" (+5) needs the
//! production domain on the browsers' HSTS preload list, and the cookie bonus (+5) needs
//! cookies, which this site never sets. So the most a response can score here is 125
//! (with SRI) and ours score 120: A+ (100 or more), with no penalty anywhere.

mod support;

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use server::http::{app, AppState};
use std::sync::Arc;
use tower::ServiceExt;

fn state() -> Arc<AppState> {
    support::good_state()
}

/// One test's outcome: its name and modifier.
#[derive(Debug)]
struct Outcome {
    test: &'static str,
    modifier: i32,
}

fn header_text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

fn directives(policy: &str) -> Vec<(String, Vec<String>)> {
    policy
        .split(';')
        .filter_map(|part| {
            let mut words = part.split_whitespace();
            let name = words.next()?.to_ascii_lowercase();
            Some((name, words.map(str::to_owned).collect()))
        })
        .collect()
}

fn csp(headers: &HeaderMap) -> Outcome {
    let Some(policy) = header_text(headers, "content-security-policy") else {
        return Outcome {
            test: "csp-not-implemented",
            modifier: -25,
        };
    };
    let parsed = directives(policy);
    let sources = |name: &str| -> Option<&Vec<String>> {
        parsed.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    };
    let default_src = sources("default-src");
    let script_src = sources("script-src").or(default_src);
    let object_src = sources("object-src").or(default_src);
    let unsafe_script = script_src.is_none_or(|list| {
        list.iter().any(|s| {
            s == "'unsafe-inline'" || s == "data:" || s == "https:" || s == "http:" || s == "*"
        }) && !list
            .iter()
            .any(|s| s.starts_with("'sha256-") || s.starts_with("'nonce-"))
    }) || object_src
        .is_none_or(|list| list.iter().any(|s| s == "*" || s == "https:"));
    if unsafe_script {
        return Outcome {
            test: "csp-implemented-with-unsafe-inline",
            modifier: -20,
        };
    }
    let any = |needle: &str| {
        parsed
            .iter()
            .any(|(_, list)| list.iter().any(|s| s == needle))
    };
    if any("'unsafe-eval'") {
        return Outcome {
            test: "csp-implemented-with-unsafe-eval",
            modifier: -10,
        };
    }
    if any("http:") {
        return Outcome {
            test: "csp-implemented-with-insecure-scheme",
            modifier: -20,
        };
    }
    if default_src.is_some_and(|list| list == &vec!["'none'".to_owned()]) && !any("'unsafe-inline'")
    {
        Outcome {
            test: "csp-implemented-with-no-unsafe-default-src-none",
            modifier: 10,
        }
    } else {
        Outcome {
            test: "csp-implemented-with-no-unsafe",
            modifier: 5,
        }
    }
}

fn cookies(headers: &HeaderMap) -> Outcome {
    if headers.contains_key(header::SET_COOKIE) {
        // Any cookie breaks the site's promise, whatever its flags.
        Outcome {
            test: "cookies-set (forbidden here)",
            modifier: -40,
        }
    } else {
        Outcome {
            test: "cookies-not-found",
            modifier: 0,
        }
    }
}

fn cors(headers: &HeaderMap) -> Outcome {
    match header_text(headers, "access-control-allow-origin") {
        None => Outcome {
            test: "cross-origin-resource-sharing-not-implemented",
            modifier: 0,
        },
        Some("*") => Outcome {
            test: "cross-origin-resource-sharing-implemented-with-universal-access",
            modifier: -50,
        },
        Some(_) => Outcome {
            test: "cross-origin-resource-sharing-implemented-with-restricted-access",
            modifier: 0,
        },
    }
}

fn hsts(headers: &HeaderMap) -> Outcome {
    let Some(value) = header_text(headers, "strict-transport-security") else {
        return Outcome {
            test: "hsts-not-implemented",
            modifier: -20,
        };
    };
    let max_age = value
        .split(';')
        .filter_map(|part| part.trim().strip_prefix("max-age="))
        .find_map(|age| age.trim().parse::<u64>().ok());
    match max_age {
        None => Outcome {
            test: "hsts-header-invalid",
            modifier: -20,
        },
        Some(age) if age < 15_768_000 => Outcome {
            test: "hsts-implemented-max-age-less-than-six-months",
            modifier: -10,
        },
        // "hsts-preloaded" (+5) depends on the preload list, not on the server.
        Some(_) => Outcome {
            test: "hsts-implemented-max-age-at-least-six-months",
            modifier: 0,
        },
    }
}

fn referrer(headers: &HeaderMap) -> Outcome {
    let Some(value) = header_text(headers, "referrer-policy") else {
        return Outcome {
            test: "referrer-policy-not-implemented",
            modifier: 0,
        };
    };
    let last = value
        .split(',')
        .map(str::trim)
        .next_back()
        .unwrap_or_default();
    match last {
        "no-referrer" | "same-origin" | "strict-origin" | "strict-origin-when-cross-origin" => {
            Outcome {
                test: "referrer-policy-private",
                modifier: 5,
            }
        }
        "origin" | "origin-when-cross-origin" | "unsafe-url" => Outcome {
            test: "referrer-policy-unsafe",
            modifier: -5,
        },
        _ => Outcome {
            test: "referrer-policy-header-invalid",
            modifier: -5,
        },
    }
}

fn sri(headers: &HeaderMap, body: &str) -> Outcome {
    let html = header_text(headers, "content-type").is_some_and(|t| t.starts_with("text/html"));
    if !html {
        return Outcome {
            test: "sri-not-implemented-response-not-html",
            modifier: 0,
        };
    }
    let loaded: Vec<&str> = body
        .split("<script")
        .skip(1)
        .filter_map(|tag| tag.split('>').next())
        .filter(|attributes| attributes.contains("src="))
        .collect();
    if loaded.is_empty() {
        return Outcome {
            test: "sri-not-implemented-but-no-scripts-loaded",
            modifier: 0,
        };
    }
    let external = loaded
        .iter()
        .any(|a| a.contains("src=\"http") || a.contains("src=\"//"));
    match (loaded.iter().all(|a| a.contains("integrity=")), external) {
        (true, _) => Outcome {
            test: "sri-implemented-and-all-scripts-loaded-securely",
            modifier: 5,
        },
        (false, false) => Outcome {
            test: "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
            modifier: 0,
        },
        (false, true) => Outcome {
            test: "sri-not-implemented-but-external-scripts-loaded-securely",
            modifier: -5,
        },
    }
}

fn content_type_options(headers: &HeaderMap) -> Outcome {
    match header_text(headers, "x-content-type-options") {
        Some(value) if value.eq_ignore_ascii_case("nosniff") => Outcome {
            test: "x-content-type-options-nosniff",
            modifier: 0,
        },
        Some(_) => Outcome {
            test: "x-content-type-options-header-invalid",
            modifier: -5,
        },
        None => Outcome {
            test: "x-content-type-options-not-implemented",
            modifier: -5,
        },
    }
}

fn frame_options(headers: &HeaderMap) -> Outcome {
    let via_csp = header_text(headers, "content-security-policy").is_some_and(|policy| {
        directives(policy).iter().any(|(name, list)| {
            name == "frame-ancestors"
                && (list == &vec!["'none'".to_owned()] || list == &vec!["'self'".to_owned()])
        })
    });
    if via_csp {
        return Outcome {
            test: "x-frame-options-implemented-via-csp",
            modifier: 5,
        };
    }
    match header_text(headers, "x-frame-options")
        .map(str::to_ascii_uppercase)
        .as_deref()
    {
        Some("DENY" | "SAMEORIGIN") => Outcome {
            test: "x-frame-options-sameorigin-or-deny",
            modifier: 0,
        },
        Some(_) => Outcome {
            test: "x-frame-options-header-invalid",
            modifier: -20,
        },
        None => Outcome {
            test: "x-frame-options-not-implemented",
            modifier: -20,
        },
    }
}

fn corp(headers: &HeaderMap) -> Outcome {
    match header_text(headers, "cross-origin-resource-policy") {
        Some("same-origin") => Outcome {
            test: "corp-implemented-with-same-origin",
            modifier: 0,
        },
        Some("same-site") => Outcome {
            test: "corp-implemented-with-same-site",
            modifier: 0,
        },
        Some("cross-origin") => Outcome {
            test: "corp-implemented-with-cross-origin",
            modifier: -20,
        },
        Some(_) => Outcome {
            test: "corp-header-invalid",
            modifier: -20,
        },
        None => Outcome {
            test: "corp-not-implemented",
            modifier: 0,
        },
    }
}

/// The score and every test's outcome.
fn score(headers: &HeaderMap, body: &str) -> (i32, Vec<Outcome>) {
    let outcomes = vec![
        csp(headers),
        cookies(headers),
        cors(headers),
        hsts(headers),
        referrer(headers),
        sri(headers, body),
        content_type_options(headers),
        frame_options(headers),
        corp(headers),
    ];
    let penalties: i32 = outcomes.iter().map(|o| o.modifier.min(0)).sum();
    let mut total = 100 + penalties;
    if total >= 90 {
        total += outcomes.iter().map(|o| o.modifier.max(0)).sum::<i32>();
    }
    (total.max(0), outcomes)
}

async fn answer(method: Method, uri: &str, body: &str) -> (StatusCode, HeaderMap, String) {
    let mut request = Request::builder().method(method).uri(uri);
    if !body.is_empty() {
        request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    }
    let response = app(state())
        .oneshot(request.body(Body::from(body.to_owned())).expect("request"))
        .await
        .expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = support::body_bytes(response).await;
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[tokio::test]
async fn every_kind_of_response_scores_a_plus_with_no_penalty() {
    let huge = format!("q={}", "A".repeat(10_000));
    // The bundle's fingerprinted names.
    let names: Vec<String> = state().assets.keys().cloned().collect();
    let named = |extension: &str| {
        names
            .iter()
            .find(|name| name.starts_with("/pkg/site.") && name.ends_with(extension))
            .cloned()
            .expect("a fingerprinted file")
    };
    let (stylesheet, wasm) = (named(".css"), named(".wasm"));
    let cases: Vec<(Method, &str, &str, StatusCode)> = vec![
        (Method::GET, "/", "", StatusCode::OK),
        (Method::GET, "/info", "", StatusCode::OK),
        (Method::GET, "/find", "", StatusCode::OK),
        (Method::GET, &stylesheet, "", StatusCode::OK),
        (Method::GET, &wasm, "", StatusCode::OK),
        (Method::GET, "/no-such-page", "", StatusCode::NOT_FOUND),
        (Method::DELETE, "/", "", StatusCode::METHOD_NOT_ALLOWED),
        (Method::POST, "/find", "q=ZZ1", StatusCode::OK),
        (Method::POST, "/find", "q=%3C", StatusCode::BAD_REQUEST),
        (Method::POST, "/find", "q=ZZ9", StatusCode::NOT_FOUND),
        (Method::POST, "/find", &huge, StatusCode::PAYLOAD_TOO_LARGE),
    ];
    for (method, uri, body, expected) in cases {
        let what = format!("{method} {uri} {}", &body[..body.len().min(12)]);
        let (status, headers, text) = answer(method, uri, body).await;
        assert_eq!(status, expected, "{what}");
        let (total, outcomes) = score(&headers, &text);
        let penalties: Vec<(&str, i32)> = outcomes
            .iter()
            .filter(|o| o.modifier < 0)
            .map(|o| (o.test, o.modifier))
            .collect();
        assert!(penalties.is_empty(), "{what}: penalties {penalties:?}");
        assert_eq!(total, 120, "{what}: {outcomes:?}");
    }
}

#[test]
fn the_scorer_can_fail() {
    let mut weak = HeaderMap::new();
    weak.insert(
        "content-security-policy",
        "script-src 'unsafe-inline'".parse().expect("value"),
    );
    weak.insert(header::SET_COOKIE, "id=1".parse().expect("value"));
    let (total, outcomes) = score(&weak, "<script src=\"https://cdn.example/x.js\"></script>");
    assert!(total < 50, "{total} {outcomes:?}");
}
