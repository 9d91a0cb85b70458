//! Loads `content/` into a validated [`Site`], or a [`Report`] of every problem.
//!
//! Layout of a content folder:
//! - `site.toml`: site-wide settings, sections, footer and urgent-help choices;
//! - `helplines.toml`: the register of phone numbers the site may show;
//! - `pages/**/*.md`: one page per file; `pages/index.md` is the home page.

mod dates;
mod front_matter;
mod hours;
mod locator;
mod markdown;
mod paths;
mod qr;
mod readability;
mod report;
mod settings;
mod suggest;
mod translations;

pub use locator::needing_location;
pub use report::{ContentError, Report};

use app::model::{Page, Site};
use dates::Date;
use markdown::{InternalLink, Source};
use settings::TomlFile;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Reads, checks and renders everything in the content folder `dir`, as of today.
pub fn load(dir: &Path) -> Result<Site, Report> {
    match check(dir, today()) {
        (Some(site), report) if report.is_empty() => Ok(site),
        (_, report) => Err(report),
    }
}

/// Entry points for the fuzz targets in `fuzz/`: each runs one part of the content
/// pipeline on arbitrary text and must never panic or hang.
pub mod fuzzing {
    use super::{front_matter, hours, markdown, Report};

    /// Front matter and markdown of one page file.
    pub fn page(text: &str) -> Report {
        let mut report = Report::default();
        let phones = ["08082000247".to_owned(), "999".to_owned()];
        if let Some(split) = front_matter::split(text, "fuzz.md", &mut report) {
            let _ = front_matter::parse(&split, "fuzz.md", &["get-help"], &mut report);
            let source = markdown::Source {
                file: "fuzz.md",
                rel: "get-help/fuzz.md",
                body: split.body,
                body_first_line: split.body_first_line,
                phones: &phones,
            };
            let rendered = markdown::render(&source, &mut report);
            let _ = super::readability::score(&rendered.text);
        }
        report
    }

    /// An `opening_hours` value, worked out over a year of a real calendar.
    pub fn opening_hours(text: &str) {
        let calendar_text = "region = \"E&W\"\nsource = \"fuzz\"\nlast_checked = 2026-01-01\n[years]\n2026 = [2026-01-01, 2026-12-25]\n2027 = [2027-01-01]\n";
        let source = super::TomlFile {
            file: "bank-holidays.toml",
            text: calendar_text,
        };
        let today = app::locator::day_number(2026, 6, 1);
        let mut report = Report::default();
        let calendar = hours::load_calendar(&source, today, &mut report);
        if let Ok(hours) = hours::read_hours(Some(text), calendar.as_ref(), today) {
            for minute in [0u16, 540, 1439] {
                let _ = hours.state(app::locator::LocalTime { day: today, minute });
            }
        }
    }
}

/// Today in the UK, as a day number (see [`app::locator::day_number`]).
pub fn today() -> i32 {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |elapsed| elapsed.as_millis() as f64);
    app::locator::uk_time(ms).map_or(0, |now| now.day)
}

