//! Renders every route of the site once, at load, into memory.

use crate::encoded::Encoded;
use app::model::{LocatorFile, Site, SiteRoute};
use app::render::{render_document_styled, FindOutcome, Problem, Route};
use axum::body::Bytes;
use base64::Engine;
use leptos::config::LeptosOptions;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

const HTML: &str = "text/html; charset=utf-8";

/// Every page of the site as final, compressed HTML, and the CSP that allows exactly
/// the inline scripts those pages contain.
#[derive(Clone, Debug)]
pub struct RenderedSite {
    pub pages: HashMap<String, Encoded>,
    pub not_found: Encoded,
    pub method_not_allowed: Encoded,
    pub server_error: Encoded,
    pub content_security_policy: String,
    /// Old addresses (from pages' `aliases`) and where they moved to.
    pub redirects: HashMap<String, String>,
    /// Open data files (JSON), and the locator's data file, by path.
    pub data: HashMap<String, Encoded>,
    /// Where the locator's data file is (in `data`), what it weighs and lists.
    pub locator_file: LocatorFile,
}

impl RenderedSite {
    /// Every body the site serves, in the order a visitor is likeliest to need them:
    /// the problem pages, then the pages (the home page first), then open data.
    pub fn bodies(&self) -> Vec<Encoded> {
        let mut pages: Vec<(&String, &Encoded)> = self.pages.iter().collect();
        pages.sort_by_key(|(path, _)| (path.len(), path.as_str()));
        [
            &self.not_found,
            &self.method_not_allowed,
            &self.server_error,
        ]
        .into_iter()
        .chain(pages.into_iter().map(|(_, body)| body))
        .chain(self.data.values())
        .cloned()
        .collect()
    }
}

/// What a body to compress is, so it can be put back in its place.
enum Body {
    Page(String),
    Problem(usize),
    Data(String),
}

/// Renders every route with the stylesheet `css` inside each page (see
/// [`crate::assets::stylesheet`]; empty: pages link it instead).
pub fn render_site(site: &Site, options: &LeptosOptions, css: &str) -> RenderedSite {
    // The locator page names its data file, so the file is made first.
    let (locator_file, locator_body) = crate::locator_file::make(site, options);
    let mut site = site.clone();
    site.locator_file = Some(locator_file.clone());
    let site = &site;
    let documents: Vec<(String, String)> = site
        .routes()
        .into_iter()
        .filter_map(|site_route| {
            let route = match site_route {
                SiteRoute::Home(page) => Route::Home(page),
                SiteRoute::Article(page) => Route::Article(page),
                SiteRoute::Section(section) => Route::Section(section),
                SiteRoute::Language(language) => Route::Language(language),
                SiteRoute::Find => Route::Find(FindOutcome::Form, Default::default(), None),
                SiteRoute::FindIn(language) => {
                    Route::Find(FindOutcome::Form, Default::default(), Some(language))
                }
                SiteRoute::Story => Route::Story(app::model::StoryOutcome::Form, None),
                SiteRoute::StoryIn(language) => {
                    Route::Story(app::model::StoryOutcome::Form, Some(language))
                }
                // Made by open_data::files below.
                SiteRoute::OpenData(_) => return None,
            };
            Some((
                site_route.path(),
                render_document_styled(site, &route, options, css),
            ))
        })
        .collect();
    let problem = |problem| render_document_styled(site, &Route::Problem(problem), options, css);
    let problems = [
        problem(Problem::NotFound),
        problem(Problem::MethodNotAllowed),
        problem(Problem::ServerError),
    ];

    let all = || {
        documents
            .iter()
            .map(|(_, html)| html.as_str())
            .chain(problems.iter().map(String::as_str))
    };
    let scripts = hashes(all().flat_map(inline_scripts));
    let styles = hashes(all().flat_map(inline_styles));
    // Everything is compressed together, on every core.
    const JSON: &str = "application/json; charset=utf-8";
    let mut bodies: Vec<(Body, &'static str, Bytes)> = documents
        .into_iter()
        .map(|(path, html)| (Body::Page(path), HTML, Bytes::from(html)))
        .collect();
    for (which, html) in problems.into_iter().enumerate() {
        bodies.push((Body::Problem(which), HTML, Bytes::from(html)));
    }
    for (path, json) in crate::open_data::files(site) {
        bodies.push((Body::Data(path.to_owned()), JSON, Bytes::from(json)));
    }
    let mut pages = HashMap::new();
    let mut data = HashMap::new();
    let mut problems: [Option<Encoded>; 3] = [None, None, None];
    for (body, encoded) in Encoded::many(bodies) {
        match body {
            Body::Page(path) => {
                pages.insert(path, encoded);
            }
            Body::Data(path) => {
                data.insert(path, encoded);
            }
            Body::Problem(which) => problems[which] = Some(encoded),
        }
    }
    data.insert(locator_file.path.clone(), locator_body);
    let [not_found, method_not_allowed, server_error] =
        problems.map(|page| page.unwrap_or_else(|| Encoded::new(HTML, "")));
    RenderedSite {
        pages,
        not_found,
        method_not_allowed,
        server_error,
        content_security_policy: content_security_policy(&scripts, &styles),
        data,
        locator_file,
        redirects: site
            .pages
            .iter()
            .flat_map(|page| {
                page.aliases
                    .iter()
                    .map(move |alias| (alias.clone(), page.path.clone()))
            })
            .collect(),
    }
}

/// The policy: nothing from anywhere but this site, no inline code but the hashed
/// island loader, WASM allowed to compile, and no framing.
/// The sorted, distinct CSP hash sources of these inline texts.
fn hashes<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut hashes: Vec<String> = texts
        .map(|text| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text))
            )
        })
        .collect();
    hashes.sort();
    hashes.dedup();
    hashes
}

fn content_security_policy(script_hashes: &[String], style_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    let mut style_src = String::from("'self'");
    for hash in style_hashes {
        style_src.push(' ');
        style_src.push_str(hash);
    }
    format!(
        "default-src 'none'; script-src {script_src}; style-src {style_src}; img-src 'self'; font-src 'self'; \
         connect-src 'self'; manifest-src 'none'; worker-src 'none'; frame-src 'none'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The text of every `<style>` element, as the browser hashes it.
pub fn inline_styles(html: &str) -> Vec<&str> {
    let mut styles = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<style") {
        let after = &rest[start..];
        let (Some(tag_end), Some(close)) = (after.find('>'), after.find("</style>")) else {
            break;
        };
        if tag_end < close {
            styles.push(&after[tag_end + 1..close]);
        }
        rest = &after[close..];
    }
    styles
}

/// The text of every `<script>` element without a `src`, as the browser hashes it.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_and_rest = &after[tag_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            scripts.push(&body_and_rest[..close]);
        }
        rest = &body_and_rest[close..];
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_inline_scripts() {
        let html = r#"<head><script src="/exit.js"></script><script type="module">run(1)</script></head><script>b()</script>"#;
        assert_eq!(inline_scripts(html), ["run(1)", "b()"]);
    }

    #[test]
    fn finds_inline_styles() {
        let html =
            "<head><style>a{b:c}</style><link rel=stylesheet></head><style media=print>d{}</style>";
        assert_eq!(inline_styles(html), ["a{b:c}", "d{}"]);
    }

    #[test]
    fn policy_lists_each_hash_and_nothing_unsafe() {
        let policy =
            content_security_policy(&["'sha256-abc='".to_owned()], &["'sha256-css='".to_owned()]);
        assert!(policy.starts_with(
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self' 'sha256-css=';"
        ));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
        assert!(policy.contains("frame-ancestors 'none'"));
    }
}
