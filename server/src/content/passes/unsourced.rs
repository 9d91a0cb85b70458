//! A page that states a law, a phone number, a scheme or a figure must say where it
//! comes from: at least one `[[sources]]` entry. Translations rest on the sources of
//! the page they translate.

use crate::content::load::Sources;
use crate::content::markdown::phone_numbers;
use crate::content::report::Report;
use app::model::Site;

/// Schemes people are told about by name, which a reader must be able to check.
const SCHEMES: [&str; 8] = [
    "Clare's Law",
    "Operation Encompass",
    "Ask for ANI",
    "Ask for Angela",
    "Silent Solution",
    "emergencySMS",
    "MARAC",
    "Sanctuary Scheme",
];

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    for page in site.pages.iter().filter(|page| page.translation.is_none()) {
        if !page.sources.is_empty() {
            continue;
        }
        let Some(source) = sources.page(&page.path) else {
            continue;
        };
        let Some(fact) = first_fact(&source.words) else {
            continue;
        };
        report.at(&source.file, Some(1)).field("sources").fix(
            format!("the page states {fact}, but lists no sources."),
            "Check it against the publisher's own page, then add a [[sources]] entry at the end of the front matter with publisher, title, url and checked. See \"Where facts come from\" in content/README.md.",
        );
    }
}

/// The first fact in `words` that needs a source, described for the editor.
fn first_fact(words: &str) -> Option<String> {
    if let Some((written, _)) = phone_numbers(words).into_iter().next() {
        return Some(format!("a phone number ({written})"));
    }
    if let Some(law) = law(words) {
        return Some(format!("a law ({law})"));
    }
    if let Some(scheme) = SCHEMES.iter().find(|scheme| words.contains(*scheme)) {
        return Some(format!("a scheme ({scheme})"));
    }
    figure(words).map(|figure| format!("a figure ({figure})"))
}

/// "… Act 2021": the word Act followed by a year.
fn law(words: &str) -> Option<String> {
    let tokens: Vec<&str> = words.split_whitespace().collect();
    tokens.windows(2).find_map(|pair| {
        let year = pair[1].trim_end_matches(|c: char| !c.is_ascii_digit());
        (pair[0] == "Act" && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("Act {year}"))
    })
}

/// A percentage, or "1 in 4" / "one in four".
fn figure(words: &str) -> Option<String> {
    let tokens: Vec<&str> = words.split_whitespace().collect();
    if let Some(percent) = tokens
        .iter()
        .find(|token| token.contains('%') && token.bytes().any(|b| b.is_ascii_digit()))
    {
        return Some((*percent).to_owned());
    }
    const NUMBERS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let counted = |token: &str| {
        let token = token
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        token.bytes().all(|b| b.is_ascii_digit()) && !token.is_empty()
            || NUMBERS.contains(&token.as_str())
    };
    tokens.windows(3).find_map(|three| {
        (three[1] == "in" && counted(three[0]) && counted(three[2]))
            .then(|| three.join(" ").trim_end_matches(['.', ',']).to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::first_fact;

    #[test]
    fn finds_each_kind_of_fact() {
        assert_eq!(
            first_fact("Call 0808 2000 247 at any time.").as_deref(),
            Some("a phone number (0808 2000 247)")
        );
        assert_eq!(
            first_fact("The Domestic Abuse Act 2021 says so.").as_deref(),
            Some("a law (Act 2021)")
        );
        assert_eq!(
            first_fact("Ask the police under Clare's Law.").as_deref(),
            Some("a scheme (Clare's Law)")
        );
        assert_eq!(
            first_fact("About 1 in 4 women.").as_deref(),
            Some("a figure (1 in 4)")
        );
        assert_eq!(
            first_fact("Nearly 30% of people.").as_deref(),
            Some("a figure (30%)")
        );
        assert_eq!(
            first_fact("One in five adults.").as_deref(),
            Some("a figure (One in five)")
        );
    }

    #[test]
    fn plain_advice_needs_no_source() {
        assert_eq!(
            first_fact("Talk to someone you trust. You are not alone, and it is not your fault.")
                .as_deref(),
            None
        );
        assert_eq!(first_fact("Act now, in 2 minutes.").as_deref(), None);
    }
}
