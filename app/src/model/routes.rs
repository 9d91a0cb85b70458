//! Every address the site serves, defined once: the renderer makes a document for each
//! and the content check resolves links against the same list.

use super::{Language, Page, Section, Site};

/// Where the locator lives; its form posts here too.
pub const FIND_PATH: &str = "/find";
/// The services and Safe Zones as an Open Referral HSDS 3.0 `/services` list.
pub const OPEN_DATA_SERVICES_PATH: &str = "/open-data/hsds/services.json";
/// What the open data is and under which licence.
pub const OPEN_DATA_ABOUT_PATH: &str = "/open-data/hsds/index.json";

/// One address of the site and what is served there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SiteRoute<'a> {
    /// The home page, from the content page at "/".
    Home(&'a Page),
    /// Any other content page, translations included.
    Article(&'a Page),
    /// A section's index page.
    Section(&'a Section),
    /// A language's home, listing its translated pages.
    Language(&'a Language),
    /// The locator page, at [`FIND_PATH`].
    Find,
    /// The locator page in a language besides the site's own, at `/<code>/find`.
    FindIn(&'a Language),
    /// The share-your-story form, when `site.toml` has `[stories]`.
    Story,
    /// The story form in a language besides the site's own, at
    /// `/<code>/share-your-story`.
    StoryIn(&'a Language),
    /// An open-data file, when `site.toml` publishes open data.
    OpenData(&'static str),
}

impl SiteRoute<'_> {
    pub fn path(&self) -> String {
        match self {
            SiteRoute::Home(page) | SiteRoute::Article(page) => page.path.clone(),
            SiteRoute::Section(section) => section.path(),
            SiteRoute::Language(language) => language.path(),
            SiteRoute::Find => FIND_PATH.to_owned(),
            SiteRoute::FindIn(language) => language.find_path(),
            SiteRoute::Story => super::STORY_PATH.to_owned(),
            SiteRoute::StoryIn(language) => language.story_path(),
            SiteRoute::OpenData(path) => (*path).to_owned(),
        }
    }
}

impl Site {
    /// Every address the site answers with a page or a file, in a stable order:
    /// content pages, sections, languages, the locator, the story form, then
    /// open data.
    pub fn routes(&self) -> Vec<SiteRoute<'_>> {
        let pages = self.pages.iter().map(|page| {
            if page.path == "/" {
                SiteRoute::Home(page)
            } else {
                SiteRoute::Article(page)
            }
        });
        let open_data = if self.settings.open_data.is_some() {
            vec![
                SiteRoute::OpenData(OPEN_DATA_SERVICES_PATH),
                SiteRoute::OpenData(OPEN_DATA_ABOUT_PATH),
            ]
        } else {
            Vec::new()
        };
        pages
            .chain(self.sections.iter().map(SiteRoute::Section))
            .chain(self.languages.iter().map(SiteRoute::Language))
            .chain(std::iter::once(SiteRoute::Find))
            .chain(self.languages.iter().map(SiteRoute::FindIn))
            .chain(self.settings.stories.as_ref().map(|_| SiteRoute::Story))
            .chain(
                self.languages
                    .iter()
                    .filter(|_| self.settings.stories.is_some())
                    .map(SiteRoute::StoryIn),
            )
            .chain(open_data)
            .collect()
    }
}
