//! Languages besides the site's own: `content/<code>/strings.toml` holds the words of
//! the page frame, and `content/<code>/pages/` the translated pages, each naming the
//! page it was translated from.

use crate::content::report::Report;
use crate::content::source::TomlFile;
use app::model::Strings;
use serde::Deserialize;

/// Every frame string is required, so a page is never half in one language.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStrings {
    language_name: String,
    exit: String,
    exit_now: String,
    exit_help: String,
    skip: String,
    help_now: String,
    silent_call_note: String,
    no_trace: String,
    awaiting_review: String,
    read_in_english: String,
    pages_in_language: String,
    languages: String,
    last_reviewed: String,
    find_help: String,
    menu: String,
    in_english: String,
}

/// The frame's words from a language's `strings.toml`.
/// Returns the language's name in itself and the strings.
pub fn load_strings(source: &TomlFile<'_>, report: &mut Report) -> Option<(String, Strings)> {
    let fix = "Copy strings.toml from another language's folder and translate each value. Every name must be there: language_name, exit, exit_now, exit_help, skip, help_now, silent_call_note, no_trace, awaiting_review, read_in_english, pages_in_language, languages, last_reviewed, find_help, menu, in_english.";
    let raw: RawStrings = source.parse(fix, report)?;
    let values = [
        ("language_name", &raw.language_name),
        ("exit", &raw.exit),
        ("exit_now", &raw.exit_now),
        ("exit_help", &raw.exit_help),
        ("skip", &raw.skip),
        ("help_now", &raw.help_now),
        ("silent_call_note", &raw.silent_call_note),
        ("no_trace", &raw.no_trace),
        ("awaiting_review", &raw.awaiting_review),
        ("read_in_english", &raw.read_in_english),
        ("pages_in_language", &raw.pages_in_language),
        ("languages", &raw.languages),
        ("last_reviewed", &raw.last_reviewed),
        ("find_help", &raw.find_help),
        ("menu", &raw.menu),
        ("in_english", &raw.in_english),
    ];
    let mut complete = true;
    for (name, value) in values {
        if value.trim().is_empty() {
            complete = false;
            report
                .at(source.file, source.key_line(name))
                .field(name)
                .fix(
                    "is empty.",
                    "Write the words in the language of the folder.",
                );
        }
    }
    complete.then_some({
        (
            raw.language_name,
            Strings {
                exit: raw.exit,
                exit_now: raw.exit_now,
                exit_help: raw.exit_help,
                skip: raw.skip,
                help_now: raw.help_now,
                silent_call_note: raw.silent_call_note,
                no_trace: raw.no_trace,
                awaiting_review: raw.awaiting_review,
                read_in_english: raw.read_in_english,
                pages_in_language: raw.pages_in_language,
                languages: raw.languages,
                last_reviewed: raw.last_reviewed,
                find_help: raw.find_help,
                menu: raw.menu,
                in_english: raw.in_english,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMPLETE: &str = r#"
language_name = "Polski"
exit = "a"
exit_now = "b"
exit_help = "c"
skip = "d"
help_now = "e"
silent_call_note = "f"
no_trace = "g"
awaiting_review = "h"
read_in_english = "i"
pages_in_language = "j"
languages = "k"
last_reviewed = "l"
find_help = "m"
menu = "n"
in_english = "o"
"#;

    #[test]
    fn every_string_is_required_and_none_may_be_empty() {
        let mut report = Report::default();
        let file = |text| TomlFile::new("content/pl/strings.toml", text);
        assert!(load_strings(&file(COMPLETE), &mut report).is_some());
        assert!(report.errors().is_empty());

        let missing = COMPLETE.replace("find_help = \"m\"\n", "");
        assert!(load_strings(&file(&missing), &mut report).is_none());
        assert!(
            report.to_string().contains("missing field `find_help`"),
            "{report}"
        );

        let mut report = Report::default();
        let empty = COMPLETE.replace("skip = \"d\"", "skip = \" \"");
        assert!(load_strings(&file(&empty), &mut report).is_none());
        assert!(report.to_string().contains("skip: is empty."), "{report}");
    }
}