/// Checks the content folder as of `today`: the report of errors and warnings, and
/// the site as far as it could be built. A site that comes with errors must never be
/// served (`load` refuses it); it exists so tests can prove that even then nothing
/// refused, such as a confidential address, got into it.
pub fn check(dir: &Path, today: i32) -> (Option<Site>, Report) {
    let mut report = Report::default();
    let label = dir.file_name().map_or_else(
        || "content".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    );
    let display = |rel: &str| format!("{label}/{rel}");

    let register_file = display("helplines.toml");
    let register = read(dir, "helplines.toml", &register_file, &mut report)
        .map(|text| {
            settings::load_register(
                &TomlFile {
                    file: &register_file,
                    text: &text,
                },
                &mut report,
            )
        })
        .unwrap_or_default();
    let settings_file = display("site.toml");
    let settings_text = read(dir, "site.toml", &settings_file, &mut report);
    let settings_source = TomlFile {
        file: &settings_file,
        text: settings_text.as_deref().unwrap_or_default(),
    };
    let loaded = settings_text
        .is_some()
        .then(|| settings::load_settings(&settings_source, &register, &mut report))
        .flatten();

    let phones = register.dialable();
    let section_ids: Vec<&str> = loaded
        .as_ref()
        .map(|loaded| loaded.sections.iter().map(|s| s.id.as_str()).collect())
        .unwrap_or_default();
    let mut pages = Vec::new();
    let mut links: Vec<(String, String, Vec<InternalLink>)> = Vec::new();
    let mut anchors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for rel in page_files(&dir.join("pages"), &display("pages"), &mut report) {
        let file = display(&format!("pages/{rel}"));
        let Some(text) = read(&dir.join("pages"), &rel, &file, &mut report) else {
            continue;
        };
        let Some(path) = page_path_or_report(&rel, &file, &mut report) else {
            continue;
        };
        let Some(split) = front_matter::split(&text, &file, &mut report) else {
            continue;
        };
        let front = front_matter::parse(&split, &file, &section_ids, &mut report);
        let source = Source {
            file: &file,
            rel: &rel,
            body: split.body,
            body_first_line: split.body_first_line,
            phones: &phones,
        };
        let mut rendered = markdown::render(&source, &mut report);
        anchors.insert(path.clone(), rendered.anchors);
        let Some(front) = front else {
            links.push((file.clone(), path.clone(), rendered.links));
            continue;
        };
        let qr = front.qr_code.as_deref().and_then(|target| {
            let line = split.front_first_line
                + text
                    .lines()
                    .skip(1)
                    .position(|l| l.trim_start().starts_with("qr_code"))
                    .unwrap_or(0);
            rendered.links.push(markdown::InternalLink {
                line,
                written: target.to_owned(),
                path: Some(target.to_owned()),
                anchor: None,
            });
            qr_for_page(target, loaded.as_ref(), &file, line, &mut report)
        });
        links.push((file.clone(), path.clone(), rendered.links));
        warn_about_page(&file, &text, &front, &rendered.text, today, &mut report);
        pages.push(Page {
            path,
            title: front.title,
            summary: front.summary,
            section: front.section,
            order: front.order,
            audience: front.audience,
            last_reviewed: front.last_reviewed.to_string(),
            owner: front.owner,
            aliases: front.aliases,
            key_stages: front.key_stages,
            topics: front.topics,
            layout: front.layout,
            qr,
            translation: None,
            body_html: rendered.html,
        });
    }

    // Languages besides the site's own: content/<code>/strings.toml and pages/.
    let mut languages = Vec::new();
    let mut sources: Vec<(String, usize, String, Date)> = Vec::new();
    let offered = loaded
        .as_ref()
        .map(|l| l.languages.clone())
        .unwrap_or_default();
    for (raw, direction) in offered {
        let code = raw.code;
        let strings_file = display(&format!("{code}/strings.toml"));
        let strings =
            read(&dir.join(&code), "strings.toml", &strings_file, &mut report).and_then(|text| {
                translations::load_strings(
                    &TomlFile {
                        file: &strings_file,
                        text: &text,
                    },
                    &mut report,
                )
            });
        let root = dir.join(&code).join("pages");
        for rel in page_files(&root, &display(&format!("{code}/pages")), &mut report) {
            let file = display(&format!("{code}/pages/{rel}"));
            let Some(text) = read(&root, &rel, &file, &mut report) else {
                continue;
            };
            let Some(english_path) = page_path_or_report(&rel, &file, &mut report) else {
                continue;
            };
            if english_path == "/" {
                report.at(&file, None).fix(
                    "a language's home page is made by the site: it lists the translated pages.",
                    "Translate the pages one by one in folders, such as get-help/get-help-now.md, and remove this file.",
                );
                continue;
            }
            let path = format!("/{code}{english_path}");
            let Some(split) = front_matter::split(&text, &file, &mut report) else {
                continue;
            };
            let front = front_matter::parse_translation(&split, &file, &mut report);
            let source = Source {
                file: &file,
                rel: &rel,
                body: split.body,
                body_first_line: split.body_first_line,
                phones: &phones,
            };
            let rendered = markdown::render(&source, &mut report);
            anchors.insert(path.clone(), rendered.anchors);
            links.push((file.clone(), path.clone(), rendered.links));
            let Some(front) = front else {
                continue;
            };
            let line = split.front_first_line
                + split
                    .front
                    .lines()
                    .position(|l| l.trim_start().starts_with("source"))
                    .unwrap_or(0);
            sources.push((
                file.clone(),
                line,
                front.source.clone(),
                front.last_reviewed,
            ));
            pages.push(Page {
                path,
                title: front.title,
                summary: front.summary,
                section: String::new(),
                order: front.order,
                audience: Vec::new(),
                last_reviewed: front.last_reviewed.to_string(),
                owner: front.owner,
                aliases: Vec::new(),
                key_stages: Vec::new(),
                topics: Vec::new(),
                layout: app::model::PageLayout::Article,
                qr: None,
                translation: Some(app::model::Translation {
                    language: code.clone(),
                    source: front.source,
                    community_reviewed: front.community_reviewed,
                }),
                body_html: rendered.html,
            });
        }
        if let Some((name, strings)) = strings {
            languages.push(app::model::Language {
                code,
                name,
                direction,
                strings,
            });
        }
    }
    check_translation_sources(&sources, &pages, &mut report);

    let tables = locator::Tables::load(dir, &display, &mut report);
    let locator_text = |name: &str, report: &mut Report| {
        read(dir, name, &display(name), report).unwrap_or_default()
    };
    let (safezones_text, services_text, areas_text) = (
        locator_text("safezones.toml", &mut report),
        locator_text("services.toml", &mut report),
        locator_text("areas.toml", &mut report),
    );
    let (safezones_file, services_file, areas_file) = (
        display("safezones.toml"),
        display("services.toml"),
        display("areas.toml"),
    );
    let sources = locator::Sources {
        safezones: TomlFile {
            file: &safezones_file,
            text: &safezones_text,
        },
        services: TomlFile {
            file: &services_file,
            text: &services_text,
        },
        areas: TomlFile {
            file: &areas_file,
            text: &areas_text,
        },
    };
    let calendar_file = display("bank-holidays.toml");
    let calendar = read(dir, "bank-holidays.toml", &calendar_file, &mut report).and_then(|text| {
        hours::load_calendar(
            &TomlFile {
                file: &calendar_file,
                text: &text,
            },
            today,
            &mut report,
        )
    });
    let Some(loaded) = loaded else {
        return (None, report);
    };
    let locator = locator::load(
        &sources,
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
        &mut report,
    );
    let examples = &loaded.examples;
    if tables.district_in_area(&examples.district) != Some(true) {
        report
            .at(&settings_file, settings_source.line_of("example_district"))
            .field("example_district")
            .fix(
                format!("\"{}\" is not a postcode district in the area.", examples.district),
                "Use a district marked as in the area in places/outcodes.csv, such as the one for the main town.",
            );
    }
    if !tables.has_town(&examples.town) {
        report
            .at(&settings_file, settings_source.line_of("example_town"))
            .field("example_town")
            .fix(
                format!("\"{}\" is not a town in places/towns.csv.", examples.town),
                "Use a town from places/towns.csv, written the same way.",
            );
    }
    // Every address the site answers, with the anchors on it.
    let mut routes: BTreeMap<String, Vec<String>> = anchors;
    for section in &loaded.sections {
        let path = section.path();
        if routes.contains_key(&path) {
            report
                .at(
                    &settings_file,
                    settings_source.line_of(&format!("\"{}\"", section.id)),
                )
                .field("sections.id")
                .fix(
                    format!(
                        "the section \"{}\" has the same address ({path}) as a page.",
                        section.id
                    ),
                    "Rename the section's id, or move the page into a folder.",
                );
        }
        let anchors = routes.entry(path).or_default();
        anchors.extend(section_anchors(&section.id, &pages));
    }
    // Pages the app makes itself, which content can link to.
    routes.entry(app::render::FIND_PATH.to_owned()).or_default();
    for language in &languages {
        routes.entry(language.path()).or_default();
    }
    if loaded.settings.open_data.is_some() {
        for path in [
            crate::open_data::SERVICES_PATH,
            crate::open_data::ABOUT_PATH,
        ] {
            routes.entry(path.to_owned()).or_default();
        }
    }
    check_permalinks(dir, &display, &pages, &routes, &mut report);
    if !routes.contains_key("/") {
        report.at(&display("pages"), None).fix(
            "there is no home page.",
            "Create pages/index.md with front matter like any other page.",
        );
    }
    for (file, from, page_links) in &links {
        for link in page_links {
            check_link(&routes, file, from, link, &mut report, None);
        }
    }
    let settings_links =
        std::iter::once(("exit_help_path", loaded.settings.exit_help_path.clone()))
            .chain(
                loaded
                    .settings
                    .footer_links
                    .iter()
                    .map(|l| ("footer_links", l.path.clone())),
            )
            .chain(
                loaded
                    .settings
                    .urgent_help
                    .iter()
                    .filter_map(|h| h.more.as_ref())
                    .map(|l| ("urgent_help.more", l.path.clone())),
            );
    for (field, written) in settings_links {
        let (path, anchor) = match written.split_once('#') {
            Some((path, anchor)) => (path.to_owned(), Some(anchor.to_owned())),
            None => (written.clone(), None),
        };
        let line = settings_source
            .line_of(&format!("\"{written}\""))
            .unwrap_or(1);
        let link = InternalLink {
            line,
            written,
            path: Some(path),
            anchor,
        };
        check_link(
            &routes,
            &settings_file,
            "/",
            &link,
            &mut report,
            Some(field),
        );
    }

    let site = Site {
        settings: loaded.settings,
        sections: loaded.sections,
        pages,
        locator,
        languages,
    };
    (Some(site), report)
}

