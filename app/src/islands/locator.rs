//! The Safezone and service locator, on the device.
//!
//! Without JavaScript the form posts a postcode district or town to the server. With
//! the island, the same form is answered here, from one file of data that is the same
//! for every visitor (packed by [`crate::locator::pack`]; the element
//! [`DATA_ELEMENT_ID`] names it and says what it weighs). A small file is fetched as
//! soon as the island starts; a large one only after a tap on a button that says how
//! big it is. Until the data is here, the form posts to the server as it does without
//! JavaScript, so nobody waits for it. "Use my location" asks the browser for a
//! position only after a tap. Nothing about the search or the position is ever sent
//! anywhere by the island. If the data cannot be fetched or read, the form keeps
//! posting to the server.
//!
//! The island takes no props: props would be JSON, and a JSON parser would be most of
//! the WASM.

use crate::components::{results_html, FormFields, LocatorForm};
use crate::locator::{find, Asked, Choices, Finder, LatLon, LocalTime, Words, W};
use crate::model::Examples;
use leptos::prelude::*;

/// The id of the element whose `data-` attributes name the data file.
pub const DATA_ELEMENT_ID: &str = "locator-data";

/// Data files up to this size are fetched at once; larger ones after a tap.
pub const FETCH_AT_ONCE_BYTES: usize = 300 * 1024;

/// What the island needs before its data arrives: where the data is, what it
/// weighs, the words of the page's language, and where the form posts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocatorSetup {
    pub src: String,
    pub compressed_bytes: usize,
    pub places: usize,
    pub scheme: String,
    pub examples: Examples,
    pub words: Words,
    pub action: String,
}

