//! A language's words for the locator (`content/<code>/locator.toml`, one value for
//! each [`W`]) and for the story form (`content/<code>/story.toml`, one for each
//! [`S`]), so neither is ever half in one language. A value keeps the English value's
//! `{names}`, which the site fills in. Every problem is reported at once, with its
//! file, line, word and fix.

use crate::content::report::Report;
use crate::content::source::TomlFile;
use app::locator::{placeholders, Key, Words, W};
use app::model::{StoryWords, S};
use app::phrases::Phrases;
use std::collections::BTreeMap;

/// The locator's words from `source` (a `locator.toml`).
pub fn load_locator_words(source: &TomlFile<'_>, report: &mut Report) -> Option<Words> {
    load(source, "locator.toml", report, |word, value| match word {
        // Said once, in strings.toml; the language's loader puts it in.
        W::SilentCallNote => Rule::FromStrings,
        W::Clock if value != "12-hour" && value != "24-hour" => Rule::Refuse(
            "is not a clock the site knows.",
            "Write 24-hour (times such as 17:30) or 12-hour (times such as 5:30pm).",
        ),
        W::Clock => Rule::Plain,
        _ => Rule::Words,
    })
}

/// The story form's words from `source` (a `story.toml`).
pub fn load_story_words(source: &TomlFile<'_>, report: &mut Report) -> Option<StoryWords> {
    load(source, "story.toml", report, |_: S, _| Rule::Words)
}

/// How one value is checked.
pub enum Rule {
    /// Words, keeping the English value's `{names}`.
    Words,
    /// A setting, not words: any non-empty value the caller accepted.
    Plain,
    /// Not written in this file.
    FromStrings,
    /// Refused: the problem and its fix.
    Refuse(&'static str, &'static str),
}

fn load<K: Key>(
    source: &TomlFile<'_>,
    file_name: &str,
    report: &mut Report,
    rule: impl Fn(K, &str) -> Rule,
) -> Option<Phrases<K>> {
    let fix = format!("Copy {file_name} from another language's folder and translate each value, keeping the names in braces.");
    let table: BTreeMap<String, String> = source.parse(&fix, report)?;
    words_of(source, file_name, &table, report, rule)
}

/// The words of `table`, one value for each key of `K`, checked by `rule`; `None`
/// (with every problem reported) unless each is there and right.
pub fn words_of<K: Key>(
    source: &TomlFile<'_>,
    file_name: &str,
    table: &BTreeMap<String, String>,
    report: &mut Report,
    rule: impl Fn(K, &str) -> Rule,
) -> Option<Phrases<K>> {
    let mut complete = true;
    for name in table.keys() {
        if !K::ALL.iter().any(|key| key.name() == name) {
            complete = false;
            report
                .at(source.file, source.key_line(name))
                .field(name)
                .fix(
                    format!("is not a word of {file_name}."),
                    "Check the spelling against the same file in another language's folder, or remove the line.",
                );
        }
    }
    let mut values = Vec::with_capacity(K::ALL.len());
    for key in K::ALL {
        let value = table.get(key.name());
        let checked = match (rule(*key, value.map_or("", String::as_str)), value) {
            (Rule::FromStrings, None) => Some(String::new()),
            (Rule::FromStrings, Some(_)) => {
                report
                    .at(source.file, source.key_line(key.name()))
                    .field(key.name())
                    .fix(
                        "belongs in strings.toml, not here.",
                        "Remove the line: the same words in the language's strings.toml are used.",
                    );
                None
            }
            (_, None) => {
                report.at(source.file, None).field(key.name()).fix(
                    "is missing.",
                    format!(
                        "Add the line {} = \"…\", translating the English \"{}\".",
                        key.name(),
                        key.english()
                    ),
                );
                None
            }
            (rule, Some(value)) => {
                check_value(source, *key, value, rule, report).then(|| value.clone())
            }
        };
        match checked {
            Some(value) => values.push(value),
            None => complete = false,
        }
    }
    if complete {
        Phrases::from_values(values)
    } else {
        None
    }
}

