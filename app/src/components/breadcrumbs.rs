//! The trail back to the home page, and to the section when there is one.

use crate::model::Section;
use leptos::prelude::*;

#[component]
pub fn Breadcrumbs(section: Option<Section>) -> impl IntoView {
    let section = section.map(|section| {
        let href = section.path();
        view! {
            <li>
                <a href=href>{section.title}</a>
            </li>
        }
    });
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <ol>
                <li>
                    <a href="/">"Home"</a>
                </li>
                {section}
            </ol>
        </nav>
    }
}
