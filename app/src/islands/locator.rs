//! The Safezone and service locator, on the device.
//!
//! Without JavaScript the form posts a postcode district or town to the server. With
//! the island, the same form is answered here, from data shipped in the page, and
//! "Use my location" asks the browser for a position only after a tap. Nothing about
//! the search or the position is ever sent anywhere.

use crate::components::ResultsList;
use crate::locator::{
    not_found_words, parse_query, present, Choices, Finder, LatLon, LocalTime, ResultsView,
    AUDIENCE_CHOICES, MAX_QUERY_CHARS,
};
use crate::model::LocatorData;
use leptos::prelude::*;

/// The locator form and its answers. `choices` are the filters the server last
/// answered with, so the form shows them again.
#[island]
pub fn Locator(data: LocatorData, choices: Choices) -> impl IntoView {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    let examples = data.examples.clone();
    let hint = format!(
        "For example {} or {}. The first part of a postcode is enough, and a full postcode is cut to its first part straight away.",
        examples.district, examples.town
    );
    let scheme = data.scheme_name.clone();
    let finder = StoredValue::new(Finder::new(data));
    let (results, set_results) = signal(None::<ResultsView>);
    let (message, set_message) = signal(String::new());
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let show_safezones: NodeRef<leptos::html::Input> = NodeRef::new();
    let show_services: NodeRef<leptos::html::Input> = NodeRef::new();
    let audience: NodeRef<leptos::html::Select> = NodeRef::new();
    let open_now: NodeRef<leptos::html::Input> = NodeRef::new();

    // The choices as the form shows them now.
    let chosen = move || {
        let ticked = |field: NodeRef<leptos::html::Input>| field.get().is_some_and(|f| f.checked());
        Choices {
            show: if ticked(show_safezones) {
                "safezones"
            } else if ticked(show_services) {
                "services"
            } else {
                "all"
            }
            .to_owned(),
            audience: audience
                .get()
                .map(|field| field.value())
                .unwrap_or_default(),
            open_now: ticked(open_now),
        }
    };
    let show = move |at: LatLon, origin: String| {
        let now = uk_now();
        let Some(filter) = chosen().filter(now) else {
            set_results.set(None);
            set_message.set("Choose from the lists, then search again.".to_owned());
            return;
        };
        set_message.set(String::new());
        set_results.set(Some(
            finder.with_value(|f| present(f, &f.search(at, origin, &filter), now)),
        ));
        focus_results();
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = input.get().map(|field| field.value()).unwrap_or_default();
        match parse_query(&typed) {
            Err(problem) => {
                set_results.set(None);
                set_message.set(problem.words(&examples));
            }
            Ok(query) => match finder.with_value(|f| f.gazetteer.resolve(&query)) {
                Some((at, origin)) => show(at, origin),
                None => {
                    set_results.set(None);
                    set_message.set(finder.with_value(|f| not_found_words(&query, &f.data)));
                }
            },
        }
    };
    let on_locate = move |_| {
        set_message.set("Finding where you are. Your browser may ask you first.".to_owned());
        locate(
            move |at| show(at, "your location".to_owned()),
            move |problem| {
                set_results.set(None);
                set_message.set(problem.to_owned());
            },
        );
    };

    view! {
        <div class="locator" data-hydrated=move || hydrated.get().to_string()>
            <form class="locator-form" method="post" action="/find" on:submit=on_submit>
                <label class="locator-label" for="locator-q">"Postcode district or town"</label>
                <p class="hint" id="locator-hint">
                    {hint}
                </p>
                <fieldset class="locator-choices">
                    <legend>"Show"</legend>
                    <div class="choice">
                        <input type="radio" id="show-all" name="show" value="all" checked=choices.show != "safezones" && choices.show != "services"/>
                        <label for="show-all">"Safe places and support services"</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id="show-safezones" name="show" value="safezones" checked=choices.show == "safezones" node_ref=show_safezones/>
                        <label for="show-safezones">{format!("Only {scheme}: places to go to now")}</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id="show-services" name="show" value="services" checked=choices.show == "services" node_ref=show_services/>
                        <label for="show-services">"Only support services"</label>
                    </div>
                </fieldset>
                <label class="locator-label" for="locator-for">"Who is the help for?"</label>
                <select id="locator-for" name="for" node_ref=audience>
                    {AUDIENCE_CHOICES
                        .iter()
                        .map(|(key, label)| {
                            view! { <option value=*key selected=choices.audience == *key>{*label}</option> }
                        })
                        .collect_view()}
                </select>
                <div class="choice">
                    <input type="checkbox" id="locator-open" name="open" value="yes" checked=choices.open_now node_ref=open_now/>
                    <label for="locator-open">"Only places we know are open now"</label>
                </div>
                <div class="locator-row">
                    <input
                        id="locator-q"
                        name="q"
                        type="text"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength=MAX_QUERY_CHARS.to_string()
                        aria-describedby="locator-hint"
                        node_ref=input
                    />
                    <button type="submit" class="button">"Find help near here"</button>
                </div>
            </form>
            <p class="locator-or" hidden=move || !hydrated.get()>
                <button type="button" class="button button-secondary" id="use-location" on:click=on_locate>
                    "Use my location"
                </button>
                " Your location stays on this device. It is never sent to us or anyone else."
            </p>
            <p class="locator-message" role="status" aria-live="polite">{move || message.get()}</p>
            {move || results.get().map(|results| view! { <ResultsList results/> })}
        </div>
    }
}

