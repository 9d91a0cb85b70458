//! Markdown to safe HTML with pulldown-cmark.
//!
//! Raw HTML is never passed through: it is dropped and reported. Headings get stable
//! ids. Links to other pages are rewritten to their addresses and collected, so the
//! loader can check that every one of them lands on a real page and anchor.

use super::paths::{page_path, resolve_relative};
use super::report::Report;
use super::source::line_index;
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;

/// A page body turned into HTML.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    /// Ids of the headings, for links to `#anchor`s.
    pub anchors: Vec<String>,
    /// Links to pages of this site, checked once every page is loaded.
    pub links: Vec<InternalLink>,
    /// The words a reader reads, one block per line, for the readability score.
    pub text: String,
}

/// A link from a page to a page of this site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalLink {
    pub line: usize,
    /// As the editor wrote it.
    pub written: String,
    /// The address it points to, without the anchor; `None` for the same page.
    pub path: Option<String>,
    pub anchor: Option<String>,
}

/// Where the markdown comes from, for messages and relative links.
pub struct Source<'a> {
    /// The file as editors see it, for messages.
    pub file: &'a str,
    /// The file's path under `content/pages/`, for relative links.
    pub rel: &'a str,
    pub body: &'a str,
    pub body_first_line: usize,
    /// The digits of every number in the helpline register that may be shown.
    pub phones: &'a [String],
}

