//! A section's index: its pages in the editors' order, with their summaries.

use crate::components::Breadcrumbs;
use crate::model::{Page, Section};
use leptos::prelude::*;

#[component]
pub fn SectionPage(section: Section, pages: Vec<Page>) -> impl IntoView {
    let items = pages
        .into_iter()
        .map(|page| {
            view! {
                <li class="card">
                    <h2>
                        <a href=page.path>{page.title}</a>
                    </h2>
                    <p>{page.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Breadcrumbs section=None/>
        <h1>{section.title}</h1>
        <p class="lead">{section.summary}</p>
        <ul class="cards">{items}</ul>
    }
}