/// Each translation names a page in the site's own language, and says when that page
/// has been reviewed since the translation was.
fn check_translation_sources(
    sources: &[(String, usize, String, Date)],
    pages: &[Page],
    report: &mut Report,
) {
    for (file, line, source, translated) in sources {
        let english = pages
            .iter()
            .find(|page| &page.path == source && page.translation.is_none());
        let Some(english) = english else {
            report.at(file, Some(*line)).field("source").fix(
                format!("\"{source}\" is not a page in the site's own language."),
                "Write the address of the page this translates, such as source = \"/get-help/get-help-now\".",
            );
            continue;
        };
        if Date::parse(&english.last_reviewed).is_some_and(|reviewed| reviewed > *translated) {
            report.warn_at(file, Some(*line)).field("source").fix(
                format!(
                    "the page it translates ({source}) was reviewed on {}, after this translation ({translated}).",
                    english.last_reviewed
                ),
                "Check whether the translation needs the same changes, then set its last_reviewed to today.",
            );
        }
    }
}

/// The anchors on a section's index page: its resource index has a heading for each
/// key stage and RSHE theme its lessons cover (see app::pages::section).
fn section_anchors(section: &str, pages: &[Page]) -> Vec<String> {
    let lessons: Vec<&Page> = pages
        .iter()
        .filter(|p| p.section == section && !p.key_stages.is_empty())
        .collect();
    if lessons.is_empty() {
        return Vec::new();
    }
    let mut anchors = vec!["by-key-stage".to_owned(), "by-topic".to_owned()];
    for stage in app::model::KeyStage::ALL {
        if lessons.iter().any(|p| p.key_stages.contains(&stage)) {
            anchors.push(stage.key().to_owned());
        }
    }
    for topic in app::model::Topic::ALL {
        if lessons.iter().any(|p| p.topics.contains(&topic)) {
            anchors.push(topic.key().to_owned());
        }
    }
    anchors
}

