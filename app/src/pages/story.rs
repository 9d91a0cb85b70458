//! The share-your-story form (`/share-your-story`). A plain form that posts to the
//! server, which seals the story at once for the team's key alone and answers on this
//! same page: received, or not sent yet with every word kept in the form.

use crate::model::{
    StoryDraft, StoryOutcome, AGE_BANDS, MAX_HELPED_CHARS, MAX_TOLD_CHARS, MAX_TOWN_CHARS,
    STORY_PATH,
};
use leptos::prelude::*;

#[component]
pub fn StoryPage(
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
    if outcome == StoryOutcome::Received {
        return view! {
            <h1>"Thank you for telling us"</h1>
            <p class="lead" id="story-received">
                "Your story has reached us. It was locked the moment it arrived, so only the team that reads stories can open it."
            </p>
            <p>"Nothing you wrote is kept on this phone or in this browser. If you are in danger now, call "<a href="tel:999" class="call-number">"999"</a>"."</p>
            {updates.map(|path| view! {
                <p><a href=path id="you-said-we-did">"You said, we did: what we have changed because of what people told us"</a></p>
            })}
            <p><a href="/">"Back to the home page"</a></p>
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
        .map(|band| {
            let chosen = draft.age == *band;
            view! { <option value=*band selected=chosen>{*band}</option> }
        })
        .collect_view();
    let quote_yes = draft.quote == "yes";
    view! {
        <h1>"Share your story"</h1>
        <p class="lead">
            {format!("Tell us what happened to you, or what you want us to know about getting help in {area}. What people tell us shapes the help the council pays for, and we publish what we changed because of it.")}
        </p>
        <h2>"What happens to your story"</h2>
        <ul>
            <li>"It is locked the moment it reaches us. Only the small team that reads stories can unlock it, on its own computers. The website cannot read it."</li>
            <li>"We do not ask for your name, email or phone number. We do not keep your internet address or the time you sent it, only the month."</li>
            <li>{format!("We delete stories after {keep_months} months.")}</li>
            <li>"Nothing you type is saved on this phone or in this browser."</li>
        </ul>
        <p class="notice notice-urgent">
            <strong>"Please do not write names, addresses or anything else that could show who you or anyone else is."</strong>
            " This form is not for getting help. If you are in danger now, call "
            <a href="tel:999" class="call-number">"999"</a>"."
        </p>
        {problem.map(|message| view! { <p class="notice notice-problem" id="story-problem" role="alert">{message}</p> })}
        <form class="story-form" method="post" action=STORY_PATH autocomplete="off">
            <div class="story-field">
                <label class="locator-label" for="story-told">"What happened, or what do you want us to know?"</label>
                <textarea id="story-told" name="told" rows="8" required maxlength=MAX_TOLD_CHARS.to_string()>{draft.told}</textarea>
            </div>
            <div class="story-field">
                <label class="locator-label" for="story-helped">"What helped, and what did not? (optional)"</label>
                <textarea id="story-helped" name="helped" rows="5" maxlength=MAX_HELPED_CHARS.to_string()>{draft.helped}</textarea>
            </div>
            <fieldset class="locator-choices">
                <legend>"Which services did you use? (optional)"</legend>
                {service_choices}
            </fieldset>
            <div class="story-field">
                <label class="locator-label" for="story-town">"Your town (optional)"</label>
                <input type="text" id="story-town" name="town" maxlength=MAX_TOWN_CHARS.to_string() value=draft.town/>
            </div>
            <div class="story-field">
                <label class="locator-label" for="story-age">"Your age (optional)"</label>
                <select id="story-age" name="age">
                    <option value="">"Choose if you like"</option>
                    {ages}
                </select>
            </div>
            <fieldset class="locator-choices">
                <legend>"May we quote what you wrote, with nothing that shows who you are?"</legend>
                <div class="choice">
                    <input type="radio" id="story-quote-yes" name="quote" value="yes" checked=quote_yes/>
                    <label for="story-quote-yes">"Yes"</label>
                </div>
                <div class="choice">
                    <input type="radio" id="story-quote-no" name="quote" value="no" checked=!quote_yes/>
                    <label for="story-quote-no">"No"</label>
                </div>
            </fieldset>
            // A field people never see or fill: only programs that fill every field do.
            <div class="story-trap" aria-hidden="true">
                <label for="story-website">"Leave this empty"</label>
                <input type="text" id="story-website" name="website" tabindex="-1" autocomplete="off"/>
            </div>
            <button type="submit" class="button">"Send your story"</button>
        </form>
    }
    .into_any()
}
