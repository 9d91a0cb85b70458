//! A content page written by the community team in markdown.

use crate::components::human_date;
use crate::model::{Page, Section};
use leptos::prelude::*;

#[component]
pub fn ArticlePage(page: Page, section: Option<Section>) -> impl IntoView {
    let breadcrumb = section.map(|section| {
        let href = section.path();
        view! {
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <ol>
                    <li>
                        <a href="/">"Home"</a>
                    </li>
                    <li>
                        <a href=href>{section.title}</a>
                    </li>
                </ol>
            </nav>
        }
    });
    view! {
        {breadcrumb}
        <article class="article">
            <h1>{page.title}</h1>
            <p class="lead">{page.summary}</p>
            <div class="prose" inner_html=page.body_html></div>
            <PageMeta last_reviewed=page.last_reviewed owner=page.owner/>
        </article>
    }
}

/// Who looks after a page and when they last checked it.
#[component]
pub fn PageMeta(last_reviewed: String, owner: String) -> impl IntoView {
    let text = format!(
        "Last reviewed on {} by the {owner}.",
        human_date(&last_reviewed)
    );
    view! { <p class="page-meta">{text}</p> }
}
