//! A content page written by the community team in markdown.

use crate::components::Breadcrumbs;
use crate::model::Date;
use crate::model::{KeyStage, Page, PageLayout, QrImage, Reference, Section};
use leptos::prelude::*;

#[component]
pub fn ArticlePage(page: Page, section: Option<Section>) -> impl IntoView {
    let class = match page.layout {
        PageLayout::Article => "article",
        PageLayout::Poster => "article poster",
        PageLayout::Card => "article pocket-card",
    };
    let resource = (!page.key_stages.is_empty() || !page.topics.is_empty()).then(|| {
        let stages = KeyStage::shorts(&page.key_stages);
        let topics = page
            .topics
            .iter()
            .map(|topic| topic.label())
            .collect::<Vec<_>>()
            .join("; ");
        view! {
            <dl class="resource-facts">
                {(!stages.is_empty()).then(|| view! { <dt>"Key stage"</dt> <dd>{stages}</dd> })}
                {(!topics.is_empty()).then(|| view! { <dt>"RSHE theme"</dt> <dd>{topics}</dd> })}
            </dl>
        }
    });
    let qr = page.qr.map(|qr| view! { <QrFigure qr/> });
    view! {
        <Breadcrumbs section/>
        <article class=class>
            <h1>{page.title}</h1>
            <p class="lead">{page.summary}</p>
            {resource}
            <div class="prose" inner_html=page.body_html></div>
            {qr}
            <SourceList sources=page.sources/>
            <PageMeta last_reviewed=page.last_reviewed owner=page.owner/>
        </article>
    }
}

/// A QR code with the address written beside it, for people who cannot scan.
#[component]
fn QrFigure(qr: QrImage) -> impl IntoView {
    let shown = qr.url.trim_start_matches("https://").to_owned();
    view! {
        <figure class="qr">
            <div class="qr-image" inner_html=qr.svg></div>
            <figcaption>"Scan the code with a phone camera, or type " <strong>{shown}</strong></figcaption>
        </figure>
    }
}

/// Where the page's facts come from, with the day each was last checked.
#[component]
fn SourceList(sources: Vec<Reference>) -> impl IntoView {
    (!sources.is_empty()).then(|| {
        let items = sources
            .into_iter()
            .map(|source| {
                let publisher = format!("{}: ", source.publisher);
                let checked = format!(". Checked on {}.", source.checked.in_words());
                view! {
                    <li>
                        {publisher}
                        <a href=source.url rel="nofollow noreferrer">{source.title}</a>
                        {checked}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="sources" aria-labelledby="sources">
                <h2 id="sources">"Where this information comes from"</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// Who looks after a page and when they last checked it.
#[component]
pub fn PageMeta(last_reviewed: Date, owner: String) -> impl IntoView {
    let text = format!(
        "Last reviewed on {} by the {owner}.",
        last_reviewed.in_words()
    );
    view! { <p class="page-meta">{text}</p> }
}
