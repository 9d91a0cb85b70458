//! The locator's search form. The island wraps it and answers it on the device; the
//! page the server sends back after a search posted without JavaScript shows the same
//! form with no island, so that answer stays small and loads no WASM.

use crate::locator::{Choices, Words, AUDIENCE_CHOICES, MAX_QUERY_CHARS, W};
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

/// The search form, showing `choices` as last made, in `words`, posting to `action`
/// (the locator's address in the page's language). `on_submit` runs only where an
/// island has hydrated it; otherwise the browser posts the form to the server.
#[component]
pub fn LocatorForm<F>(
    choices: Choices,
    scheme: String,
    examples: Examples,
    words: Words,
    action: String,
    fields: FormFields,
    on_submit: F,
) -> impl IntoView
where
    F: Fn(leptos::ev::SubmitEvent) + 'static,
{
    let hint = words.fill(
        W::QueryHint,
        &[("district", &examples.district), ("town", &examples.town)],
    );
    let say = |word: W| words[word].to_owned();
    view! {
        <form class="locator-form" method="post" action=action on:submit=on_submit>
            <label class="locator-label" for="locator-q">{say(W::QueryLabel)}</label>
            <p class="hint" id="locator-hint">
                {hint}
            </p>
            <fieldset class="locator-choices">
                <legend>{say(W::ShowLegend)}</legend>
                <div class="choice">
                    <input type="radio" id="show-all" name="show" value="all" checked=choices.show != "safezones" && choices.show != "services"/>
                    <label for="show-all">{say(W::ShowAll)}</label>
                </div>
                <div class="choice">
                    <input type="radio" id="show-safezones" name="show" value="safezones" checked=choices.show == "safezones" node_ref=fields.show_safezones/>
                    <label for="show-safezones">{words.fill(W::ShowSafezones, &[("scheme", &scheme)])}</label>
                </div>
                <div class="choice">
                    <input type="radio" id="show-services" name="show" value="services" checked=choices.show == "services" node_ref=fields.show_services/>
                    <label for="show-services">{say(W::ShowServices)}</label>
                </div>
            </fieldset>
            <label class="locator-label" for="locator-for">{say(W::AudienceLabel)}</label>
            <select id="locator-for" name="for" node_ref=fields.audience>
                {AUDIENCE_CHOICES
                    .iter()
                    .map(|(key, label)| {
                        view! { <option value=*key selected=choices.audience == *key>{say(*label)}</option> }
                    })
                    .collect_view()}
            </select>
            <div class="choice">
                <input type="checkbox" id="locator-open" name="open" value="yes" checked=choices.open_now node_ref=fields.open_now/>
                <label for="locator-open">{say(W::OpenOnly)}</label>
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
                <button type="submit" class="button">{say(W::Submit)}</button>
            </div>
        </form>
    }
}