/// The QR code for `target`, a page of this site, at the site's public address.
fn qr_for_page(
    target: &str,
    loaded: Option<&settings::LoadedSettings>,
    file: &str,
    line: usize,
    report: &mut Report,
) -> Option<app::model::QrImage> {
    // Without settings there is already an error about site.toml.
    let loaded = loaded?;
    let Some(site_url) = &loaded.settings.site_url else {
        report.at(file, Some(line)).field("qr_code").fix(
            "needs the site's public address, and site.toml has no site_url.",
            "Add site_url = \"https://…\" to site.toml with the address the site is published at, or remove qr_code.",
        );
        return None;
    };
    let url = format!("{site_url}{target}");
    match qr::svg(&url) {
        Ok(svg) => Some(app::model::QrImage { url, svg }),
        Err(qr::QrError::TooLong) => {
            report.at(file, Some(line)).field("qr_code").fix(
                format!("{url} is too long for a QR code."),
                "Point the code at a page with a shorter address, such as the home page.",
            );
            None
        }
    }
}

/// Addresses stay stable: an alias may not be a live address or another page's alias,
/// and every address listed in `published-paths.txt` must still be a page or an alias.
fn check_permalinks(
    dir: &Path,
    display: &dyn Fn(&str) -> String,
    pages: &[Page],
    routes: &BTreeMap<String, Vec<String>>,
    report: &mut Report,
) {
    let mut aliases: BTreeMap<&str, &str> = BTreeMap::new();
    for page in pages {
        let file = display(&format!(
            "pages{}.md",
            if page.path == "/" {
                "/index"
            } else {
                &page.path
            }
        ));
        for alias in &page.aliases {
            if routes.contains_key(alias) {
                report.at(&file, None).field("aliases").fix(
                    format!("{alias} is the address of a page that exists, so it cannot also redirect here."),
                    "Remove it from aliases, or rename the other page first.",
                );
            } else if let Some(other) = aliases.insert(alias, &page.path) {
                report.at(&file, None).field("aliases").fix(
                    format!("{alias} is already an old address of {other}."),
                    "An old address can redirect to one page only: remove it from one of them.",
                );
            }
        }
    }
    let published_file = display("published-paths.txt");
    let Ok(published) = fs::read_to_string(dir.join("published-paths.txt")) else {
        return;
    };
    let mut listed = Vec::new();
    for (index, line) in published.lines().enumerate() {
        let path = line.trim();
        if path.is_empty() || path.starts_with('#') {
            continue;
        }
        listed.push(path);
        if !routes.contains_key(path) && !aliases.contains_key(path) {
            report.at(&published_file, Some(index + 1)).fix(
                format!("{path} was published, but no page has that address any more. Links to it from schools, posters and other sites would break."),
                format!("Add aliases = [\"{path}\"] to the front matter of the page that replaces it. Only delete this line if the page is gone for good and nothing links to it."),
            );
        }
    }
    for path in routes
        .keys()
        .filter(|path| !listed.contains(&path.as_str()))
    {
        report.warn_at(&published_file, None).fix(
            format!("{path} is not listed yet."),
            "Add it on a line of its own once the page is public, so the check can tell you if it ever disappears.",
        );
    }
}

