//! The typed, validated site that the server builds from `content/` and the app renders.
//!
//! Every type is defined here once and used by both sides. Nothing in this module knows
//! about files, markdown or HTTP: the server's content loader produces these values only
//! after every check has passed.

use serde::{Deserialize, Serialize};

mod date;
mod home_words;
mod kinds;
mod locator_data;
mod routes;
mod story;
mod story_words;

pub use date::Date;
pub use home_words::{HomeWords, LanguageHome, H};
pub use kinds::{Audience, KeyStage, Topic};
pub use locator_data::{AreaCentre, Examples, Hours, Location, LocatorData, Place, PlaceKind};
pub use routes::{SiteRoute, FIND_PATH, OPEN_DATA_ABOUT_PATH, OPEN_DATA_SERVICES_PATH};
pub use story::{
    StoryDraft, StoryOutcome, StorySettings, AGE_BANDS, MAX_HELPED_CHARS, MAX_TOLD_CHARS,
    MAX_TOWN_CHARS, STORY_PATH,
};
pub use story_words::{StoryWords, AGE_WORDS, S};

/// Everything the site shows, after validation.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub settings: Settings,
    pub sections: Vec<Section>,
    pub pages: Vec<Page>,
    pub locator: LocatorData,
    /// Languages other than the site's own, with their translated pages in `pages`.
    pub languages: Vec<Language>,
    /// The file the locator's data is fetched from, once the server has made it.
    pub locator_file: Option<LocatorFile>,
}

/// The locator's data as one file, the same for every visitor and fetched whole by the
/// island (never a part by area: which part someone fetched would say where they are).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatorFile {
    /// Its address, named by a fingerprint of its contents.
    pub path: String,
    /// What it weighs compressed, to say before anyone downloads it.
    pub compressed_bytes: usize,
    /// How many places it lists.
    pub places: usize,
}

impl Site {
    /// The content page served at `path`, if there is one.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.iter().find(|page| page.path == path)
    }

    /// The language a translated page is in; `None` for the site's own language.
    pub fn language_of(&self, page: &Page) -> Option<&Language> {
        let code = &page.translation.as_ref()?.language;
        self.languages
            .iter()
            .find(|language| &language.code == code)
    }

    /// Translated pages in `code`, in the editors' order.
    pub fn translations_in(&self, code: &str) -> Vec<&Page> {
        let mut pages: Vec<&Page> = self
            .pages
            .iter()
            .filter(|page| {
                page.translation
                    .as_ref()
                    .is_some_and(|t| t.language == code)
            })
            .collect();
        pages.sort_by(|a, b| a.order.cmp(&b.order).then(a.path.cmp(&b.path)));
        pages
    }

    /// Every version of the page at `english_path` in another language.
    pub fn translations_of(&self, english_path: &str) -> Vec<&Page> {
        self.pages
            .iter()
            .filter(|page| {
                page.translation
                    .as_ref()
                    .is_some_and(|t| t.source == english_path)
            })
            .collect()
    }

    /// Pages of one section, in the order editors gave them.
    /// The support services' names, in the content's order, each once: the choices
    /// the story form offers and accepts.
    pub fn service_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for place in &self.locator.places {
            if place.kind == PlaceKind::Service && !names.contains(&place.name) {
                names.push(place.name.clone());
            }
        }
        names
    }

    pub fn pages_in(&self, section_id: &str) -> Vec<&Page> {
        let mut pages: Vec<&Page> = self
            .pages
            .iter()
            .filter(|page| page.section == section_id && page.path != "/")
            .collect();
        let newest_first = self
            .sections
            .iter()
            .any(|section| section.id == section_id && section.newest_first);
        if newest_first {
            pages.sort_by(|a, b| {
                b.last_reviewed
                    .cmp(&a.last_reviewed)
                    .then(a.title.cmp(&b.title))
            });
        } else {
            pages.sort_by(|a, b| a.order.cmp(&b.order).then(a.title.cmp(&b.title)));
        }
        pages
    }
}

