//! The locator's search form. The island wraps it and answers it on the device; the
//! page the server sends back after a search posted without JavaScript shows the same
//! form with no island, so that answer stays small and loads no WASM.

use crate::locator::{Choices, AUDIENCE_CHOICES, MAX_QUERY_CHARS};
use crate::model::Examples;
use leptos::html::{Input, Select};
use leptos::prelude::*;

/// The form's fields, for reading what someone chose.
#[derive(Clone, Copy)]
pub struct FormFields {
    pub query: NodeRef<Input>,
    pub show_safezones: NodeRef<Input>,
    pub show_services: NodeRef<Input>,
    pub audience: NodeRef<Select>,
    pub open_now: NodeRef<Input>,
}

impl FormFields {
    pub fn new() -> FormFields {
        FormFields {
            query: NodeRef::new(),
            show_safezones: NodeRef::new(),
            show_services: NodeRef::new(),
            audience: NodeRef::new(),
            open_now: NodeRef::new(),
        }
    }
}

impl Default for FormFields {
    fn default() -> Self {
        FormFields::new()
    }
}

/// The search form, showing `choices` as last made. `on_submit` runs only where an
/// island has hydrated it; otherwise the browser posts the form to the server.
#[component]
pub fn LocatorForm<F>(
    choices: Choices,
    scheme: String,
    examples: Examples,
    fields: FormFields,
    on_submit: F,
) -> impl IntoView
where
    F: Fn(leptos::ev::SubmitEvent) + 'static,
{
    let hint = format!(
        "For example {} or {}. The first part of a postcode is enough, and a full postcode is cut to its first part straight away.",
        examples.district, examples.town
    );
    view! {
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
                    <input type="radio" id="show-safezones" name="show" value="safezones" checked=choices.show == "safezones" node_ref=fields.show_safezones/>
                    <label for="show-safezones">{format!("Only {scheme}: places to go to now")}</label>
                </div>
                <div class="choice">
                    <input type="radio" id="show-services" name="show" value="services" checked=choices.show == "services" node_ref=fields.show_services/>
                    <label for="show-services">"Only support services"</label>
                </div>
            </fieldset>
            <label class="locator-label" for="locator-for">"Who is the help for?"</label>
            <select id="locator-for" name="for" node_ref=fields.audience>
                {AUDIENCE_CHOICES
                    .iter()
                    .map(|(key, label)| {
                        view! { <option value=*key selected=choices.audience == *key>{*label}</option> }
                    })
                    .collect_view()}
            </select>
            <div class="choice">
                <input type="checkbox" id="locator-open" name="open" value="yes" checked=choices.open_now node_ref=fields.open_now/>
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
                    node_ref=fields.query
                />
                <button type="submit" class="button">"Find help near here"</button>
            </div>
        </form>
    }
}
