//! The share-your-story form (`/share-your-story`). A plain form that posts to the
//! server, which seals the story at once for the team's key alone and answers on this
//! same page: received, or not sent yet with every word kept in the form.

use crate::model::{
    StoryDraft, StoryOutcome, StoryWords, AGE_BANDS, AGE_WORDS, MAX_HELPED_CHARS, MAX_TOLD_CHARS,
    MAX_TOWN_CHARS, S,
};
use leptos::prelude::*;

/// The form in `words`, posting to `action` (the form's address in the page's
/// language); `home` is the language's home, and `in_english` the words that say a
/// link opens a page only in English (for a page in another language).
#[component]
pub fn StoryPage(
    words: StoryWords,
    action: String,
    home: String,
    in_english: Option<String>,
    area: String,
    keep_months: u32,
    services: Vec<String>,
    /// The "You said, we did" section's address, when the site has one.
    updates: Option<String>,
    outcome: StoryOutcome,
) -> impl IntoView {
    let (problem, draft) = match &outcome {
        StoryOutcome::NotSent(message, draft) => (Some(message.clone()), (**draft).clone()),
        _ => (None, StoryDraft::default()),
    };
    let say = |word: S| words[word].to_owned();
    if outcome == StoryOutcome::Received {
        // "You said, we did" is in the site's language only.
        let marker = in_english.map(|words| view! { " " <span class="in-english">{words}</span> });
        let hreflang = marker.is_some().then_some("en");
        return view! {
            <h1>{say(S::ReceivedHeading)}</h1>
            <p class="lead" id="story-received">{say(S::ReceivedLead)}</p>
            <p>{format!("{} ", say(S::NothingKept))}<a href="tel:999" class="call-number">"999"</a>"."</p>
            {updates.map(|path| view! {
                <p><a href=path id="you-said-we-did" hreflang=hreflang>{say(S::YouSaid)}{marker}</a></p>
            })}
            <p><a href=home>{say(S::BackHome)}</a></p>
        }
        .into_any();
    }
    let service_choices = services
        .into_iter()
        .enumerate()
        .map(|(index, name)| {
            let id = format!("story-service-{index}");
            let ticked = draft.services.contains(&name);
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name="services" value=name.clone() checked=ticked/>
                    <label for=id>{name}</label>
                </div>
            }
        })
        .collect_view();
    let ages = AGE_BANDS
        .iter()
        .zip(AGE_WORDS)
        .map(|(band, word)| {
            let chosen = draft.age == *band;
            view! { <option value=*band selected=chosen>{say(word)}</option> }
        })
        .collect_view();
    let quote_yes = draft.quote == "yes";
    view! {
        <h1>{say(S::Heading)}</h1>
        <p class="lead">{words.fill(S::Lead, &[("area", &area)])}</p>
        <h2>{say(S::WhatHappens)}</h2>
        <ul>
            <li>{say(S::Locked)}</li>
            <li>{say(S::NoDetails)}</li>
            <li>{words.fill(S::Deleted, &[("months", &keep_months.to_string())])}</li>
            <li>{say(S::NotSaved)}</li>
        </ul>
        <p class="notice notice-urgent">
            <strong>{say(S::NoNames)}</strong>
            {format!(" {} ", say(S::NotForHelp))}
            <a href="tel:999" class="call-number">"999"</a>"."
        </p>
        {problem.map(|message| view! { <p class="notice notice-problem" id="story-problem" role="alert">{message}</p> })}
        <form class="story-form" method="post" action=action autocomplete="off">
            <div class="story-field">
                <label class="locator-label" for="story-told">{say(S::ToldLabel)}</label>
                <textarea id="story-told" name="told" rows="8" required maxlength=MAX_TOLD_CHARS.to_string()>{draft.told}</textarea>
            </div>
            <div class="story-field">
                <label class="locator-label" for="story-helped">{say(S::HelpedLabel)}</label>
                <textarea id="story-helped" name="helped" rows="5" maxlength=MAX_HELPED_CHARS.to_string()>{draft.helped}</textarea>
            </div>
            <fieldset class="locator-choices">
                <legend>{say(S::ServicesLegend)}</legend>
                {service_choices}
            </fieldset>
            <div class="story-field">
                <label class="locator-label" for="story-town">{say(S::TownLabel)}</label>
                <input type="text" id="story-town" name="town" maxlength=MAX_TOWN_CHARS.to_string() value=draft.town/>
            </div>
            <div class="story-field">
                <label class="locator-label" for="story-age">{say(S::AgeLabel)}</label>
                <select id="story-age" name="age">
                    <option value="">{say(S::AgeChoose)}</option>
                    {ages}
                </select>
            </div>
            <fieldset class="locator-choices">
                <legend>{say(S::QuoteLegend)}</legend>
                <div class="choice">
                    <input type="radio" id="story-quote-yes" name="quote" value="yes" checked=quote_yes/>
                    <label for="story-quote-yes">{say(S::Yes)}</label>
                </div>
                <div class="choice">
                    <input type="radio" id="story-quote-no" name="quote" value="no" checked=!quote_yes/>
                    <label for="story-quote-no">{say(S::No)}</label>
                </div>
            </fieldset>
            // A field people never see or fill: only programs that fill every field do.
            <div class="story-trap" aria-hidden="true">
                <label for="story-website">{say(S::TrapLabel)}</label>
                <input type="text" id="story-website" name="website" tabindex="-1" autocomplete="off"/>
            </div>
            <button type="submit" class="button">{say(S::Send)}</button>
        </form>
    }
    .into_any()
}
