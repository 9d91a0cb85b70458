//! The Safezone and service locator, on the device.
//!
//! Without JavaScript the form posts a postcode district or town to the server. With
//! the island, the same form is answered here, from data the page carries (packed by
//! [`crate::locator::pack`] into the element [`DATA_ELEMENT_ID`]), and "Use my
//! location" asks the browser for a position only after a tap. Nothing about the
//! search or the position is ever sent anywhere. If the data cannot be read, the form
//! is left to post to the server as it does without JavaScript.
//!
//! The island takes no props: props would be JSON, and a JSON parser would be most of
//! the WASM.

use crate::components::{FormFields, LocatorForm, ResultsList};
use crate::locator::{find, Asked, Choices, Finder, LatLon, LocalTime, ResultsView};
use crate::model::LocatorData;
use leptos::prelude::*;

/// The id of the element whose `data-locator` attribute carries the packed data.
pub const DATA_ELEMENT_ID: &str = "locator-data";

#[island]
pub fn Locator() -> impl IntoView {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    let data = island_data();
    let ready = data.is_some();
    let (scheme, examples) = data
        .as_ref()
        .map(|data| (data.scheme_name.clone(), data.examples.clone()))
        .unwrap_or_default();
    let finder = StoredValue::new(data.map(Finder::new));
    let (results, set_results) = signal(None::<ResultsView>);
    let (message, set_message) = signal(String::new());
    let fields = FormFields::new();

    // The choices as the form shows them now.
    let chosen = move || {
        let ticked = |field: NodeRef<leptos::html::Input>| field.get().is_some_and(|f| f.checked());
        Choices {
            show: if ticked(fields.show_safezones) {
                "safezones"
            } else if ticked(fields.show_services) {
                "services"
            } else {
                "all"
            }
            .to_owned(),
            audience: fields
                .audience
                .get()
                .map(|field| field.value())
                .unwrap_or_default(),
            open_now: ticked(fields.open_now),
        }
    };
    // One search, typed or located: the same `find` the server's no-JS path calls.
    let search = move |asked: Asked<'_>| {
        let answer = finder.with_value(|finder| {
            finder
                .as_ref()
                .map(|finder| find(finder, asked, &chosen(), uk_now()))
        });
        match answer {
            Some(Ok(found)) => {
                set_message.set(String::new());
                set_results.set(Some(found));
                focus_results();
            }
            Some(Err(problem)) => {
                set_results.set(None);
                set_message.set(problem.words().to_owned());
            }
            None => {}
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        if !ready {
            return; // The browser posts the form, as without JavaScript.
        }
        event.prevent_default();
        let typed = fields
            .query
            .get()
            .map(|field| field.value())
            .unwrap_or_default();
        search(Asked::Typed(&typed));
    };
    let on_locate = move |_| {
        set_message.set("Finding where you are. Your browser may ask you first.".to_owned());
        locate(
            move |at| search(Asked::Position(at)),
            move |problem| {
                set_results.set(None);
                set_message.set(problem.to_owned());
            },
        );
    };

    view! {
        <div class="locator" data-hydrated=move || hydrated.get().to_string()>
            <LocatorForm choices=Choices::default() scheme examples fields on_submit/>
            <p class="locator-or" hidden=move || !(ready && hydrated.get())>
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

/// The locator's data: on the server from the page's context, on the device from the
/// element the page carries it in.
#[cfg(feature = "hydrate")]
fn island_data() -> Option<LocatorData> {
    let packed = document()
        .get_element_by_id(DATA_ELEMENT_ID)?
        .get_attribute("data-locator")?;
    crate::locator::unpack(&packed)
}

#[cfg(not(feature = "hydrate"))]
fn island_data() -> Option<LocatorData> {
    use_context::<LocatorData>()
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
