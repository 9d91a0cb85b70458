//! The locator page. The island answers on the device; without JavaScript the form
//! posts to the server, which answers with this same page and its results (with the
//! form but without the island: that page is for people without JavaScript).

use crate::components::{FormFields, LocatorForm, ResultsList};
use crate::islands::{Locator, LocatorSetup, FETCH_AT_ONCE_BYTES, LOCATOR_DATA_ID};
use crate::locator::{size_words, Choices, ResultsView, Words, W};
use crate::model::{Examples, LocatorData, LocatorFile};
use leptos::prelude::*;

/// What the server has to say on the locator page.
#[derive(Clone, Debug, PartialEq)]
pub enum FindOutcome {
    /// The empty form.
    Form,
    /// Results for a search posted without JavaScript.
    Results(Box<ResultsView>),
    /// A calm explanation of why a search could not be answered.
    Problem(String),
    /// The empty form in a static export, where there is no server to answer a
    /// search posted without JavaScript: says so, and lists every place instead.
    StaticForm,
    /// The page of an answer with [`ANSWER_SLOT`] where the answer goes: made once at
    /// load, so that a search posted without JavaScript renders only its answer.
    Frame,
}

/// Where an answer goes in the [`FindOutcome::Frame`] page.
pub const ANSWER_SLOT: &str = "<!--answer-->";

impl FindOutcome {
    /// Whether this answers a search posted without JavaScript. Such a page shows the
    /// form without the island: it is for people without JavaScript, so it stays small
    /// and loads no WASM.
    pub fn is_answer(&self) -> bool {
        matches!(
            self,
            FindOutcome::Results(_) | FindOutcome::Problem(_) | FindOutcome::Frame
        )
    }
}

/// The locator page in `words`; its form posts to `action`, the locator's address in
/// the page's language.
#[component]
pub fn FindPage(
    data: LocatorData,
    file: Option<LocatorFile>,
    outcome: FindOutcome,
    choices: Choices,
    words: Words,
    action: String,
) -> impl IntoView {
    let scheme = data.scheme_name.clone();
    let one = scheme.trim_end_matches('s').to_owned();
    let area = data.area_name.clone();
    let is_static = outcome == FindOutcome::StaticForm;
    let answered = outcome.is_answer();
    let every_place = is_static.then(|| every_place(&data, &words));
    let named = [
        ("one", one.as_str()),
        ("scheme", scheme.as_str()),
        ("area", area.as_str()),
    ];
    view! {
        <h1>{words.fill(W::FindHeading, &named)}</h1>
        <p class="lead">{words.fill(W::FindLead, &named)}</p>
        <p class="emergency-line">
            <strong>{format!("{} ", &words[W::DangerCall])}</strong>
            <a href="tel:999" class="call-number">"999"</a>
        </p>
        {every_place}
        {if answered {
            if outcome == FindOutcome::Frame {
                // The slot is written as it is, for the answer to go in.
                view! { <div class="find-answer" inner_html=ANSWER_SLOT></div> }.into_any()
            } else {
                let (scheme, examples) = (data.scheme_name.clone(), data.examples.clone());
                view! {
                    <div class="find-answer">
                        <FindAnswer outcome choices scheme examples words action/>
                    </div>
                }
                .into_any()
            }
        } else {
            // The island's data is one file; this element names it and its size.
            let file = file.unwrap_or(LocatorFile {
                path: String::new(),
                compressed_bytes: 0,
                places: 0,
            });
            let setup = LocatorSetup {
                src: file.path.clone(),
                compressed_bytes: file.compressed_bytes,
                places: file.places,
                scheme: data.scheme_name.clone(),
                examples: data.examples.clone(),
                words: words.clone(),
                action: action.clone(),
            };
            provide_context(setup.clone());
            let size = size_words(file.compressed_bytes);
            let places = file.places.to_string();
            let download = words.fill(
                if is_static {
                    W::DownloadStatic
                } else if file.compressed_bytes > FETCH_AT_ONCE_BYTES {
                    W::DownloadLarge
                } else {
                    W::DownloadSmall
                },
                &[("places", &places), ("size", &size)],
            );
            view! {
                <div
                    id=LOCATOR_DATA_ID
                    hidden
                    data-src=setup.src
                    data-bytes=setup.compressed_bytes.to_string()
                    data-places=setup.places.to_string()
                    data-scheme=setup.scheme
                    data-district=setup.examples.district
                    data-town=setup.examples.town
                    data-action=setup.action
                    data-words=setup.words.encode()
                ></div>
                <Locator/>
                <p class="hint locator-download" id="locator-download">{download}</p>
            }
            .into_any()
        }}
    }
}

/// The answer to a search posted without JavaScript: why it could not be answered, or
/// its results, with the form as it was filled in. Rendered alone into the page frame
/// (see [`FindOutcome::Frame`]), so it must not need anything from around it.
#[component]
pub fn FindAnswer(
    outcome: FindOutcome,
    choices: Choices,
    scheme: String,
    examples: Examples,
    words: Words,
    action: String,
) -> impl IntoView {
    let (problem, results) = match outcome {
        FindOutcome::Results(results) => (None, Some(*results)),
        FindOutcome::Problem(message) => (Some(message), None),
        FindOutcome::Form | FindOutcome::StaticForm | FindOutcome::Frame => (None, None),
    };
    view! {
        {problem.map(|message| view! { <p class="notice notice-problem" id="find-problem">{message}</p> })}
        <div class="locator">
            <LocatorForm choices scheme examples words=words.clone() action fields=FormFields::new() on_submit=|_| {}/>
        </div>
        {results.map(|results| view! { <ResultsList results words/> })}
    }
}

/// For a static copy of the site without JavaScript: why searching cannot work here,
/// and every place we list, by group, so nobody is left with nothing.
fn every_place(data: &LocatorData, words: &Words) -> impl IntoView {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for place in data
        .places
        .iter()
        .filter(|p| p.kind == crate::model::PlaceKind::Safezone)
    {
        let name = match &place.whereabouts {
            Some(where_) => format!("{} ({where_})", place.name),
            None => place.name.clone(),
        };
        match groups.iter_mut().find(|(group, _)| *group == place.group) {
            Some((_, names)) => names.push(name),
            None => groups.push((place.group.clone(), vec![name])),
        }
    }
    let groups = groups
        .into_iter()
        .map(|(group, names)| {
            let items = names
                .into_iter()
                .map(|name| view! { <li>{name}</li> })
                .collect_view();
            view! {
                <h3>{group}</h3>
                <ul class="unplaced-list">{items}</ul>
            }
        })
        .collect_view();
    let scheme = data.scheme_name.clone();
    view! {
        <noscript>
            <div class="notice" id="static-note">
                <p>{words[W::StaticNote].to_owned()}</p>
            </div>
            <h2>{words.fill(W::EveryPlace, &[("scheme", &scheme)])}</h2>
            {groups}
        </noscript>
    }
}
