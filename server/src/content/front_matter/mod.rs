//! Front matter: the TOML fields between two `+++` lines at the top of a page.

mod fields;
mod translation;

pub use translation::parse_translation;

use super::report::Report;
use super::source::TomlFile;
use super::suggest::closest;
use app::model::Date;
use app::model::{Audience, KeyStage, PageLayout, Topic};
use fields::Fields;
use toml::Table;

/// The fields every page has, after validation.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub section: String,
    pub order: i64,
    pub audience: Vec<Audience>,
    pub last_reviewed: Date,
    pub owner: String,
    /// Old addresses of the page, answered with a permanent redirect to it.
    pub aliases: Vec<String>,
    pub key_stages: Vec<KeyStage>,
    pub topics: Vec<Topic>,
    pub layout: PageLayout,
    /// The page of this site a QR code on the page points to, such as "/".
    pub qr_code: Option<String>,
    /// Where the page's facts come from.
    pub sources: Vec<app::model::Reference>,
}

const FIELDS: [&str; 13] = [
    "title",
    "summary",
    "section",
    "order",
    "audience",
    "last_reviewed",
    "owner",
    "aliases",
    "key_stages",
    "topics",
    "layout",
    "qr_code",
    "sources",
];

/// A page file cut into its front matter and its markdown body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front: &'a str,
    /// Line number of the first line after the opening `+++`.
    pub front_first_line: usize,
    pub body: &'a str,
    /// Line number of the first line of the body.
    pub body_first_line: usize,
}

impl<'a> Split<'a> {
    /// The front matter as a TOML text of `file`, starting on its own line.
    pub fn toml(&self, file: &'a str) -> TomlFile<'a> {
        TomlFile {
            file,
            text: self.front,
            first_line: self.front_first_line,
        }
    }
}

/// Cuts `text` at its `+++` fences, reporting a missing or unclosed fence.
pub fn split<'a>(text: &'a str, file: &str, report: &mut Report) -> Option<Split<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(after_open) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        report.at(file, Some(1)).fix(
            "the page does not start with front matter.",
            "Make the first line +++, then the fields (title, summary, section, last_reviewed, owner), then another +++ line.",
        );
        return None;
    };
    let mut offset = 0;
    for (index, line) in after_open.split_inclusive('\n').enumerate() {
        if line.trim_end() == "+++" {
            return Some(Split {
                front: &after_open[..offset],
                front_first_line: 2,
                body: &after_open[offset + line.len()..],
                body_first_line: index + 3,
            });
        }
        offset += line.len();
    }
    report.at(file, Some(1)).fix(
        "the front matter that opens with +++ on line 1 is never closed.",
        "Add a line containing only +++ after the last field, before the text of the page.",
    );
    None
}

/// Parses and checks the fields of one page; every problem goes into `report`.
/// `sections` are the section ids from site.toml (none when it could not be read).
pub fn parse(
    split: &Split<'_>,
    file: &str,
    sections: &[&str],
    report: &mut Report,
) -> Option<FrontMatter> {
    let table = parse_table(split, file, report)?;
    let fields = Fields {
        table: &table,
        split,
        file,
    };
    let errors_before = report.errors().len();
    fields.refuse_unknown(&FIELDS, "pages", report);

    let title = fields.text("title", "title = \"Get help now\"", report);
    let summary = fields.text(
        "summary",
        "summary = \"Who to call if you are in danger or need to talk.\"",
        report,
    );
    let section = fields.text("section", "section = \"get-help\"", report);
    if let Some(section) = section
        .as_deref()
        .filter(|s| !sections.is_empty() && !sections.contains(s))
    {
        let hint = match closest(section, sections.iter().copied()) {
            Some(near) => format!(
                "Did you mean \"{near}\"? Sections: {}.",
                sections.join(", ")
            ),
            None => format!("Use one of: {}.", sections.join(", ")),
        };
        report
            .at(file, fields.line("section"))
            .field("section")
            .fix(
                format!("\"{section}\" is not one of the sections in site.toml."),
                hint,
            );
    }
    let owner = fields.text("owner", "owner = \"Community engagement team\"", report);
    if let Some(owner) = &owner {
        if owner.contains('@') {
            report.at(file, fields.line("owner")).field("owner").fix(
                "looks like an email address. Pages name a team role, never a person or their contact details.",
                "Write the team role, for example owner = \"Community engagement team\".",
            );
        }
    }
    let order = fields.order(report);
    let audience = fields.audience(report);
    let last_reviewed = fields.date("last_reviewed", report);
    let aliases = fields.aliases(report);
    let key_stages = fields.keywords(
        "key_stages",
        &KeyStage::ALL,
        |k| k.key(),
        "key_stages = [\"ks4\"]",
        // "ks5" is one letter from "ks3", but means post-16.
        false,
        report,
    );
    let topics = fields.keywords(
        "topics",
        &Topic::ALL,
        |t| t.key(),
        "topics = [\"being-safe\"]",
        true,
        report,
    );
    let layout = fields.layout(report);
    let qr_code = fields.qr_code(report);
    let sources = fields.sources(report);

    if report.errors().len() > errors_before {
        return None;
    }
    Some(FrontMatter {
        title: title?,
        summary: summary?,
        section: section?,
        order,
        audience,
        last_reviewed: last_reviewed?,
        owner: owner?,
        aliases,
        key_stages,
        topics,
        layout,
        qr_code,
        sources,
    })
}