/// One value: not empty, accepted by its rule, and with the English value's `{names}`.
fn check_value<K: Key>(
    source: &TomlFile<'_>,
    key: K,
    value: &str,
    rule: Rule,
    report: &mut Report,
) -> bool {
    let line = source.key_line(key.name());
    let mut problem = |what: String, fix: &str| {
        report
            .at(source.file, line)
            .field(key.name())
            .fix(what, fix);
        false
    };
    if value.trim().is_empty() {
        return problem(
            "is empty.".to_owned(),
            "Write the words in the language of the folder.",
        );
    }
    match rule {
        Rule::Refuse(what, fix) => return problem(what.to_owned(), fix),
        Rule::Plain | Rule::FromStrings => return true,
        Rule::Words => {}
    }
    let mut english = placeholders(key.english());
    let mut translated = placeholders(value);
    english.sort_unstable();
    translated.sort_unstable();
    if english == translated {
        return true;
    }
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
    problem(
        format!(
            "uses the names {} but the English uses {}.",
            names(&translated),
            names(&english)
        ),
        "Keep each name in braces exactly as the English writes it (the site fills it in); move it where the sentence needs it.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english_file<K: Key>(skip: &[K]) -> String {
        K::ALL
            .iter()
            .filter(|key| !skip.contains(key))
            .map(|key| format!("{} = {:?}\n", key.name(), key.english()))
            .collect()
    }

    #[test]
    fn a_complete_file_gives_its_words() {
        let mut report = Report::default();
        let text = english_file(&[W::SilentCallNote])
            .replace("\"Find help near here\"", "\"Znajdź pomoc\"");
        let words = load_locator_words(
            &TomlFile::new("content/pl/locator.toml", &text),
            &mut report,
        );
        assert!(report.errors().is_empty(), "{report}");
        assert_eq!(
            words.map(|w| w[W::Submit].to_owned()),
            Some("Znajdź pomoc".to_owned())
        );
        let text = english_file::<S>(&[]);
        let story = load_story_words(&TomlFile::new("content/pl/story.toml", &text), &mut report);
        assert!(report.errors().is_empty(), "{report}");
        assert_eq!(
            story.map(|s| s[S::Send].to_owned()),
            Some("Send your story".to_owned())
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_fix() {
        let mut report = Report::default();
        let text = english_file(&[W::SilentCallNote])
            .replace("use_location = \"Use my location\"\n", "")
            .replace("\"Nearest to {origin}\"", "\"Najbliżej {town}\"")
            .replace("clock = \"12-hour\"", "clock = \"24h\"")
            .replace(
                "submit = \"Find help near here\"",
                "submit = \" \"\nsubmitt = \"x\"",
            )
            + "silent_call_note = \"x\"\n";
        let file = TomlFile::new("content/pl/locator.toml", &text);
        assert!(load_locator_words(&file, &mut report).is_none());
        let said = report.to_string();
        for expected in [
            "content/pl/locator.toml: use_location: is missing.\n    How to fix: Add the line use_location = \"…\", translating the English \"Use my location\".",
            "content/pl/locator.toml:46: results_heading: uses the names {town} but the English uses {origin}.\n    How to fix: Keep each name in braces",
            "content/pl/locator.toml:1: clock: is not a clock the site knows.\n    How to fix: Write 24-hour (times such as 17:30) or 12-hour (times such as 5:30pm).",
            "content/pl/locator.toml:28: submit: is empty.",
            "content/pl/locator.toml:29: submitt: is not a word of locator.toml.",
            "silent_call_note: belongs in strings.toml, not here.",
        ] {
            assert!(said.contains(expected), "{expected} not in:\n{said}");
        }
        assert_eq!(report.errors().len(), 6, "{said}");
    }

    #[test]
    fn a_story_file_keeps_its_names_too() {
        let mut report = Report::default();
        let text = english_file::<S>(&[]).replace("{months} months", "months");
        let file = TomlFile::new("content/ur/story.toml", &text);
        assert!(load_story_words(&file, &mut report).is_none());
        assert!(
            report
                .to_string()
                .contains(": deleted: uses the names none but the English uses {months}."),
            "{report}"
        );
    }
}
