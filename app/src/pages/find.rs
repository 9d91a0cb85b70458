//! The locator page. The island answers on the device; without JavaScript the form
//! posts to the server, which answers with this same page and its results.

use crate::components::ResultsList;
use crate::islands::Locator;
use crate::locator::{Choices, ResultsView};
use crate::model::LocatorData;
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
}

#[component]
pub fn FindPage(data: LocatorData, outcome: FindOutcome, choices: Choices) -> impl IntoView {
    let scheme = data.scheme_name.clone();
    let one = scheme.trim_end_matches('s').to_owned();
    let area = data.area_name.clone();
    let (problem, results) = match outcome {
        FindOutcome::Form => (None, None),
        FindOutcome::Results(results) => (None, Some(*results)),
        FindOutcome::Problem(message) => (Some(message), None),
    };
    view! {
        <h1>{format!("Find a {one} or help near you")}</h1>
        <p class="lead">
            {format!(
                "{scheme} are shops, stations, libraries and other places in {area} where you can step in if you feel followed or unsafe. Staff can let you wait, help you charge your phone or call someone for you."
            )}
        </p>
        <p class="emergency-line">
            <strong>"In danger now? Call "</strong>
            <a href="tel:999" class="call-number">"999"</a>
        </p>
        {problem.map(|message| view! { <p class="notice notice-problem" id="find-problem">{message}</p> })}
        <Locator data choices/>
        {results.map(|results| view! { <ResultsList results/> })}
    }
}