/// The front matter as a TOML table, or the report of why it is not valid TOML.
pub(super) fn parse_table(split: &Split<'_>, file: &str, report: &mut Report) -> Option<Table> {
    match toml::from_str(split.front) {
        Ok(table) => Some(table),
        Err(error) => {
            let line = error
                .span()
                .map(|span| split.toml(file).line_at(span.start));
            report.at(file, line).fix(
                format!("the front matter is not valid: {}.", error.message().trim_end_matches('.')),
                "Write each field on its own line as name = value, with text in double quotes, for example title = \"Get help now\".",
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\ntitle = \"Get help now\"\nsummary = \"Who to call.\"\nsection = \"get-help\"\nlast_reviewed = 2026-11-01\nowner = \"Community engagement team\"\n+++\n\nBody text.\n";

    #[test]
    fn splits_front_matter_from_body_with_line_numbers() {
        let mut report = Report::default();
        let split = split(GOOD, "x.md", &mut report).expect("splits");
        assert!(split.front.starts_with("title"));
        assert_eq!(split.body, "\nBody text.\n");
        assert_eq!(split.body_first_line, 8);
        assert!(report.is_empty());
    }

    #[test]
    fn parses_every_field() {
        let mut report = Report::default();
        let split = split(GOOD, "x.md", &mut report).expect("splits");
        let front = parse(&split, "x.md", &["get-help"], &mut report).expect("parses");
        assert_eq!(front.title, "Get help now");
        assert_eq!(front.order, 100);
        assert_eq!(front.audience, vec![Audience::Everyone]);
        assert_eq!(front.last_reviewed.to_string(), "2026-11-01");
    }

    #[test]
    fn reports_every_problem_at_once() {
        let text = "+++\ntitel = \"Oops\"\nsummary = 3\nsection = \"\"\nlast_reviewed = \"1 May\"\nowner = \"jo@example.org\"\naudience = [\"martians\"]\n+++\n";
        let mut report = Report::default();
        let split = split(text, "x.md", &mut report).expect("splits");
        assert_eq!(parse(&split, "x.md", &["get-help"], &mut report), None);
        let messages: Vec<String> = report.errors().iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 7, "{messages:#?}");
        assert!(messages[0].starts_with(
            "x.md:2: titel: is not a field pages have.\n    How to fix: Did you mean title?"
        ));
        assert!(messages[1].starts_with("x.md:1: title: is missing."));
        assert!(messages[2].starts_with("x.md:3: summary: should be text in double quotes."));
        assert!(messages[3].starts_with("x.md:4: section: is empty."));
        assert!(messages[4].starts_with("x.md:6: owner: looks like an email address."));
        assert!(messages[5].starts_with("x.md:7: audience: \"martians\" is not an audience"));
        assert!(messages[6].starts_with("x.md:5: last_reviewed: \"1 May\" is not a real date"));
    }
}
