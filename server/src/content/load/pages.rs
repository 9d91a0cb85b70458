//! Pages in the site's own language: `pages/**/*.md`, each front matter and markdown.

use super::settings::LoadedSettings;
use super::PageSource;
use crate::content::front_matter::{self, Split};
use crate::content::markdown::{self, InternalLink};
use crate::content::report::Report;
use crate::content::source::Folder;
use crate::content::{paths, qr};
use app::model::{Page, QrImage};

/// Every page under `pages/`, and the source of each that could be rendered.
pub fn load(
    folder: &Folder,
    phones: &[String],
    loaded: Option<&LoadedSettings>,
    report: &mut Report,
) -> (Vec<Page>, Vec<PageSource>) {
    let section_ids: Vec<&str> = loaded
        .map(|loaded| loaded.sections.iter().map(|s| s.id.as_str()).collect())
        .unwrap_or_default();
    let mut pages = Vec::new();
    let mut sources = Vec::new();
    for rel in folder.page_files("pages", report) {
        let file = folder.display(&format!("pages/{rel}"));
        let Some(text) = folder.read(&format!("pages/{rel}"), report) else {
            continue;
        };
        let Some(path) = page_path(&rel, &file, report) else {
            continue;
        };
        let Some(split) = front_matter::split(&text, &file, report) else {
            continue;
        };
        let front = front_matter::parse(&split, &file, &section_ids, report);
        let mut rendered = render_body(&file, &rel, &split, phones, report);
        let qr = front.as_ref().and_then(|front| {
            let target = front.qr_code.as_deref()?;
            let line = split.toml(&file).key_line("qr_code").unwrap_or(1);
            rendered.links.push(InternalLink {
                line,
                written: target.to_owned(),
                path: Some(target.to_owned()),
                anchor: None,
            });
            qr_for_page(target, loaded, &file, line, report)
        });
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
            section: front.section,
            order: front.order,
            audience: front.audience,
            last_reviewed: front.last_reviewed,
            owner: front.owner,
            aliases: front.aliases,
            key_stages: front.key_stages,
            topics: front.topics,
            layout: front.layout,
            qr,
            translation: None,
            body_html: rendered.html,
            sources: front.sources,
        });
    }
    (pages, sources)
}

/// The markdown below a page's front matter, rendered, with its problems reported.
pub(super) fn render_body(
    file: &str,
    rel: &str,
    split: &Split<'_>,
    phones: &[String],
    report: &mut Report,
) -> markdown::Rendered {
    markdown::render(
        &markdown::Source {
            file,
            rel,
            body: split.body,
            body_first_line: split.body_first_line,
            phones,
        },
        report,
    )
}

/// What the passes need to know about a rendered page file.
pub(super) fn source_of(
    file: String,
    path: &str,
    split: &Split<'_>,
    links: Vec<InternalLink>,
    anchors: Vec<String>,
    words: String,
) -> PageSource {
    PageSource {
        file,
        path: path.to_owned(),
        front: split.front.to_owned(),
        front_first_line: split.front_first_line,
        links,
        anchors,
        words,
    }
}

/// The address of the page file `rel`, or a problem with its name.
pub(super) fn page_path(rel: &str, file: &str, report: &mut Report) -> Option<String> {
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

/// The QR code for `target`, a page of this site, at the site's public address.
fn qr_for_page(
    target: &str,
    loaded: Option<&LoadedSettings>,
    file: &str,
    line: usize,
    report: &mut Report,
) -> Option<QrImage> {
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
        Ok(svg) => Some(QrImage { url, svg }),
        Err(qr::QrError::TooLong) => {
            report.at(file, Some(line)).field("qr_code").fix(
                format!("{url} is too long for a QR code."),
                "Point the code at a page with a shorter address, such as the home page.",
            );
            None
        }
    }
}
