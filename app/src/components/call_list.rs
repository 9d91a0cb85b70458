//! Numbers to tap and call, used by the footer and by islands.

use crate::model::Contact;
use leptos::prelude::*;

/// A list of numbers to tap and call.
#[component]
pub fn CallList(contacts: Vec<Contact>) -> impl IntoView {
    let items = contacts
        .into_iter()
        .map(|contact| {
            let href = contact.tel_href();
            view! {
                <li>
                    <a class="call-link" href=href>
                        <span class="call-name">{contact.name}</span>
                        <span class="call-number">{contact.number}</span>
                    </a>
                    <span class="call-hours">{contact.hours}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="call-list">{items}</ul> }
}
