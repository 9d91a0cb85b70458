//! The privacy and security headers on every response, whatever produced it.

use super::Live;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use std::sync::OnceLock;

/// Headers with fixed values (the CSP comes from the rendered site).
pub const FIXED: [(&str, &str); 11] = [
    ("cache-control", "no-store, max-age=0"),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("strict-transport-security", "max-age=31536000; includeSubDomains"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("cross-origin-embedder-policy", "require-corp"),
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

/// Puts the privacy headers on an answer, whatever produced it.
pub fn apply(live: &Live, headers: &mut HeaderMap) {
    headers.reserve(FIXED.len() + 1);
    for (name, value) in fixed_headers() {
        headers.insert(name.clone(), value.clone());
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
