//! A language's locator words: `content/<code>/locator.toml`, one value for each word
//! the locator says ([`app::locator::W`]), so the locator is never half in one
//! language. A value keeps the English value's `{names}`, which the site fills in.

use crate::content::report::Report;
use crate::content::source::TomlFile;
use app::locator::{placeholders, Words, W};
use std::collections::BTreeMap;

const FIX_MISSING: &str = "Copy locator.toml from another language's folder and translate each value, keeping the names in braces.";

/// The words of `source`, when every one is there, none is empty and each keeps its
/// `{names}`; every problem is reported at once.
pub fn load_locator_words(source: &TomlFile<'_>, report: &mut Report) -> Option<Words> {
    let table: BTreeMap<String, String> = source.parse(FIX_MISSING, report)?;
    let mut complete = true;
    for name in table.keys() {
        if !W::ALL.iter().any(|word| word.name() == name) {
            complete = false;
            report
                .at(source.file, source.key_line(name))
                .field(name)
                .fix(
                    "is not a word the locator says.",
                    "Check the spelling against the English list in content/README.md, or remove the line.",
                );
        }
    }
    let mut values = Vec::with_capacity(W::ALL.len());
    for word in W::ALL {
        if *word == W::SilentCallNote {
            // Said once, in strings.toml; the language's loader puts it in.
            if table.contains_key(word.name()) {
                complete = false;
                report
                    .at(source.file, source.key_line(word.name()))
                    .field(word.name())
                    .fix(
                        "belongs in strings.toml, not here.",
                        "Remove the line: the locator uses the note in the language's strings.toml.",
                    );
            }
            values.push(String::new());
            continue;
        }
        let Some(value) = table.get(word.name()) else {
            complete = false;
            report.at(source.file, None).field(word.name()).fix(
                "is missing.",
                format!(
                    "Add the line {} = \"…\", translating the English \"{}\".",
                    word.name(),
                    word.english()
                ),
            );
            continue;
        };
        complete &= check_value(source, *word, value, report);
        values.push(value.clone());
    }
    if complete {
        Words::from_values(values)
    } else {
        None
    }
}

/// One value: not empty, the clock a known style, and the English value's `{names}`.
fn check_value(source: &TomlFile<'_>, word: W, value: &str, report: &mut Report) -> bool {
    let line = source.key_line(word.name());
    if value.trim().is_empty() {
        report.at(source.file, line).field(word.name()).fix(
            "is empty.",
            "Write the words in the language of the folder.",
        );
        return false;
    }
    if word == W::Clock {
        if value != "12-hour" && value != "24-hour" {
            report.at(source.file, line).field(word.name()).fix(
                "is not a clock the site knows.",
                "Write 24-hour (times such as 17:30) or 12-hour (times such as 5:30pm).",
            );
            return false;
        }
        return true;
    }
    let mut english = placeholders(word.english());
    let mut translated = placeholders(value);
    english.sort_unstable();
    translated.sort_unstable();
    if english != translated {
        let names = |names: &[&str]| {
            if names.is_empty() {
                "none".to_owned()
            } else {
                names
                    .iter()
                    .map(|name| format!("{{{name}}}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        report.at(source.file, line).field(word.name()).fix(
            format!(
                "uses the names {} but the English uses {}.",
                names(&translated),
                names(&english)
            ),
            "Keep each name in braces exactly as the English writes it (the site fills it in); move it where the sentence needs it.",
        );
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english_file() -> String {
        W::ALL
            .iter()
            .filter(|word| **word != W::SilentCallNote)
            .map(|word| format!("{} = {:?}\n", word.name(), word.english()))
            .collect()
    }

    #[test]
    fn a_complete_file_gives_its_words() {
        let mut report = Report::default();
        let text = english_file().replace("\"Find help near here\"", "\"Znajdź pomoc\"");
        let words = load_locator_words(
            &TomlFile::new("content/pl/locator.toml", &text),
            &mut report,
        );
        assert!(report.errors().is_empty(), "{report}");
        assert_eq!(
            words.map(|w| w[W::Submit].to_owned()),
            Some("Znajdź pomoc".to_owned())
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_fix() {
        let mut report = Report::default();
        let text = english_file()
            .replace("use_location = \"Use my location\"\n", "")
            .replace("\"Nearest to {origin}\"", "\"Najbliżej {town}\"")
            .replace("clock = \"12-hour\"", "clock = \"24h\"")
            .replace(
                "submit = \"Find help near here\"",
                "submit = \" \"\nsubmitt = \"x\"",
            );
        let file = TomlFile::new("content/pl/locator.toml", &text);
        assert!(load_locator_words(&file, &mut report).is_none());
        let said = report.to_string();
        for expected in [
            "content/pl/locator.toml: use_location: is missing.\n    How to fix: Add the line use_location = \"…\", translating the English \"Use my location\".",
            "content/pl/locator.toml:46: results_heading: uses the names {town} but the English uses {origin}.\n    How to fix: Keep each name in braces",
            "content/pl/locator.toml:1: clock: is not a clock the site knows.\n    How to fix: Write 24-hour (times such as 17:30) or 12-hour (times such as 5:30pm).",
            "content/pl/locator.toml:28: submit: is empty.",
            "content/pl/locator.toml:29: submitt: is not a word the locator says.",
        ] {
            assert!(said.contains(expected), "{expected} not in:\n{said}");
        }
        assert_eq!(report.errors().len(), 5, "{said}");
    }
}
