//! "What do you need right now?": the home page's urgent-help chooser.
//!
//! The server renders every choice and every answer ([`HelpChoices`]); without
//! JavaScript each choice is a link that jumps to its answer. The island wraps that
//! markup and carries no data: once hydrated, choosing shows that one answer and moves
//! focus to it, so a frightened person sees one thing to do, with a number to tap.

use leptos::prelude::*;

#[island]
pub fn HelpChooser(children: Children) -> impl IntoView {
    let (hydrated, set_hydrated) = signal(false);
    // Effects run only in the browser: this marks the island as live for tests.
    Effect::new(move |_| set_hydrated.set(true));
    view! {
        <div class="chooser" data-hydrated=move || hydrated.get().to_string() on:click=choose>
            {children()}
        </div>
    }
}

/// The choices and their answers, as the server renders them.
#[cfg(feature = "ssr")]
#[component]
pub fn HelpChoices(routes: Vec<crate::model::HelpRoute>) -> impl IntoView {
    use crate::components::CallList;
    let choices = routes
        .iter()
        .map(|route| {
            view! {
                <li>
                    <a
                        class="chooser-choice"
                        href=format!("#help-{}", route.id)
                        aria-controls=format!("help-{}", route.id)
                    >
                        {route.choice.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let panels = routes
        .into_iter()
        .map(|route| {
            let more = route.more.map(|link| {
                view! {
                    <p>
                        <a href=link.path>{link.label}</a>
                    </p>
                }
            });
            view! {
                <section
                    id=format!("help-{}", route.id)
                    class="chooser-panel"
                    tabindex="-1"
                    aria-labelledby=format!("help-{}-heading", route.id)
                >
                    <h3 id=format!("help-{}-heading", route.id)>{route.heading}</h3>
                    <p>{route.text}</p>
                    <CallList contacts=route.contacts/>
                    {more}
                </section>
            }
        })
        .collect_view();
    view! {
        <h2 id="chooser-heading">"What do you need right now?"</h2>
        <ul class="chooser-choices" aria-labelledby="chooser-heading">
            {choices}
        </ul>
        {panels}
        <button type="button" class="chooser-reset" hidden>
            "Show all the options again"
        </button>
    }
}

/// A click anywhere in the chooser: a choice shows only its answer (and takes focus
/// to it, without a history entry); "show all" brings every answer back.
#[cfg(feature = "hydrate")]
fn choose(event: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    use web_sys::Element;
    let (Some(target), Some(chooser)) = (
        event.target().and_then(|t| t.dyn_into::<Element>().ok()),
        event
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok()),
    ) else {
        return;
    };
    if let Some(choice) = target.closest(".chooser-choice").ok().flatten() {
        event.prevent_default();
        if let Some(panel) = choice.get_attribute("aria-controls") {
            show_only(&chooser, Some(&panel));
            focus_element(panel);
        }
    } else if target.closest(".chooser-reset").ok().flatten().is_some() {
        show_only(&chooser, None);
    }
}

#[cfg(not(feature = "hydrate"))]
fn choose(_event: leptos::ev::MouseEvent) {}

/// Shows the answer with id `chosen` alone (or every answer), and marks its choice.
#[cfg(feature = "hydrate")]
fn show_only(chooser: &web_sys::Element, chosen: Option<&str>) {
    use wasm_bindgen::JsCast;
    let each = |selector: &str, act: &dyn Fn(&web_sys::Element)| {
        if let Ok(found) = chooser.query_selector_all(selector) {
            for index in 0..found.length() {
                if let Some(element) = found
                    .item(index)
                    .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
                {
                    act(&element);
                }
            }
        }
    };
    each(".chooser-panel", &|panel| {
        let hide = chosen.is_some_and(|id| id != panel.id());
        let _ = panel.toggle_attribute_with_force("hidden", hide);
    });
    each(".chooser-choice", &|choice| {
        if chosen.is_some() && choice.get_attribute("aria-controls").as_deref() == chosen {
            let _ = choice.set_attribute("aria-current", "true");
        } else {
            let _ = choice.remove_attribute("aria-current");
        }
    });
    each(".chooser-reset", &|reset| {
        let _ = reset.toggle_attribute_with_force("hidden", chosen.is_none());
    });
}

/// Moves keyboard and screen-reader focus to the element with `id`, a frame later,
/// once it is no longer hidden.
#[cfg(feature = "hydrate")]
fn focus_element(id: String) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}
