//! The privacy and security headers on every response, whatever produced it.

use super::Live;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use std::sync::OnceLock;

/// Headers with fixed values (the CSP comes from the rendered site).
///
/// No `Cross-Origin-Embedder-Policy`: the CSP already refuses every load from another
/// origin, so it would add nothing but cross-origin isolation, which the site does not
/// use and which cost the first paint about 40 ms on a throttled phone (README,
/// "First paint on a throttled phone").
pub const FIXED: [(&str, &str); 9] = [
    ("cache-control", "no-store, max-age=0"),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("strict-transport-security", "max-age=31536000; includeSubDomains"),
    ("cross-origin-resource-policy", "same-origin"),
    ("x-permitted-cross-domain-policies", "none"),
    (
        "permissions-policy",
        "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), bluetooth=(), serial=(), hid=(), \
         midi=(), magnetometer=(), gyroscope=(), accelerometer=(), ambient-light-sensor=(), display-capture=(), \
         fullscreen=(), publickey-credentials-get=(), screen-wake-lock=(), xr-spatial-tracking=(), \
         browsing-topics=(), interest-cohort=(), attribution-reporting=(), run-ad-auction=(), join-ad-interest-group=()",
    ),
    ("x-dns-prefetch-control", "off"),
];

/// On the answers that hold what a person typed or where they are: the page opens in
/// a browsing context group of its own, cut off from any window that opened it (and,
/// on Android, in a process of its own while it holds a position). Content pages hold
/// nothing of the person's, and go without it: it cost their first paint about 40 ms.
pub const ISOLATED: (&str, &str) = ("cross-origin-opener-policy", "same-origin");

/// Where [`ISOLATED`] applies: the locator and the story form, in the site's language
/// and any other (`*` is one part of an address), and so their answers. The static
/// export writes the same patterns into its header file.
pub const ISOLATED_PATHS: [&str; 4] = [
    "/find",
    "/*/find",
    "/share-your-story",
    "/*/share-your-story",
];

/// Whether `path` is one of [`ISOLATED_PATHS`].
pub fn isolates(path: &str) -> bool {
    ISOLATED_PATHS.iter().any(|pattern| {
        let mut parts = path.split('/');
        let mut wanted = pattern.split('/');
        loop {
            match (parts.next(), wanted.next()) {
                (None, None) => return true,
                (Some(part), Some("*")) if !part.is_empty() => {}
                (Some(part), Some(want)) if part == want => {}
                _ => return false,
            }
        }
    })
}

/// [`FIXED`], parsed and checked once rather than on every response.
fn fixed_headers() -> &'static [(HeaderName, HeaderValue)] {
    static PARSED: OnceLock<Vec<(HeaderName, HeaderValue)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        FIXED
            .iter()
            .map(|(name, value)| {
                (
                    HeaderName::from_static(name),
                    HeaderValue::from_static(value),
                )
            })
            .collect()
    })
}

/// A policy of an answer's own, put in place of the site's: the editing desk's pages
/// carry one that allows exactly their own style and script. Such a page also gets
/// `Referrer-Policy: same-origin`, because under `no-referrer` a browser sends
/// `Origin: null` with a form's POST, and the desk needs the real origin to tell its
/// own forms from another site's (nothing leaves the machine either way).
#[derive(Clone, Debug)]
pub struct OwnPolicy(pub HeaderValue);

/// Puts the privacy headers on an answer, whatever produced it; `isolated` for an
/// answer at one of [`ISOLATED_PATHS`].
pub fn apply(live: &Live, headers: &mut HeaderMap, isolated: bool) {
    headers.reserve(FIXED.len() + 2);
    for (name, value) in fixed_headers() {
        headers.insert(name.clone(), value.clone());
    }
    if isolated {
        let (name, value) = ISOLATED;
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    let policy = match live.preview_policy() {
        Some(policy) => HeaderValue::from_str(policy).ok(),
        None => live.current().policy_header.clone(),
    };
    if let Some(csp) = policy {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    // Nothing may be stored, and nothing says what runs the site.
    headers.remove(header::SET_COOKIE);
    headers.remove(header::SERVER);
    headers.remove("x-powered-by");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_locator_and_the_story_form_are_isolated_in_every_language() {
        for path in [
            "/find",
            "/ur/find",
            "/share-your-story",
            "/pa/share-your-story",
        ] {
            assert!(isolates(path), "{path}");
        }
        for path in [
            "/",
            "/ur",
            "/get-help/helplines",
            "/find/x",
            "//find",
            "/a/b/find",
            "/findx",
            "/pkg/site.js",
        ] {
            assert!(!isolates(path), "{path}");
        }
    }
}
