//! "What do you need right now?": the home page's urgent-help chooser, in HTML alone.
//!
//! Each choice is a `<details>` element: a tap opens its answer, with a number to tap.
//! No script and no WASM are involved, so it works the moment the page arrives, on any
//! phone, with JavaScript on or off; the home page downloads no bundle at all.

use super::CallList;
use crate::model::HelpRoute;
use leptos::prelude::*;

#[component]
pub fn HelpChoices(
    routes: Vec<HelpRoute>,
    /// "What do you need right now?", in the page's language.
    heading: String,
    /// The register's language (its names and hours), when the page is in another.
    #[prop(optional)]
    register_lang: Option<String>,
) -> impl IntoView {
    let options = routes
        .into_iter()
        .map(|route| {
            let more = route.more.map(|link| {
                view! {
                    <p>
                        <a href=link.path hreflang=link.hreflang>{link.label}</a>
                    </p>
                }
            });
            view! {
                <li>
                    <details class="chooser-option" id=format!("help-{}", route.id)>
                        <summary class="chooser-choice">{route.choice}</summary>
                        <div class="chooser-panel">
                            <h3>{route.heading}</h3>
                            <p>{route.text}</p>
                            <CallList contacts=route.contacts lang=register_lang.clone()/>
                            {more}
                        </div>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="chooser" aria-labelledby="chooser-heading">
            <h2 id="chooser-heading">{heading}</h2>
            <ul class="chooser-choices">{options}</ul>
        </section>
    }
}
