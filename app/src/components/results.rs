//! The locator's results, rendered by the server for the no-JS form and by the island
//! on the device: both call [`results_html`], so both answers are the same bytes.
//!
//! They are written as text rather than as a Leptos view. An answer holds no handlers
//! and no signals, and on a slow phone one `innerHTML` of the whole answer paints far
//! sooner than building each of its hundreds of nodes from WASM; it also keeps
//! Leptos' DOM-building code for them out of the WASM (about 11 KB brotli). Text is
//! written with [`crate::markup::push_text`] (as Leptos writes text) and attribute
//! values with [`crate::markup::push_escaped`].

use super::call_list::call_items_html;
use crate::locator::{NearbyView, ResultsView, Words, W};
use crate::markup::{push_escaped, push_text};
#[cfg(feature = "ssr")]
use leptos::prelude::*;

/// The answer, inside a `<div class="locator-answer">`.
#[cfg(feature = "ssr")]
#[component]
pub fn ResultsList(results: ResultsView, words: Words) -> impl IntoView {
    view! { <div class="locator-answer" inner_html=results_html(&results, &words)></div> }
}

/// What to do at once when no Safe Zone near has an exact place.
const THIN: [W; 4] = [W::ThinSticker, W::ThinShop, W::ThinAni, W::ThinCall];

