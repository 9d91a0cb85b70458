//! Front matter: the TOML fields between two `+++` lines at the top of a page.

use super::dates::Date;
use super::report::Report;
use super::suggest::closest;
use app::model::{Audience, KeyStage, PageLayout, Topic};
use toml::{Table, Value};

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
}

const FIELDS: [&str; 12] = [
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
    })
}

/// The fields of a translated page, after validation.
#[derive(Clone, Debug, PartialEq)]
pub struct TranslationFrontMatter {
    pub title: String,
    pub summary: String,
    /// The address of the page it was translated from.
    pub source: String,
    pub order: i64,
    pub last_reviewed: Date,
    pub owner: String,
    pub community_reviewed: bool,
}

const TRANSLATION_FIELDS: [&str; 7] = [
    "title",
    "summary",
    "source",
    "order",
    "last_reviewed",
    "owner",
    "community_reviewed",
];

/// Parses and checks the fields of a translated page. Whether `source` is a real
/// page is checked by the caller, which knows the pages.
pub fn parse_translation(
    split: &Split<'_>,
    file: &str,
    report: &mut Report,
) -> Option<TranslationFrontMatter> {
    let table = parse_table(split, file, report)?;
    let fields = Fields {
        table: &table,
        split,
        file,
    };
    let errors_before = report.errors().len();
    fields.refuse_unknown(&TRANSLATION_FIELDS, "translations", report);
    let title = fields.text(
        "title",
        "title = \"…\" (in the language of the page)",
        report,
    );
    let summary = fields.text(
        "summary",
        "summary = \"…\" (in the language of the page)",
        report,
    );
    let source = fields.text(
        "source",
        "source = \"/get-help/get-help-now\", the address of the English page it translates",
        report,
    );
    let owner = fields.text("owner", "owner = \"Community engagement team\"", report);
    let order = fields.order(report);
    let last_reviewed = fields.date("last_reviewed", report);
    let community_reviewed = match table.get("community_reviewed") {
        Some(Value::Boolean(reviewed)) => Some(*reviewed),
        Some(_) => {
            report.at(file, fields.line("community_reviewed")).field("community_reviewed").fix(
                "should be true or false, without quotes.",
                "Write community_reviewed = false until speakers of the language have checked the translation, then true.",
            );
            None
        }
        None => {
            report.at(file, fields.line("community_reviewed")).field("community_reviewed").fix(
                "is missing.",
                "Add community_reviewed = false. The page then says the translation is awaiting community review, until an editor changes it to true.",
            );
            None
        }
    };
    if report.errors().len() > errors_before {
        return None;
    }
    Some(TranslationFrontMatter {
        title: title?,
        summary: summary?,
        source: source?,
        order,
        last_reviewed: last_reviewed?,
        owner: owner?,
        community_reviewed: community_reviewed?,
    })
}

/// The front matter as a TOML table, or the report of why it is not valid TOML.
fn parse_table(split: &Split<'_>, file: &str, report: &mut Report) -> Option<Table> {
    match toml::from_str(split.front) {
        Ok(table) => Some(table),
        Err(error) => {
            let line = error
                .span()
                .map(|span| split.front_first_line + line_index(split.front, span.start));
            report.at(file, line).fix(
                format!("the front matter is not valid: {}.", error.message().trim_end_matches('.')),
                "Write each field on its own line as name = value, with text in double quotes, for example title = \"Get help now\".",
            );
            None
        }
    }
}

/// 0-based index of the line that holds byte `offset` of `text`.
pub fn line_index(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .unwrap_or(text)
        .bytes()
        .filter(|b| *b == b'\n')
        .count()
}

struct Fields<'a> {
    table: &'a Table,
    split: &'a Split<'a>,
    file: &'a str,
}

