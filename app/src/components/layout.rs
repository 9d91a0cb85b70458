//! The frame of every page: exit controls first, header and navigation, the main
//! content, and a footer with the help numbers.

use super::CallList;
use crate::model::{Section, Settings};
use leptos::prelude::*;

/// The whole `<body>` content around a page's main content.
#[component]
pub fn Layout(
    settings: Settings,
    sections: Vec<Section>,
    /// The section the page belongs to, marked as current in the navigation.
    #[prop(optional)]
    current_section: Option<String>,
    children: Children,
) -> impl IntoView {
    let nav_items = sections
        .into_iter()
        .map(|section| {
            let href = section.path();
            let is_current = current_section.as_deref() == Some(section.id.as_str());
            view! {
                <li>
                    <a href=href aria-current=is_current.then_some("page")>
                        {section.title}
                    </a>
                </li>
            }
        })
        .collect_view();
    let footer_links = settings
        .footer_links
        .iter()
        .map(|link| {
            view! {
                <li>
                    <a href=link.path.clone()>{link.label.clone()}</a>
                </li>
            }
        })
        .collect_view();

    view! {
        // The first control of every page leaves the site: a hidden twin for keyboard
        // and screen-reader users, shown when it has focus.
        <a class="skip-link exit-twin" href=settings.exit_url.clone() rel="nofollow noreferrer" data-exit="">
            "Exit this page now"
        </a>
        <a class="skip-link" href="#main">
            "Skip to main content"
        </a>
        <div class="exit-bar">
            <a
                class="exit-link"
                id="exit-link"
                href=settings.exit_url.clone()
                rel="nofollow noreferrer"
                data-exit=""
            >
                "Exit this page"
            </a>
            <a class="exit-help" href=settings.exit_help_path.clone()>
                "How leaving quickly works"
            </a>
        </div>
        // Where the exit script announces each shortcut key press to screen readers.
        <div id="exit-status" class="visually-hidden" role="status" aria-live="polite"></div>
        <header class="site-header">
            <a class="site-name" href="/">
                {settings.site_name.clone()}
            </a>
            <nav class="site-nav" aria-label="Sections">
                <ul>
                    <li>
                        <a href="/find" class="nav-find">
                            "Find help near you"
                        </a>
                    </li>
                    {nav_items}
                </ul>
            </nav>
        </header>
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <h2 class="footer-heading">"Help now"</h2>
            <CallList contacts=settings.footer_contacts.clone()/>
            <p class="silent-call">{settings.silent_call_note.clone()}</p>
            <nav aria-label="About this site">
                <ul class="footer-links">{footer_links}</ul>
            </nav>
            <p class="footer-note">
                "This site sets no cookies, stores nothing on your device and keeps no record of your visit."
            </p>
        </footer>
    }
}
