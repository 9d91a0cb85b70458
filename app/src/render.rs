//! Renders a route of the site into a complete HTML document. The server calls this
//! once per route at load time and serves the result from memory.

use crate::components::{LanguageLink, Layout};
use crate::model::{
    Language, Page, Section, Site, StoryWords, Strings, TextDirection, S, STORY_PATH,
};
use crate::pages::{
    ArticlePage, FindAnswer, FindPage, HomePage, LanguageHome, ProblemPage, SectionPage, StoryPage,
    TranslatedPage,
};
pub use crate::pages::{FindOutcome, ANSWER_SLOT};
use crate::phrases::Key;
use leptos::config::LeptosOptions;
use leptos::hydration::HydrationScripts;
use leptos::prelude::*;

/// What to render.
pub enum Route<'a> {
    /// The home page, from the content page at "/".
    Home(&'a Page),
    Article(&'a Page),
    Section(&'a Section),
    /// The locator page, with what the server found and the choices it used, in a
    /// language besides the site's own (at `/<code>/find`) or in the site's (at
    /// [`FIND_PATH`]).
    Find(FindOutcome, crate::locator::Choices, Option<&'a Language>),
    /// One of the calm problem pages.
    Problem(Problem),
    /// The share-your-story form, and what became of a story sent, in a language
    /// besides the site's own (at `/<code>/share-your-story`) or in the site's.
    Story(crate::model::StoryOutcome, Option<&'a Language>),
    /// A language's home, listing its translated pages.
    Language(&'a Language),
}

pub use crate::model::FIND_PATH;

/// The problem pages the server can answer with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    NotFound,
    MethodNotAllowed,
    ServerError,
}

impl Problem {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Problem::NotFound => (
                "We cannot find that page",
                "The address may be mistyped, or the page may have moved. Nothing about your visit has been recorded.",
            ),
            Problem::MethodNotAllowed => (
                "That did not work",
                "This page cannot be used that way. Go back and try again, or use the links below.",
            ),
            Problem::ServerError => (
                "Sorry, something went wrong on our side",
                "Please try again in a moment. If you need help now, the numbers below are always there.",
            ),
        }
    }
}

/// The quick-exit script, inlined in every page's head so that it runs before anything
/// else loads (see `exit.js`). Comments and indentation are removed once, at load.
pub fn exit_script() -> &'static str {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| {
        include_str!("exit.js")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Renders `route` of `site` to a complete HTML document that links the stylesheet.
pub fn render_document(site: &Site, route: &Route<'_>, options: &LeptosOptions) -> String {
    render_document_styled(site, route, options, "")
}

/// Renders `route` of `site` with the stylesheet `css` inside the page (allowed by its
/// hash in the policy), so the first paint needs no second round trip. Every answer is
/// `no-store`, so a separate stylesheet would buy no caching, only that trip. With no
/// `css`, the page links the stylesheet instead.
pub fn render_document_styled(
    site: &Site,
    route: &Route<'_>,
    options: &LeptosOptions,
    css: &str,
) -> String {
    // Components run as the view is built, so all of it is built under a root with
    // the server's shared context (islands that wrap server-rendered children need it).
    let context = std::sync::Arc::new(hydration_context::SsrSharedContext::new());
    let html = Owner::new_root(Some(context)).with(|| document_html(site, route, options, css));
    // Leptos marks some boundaries with "<!>", which HTML parsers accept but report as
    // an abruptly closed comment. "<!---->" is the same empty comment, written validly.
    html.replace("<!>", "<!---->")
}

/// Renders only the answer to a search posted without JavaScript, for the slot of the
/// page rendered once with [`FindOutcome::Frame`]. Frame and answer together are the
/// same bytes as the whole page rendered with `outcome` (a test holds them to it).
pub fn render_find_answer(
    site: &Site,
    outcome: FindOutcome,
    choices: crate::locator::Choices,
    language: Option<&Language>,
) -> String {
    let (words, action) = find_words(language);
    let context = std::sync::Arc::new(hydration_context::SsrSharedContext::new());
    let html = Owner::new_root(Some(context)).with(|| {
        view! {
            <FindAnswer
                outcome
                choices
                scheme=site.locator.scheme_name.clone()
                examples=site.locator.examples.clone()
                words
                action
            />
        }
        .to_html()
    });
    html.replace("<!>", "<!---->")
}

/// The scheme's name for one place ("Safe Zone"), as on its stickers.
fn scheme_one(site: &Site) -> String {
    site.locator.scheme_name.trim_end_matches('s').to_owned()
}

/// The story form's words in `language` (English without one).
fn story_words(language: Option<&Language>) -> StoryWords {
    language.map_or_else(StoryWords::english, |language| language.story.clone())
}

/// The locator's words in `language` (English without one), and where its form posts.
fn find_words(language: Option<&Language>) -> (crate::locator::Words, String) {
    language.map_or_else(
        || (crate::locator::Words::english(), FIND_PATH.to_owned()),
        |language| (language.locator.clone(), language.find_path()),
    )
}

fn document_html(site: &Site, route: &Route<'_>, options: &LeptosOptions, css: &str) -> String {
    let settings = site.settings.clone();
    let (title, current_section, has_islands) = match route {
        Route::Home(page) => (page.title.clone(), None, false),
        Route::Article(page) => (page.title.clone(), Some(page.section.clone()), false),
        Route::Section(section) => (section.title.clone(), Some(section.id.clone()), false),
        Route::Find(outcome, _, language) => (
            language.map_or_else(
                || Strings::english("").find_help,
                |language| language.strings.find_help.clone(),
            ),
            None,
            !outcome.is_answer(),
        ),
        Route::Problem(problem) => (problem.words().0.to_owned(), None, false),
        Route::Story(_, language) => (story_words(*language)[S::Heading].to_owned(), None, false),
        Route::Language(language) => (language.strings.pages_in_language.clone(), None, false),
    };
    // The language of the page, when it is not the site's own.
    let page_language: Option<&Language> = match route {
        Route::Article(page) => site.language_of(page),
        Route::Language(language) => Some(language),
        Route::Find(_, _, language) | Route::Story(_, language) => *language,
        _ => None,
    };
    let strings = page_language.map_or_else(
        || Strings::english(&settings.silent_call_note),
        |language| language.strings.clone(),
    );
    let this_page_in = match route {
        Route::Article(page) | Route::Home(page) => other_versions(site, page),
        _ => Vec::new(),
    };
    // The page that explains the exit button, in the page's language when there is one.
    let mut settings = settings;
    if let Some(language) = page_language {
        if let Some(translated) = site
            .translations_of(&settings.exit_help_path)
            .into_iter()
            .find(|p| {
                p.translation
                    .as_ref()
                    .is_some_and(|t| t.language == language.code)
            })
        {
            settings.exit_help_path = translated.path.clone();
        }
    }
    let language_homes = site
        .languages
        .iter()
        .map(|language| LanguageLink {
            name: language.name.clone(),
            code: language.code.clone(),
            href: language.path(),
        })
        .collect();
    let main = match route {
        Route::Home(page) => view! {
            <HomePage
                page=(*page).clone()
                urgent_help=settings.urgent_help.clone()
                sections=site.sections.clone()
                urgent=settings.footer_contacts.clone()
                scheme=scheme_one(site)
            />
        }
        .into_any(),
        Route::Article(page) if page_language.is_some() => page_language
            .cloned()
            .map(|language| {
                view! {
                    <TranslatedPage
                        page=(*page).clone()
                        language
                        site_language=settings.language.clone()
                    />
                }
                .into_any()
            })
            .into_any(),
        Route::Language(language) => {
            let pages = site
                .translations_in(&language.code)
                .into_iter()
                .cloned()
                .collect();
            view! {
                <LanguageHome
                    language=(*language).clone()
                    pages
                    urgent=settings.footer_contacts.clone()
                    scheme=scheme_one(site)
                    site_language=settings.language.clone()
                />
            }
            .into_any()
        }
        Route::Article(page) => {
            let section = site.sections.iter().find(|s| s.id == page.section).cloned();
            view! { <ArticlePage page=(*page).clone() section/> }.into_any()
        }
        Route::Section(section) => {
            let pages = site.pages_in(&section.id).into_iter().cloned().collect();
            let story = section.id == crate::model::ABOUT_SECTION && settings.stories.is_some();
            view! { <SectionPage section=(*section).clone() pages story/> }.into_any()
        }
        Route::Find(outcome, choices, language) => {
            let (words, action) = find_words(*language);
            view! {
                <FindPage
                    data=site.locator.clone()
                    file=site.locator_file.clone()
                    outcome=outcome.clone()
                    choices=choices.clone()
                    words
                    action
                />
            }
            .into_any()
        }
        Route::Story(outcome, language) => view! {
            <StoryPage
                words=story_words(*language)
                action=language.map_or_else(|| STORY_PATH.to_owned(), |l| l.story_path())
                home=language.map_or_else(|| "/".to_owned(), |l| l.path())
                in_english=language.map(|l| l.strings.in_english.clone())
                area=settings.area_name.clone()
                keep_months=settings.stories.as_ref().map_or(12, |s| s.keep_months)
                services=site.service_names()
                updates=site
                    .sections
                    .iter()
                    .find(|section| section.id == crate::model::YOU_SAID_WE_DID)
                    .map(crate::model::Section::path)
                outcome=outcome.clone()
            />
        }
        .into_any(),
        Route::Problem(problem) => {
            let (heading, message) = problem.words();
            view! {
                <ProblemPage
                    heading=heading.to_owned()
                    message=message.to_owned()
                    contacts=settings.footer_contacts.clone()
                />
            }
            .into_any()
        }
    };
    let document_title = format!("{title} – {}", settings.site_name);
    // What search engines and link previews show: the page's own summary.
    let description = match route {
        Route::Home(page) | Route::Article(page) => page.summary.clone(),
        Route::Section(section) => section.summary.clone(),
        Route::Find(_, _, language) => find_words(*language).0.fill(
            crate::locator::W::FindDescription,
            &[
                ("one", site.locator.scheme_name.trim_end_matches('s')),
                ("area", &settings.area_name),
            ],
        ),
        Route::Language(language) => language.strings.pages_in_language.clone(),
        Route::Problem(problem) => problem.words().0.to_owned(),
        Route::Story(_, language) => {
            story_words(*language).fill(S::Description, &[("area", &settings.area_name)])
        }
    };
    let (language, direction) = page_language.map_or_else(
        || (settings.language.clone(), TextDirection::LeftToRight),
        |language| (language.code.clone(), language.direction),
    );
    // The story form, when the team has set it up, is in every footer.
    let story_link = settings.stories.as_ref().map(|_| {
        page_language.map_or_else(
            || (STORY_PATH.to_owned(), S::Heading.english().to_owned()),
            |language| (language.story_path(), language.story[S::Heading].to_owned()),
        )
    });
    let page_language = page_language.map(|language| language.code.clone());
    let sections = site.sections.clone();
    let options = options.clone();
    // The bundle's name carries its fingerprint (see the server's assets module).
    let stylesheet = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
    let document = view! {
        <!DOCTYPE html>
        <html lang=language dir=direction.attribute()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="referrer" content="no-referrer"/>
                <meta name="robots" content="noarchive"/>
                <title>{document_title}</title>
                <meta name="description" content=description/>
                {if css.is_empty() {
                    view! { <link rel="stylesheet" href=stylesheet/> }.into_any()
                } else {
                    view! { <style inner_html=css.to_owned()></style> }.into_any()
                }}
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <script inner_html=exit_script()></script>
                {has_islands.then(|| view! { <HydrationScripts options islands=true/> })}
            </head>
            <body>
                <Layout
                    settings
                    sections
                    current_section=current_section.unwrap_or_default()
                    strings
                    page_language=page_language.unwrap_or_default()
                    this_page_in
                    language_homes
                    story_link
                >
                    {main}
                </Layout>
            </body>
        </html>
    };
    document.to_html()
}

/// The same page in the other languages: for a page in the site's language, its
/// translations; for a translation, the original and the other translations.
fn other_versions(site: &Site, page: &Page) -> Vec<LanguageLink> {
    let original = page
        .translation
        .as_ref()
        .map_or(page.path.as_str(), |t| t.source.as_str());
    let mut links = Vec::new();
    if page.translation.is_some() {
        links.push(LanguageLink {
            name: "English".to_owned(),
            code: site.settings.language.clone(),
            href: original.to_owned(),
        });
    }
    for version in site.translations_of(original) {
        if version.path == page.path {
            continue;
        }
        if let Some(language) = site.language_of(version) {
            links.push(LanguageLink {
                name: language.name.clone(),
                code: language.code.clone(),
                href: version.path.clone(),
            });
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::exit_script;

    #[test]
    fn the_exit_script_fits_its_budget_without_comments() {
        let script = exit_script();
        assert!(
            script.len() <= 2048,
            "exit script is {} bytes",
            script.len()
        );
        assert!(!script.contains("//"), "comments removed");
        assert!(script.contains("location.replace"));
    }
}
