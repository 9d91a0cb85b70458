//! Pages in another language: a translated page, and each language's home, which
//! lists its translated pages.

use super::section::PageCards;
use crate::model::{Language, Page};
use leptos::prelude::*;

/// A translated page. Until an editor records that the community has reviewed it,
/// it says so, with a link to the page it was translated from.
#[component]
pub fn TranslatedPage(
    page: Page,
    language: Language,
    /// The `lang` of the site's own pages, for the link back to the original.
    site_language: String,
) -> impl IntoView {
    let home = language.path();
    let strings = language.strings;
    let (source, reviewed) = page
        .translation
        .map(|t| (t.source, t.community_reviewed))
        .unwrap_or_default();
    let note = (!reviewed).then(|| {
        view! {
            <div class="translation-note" role="note">
                <p>{strings.awaiting_review.clone()}</p>
            </div>
        }
    });
    let meta = format!("{}: {}", strings.last_reviewed, page.last_reviewed);
    view! {
        <nav class="breadcrumbs" aria-label=strings.pages_in_language.clone()>
            <ol>
                <li>
                    <a href=home>{language.name}</a>
                </li>
            </ol>
        </nav>
        <article class="article">
            <h1>{page.title}</h1>
            <p class="lead">{page.summary}</p>
            {note}
            <div class="prose" inner_html=page.body_html></div>
            <p class="page-meta">
                {meta}
                " · "
                <a href=source lang=site_language.clone() hreflang=site_language>
                    {strings.read_in_english.clone()}
                </a>
            </p>
        </article>
    }
}

/// A language's home: its translated pages, with their summaries.
#[component]
pub fn LanguageHome(language: Language, pages: Vec<Page>) -> impl IntoView {
    view! {
        <h1>{language.strings.pages_in_language.clone()}</h1>
        <PageCards pages/>
    }
}
