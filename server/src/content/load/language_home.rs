//! A language's home page, `content/<code>/home.toml`: the words of its first screen
//! (one value for each [`H`]) and, under `[choices.<id>]`, each of the site's chooser
//! answers (`[[urgent_help]]` in site.toml, by its id) in the language. The numbers to
//! call come from the English answer, so a translation can never change them; the
//! words must give the same numbers as the English, in the digits 0-9. Every problem is
//! reported at once, with its file, line, field and fix.

use super::phrases::{words_of, Rule};
use crate::content::markdown::phone_numbers;
use crate::content::report::Report;
use crate::content::source::TomlFile;
use app::model::{HelpRoute, LanguageHome, NavLink, H};
use serde::Deserialize;
use std::collections::BTreeMap;

const FILE: &str = "home.toml";

#[derive(Deserialize)]
struct RawHome {
    #[serde(default)]
    choices: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(flatten)]
    words: BTreeMap<String, String>,
}

/// The home page in the language of `source`, for the site's chooser `english`.
pub fn load_language_home(
    source: &TomlFile<'_>,
    english: &[HelpRoute],
    phones: &[String],
    report: &mut Report,
) -> Option<LanguageHome> {
    let fix = "Copy home.toml from another language's folder and translate each value.";
    let raw: RawHome = source.parse(fix, report)?;
    let words = words_of(source, FILE, &raw.words, report, |_: H, _| Rule::Words);
    let mut complete = true;
    for id in raw.choices.keys() {
        if !english.iter().any(|route| &route.id == id) {
            complete = false;
            report
                .at(source.file, source.path_line(&["choices", id]))
                .field(&format!("choices.{id}"))
                .fix(
                    "is not one of the site's choices.",
                    "Use the id of an [[urgent_help]] answer in site.toml, or remove the table.",
                );
        }
    }
    let mut urgent_help = Vec::with_capacity(english.len());
    for route in english {
        match choice(source, route, raw.choices.get(&route.id), phones, report) {
            Some(translated) => urgent_help.push(translated),
            None => complete = false,
        }
    }
    let words = words?;
    complete.then_some(LanguageHome { words, urgent_help })
}

/// The fields a translated answer has: those of its English answer.
fn fields(english: &HelpRoute) -> Vec<(&'static str, &str)> {
    let mut fields = vec![
        ("choice", english.choice.as_str()),
        ("heading", english.heading.as_str()),
        ("text", english.text.as_str()),
    ];
    if let Some(more) = &english.more {
        fields.push(("more", more.label.as_str()));
    }
    fields
}

/// One answer in the language, or `None` with its problems reported.
fn choice(
    source: &TomlFile<'_>,
    english: &HelpRoute,
    raw: Option<&BTreeMap<String, String>>,
    phones: &[String],
    report: &mut Report,
) -> Option<HelpRoute> {
    let id = &english.id;
    let expected = fields(english);
    let Some(raw) = raw else {
        let names: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
        report
            .at(source.file, None)
            .field(&format!("choices.{id}"))
            .fix(
                "is missing.",
                format!(
                    "Add a [choices.{id}] table with {}, translating the English answer \"{}\" in site.toml.",
                    names.join(", "),
                    english.choice
                ),
            );
        return None;
    };
    let mut complete = true;
    for name in raw.keys() {
        if expected.iter().any(|(field, _)| field == name) {
            continue;
        }
        complete = false;
        let fix = if name == "more" {
            "The English answer has no link to read more, so this one has none either: remove the line."
        } else {
            "A choice has only choice, heading, text and, when the English has a link, more. Check the spelling or remove the line."
        };
        report
            .at(source.file, source.path_line(&["choices", id, name]))
            .field(&format!("choices.{id}.{name}"))
            .fix("is not a field of this choice.", fix);
    }
    for (name, english_words) in &expected {
        let line = source.path_line(&["choices", id, name]);
        let field = format!("choices.{id}.{name}");
        match raw.get(*name) {
            None => {
                complete = false;
                report.at(source.file, None).field(&field).fix(
                    "is missing.",
                    format!(
                        "Add the line {name} = \"…\", translating the English \"{english_words}\"."
                    ),
                );
            }
            Some(value) if value.trim().is_empty() => {
                complete = false;
                report.at(source.file, line).field(&field).fix(
                    "is empty.",
                    "Write the words in the language of the folder.",
                );
            }
            Some(value) => {
                complete &= same_numbers(english_words, value, phones, |what, fix| {
                    report.at(source.file, line).field(&field).fix(what, fix);
                });
            }
        }
    }
    let text = |name: &str| raw.get(name).cloned().unwrap_or_default();
    complete.then(|| HelpRoute {
        id: id.clone(),
        choice: text("choice"),
        heading: text("heading"),
        text: text("text"),
        contacts: english.contacts.clone(),
        more: english.more.as_ref().map(|link| NavLink {
            label: text("more"),
            path: link.path.clone(),
            hreflang: None,
        }),
    })
}

