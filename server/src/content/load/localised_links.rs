//! Links inside a translated page stay in its language where they can: a link to an
//! English page that has a translation in the same language goes to the translation,
//! a link to the home page goes to the language's home, and one to the locator to the
//! locator in the language. A link to a page that
//! exists only in English keeps its address, says so in the page's language after the
//! link's words (`in_english` in the language's strings.toml, such as "(po
//! angielsku)") and is marked `hreflang="en"`. Editors write the English addresses, as
//! in English pages; this runs after every page is loaded, so it always knows which
//! translations exist. The "read more" links of a language's home chooser go the same
//! way, with the words after the link's own.

use app::model::{Language, NavLink, Page};
use std::collections::HashMap;

/// Rewrites the links in every translated page of `pages` and in each language's
/// home chooser.
pub fn localise(pages: &mut [Page], languages: &mut [Language]) {
    let translated: HashMap<(String, String), String> = pages
        .iter()
        .filter_map(|page| {
            let translation = page.translation.as_ref()?;
            Some((
                (translation.language.clone(), translation.source.clone()),
                page.path.clone(),
            ))
        })
        .collect();
    let destination = |language: &Language, path: &str| -> Option<String> {
        if path == "/" {
            return Some(language.path());
        }
        if path == app::model::FIND_PATH {
            return Some(language.find_path());
        }
        translated
            .get(&(language.code.clone(), path.to_owned()))
            .cloned()
    };
    for page in pages.iter_mut() {
        let Some(code) = page.translation.as_ref().map(|t| t.language.clone()) else {
            continue;
        };
        let Some(language) = languages.iter().find(|l| l.code == code) else {
            continue;
        };
        page.body_html = rewrite(
            &page.body_html,
            &code,
            &language.strings.in_english,
            |path| destination(language, path),
        );
    }
    for language in languages.iter_mut() {
        let mut links: Vec<NavLink> = language
            .home
            .urgent_help
            .iter()
            .filter_map(|route| route.more.clone())
            .collect();
        for link in &mut links {
            let (path, fragment) = link
                .path
                .split_at(link.path.find('#').unwrap_or(link.path.len()));
            match destination(language, path) {
                Some(path) => link.path = format!("{path}{fragment}"),
                None => {
                    link.label = format!("{} {}", link.label, language.strings.in_english);
                    link.hreflang = Some("en".to_owned());
                }
            }
        }
        let mut links = links.into_iter();
        for route in &mut language.home.urgent_help {
            if route.more.is_some() {
                route.more = links.next();
            }
        }
    }
}

/// `html` with each internal link sent where `destination` says, or marked as English.
fn rewrite(
    html: &str,
    code: &str,
    in_english: &str,
    destination: impl Fn(&str) -> Option<String>,
) -> String {
    const OPEN: &str = "<a href=\"";
    let own = format!("/{code}");
    let marker = format!(
        " <span class=\"in-english\">{}</span>",
        crate::markup::escape(in_english)
    );
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let (before, from) = rest.split_at(start + OPEN.len());
        out.push_str(before);
        let Some(end) = from.find('"') else {
            rest = from;
            break;
        };
        let href = &from[..end];
        let internal = href.starts_with('/') && !href.starts_with("//");
        let (path, fragment) = href.split_at(href.find('#').unwrap_or(href.len()));
        let already_own = path == own || path.starts_with(&format!("{own}/"));
        if !internal || already_own {
            out.push_str(href);
            rest = &from[end..];
            continue;
        }
        match destination(path) {
            Some(translated) => {
                out.push_str(&translated);
                out.push_str(fragment);
                rest = &from[end..];
            }
            None => {
                out.push_str(href);
                out.push_str("\" hreflang=\"en");
                // The words go inside the link, so they are part of its name.
                let after = &from[end..];
                match after.find("</a>") {
                    Some(close) => {
                        out.push_str(&after[..close]);
                        out.push_str(&marker);
                        rest = &after[close..];
                    }
                    None => rest = after,
                }
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn links_stay_in_the_language_or_say_they_are_english() {
        let html = "<p><a href=\"/get-help/calling-999#if-you-cannot-speak\">999</a>, \
                    <a href=\"/get-help/helplines\">helplines</a>, <a href=\"/\">home</a>, \
                    <a href=\"/pl/get-help/safezones\">here</a>, <a href=\"tel:999\">999</a>, \
                    <a href=\"https://www.gov.uk/\">GOV.UK</a></p>";
        let destination = |path: &str| match path {
            "/get-help/calling-999" => Some("/pl/get-help/calling-999".to_owned()),
            "/" => Some("/pl".to_owned()),
            _ => None,
        };
        assert_eq!(
            rewrite(html, "pl", "(po angielsku)", destination),
            "<p><a href=\"/pl/get-help/calling-999#if-you-cannot-speak\">999</a>, \
             <a href=\"/get-help/helplines\" hreflang=\"en\">helplines <span class=\"in-english\">(po angielsku)</span></a>, \
             <a href=\"/pl\">home</a>, <a href=\"/pl/get-help/safezones\">here</a>, <a href=\"tel:999\">999</a>, \
             <a href=\"https://www.gov.uk/\">GOV.UK</a></p>"
        );
    }

    #[test]
    fn another_languages_address_is_not_taken_for_its_own() {
        let html = "<a href=\"/plants\">plants</a>";
        assert_eq!(
            rewrite(html, "pl", "(po angielsku)", |_| None),
            "<a href=\"/plants\" hreflang=\"en\">plants <span class=\"in-english\">(po angielsku)</span></a>"
        );
    }
}
