//! The locator's results list, rendered by the server for the no-JS form and by the
//! island on the device.

use super::CallList;
use crate::locator::{NearbyView, ResultsView};
use leptos::prelude::*;

#[component]
pub fn ResultsList(results: ResultsView) -> impl IntoView {
    let view_model = results;
    let notice = view_model
        .outside_notice
        .map(|text| view! { <p class="notice" id="outside-notice">{text}</p> });
    let none_open = view_model.none_open.map(|none| {
        view! {
            <div class="notice notice-urgent" id="none-open">
                <p><strong>{none.heading}</strong></p>
                <CallList contacts=none.contacts/>
                <p>{none.silent_call_note}</p>
            </div>
        }
    });
    // When no Safe Zone near has an exact place, say first what to do now.
    let thin = view_model.thin.then(|| {
        view! {
            <div class="notice" id="what-to-do-now">
                <p><strong>"No Safe Zone near you has an exact address listed yet. What you can do now:"</strong></p>
                <ul>
                    <li>"Look for a Safe Zone sticker in a shop or office window, and go in."</li>
                    <li>"Go into any open shop, pharmacy, bar or station where there are staff, and ask them for help."</li>
                    <li>"In a pharmacy with an Ask for ANI poster, ask for ANI: staff will take you somewhere private."</li>
                    <li>"If you are in danger, call 999. If you cannot speak, press 55 when a recorded message asks you to."</li>
                </ul>
            </div>
        }
    });
    let nearby = view_model
        .nearby
        .into_iter()
        .map(result_item)
        .collect_view();
    let approximate = view_model
        .approximate
        .into_iter()
        .map(|(heading, places)| {
            let items = places.into_iter().map(result_item).collect_view();
            view! {
                <h3 class="approximate-heading">{heading}</h3>
                <ul class="result-list">{items}</ul>
            }
        })
        .collect_view();
    let more = view_model.unplaced_more;
    let unplaced = (!view_model.unplaced.is_empty()).then(|| {
        let more = more.then(|| {
            view! {
                <p class="unplaced-more">
                    "There are more places in the scheme whose address we do not have yet. Search for a town to see its own first."
                </p>
            }
        });
        let groups = view_model
            .unplaced
            .into_iter()
            .map(|(group, names)| {
                let items = names
                    .into_iter()
                    .map(|name| view! { <li>{name}</li> })
                    .collect_view();
                view! {
                    <h4>{group}</h4>
                    <ul class="unplaced-list">{items}</ul>
                }
            })
            .collect_view();
        view! {
            <h3>"Also in the scheme, but we do not know where yet"</h3>
            <p>"These are listed without an address, so we cannot say how far away they are."</p>
            {groups}
            {more}
        }
    });
    let remote = view_model
        .remote
        .into_iter()
        .map(|service| {
            let website = service.website.map(|href| {
                view! {
                    <p>
                        <a href=href.clone() rel="noreferrer">{format!("Website: {href}")}</a>
                    </p>
                }
            });
            view! {
                <li class="result">
                    <h4 class="result-name">{service.name}</h4>
                    <p>{service.description}</p>
                    <p class="result-hours">{service.hours}</p>
                    <CallList contacts=service.contacts/>
                    {website}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading" tabindex="-1">{view_model.heading}</h2>
            {notice}
            {thin}
            <ol class="result-list">{nearby}</ol>
            {approximate}
            {none_open}
            {unplaced}
            <h3>"Help by phone, wherever you are"</h3>
            <ul class="result-list">{remote}</ul>
        </section>
    }
}

/// One place in the results: its name, kind, distance and address where known, hours,
/// numbers, and when it was checked.
fn result_item(near: NearbyView) -> impl IntoView {
    let whereabouts = near
        .whereabouts
        .map(|text| view! { <p class="result-where">{format!("Where: {text}")}</p> });
    let place =
        (!near.place.is_empty()).then(|| view! { <p class="result-place">{near.place}</p> });
    let distance = (!near.distance.is_empty())
        .then(|| view! { <p class="result-distance">{near.distance}</p> });
    view! {
        <li class="result">
            <h3 class="result-name">{near.name}</h3>
            <p class="result-kind">{near.kind}</p>
            {distance}
            {place}
            {whereabouts}
            <p class=if near.open { "result-hours result-open" } else { "result-hours" }>
                {near.hours}
            </p>
            <CallList contacts=near.contacts/>
            <p class="result-checked">{near.checked}</p>
        </li>
    }
}
