//! Calm pages for when something is not right: a missing page, a request we cannot
//! answer, or a fault on our side. Each one repeats the help numbers.

use crate::components::CallList;
use crate::model::Contact;
use leptos::prelude::*;

#[component]
pub fn ProblemPage(heading: String, message: String, contacts: Vec<Contact>) -> impl IntoView {
    view! {
        <h1>{heading}</h1>
        <p class="lead">{message}</p>
        <h2>"If you need help now"</h2>
        <CallList contacts/>
        <p>
            <a href="/">"Go to the home page"</a>
        </p>
    }
}
