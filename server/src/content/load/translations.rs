//! One language besides the site's own: `<code>/strings.toml`, `<code>/locator.toml`,
//! `<code>/story.toml` and `<code>/pages/`.

use super::pages::{page_path, render_body, source_of};
use super::{phrases, strings, PageSource};
use crate::content::front_matter;
use crate::content::report::Report;
use crate::content::source::{Folder, TomlFile};
use app::locator::W;
use app::model::{Language, Page, PageLayout, TextDirection, Translation};

/// The language (when its strings could be read), its translated pages, and the
/// source of each page that could be rendered.
pub fn load(
    folder: &Folder,
    code: &str,
    direction: TextDirection,
    phones: &[String],
    report: &mut Report,
) -> (Option<Language>, Vec<Page>, Vec<PageSource>) {
    let strings_rel = format!("{code}/strings.toml");
    let strings_file = folder.display(&strings_rel);
    let strings = folder
        .read(&strings_rel, report)
        .and_then(|text| strings::load_strings(&TomlFile::new(&strings_file, &text), report));
    let locator_rel = format!("{code}/locator.toml");
    let locator_file = folder.display(&locator_rel);
    let locator = folder
        .read(&locator_rel, report)
        .and_then(|text| phrases::load_locator_words(&TomlFile::new(&locator_file, &text), report));
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
    let story_rel = format!("{code}/story.toml");
    let story_file = folder.display(&story_rel);
    let story = folder
        .read(&story_rel, report)
        .and_then(|text| phrases::load_story_words(&TomlFile::new(&story_file, &text), report));
    let language = strings
        .zip(locator)
        .zip(story)
        .map(|(((name, strings), locator), story)| Language {
            code: code.to_owned(),
            name,
            direction,
            // The locator says the frame's own silent-call note.
            locator: locator.with(W::SilentCallNote, strings.silent_call_note.clone()),
            story,
            strings,
        });
    (language, pages, sources)
}