/// Site-wide settings from `content/site.toml`.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Shown in the header and the page title.
    pub site_name: String,
    /// The area the site serves, such as the council's name.
    pub area_name: String,
    /// BCP 47 language tag of the content, for example "en-GB".
    pub language: String,
    /// Where the exit link goes: a neutral page that shows nothing personal.
    pub exit_url: String,
    /// The explainer page about leaving quickly, linked beside the exit.
    pub exit_help_path: String,
    /// Where the site is published, such as "https://example.org", without a
    /// trailing slash. Used for QR codes and open data; `None` until it is known.
    pub site_url: Option<String>,
    /// Who publishes the directory as open data, and under which licence; `None`
    /// publishes no open data.
    pub open_data: Option<OpenDataLicence>,
    /// The help numbers in every page's footer.
    pub footer_contacts: Vec<Contact>,
    /// How 999 works when you cannot speak, shown with the emergency number.
    pub silent_call_note: String,
    /// Footer links to pages such as privacy and accessibility.
    pub footer_links: Vec<NavLink>,
    /// The choices in the home page's "what do you need right now" chooser.
    pub urgent_help: Vec<HelpRoute>,
    /// The share-your-story form, when the team has set it up.
    pub stories: Option<StorySettings>,
}

/// A phone contact, resolved from the verified helpline register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Who answers, for example "National Domestic Abuse Helpline".
    pub name: String,
    /// The number as people read it, for example "0808 2000 247".
    pub number: String,
    /// The digits for a `tel:` link, for example "08082000247".
    pub dial: String,
    /// When it is answered, in plain words.
    pub hours: String,
}

impl Contact {
    /// The `tel:` address of this contact.
    pub fn tel_href(&self) -> String {
        format!("tel:{}", self.dial)
    }
}

/// One answer in the urgent-help chooser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpRoute {
    /// Used for the panel's anchor, for example "danger".
    pub id: String,
    /// The button text, in the user's voice: "I'm in danger now".
    pub choice: String,
    /// The panel heading.
    pub heading: String,
    /// What to do, in one or two plain sentences.
    pub text: String,
    /// Who to call.
    pub contacts: Vec<Contact>,
    /// Optional link to read more.
    pub more: Option<NavLink>,
}

/// A link inside the site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavLink {
    pub label: String,
    pub path: String,
    /// The language of the page it leads to, when that is not the language of the page
    /// it is on: `en` for a page only in English, linked from a translation.
    #[serde(skip)]
    pub hreflang: Option<String>,
}

/// The terms the directory is published under as open data (`[open_data]` in site.toml).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenDataLicence {
    /// The organisation that publishes the data, such as a council.
    pub publisher: String,
    pub licence: String,
    pub licence_url: String,
    /// Attribution statements that must travel with the data.
    pub attribution: Vec<String>,
}

/// A group of pages shown in the navigation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Pages listed newest first, each with its date, as for "You said, we did"
    /// updates; otherwise in the editors' order.
    pub newest_first: bool,
}

/// The section that reports what changed because of people's stories, linked from the
/// story form's thank-you page when the site has one.
pub const YOU_SAID_WE_DID: &str = "you-said-we-did";

/// The section about the site itself: its index links the story form when the site
/// has one.
pub const ABOUT_SECTION: &str = "about";

impl Section {
    /// The section's index page.
    pub fn path(&self) -> String {
        format!("/{}", self.id)
    }
}

/// A content page, rendered from markdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// URL path, for example "/get-help/now"; the home page is "/".
    pub path: String,
    pub title: String,
    pub summary: String,
    /// The id of the section the page belongs to.
    pub section: String,
    /// Position within its section; lower comes first.
    pub order: i64,
    pub audience: Vec<Audience>,
    /// When someone last checked the page is true.
    pub last_reviewed: Date,
    /// The team role responsible for the page, never a person.
    pub owner: String,
    /// The body as safe HTML: raw HTML from the markdown has been dropped.
    pub body_html: String,
    /// Old addresses of this page, which redirect to it permanently.
    pub aliases: Vec<String>,
    /// For school resources: the key stages a lesson is written for.
    pub key_stages: Vec<KeyStage>,
    /// For school resources: the RSHE themes the page covers.
    pub topics: Vec<Topic>,
    /// How the page is laid out, on screen and in print.
    pub layout: PageLayout,
    /// A QR code printed with the page (posters), made from the site's address.
    pub qr: Option<QrImage>,
    /// For a translated page: its language and the English page it comes from.
    pub translation: Option<Translation>,
    /// Where the page's facts come from, listed at its end.
    pub sources: Vec<Reference>,
}