impl Fields<'_> {
    /// Reports every field that is not one of `known`, suggesting the likely one.
    fn refuse_unknown(&self, known: &[&str], kind: &str, report: &mut Report) {
        for key in self.table.keys() {
            if known.contains(&key.as_str()) {
                continue;
            }
            let list = known.join(", ");
            let hint = match closest(key, known.iter().copied()) {
                Some(near) => format!("Did you mean {near}? Fields {kind} can have: {list}."),
                None => format!("Remove it. Fields {kind} can have: {list}."),
            };
            report
                .at(self.file, self.line(key))
                .field(key)
                .fix(format!("is not a field {kind} have."), hint);
        }
    }

    /// The line where `key` is set, or the opening fence when it is missing.
    fn line(&self, key: &str) -> Option<usize> {
        let found = self.split.front.lines().position(|line| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
        Some(found.map_or(1, |index| self.split.front_first_line + index))
    }

    fn text(&self, key: &str, example: &str, report: &mut Report) -> Option<String> {
        match self.table.get(key) {
            None => {
                report.at(self.file, self.line(key)).field(key).fix(
                    "is missing.",
                    format!("Add a line to the front matter such as: {example}"),
                );
                None
            }
            Some(Value::String(text)) if text.trim().is_empty() => {
                report.at(self.file, self.line(key)).field(key).fix(
                    "is empty.",
                    format!("Write it in plain words, for example: {example}"),
                );
                None
            }
            Some(Value::String(text)) => Some(text.trim().to_owned()),
            Some(_) => {
                report.at(self.file, self.line(key)).field(key).fix(
                    "should be text in double quotes.",
                    format!("Write it like this: {example}"),
                );
                None
            }
        }
    }

    fn order(&self, report: &mut Report) -> i64 {
        match self.table.get("order") {
            None => 100,
            Some(Value::Integer(order)) => *order,
            Some(_) => {
                report.at(self.file, self.line("order")).field("order").fix(
                    "should be a whole number.",
                    "Write it without quotes, for example order = 2. Lower numbers come first.",
                );
                100
            }
        }
    }

    /// `aliases = ["/old/address"]`: each an absolute path of lower-case words.
    fn aliases(&self, report: &mut Report) -> Vec<String> {
        let Some(value) = self.table.get("aliases") else {
            return Vec::new();
        };
        let fix =
            "Write the old addresses as a list, for example aliases = [\"/get-help/old-name\"].";
        let Some(items) = value.as_array() else {
            report
                .at(self.file, self.line("aliases"))
                .field("aliases")
                .fix("should be a list in square brackets.", fix);
            return Vec::new();
        };
        let mut aliases = Vec::new();
        for item in items {
            let usable = item.as_str().filter(|path| {
                path.starts_with('/')
                    && path.len() > 1
                    && path[1..].split('/').all(super::paths::is_slug)
            });
            match usable {
                Some(path) => aliases.push(path.to_owned()),
                None => report
                    .at(self.file, self.line("aliases"))
                    .field("aliases")
                    .fix(
                        format!("{item} is not an address on this site."),
                        "An old address starts with / and uses lower-case letters, numbers and hyphens, like /get-help/old-name.",
                    ),
            }
        }
        aliases
    }

    /// A list of words from a fixed set, such as `key_stages = ["ks3", "ks4"]`.
    fn keywords<T: Copy>(
        &self,
        key: &str,
        all: &[T],
        word: impl Fn(T) -> &'static str,
        example: &str,
        suggest: bool,
        report: &mut Report,
    ) -> Vec<T> {
        let Some(value) = self.table.get(key) else {
            return Vec::new();
        };
        let known = all.iter().map(|t| word(*t)).collect::<Vec<_>>().join(", ");
        let Some(items) = value.as_array() else {
            report.at(self.file, self.line(key)).field(key).fix(
                "should be a list in square brackets.",
                format!("Write it like this: {example}."),
            );
            return Vec::new();
        };
        let mut found = Vec::new();
        for item in items {
            let written = item.as_str().unwrap_or_default();
            match all.iter().find(|t| word(**t) == written) {
                Some(t) => found.push(*t),
                None => {
                    let hint = match closest(written, all.iter().map(|t| word(*t))) {
                        Some(near) if suggest => {
                            format!("Did you mean \"{near}\"? Use one or more of: {known}.")
                        }
                        _ => format!("Use one or more of: {known}."),
                    };
                    report.at(self.file, self.line(key)).field(key).fix(
                        format!("\"{written}\" is not one of the words this field takes."),
                        hint,
                    );
                }
            }
        }
        found
    }

    fn layout(&self, report: &mut Report) -> PageLayout {
        let Some(value) = self.table.get("layout") else {
            return PageLayout::Article;
        };
        let written = value.as_str().unwrap_or_default();
        PageLayout::ALL
            .into_iter()
            .find(|l| l.key() == written)
            .unwrap_or_else(|| {
                let known = PageLayout::ALL.map(PageLayout::key).join(", ");
                report
                    .at(self.file, self.line("layout"))
                    .field("layout")
                    .fix(
                        format!("{value} is not a layout."),
                        format!("Use one of: {known}. Leave the field out for an ordinary page."),
                    );
                PageLayout::Article
            })
    }

    /// `qr_code = "/get-help"`: an address on this site, checked like a link later.
    fn qr_code(&self, report: &mut Report) -> Option<String> {
        let value = self.table.get("qr_code")?;
        let usable = value.as_str().filter(|path| {
            *path == "/"
                || (path.starts_with('/') && path[1..].split('/').all(super::paths::is_slug))
        });
        if usable.is_none() {
            report.at(self.file, self.line("qr_code")).field("qr_code").fix(
                format!("{value} is not an address on this site."),
                "Write the page the code should open, starting with /, for example qr_code = \"/\" for the home page. Never add tracking words after it.",
            );
        }
        usable.map(str::to_owned)
    }

    fn audience(&self, report: &mut Report) -> Vec<Audience> {
        let known = || {
            Audience::ALL
                .iter()
                .map(|a| a.key())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some(value) = self.table.get("audience") else {
            return vec![Audience::Everyone];
        };
        let Some(items) = value.as_array() else {
            report
                .at(self.file, self.line("audience"))
                .field("audience")
                .fix(
                    "should be a list in square brackets.",
                    "Write it like this: audience = [\"everyone\"].",
                );
            return Vec::new();
        };
        let mut audience = Vec::new();
        for item in items {
            let word = item.as_str().unwrap_or_default();
            match Audience::from_key(word) {
                Some(found) => audience.push(found),
                None => report
                    .at(self.file, self.line("audience"))
                    .field("audience")
                    .fix(
                        format!("\"{word}\" is not an audience the site knows."),
                        format!("Use one or more of: {}.", known()),
                    ),
            }
        }
        audience
    }

    fn date(&self, key: &str, report: &mut Report) -> Option<Date> {
        let example = "last_reviewed = 2026-11-23";
        let written = match self.table.get(key) {
            None => {
                report.at(self.file, self.line(key)).field(key).fix(
                    "is missing.",
                    format!("Add the date the page was last checked, as YYYY-MM-DD: {example}"),
                );
                return None;
            }
            Some(Value::Datetime(datetime)) => datetime.to_string(),
            Some(Value::String(text)) => text.clone(),
            Some(other) => other.to_string(),
        };
        let date = Date::parse(&written);
        if date.is_none() {
            report.at(self.file, self.line(key)).field(key).fix(
                format!("\"{written}\" is not a real date written as YYYY-MM-DD."),
                format!("Write the year, month and day with dashes, for example {example}"),
            );
        }
        date
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