pub fn render(source: &Source<'_>, report: &mut Report) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let line_of = |offset: usize| source.body_first_line + line_index(source.body, offset);

    let mut events: Vec<Event<'_>> = Vec::new();
    let mut links = Vec::new();
    let mut kept_links: Vec<bool> = Vec::new();
    let mut kept_images: Vec<bool> = Vec::new();
    let mut html_lines = BTreeSet::new();
    let mut in_html_block = false;
    let mut in_code = false;
    // Inside a tel: link the number is checked as a link already.
    let mut in_tel_link = false;
    let mut text = String::new();

    for (event, range) in Parser::new_ext(source.body, options).into_offset_iter() {
        let line = line_of(range.start);
        match &event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Link { dest_url, .. }) => {
                in_tel_link = dest_url.starts_with("tel:");
            }
            Event::End(TagEnd::Link) => in_tel_link = false,
            Event::Text(words) if !in_code => {
                text.push_str(words);
                if !in_tel_link {
                    check_phone_numbers(words, line, source, report);
                }
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => text.push('\n'),
            _ => {}
        }
        match event {
            Event::Start(Tag::HtmlBlock) => {
                in_html_block = true;
                report_html(source, report, &mut html_lines, line, &source.body[range]);
            }
            Event::End(TagEnd::HtmlBlock) => in_html_block = false,
            Event::Html(_) if in_html_block => {}
            Event::Html(text) | Event::InlineHtml(text) => {
                report_html(source, report, &mut html_lines, line, &text);
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => {
                report.at(source.file, Some(line)).fix(
                    "uses a top-level heading (a line starting with a single #). The page title is already the top heading.",
                    "Start headings in the text with ## (and ### for headings under them).",
                );
                events.push(event);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let kept = match classify_link(&dest_url, link_type) {
                    LinkKind::External => Some(dest_url),
                    LinkKind::Contact => {
                        // A number for calling from abroad, tel:+44…, is the register's
                        // UK number without its first 0.
                        let known = dest_url.strip_prefix("tel:").is_none_or(|digits| {
                            let uk = digits.strip_prefix("+44").map(|rest| format!("0{rest}"));
                            source
                                .phones
                                .iter()
                                .any(|p| p == digits || uk.as_deref() == Some(p.as_str()))
                        });
                        if !known {
                            report.at(source.file, Some(line)).fix(
                                format!("calls {dest_url}, which is not a number in the helpline register."),
                                "Use a number from content/helplines.toml (with confidence medium or high), written as tel: and its digits, such as tel:08082000247. Add a new number there first, with its source.",
                            );
                        }
                        known.then_some(dest_url)
                    }
                    LinkKind::Internal { target, anchor } => {
                        match internal_target(source, target, &dest_url, line, report) {
                            Some(path) => {
                                let href = match (&path, &anchor) {
                                    (Some(path), Some(anchor)) => format!("{path}#{anchor}"),
                                    (Some(path), None) => path.clone(),
                                    (None, Some(anchor)) => format!("#{anchor}"),
                                    (None, None) => String::new(),
                                };
                                links.push(InternalLink {
                                    line,
                                    written: dest_url.to_string(),
                                    path,
                                    anchor,
                                });
                                Some(CowStr::from(href))
                            }
                            None => None,
                        }
                    }
                    LinkKind::Insecure => {
                        report.at(source.file, Some(line)).fix(
                            format!("links to {dest_url}, which is not a secure (https) address."),
                            "Use the https:// address of that site, and check that it opens.",
                        );
                        None
                    }
                    LinkKind::Refused => {
                        report.at(source.file, Some(line)).fix(
                            format!("has a link to \"{dest_url}\", which the site does not allow."),
                            "Link to pages of this site (/get-help or now.md), to https:// sites, or to phone numbers (tel:08082000247).",
                        );
                        None
                    }
                };
                kept_links.push(kept.is_some());
                if let Some(dest_url) = kept {
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if kept_links.pop().unwrap_or(false) {
                    events.push(event);
                }
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                let local = dest_url.starts_with('/') && !dest_url.starts_with("//");
                if !local {
                    report.at(source.file, Some(line)).fix(
                        format!("shows an image from {dest_url}, which would load from another website and tell it about the visit."),
                        "Put the image in public/ and write its address starting with /, or remove it.",
                    );
                }
                kept_images.push(local);
                if local {
                    events.push(event);
                }
            }
            Event::End(TagEnd::Image) => {
                if kept_images.pop().unwrap_or(false) {
                    events.push(event);
                }
            }
            other => events.push(other),
        }
    }

    let anchors = assign_heading_ids(&mut events);
    let mut html = String::with_capacity(source.body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered {
        html,
        anchors,
        links,
        text,
    }
}

/// Phone numbers written in the text: each must be a whole UK number, and one from
/// the helpline register, so that nobody publishes an unchecked number.
fn check_phone_numbers(words: &str, line: usize, source: &Source<'_>, report: &mut Report) {
    for (written, digits) in phone_numbers(words) {
        let complete = digits.starts_with('0') && (10..=11).contains(&digits.len());
        if !complete {
            report.at(source.file, Some(line)).fix(
                format!("\"{written}\" looks like a phone number, but not a complete UK one."),
                "Check the number against helplines.toml: UK numbers have 10 or 11 digits and start with 0.",
            );
        } else if !source.phones.contains(&digits) {
            report.at(source.file, Some(line)).fix(
                format!("mentions the phone number {written}, which is not in the helpline register."),
                "Only publish numbers that are in helplines.toml with their source and confidence. Add it there first, once it has been checked with the organisation.",
            );
        }
    }
}

/// Runs of digits that look like phone numbers (starting with 0 or +44, at least nine
/// digits, with single spaces or hyphens between groups): as written, and as digits
/// dialled from the UK.
pub fn phone_numbers(text: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        let boundary = index == 0 || !chars[index - 1].is_alphanumeric();
        let starts = chars[index] == '0'
            || (chars[index] == '+'
                && chars.get(index + 1) == Some(&'4')
                && chars.get(index + 2) == Some(&'4'));
        if !(boundary && starts) {
            index += 1;
            continue;
        }
        let mut end = index + 1;
        while end < chars.len() {
            let c = chars[end];
            let joins = (c == ' ' || c == '-')
                && chars.get(end + 1).is_some_and(char::is_ascii_digit)
                && chars[end - 1].is_ascii_digit();
            if c.is_ascii_digit() || joins {
                end += 1;
            } else {
                break;
            }
        }
        let written: String = chars[index..end].iter().collect();
        let mut digits: String = written.chars().filter(char::is_ascii_digit).collect();
        if written.starts_with('+') {
            digits = format!("0{}", &digits[2..]);
        }
        if digits.len() >= 9 {
            found.push((written.trim().to_owned(), digits));
        }
        index = end;
    }
    found
}

fn report_html(
    source: &Source<'_>,
    report: &mut Report,
    seen: &mut BTreeSet<usize>,
    line: usize,
    html: &str,
) {
    if !seen.insert(line) {
        return;
    }
    let snippet: String = html.trim().chars().take(40).collect();
    report.at(source.file, Some(line)).fix(
        format!("contains HTML ({snippet}), which is never shown on the site."),
        "Use markdown instead: **bold**, [link text](/get-help), ## Heading. Then remove the HTML.",
    );
}

enum LinkKind<'a> {
    External,
    Contact,
    Insecure,
    Refused,
    Internal {
        target: &'a str,
        anchor: Option<String>,
    },
}