/// A publisher's page that facts on a page were checked against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Who publishes it, such as "GOV.UK" or "Women's Aid".
    pub publisher: String,
    pub title: String,
    /// An `https://` address.
    pub url: String,
    /// When someone last checked the facts on our page against it.
    pub checked: Date,
}

/// Where a translated page comes from, and whether the community has checked it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The language's code, such as "ur"; also the start of the page's address.
    pub language: String,
    /// The address of the page in the site's own language it was translated from.
    pub source: String,
    /// False until an editor confirms that speakers in the community have checked it.
    pub community_reviewed: bool,
}

/// A language the site offers besides its own, with the words of the page frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    /// A language tag such as "ur" or "pl": the `lang` attribute and the address.
    pub code: String,
    /// The language's name in itself, such as "Polski".
    pub name: String,
    pub direction: TextDirection,
    pub strings: Strings,
    /// Every word of the locator, from the language's `locator.toml`.
    pub locator: crate::locator::Words,
    /// Every word of the story form, from the language's `story.toml`.
    pub story: StoryWords,
    /// The home page's first screen and chooser, from the language's `home.toml`.
    pub home: LanguageHome,
}

impl Language {
    /// Its index page, listing its translated pages.
    pub fn path(&self) -> String {
        format!("/{}", self.code)
    }

    /// The locator in this language; its form posts there too.
    pub fn find_path(&self) -> String {
        format!("/{}{}", self.code, FIND_PATH)
    }

    /// The story form in this language; it posts there too.
    pub fn story_path(&self) -> String {
        format!("/{}{}", self.code, STORY_PATH)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextDirection {
    #[default]
    LeftToRight,
    RightToLeft,
}

impl TextDirection {
    /// The value of the HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            TextDirection::LeftToRight => "ltr",
            TextDirection::RightToLeft => "rtl",
        }
    }
}

/// The words of the page frame (exit, skip link, footer) in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strings {
    pub exit: String,
    pub exit_now: String,
    pub exit_help: String,
    pub skip: String,
    pub help_now: String,
    pub silent_call_note: String,
    pub no_trace: String,
    pub awaiting_review: String,
    pub read_in_english: String,
    pub pages_in_language: String,
    pub languages: String,
    pub last_reviewed: String,
    pub find_help: String,
    /// The button that opens the list of sections on a small screen.
    pub menu: String,
    /// Said after a link in a translated page that opens a page only in English.
    pub in_english: String,
}

impl Strings {
    /// The frame's words in English, with the site's own silent-call note.
    pub fn english(silent_call_note: &str) -> Strings {
        Strings {
            exit: "Exit this page".into(),
            exit_now: "Exit this page now".into(),
            exit_help: "How leaving quickly works".into(),
            skip: "Skip to main content".into(),
            help_now: "Help now".into(),
            silent_call_note: silent_call_note.into(),
            no_trace: "This site sets no cookies, stores nothing on your device and keeps no record of your visit.".into(),
            awaiting_review: "This translation is awaiting community review. If anything is unclear, the English page is the one to trust.".into(),
            read_in_english: "Read this page in English".into(),
            pages_in_language: "Pages in English".into(),
            languages: "Languages".into(),
            last_reviewed: "Last reviewed".into(),
            find_help: "Find help near you".into(),
            menu: "Menu".into(),
            in_english: "(in English)".into(),
        }
    }
}

/// How a page is laid out. Posters and cards are made to be printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageLayout {
    #[default]
    Article,
    /// A single A4 sheet in large type, usually with a QR code.
    Poster,
    /// A wallet-sized card: only the body is printed, inside a cut line.
    Card,
}

impl PageLayout {
    pub const ALL: [PageLayout; 3] = [PageLayout::Article, PageLayout::Poster, PageLayout::Card];

    /// The word editors write in front matter.
    pub fn key(self) -> &'static str {
        match self {
            PageLayout::Article => "article",
            PageLayout::Poster => "poster",
            PageLayout::Card => "card",
        }
    }
}

/// A QR code as inline SVG, with the plain address it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrImage {
    /// The address the code holds: the site's address and a page path, nothing added.
    pub url: String,
    /// An `<svg>` element, safe to insert as HTML.
    pub svg: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_dials_digits_only() {
        let contact = Contact {
            name: "Test line".into(),
            number: "0808 2000 247".into(),
            dial: "08082000247".into(),
            hours: "24 hours".into(),
        };
        assert_eq!(contact.tel_href(), "tel:08082000247");
    }
}