/// The time now in the UK, from the device's clock.
fn uk_now() -> Option<LocalTime> {
    #[cfg(feature = "hydrate")]
    return crate::locator::uk_time(js_sys::Date::now());
    #[cfg(not(feature = "hydrate"))]
    None
}

fn focus_results() {
    #[cfg(feature = "hydrate")]
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        if let Some(heading) = document()
            .get_element_by_id("results-heading")
            .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
}

/// Asks the browser for the position, once, after a tap. Coarse positions are fine.
#[cfg(feature = "hydrate")]
fn locate(found: impl Fn(LatLon) + 'static, failed: impl Fn(&str) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Position, PositionError, PositionOptions};

    let failed = std::rc::Rc::new(failed);
    let Some(geolocation) = window().navigator().geolocation().ok() else {
        failed("This browser cannot share its location. Type a postcode district or town instead.");
        return;
    };
    let on_error = failed.clone();
    let on_call_error = failed.clone();
    let success = Closure::once_into_js(move |position: wasm_bindgen::JsValue| {
        let coords = position.unchecked_into::<Position>().coords();
        match LatLon::new(coords.latitude(), coords.longitude()) {
            Some(at) => found(at),
            None => failed("Your browser gave a location we cannot use. Type a postcode district or town instead."),
        }
    });
    let error = Closure::once_into_js(move |problem: wasm_bindgen::JsValue| {
        let denied =
            problem.unchecked_into::<PositionError>().code() == PositionError::PERMISSION_DENIED;
        on_error(if denied {
            "Location is turned off for this site. That is fine: type a postcode district or town instead."
        } else {
            "We could not get your location. Type a postcode district or town instead."
        });
    });
    let options = PositionOptions::new();
    options.set_enable_high_accuracy(false);
    options.set_maximum_age(300_000);
    options.set_timeout(20_000);
    if geolocation
        .get_current_position_with_error_callback_and_options(
            success.unchecked_ref(),
            Some(error.unchecked_ref()),
            &options,
        )
        .is_err()
    {
        on_call_error("We could not get your location. Type a postcode district or town instead.");
    }
}

#[cfg(not(feature = "hydrate"))]
fn locate(_found: impl Fn(LatLon) + 'static, _failed: impl Fn(&str) + 'static) {}
