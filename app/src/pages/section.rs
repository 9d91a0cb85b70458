//! A section's index: its pages in the editors' order, with their summaries. When
//! the section holds school resources, they are indexed by key stage and RSHE theme
//! first, so a teacher is one click from a lesson. The About section's index also
//! invites stories when the site takes them.

use crate::components::Breadcrumbs;
use crate::model::{KeyStage, Page, Section, Topic, STORY_PATH};
use leptos::prelude::*;

#[component]
pub fn SectionPage(
    section: Section,
    pages: Vec<Page>,
    /// Whether to invite stories (the About section, when the form is on).
    #[prop(optional)]
    story: bool,
) -> impl IntoView {
    let (lessons, others): (Vec<Page>, Vec<Page>) = pages
        .into_iter()
        .partition(|page| !page.key_stages.is_empty());
    let resources = (!lessons.is_empty()).then(|| view! { <ResourceIndex pages=lessons/> });
    let heading = resources
        .is_some()
        .then_some(view! { <h2>"More in this section"</h2> });
    // Updates (newest first) say when they are from, and that there are none yet.
    let cards = if section.newest_first && others.is_empty() {
        view! { <p class="notice" id="no-updates">"Nothing here yet. We will add updates here as we make changes."</p> }
            .into_any()
    } else {
        view! { <PageCards pages=others dated=section.newest_first/> }.into_any()
    };
    view! {
        <Breadcrumbs section=None/>
        <h1>{section.title}</h1>
        <p class="lead">{section.summary}</p>
        {resources}
        {heading}
        {cards}
        {story.then(StoryInvitation)}
    }
}

/// A link to the story form, with what it asks and does not ask.
#[component]
fn StoryInvitation() -> impl IntoView {
    view! {
        <h2 id="share-your-story">"Tell us what happened"</h2>
        <p>
            <a href=STORY_PATH>"Share your story"</a>
            ": what happened, and what helped or did not. You do not give your name. It helps us plan services in the area."
        </p>
    }
}

/// Pages as a list of cards: each title a link, with its summary; `dated`: with the
/// month each is from.
#[component]
pub fn PageCards(pages: Vec<Page>, #[prop(optional)] dated: bool) -> impl IntoView {
    let items = pages
        .into_iter()
        .map(|page| {
            let month =
                dated.then(|| view! { <p class="hint">{page.last_reviewed.month_and_year()}</p> });
            view! {
                <li class="card">
                    {month}
                    <h2>
                        <a href=page.path>{page.title}</a>
                    </h2>
                    <p>{page.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cards">{items}</ul> }
}

/// Lessons grouped by key stage, then by RSHE theme. Each group heading has a fixed
/// anchor (such as #ks4) that schools can link to.
#[component]
fn ResourceIndex(pages: Vec<Page>) -> impl IntoView {
    let by_stage = KeyStage::ALL
        .into_iter()
        .filter_map(|stage| {
            let found: Vec<&Page> = pages
                .iter()
                .filter(|p| p.key_stages.contains(&stage))
                .collect();
            (!found.is_empty()).then(|| {
                view! {
                    <h3 id=stage.key()>{stage.label()}</h3>
                    <ResourceList pages=found/>
                }
            })
        })
        .collect_view();
    let by_topic = Topic::ALL
        .into_iter()
        .filter_map(|topic| {
            let found: Vec<&Page> = pages.iter().filter(|p| p.topics.contains(&topic)).collect();
            (!found.is_empty()).then(|| {
                view! {
                    <h3 id=topic.key()>{topic.label()}</h3>
                    <ResourceList pages=found/>
                }
            })
        })
        .collect_view();
    view! {
        <h2 id="by-key-stage">"Lessons by key stage"</h2>
        {by_stage}
        <h2 id="by-topic">"Lessons by RSHE theme"</h2>
        {by_topic}
    }
}

#[component]
fn ResourceList<'a>(pages: Vec<&'a Page>) -> impl IntoView {
    let items = pages
        .into_iter()
        .map(|page| {
            let stages = KeyStage::shorts(&page.key_stages);
            view! {
                <li>
                    <a href=page.path.clone()>{page.title.clone()}</a>
                    <span class="resource-stages">{format!(" ({stages})")}</span>
                    <p>{page.summary.clone()}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="resource-list">{items}</ul> }
}