fn classify_link(dest: &str, link_type: LinkType) -> LinkKind<'_> {
    let lower = dest.to_ascii_lowercase();
    if lower.starts_with("https://") {
        return LinkKind::External;
    }
    if lower.starts_with("tel:") || lower.starts_with("mailto:") || link_type == LinkType::Email {
        return LinkKind::Contact;
    }
    if lower.starts_with("http://") {
        return LinkKind::Insecure;
    }
    if lower.contains(':') || dest.starts_with("//") || dest.contains('\\') {
        return LinkKind::Refused;
    }
    let (target, anchor) = match dest.split_once('#') {
        Some((target, anchor)) => (target, Some(anchor.to_owned())),
        None => (dest, None),
    };
    LinkKind::Internal { target, anchor }
}

/// The address an internal link points to: `Some(path)`, `None` for the same page.
/// Reports links that are written in a way the site cannot follow.
fn internal_target(
    source: &Source<'_>,
    target: &str,
    written: &str,
    line: usize,
    report: &mut Report,
) -> Option<Option<String>> {
    if target.is_empty() {
        return Some(None);
    }
    if let Some(path) = target.strip_prefix('/') {
        let trimmed = path.trim_end_matches('/');
        return Some(Some(format!("/{trimmed}")));
    }
    if target.ends_with(".md") {
        let resolved = resolve_relative(source.rel, target).and_then(|rel| page_path(&rel).ok());
        if resolved.is_some() {
            return Some(resolved);
        }
    }
    report.at(source.file, Some(line)).fix(
        format!("links to \"{written}\", which is not a page of this site."),
        "Write the page's address starting with / (for example /get-help/now) or its file name (for example now.md).",
    );
    None
}

/// Gives every heading an id: the one the editor wrote with {#id}, or one made from
/// its words. Returns all ids in order.
fn assign_heading_ids(events: &mut [Event<'_>]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[index] {
            let written = id.as_ref().map(|id| id.to_string());
            let chosen = written.unwrap_or_else(|| {
                let words = heading_text(&events[index + 1..]);
                unique(slugify(&words), &ids)
            });
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[index] {
                *id = Some(CowStr::from(chosen.clone()));
            }
            ids.push(chosen);
        }
        index += 1;
    }
    ids
}

fn heading_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(words) | Event::Code(words) => text.push_str(words),
            _ => {}
        }
    }
    text
}

/// "What is coercive control?" becomes "what-is-coercive-control".
pub fn slugify(words: &str) -> String {
    let mut slug = String::new();
    for c in words.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-') && !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "section".to_owned()
    } else {
        slug
    }
}

