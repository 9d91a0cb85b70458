//! The frame of every page: exit controls first, header and navigation, the main
//! content, and a footer with the help numbers.

use super::CallList;
use crate::model::{Section, Settings, Strings};
use leptos::prelude::*;

/// A link to a page in a language, named in that language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageLink {
    pub name: String,
    /// The `lang` of the page it opens.
    pub code: String,
    pub href: String,
}

/// A list of links to pages in other languages, each marked with its language.
#[component]
fn LanguageLinks(links: Vec<LanguageLink>) -> impl IntoView {
    links
        .into_iter()
        .map(|link| {
            view! {
                <li>
                    <a href=link.href lang=link.code.clone() hreflang=link.code>
                        {link.name}
                    </a>
                </li>
            }
        })
        .collect_view()
}

/// The whole `<body>` content around a page's main content.
#[component]
pub fn Layout(
    settings: Settings,
    sections: Vec<Section>,
    /// The section the page belongs to, marked as current in the navigation.
    #[prop(optional)]
    current_section: Option<String>,
    /// The frame's words, in the language of the page.
    strings: Strings,
    /// Set when the page is not in the site's own language: the parts of the frame
    /// that stay in the site's language (section names, helpline names) say so.
    #[prop(optional)]
    page_language: Option<String>,
    /// This page in other languages, shown above the content.
    #[prop(optional)]
    this_page_in: Vec<LanguageLink>,
    /// The home of each language the site offers, shown in the footer.
    #[prop(optional)]
    language_homes: Vec<LanguageLink>,
    /// The story form's address and name in the page's language, when the team has
    /// set it up: it is always in the footer then.
    story_link: Option<(String, String)>,
    children: Children,
) -> impl IntoView {
    let site_language = page_language.as_ref().map(|_| settings.language.clone());
    // The site's name leads home: for a page in another language, to that language's.
    let home = page_language
        .as_deref()
        .filter(|code| !code.is_empty())
        .map_or_else(|| "/".to_owned(), |code| format!("/{code}"));
    // The locator, in the page's language too.
    let find = page_language
        .as_deref()
        .filter(|code| !code.is_empty())
        .map_or_else(
            || crate::model::FIND_PATH.to_owned(),
            |code| format!("/{code}{}", crate::model::FIND_PATH),
        );
    let switcher = (!this_page_in.is_empty()).then(|| {
        view! {
            <nav class="language-switcher" aria-label=strings.languages.clone()>
                <ul>
                    <LanguageLinks links=this_page_in/>
                </ul>
            </nav>
        }
    });
    let homes = (!language_homes.is_empty()).then(|| {
        view! {
            <nav class="language-homes" aria-label=strings.languages.clone()>
                <ul class="footer-links">
                    <LanguageLinks links=language_homes/>
                </ul>
            </nav>
        }
    });
    let nav_items = sections
        .into_iter()
        .map(|section| {
            let href = section.path();
            let is_current = current_section.as_deref() == Some(section.id.as_str());
            view! {
                <li>
                    <a
                        href=href
                        aria-current=is_current.then_some("page")
                        lang=site_language.clone()
                    >
                        {section.title}
                    </a>
                </li>
            }
        })
        .collect_view();
    let footer_links = settings
        .footer_links
        .iter()
        .map(|link| (link.path.clone(), link.label.clone()))
        .chain(story_link)
        .map(|(path, label)| {
            view! {
                <li>
                    <a href=path>{label}</a>
                </li>
            }
        })
        .collect_view();

    view! {
        // The first control of every page leaves the site: a hidden twin for keyboard
        // and screen-reader users, shown when it has focus.
        <a class="skip-link exit-twin" href=settings.exit_url.clone() rel="nofollow noreferrer" data-exit="">
            {strings.exit_now.clone()}
        </a>
        <a class="skip-link" href="#main">
            {strings.skip.clone()}
        </a>
        <div class="exit-bar">
            <a
                class="exit-link"
                id="exit-link"
                href=settings.exit_url.clone()
                rel="nofollow noreferrer"
                data-exit=""
            >
                {strings.exit.clone()}
            </a>
            <a class="exit-help" href=settings.exit_help_path.clone()>
                {strings.exit_help.clone()}
            </a>
        </div>
        // Where the exit script announces each shortcut key press to screen readers.
        <div id="exit-status" class="visually-hidden" role="status" aria-live="polite"></div>
        <header class="site-header">
            <a class="site-name" href=home>
                {settings.site_name.clone()}
            </a>
            // On a small screen the sections fold behind one button, so the page's own
            // heading comes first; on a wide one they are a plain list. No script.
            <details class="site-menu">
                <summary class="site-menu-button">{strings.menu.clone()}</summary>
                <nav class="site-nav" aria-label="Sections">
                    <ul>
                        <li>
                            <a href=find class="nav-find">
                                {strings.find_help.clone()}
                            </a>
                        </li>
                        {nav_items}
                    </ul>
                </nav>
            </details>
        </header>
        <main id="main" class="site-main" tabindex="-1">
            {switcher}
            {children()}
        </main>
        <footer class="site-footer">
            <h2 class="footer-heading">{strings.help_now.clone()}</h2>
            <div lang=site_language.clone()>
                <CallList contacts=settings.footer_contacts.clone()/>
            </div>
            <p class="silent-call">{strings.silent_call_note.clone()}</p>
            {homes}
            <nav aria-label="About this site" lang=site_language>
                <ul class="footer-links">{footer_links}</ul>
            </nav>
            <p class="footer-note">{strings.no_trace.clone()}</p>
        </footer>
    }
}