/// The whole answer as HTML.
pub fn results_html(view: &ResultsView, words: &Words) -> String {
    let one = [("one", view.one.as_str())];
    let mut out = String::with_capacity(4096);
    out.push_str(r#"<section class="results" aria-labelledby="results-heading"><h2 id="results-heading" tabindex="-1">"#);
    push_text(&mut out, &view.heading);
    out.push_str("</h2>");
    if let Some(text) = &view.outside_notice {
        element(&mut out, r#"p class="notice" id="outside-notice""#, text);
    }
    if view.thin {
        out.push_str(r#"<div class="notice" id="what-to-do-now"><p><strong>"#);
        push_text(&mut out, &words.fill(W::ThinHeading, &one));
        out.push_str("</strong></p><ul>");
        for line in THIN {
            element(&mut out, "li", &words.fill(line, &one));
        }
        out.push_str("</ul></div>");
    }
    out.push_str(r#"<ol class="result-list">"#);
    for near in &view.nearby {
        result_item(&mut out, near, words);
    }
    out.push_str("</ol>");
    for (heading, places) in &view.approximate {
        element(&mut out, r#"h3 class="approximate-heading""#, heading);
        out.push_str(r#"<ul class="result-list">"#);
        for near in places {
            result_item(&mut out, near, words);
        }
        out.push_str("</ul>");
    }
    if let Some(none) = &view.none_open {
        out.push_str(r#"<div class="notice notice-urgent" id="none-open"><p><strong>"#);
        push_text(&mut out, &none.heading);
        out.push_str("</strong></p>");
        call_items_html(&mut out, &none.contacts);
        element(&mut out, "p", &none.silent_call_note);
        out.push_str("</div>");
    }
    if !view.unplaced.is_empty() {
        element(&mut out, "h3", &words[W::UnplacedHeading]);
        element(&mut out, "p", &words[W::UnplacedNote]);
        for (group, names) in &view.unplaced {
            element(&mut out, "h4", group);
            out.push_str(r#"<ul class="unplaced-list">"#);
            for name in names {
                element(&mut out, "li", name);
            }
            out.push_str("</ul>");
        }
        if view.unplaced_more {
            element(
                &mut out,
                r#"p class="unplaced-more""#,
                &words[W::UnplacedMore],
            );
        }
    }
    element(&mut out, "h3", &words[W::RemoteHeading]);
    out.push_str(r#"<ul class="result-list">"#);
    for service in &view.remote {
        out.push_str(r#"<li class="result">"#);
        element(&mut out, r#"h4 class="result-name""#, &service.name);
        element(&mut out, "p", &service.description);
        element(&mut out, r#"p class="result-hours""#, &service.hours);
        call_items_html(&mut out, &service.contacts);
        if let Some(href) = &service.website {
            out.push_str(r#"<p><a href=""#);
            push_escaped(&mut out, href);
            out.push_str(r#"" rel="noreferrer">"#);
            push_text(&mut out, &words.fill(W::Website, &[("address", href)]));
            out.push_str("</a></p>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></section>");
    out
}

/// One place: its name, kind, distance and address where known, hours, numbers, and
/// when it was checked.
fn result_item(out: &mut String, near: &NearbyView, words: &Words) {
    out.push_str(r#"<li class="result">"#);
    element(out, r#"h3 class="result-name""#, &near.name);
    element(out, r#"p class="result-kind""#, &near.kind);
    if !near.distance.is_empty() {
        element(out, r#"p class="result-distance""#, &near.distance);
    }
    if !near.place.is_empty() {
        element(out, r#"p class="result-place""#, &near.place);
    }
    if let Some(text) = &near.whereabouts {
        element(
            out,
            r#"p class="result-where""#,
            &words.fill(W::WherePrefix, &[("where", text)]),
        );
    }
    let hours = if near.open {
        r#"p class="result-hours result-open""#
    } else {
        r#"p class="result-hours""#
    };
    element(out, hours, &near.hours);
    call_items_html(out, &near.contacts);
    element(out, r#"p class="result-checked""#, &near.checked);
    out.push_str("</li>");
}

/// `<tag attributes>text</tag>`: `open` is the tag with its attributes, written as it
/// is; the closing tag is its first word.
fn element(out: &mut String, open: &str, text: &str) {
    out.push('<');
    out.push_str(open);
    out.push('>');
    push_text(out, text);
    out.push_str("</");
    out.push_str(open.split(' ').next().unwrap_or(open));
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locator::{NoneOpenView, RemoteView};
    use crate::model::Contact;

    fn near(name: &str) -> NearbyView {
        NearbyView {
            name: name.to_owned(),
            kind: "Safe Zone".to_owned(),
            distance: "0.4 km north (about 5 minutes' walk)".to_owned(),
            place: String::new(),
            whereabouts: Some("Inside the library".to_owned()),
            hours: "Open now.".to_owned(),
            open: true,
            contacts: Vec::new(),
            checked: "Checked February 2023".to_owned(),
        }
    }

    #[test]
    fn text_is_escaped_everywhere_it_is_written() {
        let mut view = ResultsView {
            heading: "Nearest to <b>".to_owned(),
            outside_notice: Some("\"Far\" & away".to_owned()),
            nearby: vec![near("Tom's <script>")],
            approximate: vec![("Somewhere in <i>".to_owned(), vec![near("A & B")])],
            unplaced: vec![("<Town>".to_owned(), vec!["Shop <1>".to_owned()])],
            unplaced_more: true,
            remote: vec![RemoteView {
                name: "Line <x>".to_owned(),
                description: "d".to_owned(),
                hours: "24 hours".to_owned(),
                contacts: Vec::new(),
                website: Some("https://example.org/?a=1&b=\"2\"".to_owned()),
            }],
            none_open: Some(NoneOpenView {
                heading: "None open <now>".to_owned(),
                silent_call_note: "Press 55.".to_owned(),
                contacts: Vec::new(),
            }),
            thin: true,
            one: "Safe <Zone>".to_owned(),
        };
        let html = results_html(&view, &Words::english());
        for raw in [
            "<b>", "<script>", "<i>", "<Town>", "<1>", "<x>", "<now>", "<Zone>",
        ] {
            assert!(!html.contains(raw), "{raw} written raw in {html}");
        }
        assert!(html.contains("Tom's &lt;script&gt;"));
        assert!(html.contains(r#"id="outside-notice">"Far" &amp; away</p>"#));
        assert!(html.contains(
            r#"<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noreferrer">"#
        ));
        assert!(html.contains(r#"<p class="unplaced-more">"#));
        assert!(html.contains(r#"<p class="result-where">Where: Inside the library</p>"#));
        assert!(html.contains(r#"<h3 class="approximate-heading">Somewhere in &lt;i&gt;</h3>"#));
        view.unplaced_more = false;
        assert!(html.contains("<strong>No Safe &lt;Zone&gt; near you has an exact address"));
        assert!(!results_html(&view, &Words::english()).contains("unplaced-more"));
    }

    #[test]
    fn each_element_is_closed_by_its_own_tag() {
        let mut out = String::new();
        element(&mut out, r#"p class="x""#, "a");
        element(&mut out, "li", "b");
        assert_eq!(out, r#"<p class="x">a</p><li>b</li>"#);
    }

    #[test]
    fn numbers_are_links_to_tap() {
        let mut out = String::new();
        let contact = Contact {
            name: "Helpline".to_owned(),
            number: "0808 2000 247".to_owned(),
            dial: "08082000247".to_owned(),
            hours: "24 hours".to_owned(),
        };
        call_items_html(&mut out, &[contact]);
        assert_eq!(
            out,
            r#"<ul class="call-list"><li><a class="call-link" href="tel:08082000247"><span class="call-name">Helpline</span><span class="call-number">0808 2000 247</span></a><span class="call-hours">24 hours</span></li></ul>"#
        );
    }
}