/// Warnings that do not stop the site: a review that is overdue, and words that read
/// much older than the site's readers.
fn warn_about_page(
    file: &str,
    text: &str,
    front: &front_matter::FrontMatter,
    words: &str,
    today: i32,
    report: &mut Report,
) {
    let reviewed = front.last_reviewed;
    let reviewed_day = app::locator::day_number(reviewed.year, reviewed.month, reviewed.day);
    if today - reviewed_day > 365 {
        let line = text
            .lines()
            .position(|line| line.trim_start().starts_with("last_reviewed"))
            .map(|index| index + 1);
        report.warn_at(file, line).field("last_reviewed").fix(
            format!("the page was last reviewed on {reviewed}, more than 12 months ago."),
            "Check with the page's owner that everything on it is still true, then set last_reviewed to today's date.",
        );
    }
    if let Some(score) = readability::score(words) {
        if score.reading_age > readability::WARN_ABOVE_READING_AGE {
            let mut longest = score.longest_sentence.clone();
            if longest.chars().count() > 120 {
                longest = longest.chars().take(117).collect::<String>() + "...";
            }
            let age = if score.reading_age >= 21.0 {
                "a reading age of 21 or older".to_owned()
            } else {
                format!("about reading age {:.0}", score.reading_age)
            };
            report.warn_at(file, None).fix(
                format!("reads at {age}; pages should read at about 11."),
                format!("Use shorter sentences and everyday words. The longest sentence is: \"{longest}\""),
            );
        }
    }
}

