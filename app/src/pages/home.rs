//! The home page: the urgent-help chooser first, then the editors' introduction and
//! the sections of the site.

use super::article::PageMeta;
use crate::components::HelpChoices;
use crate::model::{Contact, HelpRoute, HomeWords, Page, Section, FIND_PATH, H};
use crate::phrases::Key;
use leptos::prelude::*;

#[component]
pub fn HomePage(
    page: Page,
    urgent_help: Vec<HelpRoute>,
    sections: Vec<Section>,
    /// The first numbers in the footer (999, then the 24-hour line), shown first.
    urgent: Vec<Contact>,
    /// "Safe Zone", or the area's own scheme's name for one place.
    scheme: String,
) -> impl IntoView {
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
        <h1 class="home-title">{page.title}</h1>
        <FirstScreen urgent scheme words=HomeWords::english() find=FIND_PATH.to_owned()/>
        <p class="lead">{page.summary}</p>
        <HelpChoices routes=urgent_help heading=H::ChooserHeading.english().to_owned()/>
        <div class="prose" inner_html=page.body_html></div>
        <h2>"Information and support"</h2>
        <ul class="cards">{cards}</ul>
        <PageMeta last_reviewed=page.last_reviewed owner=page.owner/>
    }
}

/// What a frightened person needs before anything else, on the first screen of a small
/// phone: 999 (and 55), the 24-hour line, and the way to find somewhere near, in the
/// language of `words`; `find` is the locator in that language.
#[component]
pub fn FirstScreen(
    urgent: Vec<Contact>,
    scheme: String,
    words: HomeWords,
    find: String,
    /// The register's language (the numbers' names), when the page is in another.
    #[prop(optional)]
    register_lang: Option<String>,
) -> impl IntoView {
    let calls = urgent
        .into_iter()
        .take(2)
        .map(|contact| {
            let href = contact.tel_href();
            view! {
                <a class="urgent-call" href=href>
                    <span class="urgent-call-name">{contact.name}</span>
                    <span class="urgent-call-number">{contact.number}</span>
                </a>
            }
        })
        .collect_view();
    view! {
        <section class="urgent" aria-labelledby="urgent-heading">
            <h2 id="urgent-heading">{words[H::InDanger].to_owned()}</h2>
            <div class="urgent-calls" lang=register_lang>{calls}</div>
            <p class="urgent-note">{words[H::CannotSpeak].to_owned()}</p>
            <p>
                <a class="urgent-find" href=find>
                    {words.fill(H::FindNear, &[("scheme", &scheme)])}
                </a>
            </p>
        </section>
    }
}
