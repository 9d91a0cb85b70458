//! `server check --translations`: for each language, its words for the home page, the
//! locator and the story form, which English pages are translated, which are awaiting community review, which are older than the English
//! page they translate, and which are not translated yet, section by section.

use app::model::{Page, Site};
use std::fmt::Write;

/// The report, as plain text for the terminal.
pub fn report(site: &Site) -> String {
    let english: Vec<&Page> = site
        .sections
        .iter()
        .flat_map(|section| site.pages_in(&section.id))
        .filter(|page| page.translation.is_none())
        .collect();
    let mut out = String::new();
    if site.languages.is_empty() {
        out.push_str("The site offers no languages besides its own.\n");
        return out;
    }
    for language in &site.languages {
        let translations: Vec<&Page> = site.translations_in(&language.code);
        let awaiting = translations
            .iter()
            .filter(|page| {
                page.translation
                    .as_ref()
                    .is_some_and(|t| !t.community_reviewed)
            })
            .count();
        let _ = writeln!(
            out,
            "{} ({}): {} of {} English pages translated, {awaiting} awaiting community review",
            language.name,
            language.code,
            translations.len(),
            english.len()
        );
        // A language loads only when every word of these files is there.
        let _ = writeln!(
            out,
            "  words       the home page's first screen and chooser ({0}/home.toml), the locator ({0}/locator.toml) and the story form ({0}/story.toml): every word translated, awaiting community review (content/TO-CONFIRM.md)",
            language.code
        );
        for page in &translations {
            let Some(translation) = &page.translation else {
                continue;
            };
            let mut notes = Vec::new();
            if !translation.community_reviewed {
                notes.push("awaiting community review".to_owned());
            }
            if let Some(original) = site.page(&translation.source) {
                if original.last_reviewed > page.last_reviewed {
                    notes.push(format!(
                        "older than the English page (reviewed {}, English {})",
                        page.last_reviewed, original.last_reviewed
                    ));
                }
            }
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(": {}", notes.join("; "))
            };
            let _ = writeln!(
                out,
                "  translated  {} -> {}{notes}",
                translation.source, page.path
            );
        }
        let mut section = "";
        for page in &english {
            let done = translations.iter().any(|t| {
                t.translation
                    .as_ref()
                    .is_some_and(|t| t.source == page.path)
            });
            if done {
                continue;
            }
            if page.section != section {
                section = &page.section;
                let _ = writeln!(out, "  not yet, in {section}:");
            }
            let _ = writeln!(out, "    {}  {}", page.path, page.title);
        }
        out.push('\n');
    }
    out
}
