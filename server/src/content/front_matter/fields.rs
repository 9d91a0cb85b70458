//! Reading one front-matter field at a time, each with its own exact message.

use super::Split;
use crate::content::report::Report;
use crate::content::suggest::closest;
use app::model::{Audience, Date, PageLayout};
use toml::{Table, Value};

pub(super) struct Fields<'a> {
    pub table: &'a Table,
    pub split: &'a Split<'a>,
    pub file: &'a str,
}

impl Fields<'_> {
    /// Reports every field that is not one of `known`, suggesting the likely one.
    pub(super) fn refuse_unknown(&self, known: &[&str], kind: &str, report: &mut Report) {
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
    pub(super) fn line(&self, key: &str) -> Option<usize> {
        Some(self.split.toml(self.file).key_line(key).unwrap_or(1))
    }

    pub(super) fn text(&self, key: &str, example: &str, report: &mut Report) -> Option<String> {
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

    pub(super) fn order(&self, report: &mut Report) -> i64 {
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
    pub(super) fn aliases(&self, report: &mut Report) -> Vec<String> {
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
                    && path[1..].split('/').all(crate::content::paths::is_slug)
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
    pub(super) fn keywords<T: Copy>(
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

    pub(super) fn layout(&self, report: &mut Report) -> PageLayout {
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
    pub(super) fn qr_code(&self, report: &mut Report) -> Option<String> {
        let value = self.table.get("qr_code")?;
        let usable = value.as_str().filter(|path| {
            *path == "/"
                || (path.starts_with('/')
                    && path[1..].split('/').all(crate::content::paths::is_slug))
        });
        if usable.is_none() {
            report.at(self.file, self.line("qr_code")).field("qr_code").fix(
                format!("{value} is not an address on this site."),
                "Write the page the code should open, starting with /, for example qr_code = \"/\" for the home page. Never add tracking words after it.",
            );
        }
        usable.map(str::to_owned)
    }

    pub(super) fn audience(&self, report: &mut Report) -> Vec<Audience> {
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

    pub(super) fn date(&self, key: &str, report: &mut Report) -> Option<Date> {
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

    /// `[[sources]]` tables, each with publisher, title, url and checked.
    pub(super) fn sources(&self, report: &mut Report) -> Vec<app::model::Reference> {
        const KEYS: [&str; 4] = ["publisher", "title", "url", "checked"];
        let Some(value) = self.table.get("sources") else {
            return Vec::new();
        };
        let example = "[[sources]] with publisher = \"GOV.UK\", title = \"…\", url = \"https://…\" and checked = 2026-12-01, each on its own line";
        let line = self.line("sources");
        let Some(items) = value.as_array() else {
            report.at(self.file, line).field("sources").fix(
                "should be one or more [[sources]] tables.",
                format!("After the other fields, write {example}."),
            );
            return Vec::new();
        };
        let mut found = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let number = index + 1;
            let Some(table) = item.as_table() else {
                report.at(self.file, line).field("sources").fix(
                    format!("source {number} is not a table."),
                    format!("Write {example}."),
                );
                continue;
            };
            for key in table.keys().filter(|key| !KEYS.contains(&key.as_str())) {
                report.at(self.file, line).field("sources").fix(
                    format!("source {number} has \"{key}\", which a source does not have."),
                    "A source has publisher, title, url and checked.",
                );
            }
            let text = |key: &str, report: &mut Report| -> Option<String> {
                let text = table.get(key).and_then(Value::as_str).map(str::trim);
                if text.is_none_or(str::is_empty) {
                    report.at(self.file, line).field("sources").fix(
                        format!("source {number} has no {key}."),
                        format!("Add {key} = \"…\" to it, in double quotes."),
                    );
                }
                text.filter(|text| !text.is_empty()).map(str::to_owned)
            };
            let (publisher, title, url) = (
                text("publisher", report),
                text("title", report),
                text("url", report),
            );
            if let Some(url) = url.as_deref().filter(|url| !url.starts_with("https://")) {
                report.at(self.file, line).field("sources").fix(
                    format!("source {number}'s url \"{url}\" does not start with https://."),
                    "Copy the address of the publisher's own page from the browser, starting with https://.",
                );
            }
            let written = match table.get("checked") {
                Some(Value::Datetime(datetime)) => datetime.to_string(),
                Some(Value::String(text)) => text.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            };
            let checked = Date::parse(&written);
            if checked.is_none() {
                report.at(self.file, line).field("sources").fix(
                    format!("source {number} needs checked, the date someone last checked it, as YYYY-MM-DD (found \"{written}\")."),
                    "Write it without quotes, for example checked = 2026-12-01.",
                );
            }
            if let (Some(publisher), Some(title), Some(url), Some(checked)) = (
                publisher,
                title,
                url.filter(|url| url.starts_with("https://")),
                checked,
            ) {
                found.push(app::model::Reference {
                    publisher,
                    title,
                    url,
                    checked,
                });
            }
        }
        found
    }
}