#[island]
pub fn Locator() -> impl IntoView {
    let (hydrated, set_hydrated) = signal(false);
    let setup = island_setup().unwrap_or_default();
    let words = StoredValue::new(setup.words.clone());
    let say = move |word: W| words.with_value(|words| words[word].to_owned());
    let large = setup.compressed_bytes > FETCH_AT_ONCE_BYTES;
    let (ready, set_ready) = signal(false);
    let (fetching, set_fetching) = signal(false);
    let finder = StoredValue::new(None::<Finder>);
    // The answer as HTML, set in one go (see `components::results`).
    let (results, set_results) = signal(String::new());
    let (message, set_message) = signal(String::new());
    let fields = FormFields::new();

    let src = setup.src.clone();
    let example = setup.examples.district.clone();
    let get_data = move || {
        if fetching.get_untracked() || ready.get_untracked() || src.is_empty() {
            return;
        }
        set_fetching.set(true);
        let example = example.clone();
        fetch_data(src.clone(), move |found| {
            set_fetching.set(false);
            match found {
                Some(loaded) => {
                    // One search nobody sees, while the person is still typing: the
                    // browser compiles the search and the answer's writer on their first
                    // run, which made the first real answer take three times as long.
                    let warm = Choices {
                        open_now: true,
                        ..Choices::default()
                    };
                    words.with_value(|words| {
                        let found = find(&loaded, Asked::Typed(&example), &warm, uk_now(), words);
                        let _ = found.map(|found| results_html(&found, words));
                    });
                    finder.set_value(Some(loaded));
                    set_ready.set(true);
                }
                None => set_message.set(say(W::DownloadFailed)),
            }
        });
    };
    let start = get_data.clone();
    Effect::new(move |_| {
        set_hydrated.set(true);
        if !large {
            start();
        }
    });

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
        let answer = words.with_value(|words| {
            finder.with_value(|finder| {
                finder.as_ref().map(|finder| {
                    find(finder, asked, &chosen(), uk_now(), words)
                        .map(|found| results_html(&found, words))
                        .map_err(|problem| problem.words(words).to_owned())
                })
            })
        });
        match answer {
            Some(Ok(html)) => {
                set_message.set(String::new());
                set_results.set(html);
                focus_results();
            }
            Some(Err(problem)) => {
                set_results.set(String::new());
                set_message.set(problem);
            }
            None => {}
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        if !ready.get_untracked() {
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
        set_message.set(say(W::Locating));
        locate(
            move |at| search(Asked::Position(at)),
            move |problem| {
                set_results.set(String::new());
                set_message.set(say(problem));
            },
        );
    };
    let download_words = setup.words.fill(
        W::DownloadButton,
        &[
            ("places", &setup.places.to_string()),
            ("size", &crate::locator::size_words(setup.compressed_bytes)),
        ],
    );
    let downloading = say(W::Downloading);
    let on_download = move |_| get_data();

    view! {
        <div class="locator" data-hydrated=move || hydrated.get().to_string() data-ready=move || ready.get().to_string()>
            <LocatorForm choices=Choices::default() scheme=setup.scheme examples=setup.examples words=setup.words action=setup.action fields on_submit/>
            <p class="locator-or" hidden=move || !(large && hydrated.get() && !ready.get())>
                <button type="button" class="button button-secondary" id="download-places" on:click=on_download disabled=move || fetching.get()>
                    {move || if fetching.get() { downloading.clone() } else { download_words.clone() }}
                </button>
            </p>
            <p class="locator-or" hidden=move || !(ready.get() && hydrated.get())>
                <button type="button" class="button button-secondary" id="use-location" on:click=on_locate>
                    {say(W::UseLocation)}
                </button>
                {format!(" {}", say(W::LocationPrivate))}
            </p>
            <p class="locator-message" role="status" aria-live="polite">{move || message.get()}</p>
            <div class="locator-answer" inner_html=move || results.get()></div>
        </div>
    }
}

/// What the island needs first: on the server from the page's context, on the device
/// from the element the page names the data file in.
#[cfg(feature = "hydrate")]
fn island_setup() -> Option<LocatorSetup> {
    let element = document().get_element_by_id(DATA_ELEMENT_ID)?;
    let text = |name: &str| element.get_attribute(name).unwrap_or_default();
    let number = |name: &str| text(name).parse().unwrap_or_default();
    Some(LocatorSetup {
        src: text("data-src"),
        compressed_bytes: number("data-bytes"),
        places: number("data-places"),
        scheme: text("data-scheme"),
        examples: Examples {
            district: text("data-district"),
            town: text("data-town"),
        },
        // Without the page's words the island does not take over: the form posts, and
        // the server answers in the page's language.
        words: Words::decode(&text("data-words"))?,
        action: text("data-action"),
    })
}

#[cfg(not(feature = "hydrate"))]
fn island_setup() -> Option<LocatorSetup> {
    use_context::<LocatorSetup>()
}

/// Fetches the data file whole from this site and reads it; `done` gets the finder, or
/// `None` if the file could not be fetched or read. Promise callbacks rather than an
/// async task: an executor and futures would add kilobytes to the WASM.
#[cfg(feature = "hydrate")]
fn fetch_data(src: String, done: impl FnOnce(Option<Finder>) + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    // Whichever callback runs first calls `done`, once.
    type Done = Box<dyn FnOnce(Option<Finder>)>;
    let done: Rc<Cell<Option<Done>>> = Rc::new(Cell::new(Some(Box::new(done))));
    let finish = move |found: Option<Finder>| {
        if let Some(done) = done.take() {
            done(found);
        }
    };
    let (on_text, on_failure, on_text_failure) = (finish.clone(), finish.clone(), finish.clone());
    let read = Closure::once(move |text: JsValue| {
        on_text(
            text.as_string()
                .and_then(|text| crate::locator::unpack(&text))
                .map(Finder::new),
        );
    });
    let failed = Closure::once(move |_: JsValue| on_failure(None));
    let text_failed = Closure::once(move |_: JsValue| on_text_failure(None));
    let got = Closure::once(move |response: JsValue| {
        let text = response
            .dyn_into::<web_sys::Response>()
            .ok()
            .filter(web_sys::Response::ok)
            .and_then(|response| response.text().ok());
        match text {
            Some(text) => {
                let _ = text.then2(&read, &text_failed);
                // Each runs at most once, when the promise settles; JS holds them.
                read.forget();
                text_failed.forget();
            }
            None => finish(None),
        }
    });
    let _ = window().fetch_with_str(&src).then2(&got, &failed);
    got.forget();
    failed.forget();
}

#[cfg(not(feature = "hydrate"))]
fn fetch_data(_src: String, _done: impl FnOnce(Option<Finder>) + 'static) {}

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
fn locate(found: impl Fn(LatLon) + 'static, failed: impl Fn(W) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Position, PositionError, PositionOptions};

    let failed = std::rc::Rc::new(failed);
    let Some(geolocation) = window().navigator().geolocation().ok() else {
        failed(W::LocationUnsupported);
        return;
    };
    let on_error = failed.clone();
    let on_call_error = failed.clone();
    let success = Closure::once_into_js(move |position: wasm_bindgen::JsValue| {
        let coords = position.unchecked_into::<Position>().coords();
        match LatLon::new(coords.latitude(), coords.longitude()) {
            Some(at) => found(at),
            None => failed(W::LocationUnusable),
        }
    });
    let error = Closure::once_into_js(move |problem: wasm_bindgen::JsValue| {
        let denied =
            problem.unchecked_into::<PositionError>().code() == PositionError::PERMISSION_DENIED;
        on_error(if denied {
            W::LocationDenied
        } else {
            W::LocationFailed
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
        on_call_error(W::LocationFailed);
    }
}

#[cfg(not(feature = "hydrate"))]
fn locate(_found: impl Fn(LatLon) + 'static, _failed: impl Fn(W) + 'static) {}
