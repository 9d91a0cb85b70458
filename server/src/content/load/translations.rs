//! One language besides the site's own: `<code>/strings.toml`, `<code>/home.toml`,
//! `<code>/locator.toml`, `<code>/story.toml` and `<code>/pages/`.

use super::pages::{page_path, render_body, source_of};
use super::{language_home, phrases, strings, PageSource};
use crate::content::front_matter;
use crate::content::report::Report;
use crate::content::source::{Folder, TomlFile};
use app::locator::W;
use app::model::{HelpRoute, Language, Page, PageLayout, TextDirection, Translation};

/// What one file of the language's folder gives, read by `load` (`None`, with the
/// problems reported, when it cannot be read or is not right).
fn file_of<T>(
    folder: &Folder,
    code: &str,
    name: &str,
    report: &mut Report,
    load: impl FnOnce(&TomlFile<'_>, &mut Report) -> Option<T>,
) -> Option<T> {
    let rel = format!("{code}/{name}");
    let file = folder.display(&rel);
    let text = folder.read(&rel, report)?;
    load(&TomlFile::new(&file, &text), report)
}

/// The language (when its files could be read), its translated pages, and the source
/// of each page that could be rendered; `urgent_help` is the site's own chooser.
pub fn load(
    folder: &Folder,
    code: &str,
    direction: TextDirection,
    phones: &[String],
    urgent_help: &[HelpRoute],
    report: &mut Report,
) -> (Option<Language>, Vec<Page>, Vec<PageSource>) {
    let strings = file_of(folder, code, "strings.toml", report, strings::load_strings);
    let home = file_of(folder, code, "home.toml", report, |source, report| {
        language_home::load_language_home(source, urgent_help, phones, report)
    });
    let locator = file_of(
        folder,
        code,
        "locator.toml",
        report,
        phrases::load_locator_words,
    );
    let mut pages = Vec::new();
    let mut sources = Vec::new();
    for rel in folder.page_files(&format!("{code}/pages"), report) {
        let file = folder.display(&format!("{code}/pages/{rel}"));
        let Some(text) = folder.read(&format!("{code}/pages/{rel}"), report) else {
            continue;
        };
        let Some(english_path) = page_path(&rel, &file, report) else {
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
        let Some(split) = front_matter::split(&text, &file, report) else {
            continue;
        };
        let front = front_matter::parse_translation(&split, &file, report);
        let rendered = render_body(&file, &rel, &split, phones, report);
        sources.push(source_of(
            file,
            &path,
            &split,
            rendered.links,
            rendered.anchors,
            rendered.text,
        ));
        let Some(front) = front else {
            continue;
        };
        pages.push(Page {
            path,
            title: front.title,
            summary: front.summary,
            section: String::new(),
            order: front.order,
            audience: Vec::new(),
            last_reviewed: front.last_reviewed,
            owner: front.owner,
            aliases: Vec::new(),
            key_stages: Vec::new(),
            topics: Vec::new(),
            layout: PageLayout::Article,
            qr: None,
            translation: Some(Translation {
                language: code.to_owned(),
                source: front.source,
                community_reviewed: front.community_reviewed,
            }),
            body_html: rendered.html,
            sources: Vec::new(),
        });
    }
    let story = file_of(
        folder,
        code,
        "story.toml",
        report,
        phrases::load_story_words,
    );
    let language = strings.zip(home).zip(locator).zip(story).map(
        |((((name, strings), home), locator), story)| Language {
            code: code.to_owned(),
            name,
            direction,
            // The locator says the frame's own silent-call note.
            locator: locator.with(W::SilentCallNote, strings.silent_call_note.clone()),
            story,
            home,
            strings,
        },
    );
    (language, pages, sources)
}
