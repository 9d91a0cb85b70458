//! Pages in another language: a translated page, and each language's home: its first
//! screen and chooser, then its translated pages.

use super::home::FirstScreen;
use super::section::PageCards;
use crate::components::HelpChoices;
use crate::model::{Contact, Language, Page, H};
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

/// A language's home: the first screen and the chooser in the language, as the site's
/// own home has them, then its translated pages with their summaries.
#[component]
pub fn LanguageHome(
    language: Language,
    pages: Vec<Page>,
    /// The first numbers in the footer (999, then the 24-hour line).
    urgent: Vec<Contact>,
    /// The scheme's name for one place, as on its stickers.
    scheme: String,
    /// The site's own language, which the helpline register is written in.
    site_language: String,
) -> impl IntoView {
    let find = language.find_path();
    let home = language.home;
    view! {
        <h1 class="home-title">{language.name}</h1>
        <FirstScreen
            urgent
            scheme
            words=home.words.clone()
            find
            register_lang=site_language.clone()
        />
        <HelpChoices
            routes=home.urgent_help
            heading=home.words[H::ChooserHeading].to_owned()
            register_lang=site_language
        />
        <h2>{language.strings.pages_in_language.clone()}</h2>
        <PageCards pages/>
    }
}