/// Whether `translated` gives exactly the numbers `english` gives, in the digits 0-9,
/// and only phone numbers in the register; `problem` hears why not.
fn same_numbers(
    english: &str,
    translated: &str,
    phones: &[String],
    mut problem: impl FnMut(String, &str),
) -> bool {
    if translated
        .chars()
        .any(|c| c.is_numeric() && !c.is_ascii_digit())
    {
        problem(
            "writes a number in other digits.".to_owned(),
            "Write numbers in the digits 0-9, as the register does, so a phone can dial them when they are tapped.",
        );
        return false;
    }
    for (written, digits) in phone_numbers(translated) {
        if !phones.contains(&digits) {
            problem(
                format!("mentions the phone number {written}, which is not in the helpline register."),
                "Only publish numbers that are in helplines.toml, checked with the organisation; the English answer's numbers are the ones to give.",
            );
            return false;
        }
    }
    let numbers = |text: &str| -> Vec<String> {
        let mut numbers: Vec<String> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
            .map(str::to_owned)
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    };
    let (wanted, given) = (numbers(english), numbers(translated));
    if wanted == given {
        return true;
    }
    let list = |numbers: &[String]| {
        if numbers.is_empty() {
            "none".to_owned()
        } else {
            numbers.join(", ")
        }
    };
    problem(
        format!(
            "gives the numbers {} but the English gives {}.",
            list(&given),
            list(&wanted)
        ),
        "Give every number the English answer gives, and no other, so the translation says the same as the English.",
    );
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::model::Contact;

    fn english() -> Vec<HelpRoute> {
        let contact = Contact {
            name: "Emergency services".into(),
            number: "999".into(),
            dial: "999".into(),
            hours: "Day and night".into(),
        };
        vec![
            HelpRoute {
                id: "danger".into(),
                choice: "I'm in danger now".into(),
                heading: "Call 999 now".into(),
                text: "Call 999. On a mobile, press 55.".into(),
                contacts: vec![contact],
                more: Some(NavLink {
                    label: "How a 999 call works".into(),
                    path: "/get-help/calling-999".into(),
                    hreflang: None,
                }),
            },
            HelpRoute {
                id: "talk".into(),
                choice: "I want to talk to someone".into(),
                heading: "Talk to someone".into(),
                text: "These helplines are free.".into(),
                contacts: Vec::new(),
                more: None,
            },
        ]
    }

    /// A Polish home.toml of `text`, for the site's chooser `english`.
    fn load(text: &str, english: &[HelpRoute]) -> (Option<LanguageHome>, Report) {
        let mut report = Report::default();
        let file = TomlFile::new("content/pl/home.toml", text);
        let home = load_language_home(&file, english, &[], &mut report);
        (home, report)
    }

    const WORDS: &str = "in_danger = \"W niebezpieczeństwie? Zadzwoń pod 999\"\ncannot_speak = \"Naciśnij 55.\"\nfind_near = \"Znajdź {scheme}\"\nchooser_heading = \"Czego potrzebujesz?\"\n";

    #[test]
    fn a_complete_file_gives_each_answer_with_the_english_numbers() {
        let text = format!(
            "{WORDS}[choices.danger]\nchoice = \"Jestem w niebezpieczeństwie\"\nheading = \"Zadzwoń pod 999\"\ntext = \"Zadzwoń pod 999. Na komórce naciśnij 55.\"\nmore = \"Jak działa 999\"\n\n[choices.talk]\nchoice = \"Chcę porozmawiać\"\nheading = \"Porozmawiaj\"\ntext = \"Te linie są bezpłatne.\"\n"
        );
        let (home, report) = load(&text, &english());
        assert!(report.errors().is_empty(), "{report}");
        let home = home.expect("a complete file");
        assert_eq!(home.words[H::ChooserHeading], *"Czego potrzebujesz?");
        let ids: Vec<&str> = home.urgent_help.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["danger", "talk"]);
        let danger = &home.urgent_help[0];
        assert_eq!(danger.choice, "Jestem w niebezpieczeństwie");
        assert_eq!(danger.contacts, english()[0].contacts);
        assert_eq!(
            danger.more,
            Some(NavLink {
                label: "Jak działa 999".into(),
                path: "/get-help/calling-999".into(),
                hreflang: None,
            })
        );
        assert_eq!(home.urgent_help[1].more, None);
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_fix() {
        let text = format!(
            "{WORDS}[choices.danger]\nchoice = \"Jestem\"\nheading = \" \"\ntext = \"Zadzwoń pod 112. Naciśnij 55.\"\ncolour = \"red\"\n\n[choices.talk]\nchoice = \"Chcę\"\nheading = \"Porozmawiaj\"\ntext = \"Linia ٠٨٠٨ jest bezpłatna.\"\nmore = \"Więcej\"\n\n[choices.tonight]\nchoice = \"x\"\n"
        )
        .replace("chooser_heading", "chooser_headline");
        let (home, report) = load(&text, &english());
        assert!(home.is_none());
        let said = report.to_string();
        for expected in [
            "content/pl/home.toml: chooser_heading: is missing.\n    How to fix: Add the line chooser_heading = \"…\", translating the English \"What do you need right now?\".",
            "content/pl/home.toml:4: chooser_headline: is not a word of home.toml.",
            "content/pl/home.toml:17: choices.tonight: is not one of the site's choices.\n    How to fix: Use the id of an [[urgent_help]] answer in site.toml, or remove the table.",
            "content/pl/home.toml:9: choices.danger.colour: is not a field of this choice.\n    How to fix: A choice has only choice, heading, text and, when the English has a link, more.",
            "content/pl/home.toml:7: choices.danger.heading: is empty.",
            "content/pl/home.toml:8: choices.danger.text: gives the numbers 112, 55 but the English gives 55, 999.",
            "content/pl/home.toml: choices.danger.more: is missing.\n    How to fix: Add the line more = \"…\", translating the English \"How a 999 call works\".",
            "content/pl/home.toml:14: choices.talk.text: writes a number in other digits.\n    How to fix: Write numbers in the digits 0-9",
            "content/pl/home.toml:15: choices.talk.more: is not a field of this choice.\n    How to fix: The English answer has no link to read more, so this one has none either: remove the line.",
        ] {
            assert!(said.contains(expected), "{expected} not in:\n{said}");
        }
        assert_eq!(report.errors().len(), 9, "{said}");
    }

    #[test]
    fn a_missing_answer_names_its_table_and_fields() {
        let (home, report) = load(WORDS, &english()[..1]);
        assert!(home.is_none());
        assert_eq!(
            report.errors()[0].to_string(),
            "content/pl/home.toml: choices.danger: is missing.\n    How to fix: Add a [choices.danger] table with choice, heading, text, more, translating the English answer \"I'm in danger now\" in site.toml."
        );
        assert_eq!(report.errors().len(), 1);
    }

    #[test]
    fn a_phone_number_must_be_in_the_register() {
        let mut problems = Vec::new();
        let register = ["08082000247".to_owned()];
        let check = |translated: &str, problems: &mut Vec<String>| {
            same_numbers("Call 0808 2000 247.", translated, &register, |what, _| {
                problems.push(what);
            })
        };
        assert!(check("Zadzwoń: 0808 2000 247.", &mut problems));
        assert!(!check("Zadzwoń: 0808 2000 248.", &mut problems));
        assert_eq!(
            problems,
            ["mentions the phone number 0808 2000 248, which is not in the helpline register."]
        );
    }
}