/// Reports a link whose page or anchor does not exist. `field` names the setting when
/// the link is in site.toml.
fn check_link(
    routes: &BTreeMap<String, Vec<String>>,
    file: &str,
    from: &str,
    link: &InternalLink,
    report: &mut Report,
    field: Option<&str>,
) {
    fn at<'r>(
        report: &'r mut Report,
        file: &str,
        line: usize,
        field: Option<&str>,
    ) -> report::Problem<'r> {
        let problem = report.at(file, Some(line));
        match field {
            Some(field) => problem.field(field),
            None => problem,
        }
    }
    let target = link.path.as_deref().unwrap_or(from);
    let Some(target_anchors) = routes.get(target) else {
        at(report, file, link.line, field).fix(
            format!(
                "links to \"{}\", but there is no page at {target}.",
                link.written
            ),
            suggestion(target, routes),
        );
        return;
    };
    if let Some(anchor) = &link.anchor {
        if !target_anchors.contains(anchor) {
            let hint = match suggest::closest(anchor, target_anchors.iter().map(String::as_str)) {
                Some(near) => format!("Did you mean #{near}? Anchors are made from the headings of {target}."),
                None => format!("Link to a heading that exists on {target}; its anchor is made from the heading's words."),
            };
            at(report, file, link.line, field).fix(
                format!(
                    "links to \"{}\", but {target} has no heading with the anchor #{anchor}.",
                    link.written
                ),
                hint,
            );
        }
    }
}

fn suggestion(path: &str, routes: &BTreeMap<String, Vec<String>>) -> String {
    match suggest::closest(path, routes.keys().map(String::as_str)) {
        Some(near) => format!("Did you mean {near}? Check the spelling of the address."),
        None => "Check the address: it is the page's file path under pages/ without .md, for example /get-help/now.".to_owned(),
    }
}

fn page_path_or_report(rel: &str, file: &str, report: &mut Report) -> Option<String> {
    match paths::page_path(rel) {
        Ok(path) => Some(path),
        Err(part) => {
            report.at(file, None).fix(
                format!("the name \"{part}\" cannot be used in a web address."),
                "Rename the file or folder using lower-case letters, numbers and hyphens, for example get-help/coercive-control.md.",
            );
            None
        }
    }
}

fn read(dir: &Path, rel: &str, file: &str, report: &mut Report) -> Option<String> {
    match fs::read_to_string(dir.join(rel)) {
        Ok(text) => Some(text),
        Err(error) => {
            let problem = match error.kind() {
                std::io::ErrorKind::NotFound => "is missing.".to_owned(),
                std::io::ErrorKind::InvalidData => "is not plain text (UTF-8).".to_owned(),
                _ => format!("cannot be read ({error})."),
            };
            report.at(file, None).fix(
                problem,
                "Check the file exists in the content folder and is saved as plain text (UTF-8).",
            );
            None
        }
    }
}

/// Markdown files under `root`, as paths relative to it, in a stable order.
fn page_files(root: &Path, display: &str, report: &mut Report) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(_) => {
                report.at(display, None).fix(
                    "cannot be read.",
                    "Create the folder pages/ in the content folder, with index.md inside.",
                );
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(root) {
                let rel = rel.to_string_lossy().replace('\\', "/");
                if rel.ends_with(".md") {
                    found.push(rel);
                } else {
                    report.at(&format!("{display}/{rel}"), None).fix(
                        "is not a markdown page.",
                        "Only .md files belong in pages/. Put images and other files in public/.",
                    );
                }
            }
        }
    }
    found.sort();
    found
}
