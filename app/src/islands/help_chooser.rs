//! "What do you need right now?": the home page's urgent-help chooser.
//!
//! Without JavaScript every answer is visible and each choice is a link that jumps to
//! its answer. Once hydrated, choosing shows that one answer and moves focus to it, so
//! a frightened person sees one thing to do, with a number to tap.

use crate::components::CallList;
use crate::model::HelpRoute;
use leptos::prelude::*;

#[island]
pub fn HelpChooser(routes: Vec<HelpRoute>) -> impl IntoView {
    let (selected, set_selected) = signal(None::<usize>);
    let (hydrated, set_hydrated) = signal(false);
    // Effects run only in the browser: this marks the island as live for tests.
    Effect::new(move |_| set_hydrated.set(true));

    let choices = routes
        .iter()
        .enumerate()
        .map(|(index, route)| {
            let href = format!("#help-{}", route.id);
            let panel_id = format!("help-{}", route.id);
            view! {
                <li>
                    <a
                        class="chooser-choice"
                        href=href
                        aria-controls=panel_id.clone()
                        aria-current=move || (selected.get() == Some(index)).then_some("true")
                        on:click=move |event| {
                            event.prevent_default();
                            set_selected.set(Some(index));
                            focus_element(&panel_id);
                        }
                    >
                        {route.choice.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();

    let panels = routes
        .into_iter()
        .enumerate()
        .map(|(index, route)| {
            let more = route.more.clone().map(|link| {
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
                    hidden=move || selected.get().is_some_and(|chosen| chosen != index)
                >
                    <h3 id=format!("help-{}-heading", route.id)>{route.heading.clone()}</h3>
                    <p>{route.text.clone()}</p>
                    <CallList contacts=route.contacts.clone()/>
                    {more}
                </section>
            }
        })
        .collect_view();

    view! {
        <div class="chooser" data-hydrated=move || hydrated.get().to_string()>
            <h2 id="chooser-heading">"What do you need right now?"</h2>
            <ul class="chooser-choices" aria-labelledby="chooser-heading">
                {choices}
            </ul>
            {panels}
            <button
                type="button"
                class="chooser-reset"
                hidden=move || selected.get().is_none()
                on:click=move |_| set_selected.set(None)
            >
                "Show all the options again"
            </button>
        </div>
    }
}

/// Moves keyboard and screen-reader focus to the element with `id`, if it exists.
fn focus_element(id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let id = id.to_owned();
        // Wait a frame, so the panel is no longer hidden when it takes focus.
        request_animation_frame(move || {
            if let Some(element) = document()
                .get_element_by_id(&id)
                .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}
