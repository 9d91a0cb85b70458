//! A content page written by the community team in markdown.

use crate::components::{human_date, Breadcrumbs};
use crate::model::{Page, Section};
use leptos::prelude::*;

#[component]
pub fn ArticlePage(page: Page, section: Option<Section>) -> impl IntoView {
    view! {
        <Breadcrumbs section/>
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
