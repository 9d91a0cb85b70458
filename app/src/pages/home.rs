//! The home page: the urgent-help chooser first, then the editors' introduction and
//! the sections of the site.

use super::article::PageMeta;
use crate::components::HelpChoices;
use crate::model::{HelpRoute, Page, Section};
use leptos::prelude::*;

#[component]
pub fn HomePage(page: Page, urgent_help: Vec<HelpRoute>, sections: Vec<Section>) -> impl IntoView {
    let cards = sections
        .into_iter()
        .map(|section| {
            let href = section.path();
            view! {
                <li class="card">
                    <h3>
                        <a href=href>{section.title}</a>
                    </h3>
                    <p>{section.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{page.title}</h1>
        <p class="lead">{page.summary}</p>
        <HelpChoices routes=urgent_help/>
        <div class="prose" inner_html=page.body_html></div>
        <h2>"Information and support"</h2>
        <ul class="cards">{cards}</ul>
        <PageMeta last_reviewed=page.last_reviewed owner=page.owner/>
    }
}
