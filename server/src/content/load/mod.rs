//! The loaders: one per kind of file, each turning what it reads into typed parts of
//! the [`Site`] and noting in [`Sources`] where each part came from, for the passes.
//! Problems go into the report as they are found; a loader never stops the others.

pub mod hours;
mod language_home;
mod localised_links;
pub mod locator;
mod pages;
pub mod phrases;
mod places;
mod safezone_rows;
pub mod safezone_sheet;
pub mod settings;
pub mod strings;
mod translations;

use super::markdown::InternalLink;
use super::report::Report;
use super::source::{Folder, TomlFile};
use app::model::Site;

/// What the loaders read, kept for the passes' messages: files, lines, links and
/// anchors as written.
pub struct Sources {
    pub folder: Folder,
    /// The day the check runs, as a day number: reviews are due against it.
    pub today: i32,
    pub settings_file: String,
    pub settings_text: String,
    /// Every page file that could be read and rendered, including those whose front
    /// matter has problems (their links and anchors still count).
    pub pages: Vec<PageSource>,
    pub tables: places::Tables,
}

impl Sources {
    /// site.toml, for pointing at a setting.
    pub fn settings(&self) -> TomlFile<'_> {
        TomlFile::new(&self.settings_file, &self.settings_text)
    }

    /// The source of the page served at `path`.
    pub fn page(&self, path: &str) -> Option<&PageSource> {
        self.pages.iter().find(|page| page.path == path)
    }
}

/// One page file as read: where it is, and what its markdown links to and offers.
pub struct PageSource {
    /// The file as editors see it, "content/pages/get-help/helplines.md".
    pub file: String,
    /// The address it is served at.
    pub path: String,
    /// Its front matter, for pointing at a field.
    pub front: String,
    pub front_first_line: usize,
    pub links: Vec<InternalLink>,
    pub anchors: Vec<String>,
    /// The words of the page without markup, for the readability pass.
    pub words: String,
}

impl PageSource {
    /// The line of the front-matter field `key`, if it is set.
    pub fn key_line(&self, key: &str) -> Option<usize> {
        TomlFile {
            file: &self.file,
            text: &self.front,
            first_line: self.front_first_line,
        }
        .key_line(key)
    }
}

/// Runs every loader over `folder` as of `today`. The site is `None` when site.toml
/// could not be read: without it nothing can be rendered or checked further.
pub fn site(folder: Folder, today: i32, report: &mut Report) -> (Option<Site>, Sources) {
    let register_file = folder.display("helplines.toml");
    let register = folder
        .read("helplines.toml", report)
        .map(|text| settings::load_register(&TomlFile::new(&register_file, &text), report))
        .unwrap_or_default();
    let settings_file = folder.display("site.toml");
    let settings_text = folder.read("site.toml", report);
    let loaded = settings_text.as_deref().and_then(|text| {
        settings::load_settings(&TomlFile::new(&settings_file, text), &register, report)
    });

    let phones = register.dialable();
    let (mut pages, mut page_sources) = pages::load(&folder, &phones, loaded.as_ref(), report);
    let offered = loaded
        .as_ref()
        .map(|loaded| loaded.languages.clone())
        .unwrap_or_default();
    let urgent_help = loaded
        .as_ref()
        .map(|loaded| loaded.settings.urgent_help.clone())
        .unwrap_or_default();
    let mut languages = Vec::new();
    for (language, direction) in offered {
        let (language, translated, sources) = translations::load(
            &folder,
            &language.code,
            direction,
            &phones,
            &urgent_help,
            report,
        );
        languages.extend(language);
        pages.extend(translated);
        page_sources.extend(sources);
    }
    localised_links::localise(&mut pages, &mut languages);

    let tables = places::Tables::load(&folder, report);
    let locator_text =
        |name: &str, report: &mut Report| folder.read(name, report).unwrap_or_default();
    let (safezones_text, services_text, areas_text) = (
        locator_text("safezones.toml", report),
        locator_text("services.toml", report),
        locator_text("areas.toml", report),
    );
    let (safezones_file, services_file, areas_file) = (
        folder.display("safezones.toml"),
        folder.display("services.toml"),
        folder.display("areas.toml"),
    );
    // The Safe Zone sheet is optional: a small site can list its Safe Zones in
    // safezones.toml instead.
    let sheet_file = folder.display(safezone_sheet::FILE);
    let sheet = folder
        .dir()
        .join(safezone_sheet::FILE)
        .exists()
        .then(|| folder.read(safezone_sheet::FILE, report))
        .flatten()
        .map(|text| safezone_sheet::read(&sheet_file, &text, report))
        .unwrap_or_default();
    let files = locator::Files {
        safezones: TomlFile::new(&safezones_file, &safezones_text),
        services: TomlFile::new(&services_file, &services_text),
        areas: TomlFile::new(&areas_file, &areas_text),
        sheet: (&sheet_file, &sheet),
    };
    let calendar_file = folder.display("bank-holidays.toml");
    let calendar = folder.read("bank-holidays.toml", report).and_then(|text| {
        hours::load_calendar(&TomlFile::new(&calendar_file, &text), today, report)
    });
    let site = loaded.map(|loaded| {
        let locator = locator::load(
            &files,
            &tables,
            &register,
            &locator::Context {
                area_name: &loaded.settings.area_name,
                calendar: calendar.as_ref(),
                today,
                urgent: &loaded.settings.footer_contacts,
                silent_call_note: &loaded.settings.silent_call_note,
                examples: &loaded.examples,
            },
            report,
        );
        Site {
            settings: loaded.settings,
            sections: loaded.sections,
            pages,
            locator,
            languages,
            locator_file: None,
        }
    });
    let sources = Sources {
        folder,
        today,
        settings_file,
        settings_text: settings_text.unwrap_or_default(),
        pages: page_sources,
        tables,
    };
    (site, sources)
}
