//! Numbers to tap and call, used by the footer and inside the locator's answers. One
//! writer, [`call_items_html`], makes the list for both.

use crate::markup::{push_escaped, push_text};
use crate::model::Contact;
#[cfg(feature = "ssr")]
use leptos::prelude::*;

/// A list of numbers to tap and call.
#[cfg(feature = "ssr")]
#[component]
pub fn CallList(
    contacts: Vec<Contact>,
    /// The register's language, when the page around the list is in another.
    #[prop(optional_no_strip)]
    lang: Option<String>,
) -> impl IntoView {
    let mut items = String::new();
    call_items(&mut items, &contacts);
    view! { <ul class="call-list" lang=lang inner_html=items></ul> }
}

/// Appends the `<ul class="call-list">` of `contacts`, as [`CallList`] renders it.
pub fn call_items_html(out: &mut String, contacts: &[Contact]) {
    out.push_str(r#"<ul class="call-list">"#);
    call_items(out, contacts);
    out.push_str("</ul>");
}

/// The list's items: each contact a `tel:` link, with its hours.
fn call_items(out: &mut String, contacts: &[Contact]) {
    for contact in contacts {
        out.push_str(r#"<li><a class="call-link" href=""#);
        push_escaped(out, &contact.tel_href());
        out.push_str(r#""><span class="call-name">"#);
        push_text(out, &contact.name);
        out.push_str(r#"</span><span class="call-number">"#);
        push_text(out, &contact.number);
        out.push_str(r#"</span></a><span class="call-hours">"#);
        push_text(out, &contact.hours);
        out.push_str("</span></li>");
    }
}