fn unique(slug: String, taken: &[String]) -> String {
    if !taken.contains(&slug) {
        return slug;
    }
    (2..)
        .map(|n| format!("{slug}-{n}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_text(body: &str) -> (Rendered, Vec<String>) {
        let mut report = Report::default();
        let source = Source {
            file: "x.md",
            rel: "help/x.md",
            body,
            body_first_line: 10,
            phones: &["999".to_owned(), "08082000247".to_owned()],
        };
        let rendered = render(&source, &mut report);
        let messages = report.errors().iter().map(ToString::to_string).collect();
        (rendered, messages)
    }

    #[test]
    fn headings_get_stable_unique_ids() {
        let (rendered, messages) = render_text("## What is coercive control?\n\n## Get help\n\n## Get help\n\n### Custom {#my-anchor}\n");
        assert!(messages.is_empty(), "{messages:?}");
        assert_eq!(
            rendered.anchors,
            [
                "what-is-coercive-control",
                "get-help",
                "get-help-2",
                "my-anchor"
            ]
        );
        assert!(rendered
            .html
            .contains("<h2 id=\"what-is-coercive-control\">What is coercive control?</h2>"));
        assert!(rendered.html.contains("<h3 id=\"my-anchor\">Custom</h3>"));
    }

    #[test]
    fn raw_html_is_dropped_and_reported() {
        let (rendered, messages) = render_text(
            "Hello <b>there</b>\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n",
        );
        assert!(!rendered.html.contains("<script"), "{}", rendered.html);
        assert!(!rendered.html.contains("<b>"));
        assert!(!rendered.html.contains("onerror"));
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert_eq!(
            messages[0],
            "x.md:10: contains HTML (<b>), which is never shown on the site.\n    How to fix: Use markdown instead: **bold**, [link text](/get-help), ## Heading. Then remove the HTML."
        );
        assert!(messages[1].starts_with("x.md:12: contains HTML (<script>alert(1)</script>)"));
    }

    #[test]
    fn dangerous_links_are_removed() {
        let (rendered, messages) = render_text(
            "[x](javascript:alert(1)) [y](data:text/html,hi) [z](http://example.org)\n",
        );
        assert!(!rendered.html.contains("javascript:"));
        assert!(!rendered.html.contains("data:"));
        assert!(!rendered.html.contains("http://"));
        assert_eq!(messages.len(), 3);
        assert!(messages[2].contains("not a secure (https) address"));
    }

    #[test]
    fn internal_links_are_rewritten_and_collected() {
        let (rendered, messages) = render_text(
            "[a](now.md#steps) [b](/get-help/) [c](#top) [d](https://example.org) [e](tel:999)\n",
        );
        assert!(messages.is_empty(), "{messages:?}");
        assert!(rendered.html.contains("href=\"/help/now#steps\""));
        assert!(rendered.html.contains("href=\"/get-help\""));
        assert!(rendered.html.contains("href=\"#top\""));
        let targets: Vec<_> = rendered
            .links
            .iter()
            .map(|l| (l.path.clone(), l.anchor.clone()))
            .collect();
        assert_eq!(
            targets,
            [
                (Some("/help/now".into()), Some("steps".into())),
                (Some("/get-help".into()), None),
                (None, Some("top".into())),
            ]
        );
    }

    #[test]
    fn only_register_numbers_can_be_called() {
        let (rendered, messages) = render_text(
            "[call](tel:08082000247) [abroad](tel:+448082000247) [bad](tel:01234567890)\n",
        );
        assert!(rendered.html.contains("tel:+448082000247"));
        assert!(rendered.html.contains("tel:08082000247"));
        assert!(!rendered.html.contains("tel:01234567890"));
        assert_eq!(messages.len(), 1);
        assert!(messages[0].starts_with(
            "x.md:10: calls tel:01234567890, which is not a number in the helpline register."
        ));
    }

    #[test]
    fn images_from_other_sites_are_refused() {
        let (rendered, messages) = render_text("![logo](https://cdn.example.org/logo.png)\n");
        assert!(!rendered.html.contains("cdn.example.org"));
        assert!(messages[0].contains("would load from another website"));
    }

    #[test]
    fn phone_numbers_in_text_are_found() {
        assert_eq!(
            phone_numbers("Call 0808 2000 247 or +44 808 2000 247, not 2026."),
            vec![
                ("0808 2000 247".to_owned(), "08082000247".to_owned()),
                ("+44 808 2000 247".to_owned(), "08082000247".to_owned()),
            ]
        );
        assert!(phone_numbers("In 2023, 0.5% of 10 000 people").is_empty());
        assert!(
            phone_numbers("ring 01484 22").is_empty(),
            "too short to be a number"
        );
    }

    #[test]
    fn unregistered_numbers_in_text_are_reported() {
        let (rendered, problems) =
            render_text("Ring 0808 2000 247 any time, or 0113 496 0000, or 0800 123 45.\n");
        assert!(rendered.html.contains("0808 2000 247"));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("mentions the phone number 0113 496 0000"));
        assert!(problems[1].contains("\"0800 123 45\" looks like a phone number"));
    }

    #[test]
    fn top_level_headings_are_reported() {
        let (_, messages) = render_text("# Title again\n");
        assert!(messages[0].starts_with("x.md:10: uses a top-level heading"));
    }

    #[test]
    fn pathological_input_renders() {
        let body = "[ (](".repeat(2000) + &"a***".repeat(2000);
        let (rendered, _) = render_text(&body);
        assert!(!rendered.html.is_empty());
    }
}
