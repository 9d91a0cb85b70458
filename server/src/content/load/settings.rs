//! `site.toml` (site-wide settings) and `helplines.toml` (the verified register of
//! phone numbers that pages and settings may show).

use crate::content::report::Report;
use crate::content::source::TomlFile;
use crate::content::suggest::closest;
use app::model::{Contact, HelpRoute, NavLink, Section};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One entry of the helpline register, with where it came from.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Helpline {
    pub id: String,
    pub name: String,
    pub number: String,
    pub hours: String,
    pub confidence: Confidence,
    pub source: String,
    pub source_date: String,
}

/// How sure the register is of a number (see shared/reference/helplines.md).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegister {
    helpline: Vec<Helpline>,
}

/// The register, by id.
#[derive(Clone, Debug, Default)]
pub struct Register {
    pub helplines: BTreeMap<String, Helpline>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    site_name: String,
    area_name: String,
    language: String,
    exit_url: String,
    exit_help_path: String,
    #[serde(default)]
    site_url: Option<String>,
    #[serde(default)]
    open_data: Option<app::model::OpenDataLicence>,
    footer_contacts: Vec<String>,
    silent_call_note: String,
    example_district: String,
    example_town: String,
    sections: Vec<RawSection>,
    #[serde(default)]
    footer_links: Vec<NavLink>,
    #[serde(default)]
    urgent_help: Vec<RawHelpRoute>,
    #[serde(default)]
    languages: Vec<RawLanguage>,
    #[serde(default)]
    stories: Option<RawStories>,
}

/// `[stories]` in site.toml: who can open stories, and how long they are kept.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStories {
    recipients: Vec<String>,
    #[serde(default = "twelve")]
    keep_months: u32,
    #[serde(default = "sixty")]
    per_minute: u32,
}

fn sixty() -> u32 {
    crate::stories::limit::STORIES_PER_MINUTE
}

fn twelve() -> u32 {
    12
}

/// A language offered besides the site's own: `[[languages]]` in site.toml.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLanguage {
    pub code: String,
    /// "ltr" or "rtl".
    pub direction: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: String,
    summary: String,
    #[serde(default)]
    newest_first: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelpRoute {
    id: String,
    choice: String,
    heading: String,
    text: String,
    contacts: Vec<String>,
    more: Option<NavLink>,
}

/// Reads the register and checks every number in it.
pub fn load_register(source: &TomlFile<'_>, report: &mut Report) -> Register {
    let fix = "Each entry starts with [[helpline]] and has id, name, number, hours, confidence, source and source_date. See content/README.md.";
    let Some(raw) = source.parse::<RawRegister>(fix, report) else {
        return Register::default();
    };
    let mut helplines = BTreeMap::new();
    for helpline in raw.helpline {
        let line = source.line_of(&format!("\"{}\"", helpline.id));
        if dial_digits(&helpline.number).is_none() {
            report.at(source.file, source.line_of(&helpline.number)).field("number").fix(
                format!("\"{}\" is not a UK phone number this site can show.", helpline.number),
                "Write the number as people dial it in the UK, with spaces if you like: 999, 101, 116 123 or 0808 2000 247.",
            );
        }
        if helpline.source.trim().is_empty() {
            report.at(source.file, line).field("source").fix(
                format!("the number for {} has no source.", helpline.name),
                "Say where the number was checked (the organisation's own website, GOV.UK, NHS or police) before it is published.",
            );
        }
        if helplines.insert(helpline.id.clone(), helpline).is_some() {
            report.at(source.file, line).field("id").fix(
                "is used by more than one helpline.",
                "Give each helpline its own id.",
            );
        }
    }
    Register { helplines }
}

/// The digits to dial, if `number` is a well-formed UK number: an emergency or
/// short code (999, 112, 101, 111), a 116 number, Childline's 0800 1111, or 10–11
/// digits starting with 0.
pub fn dial_digits(number: &str) -> Option<String> {
    if !number.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        return None;
    }
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let well_formed = matches!(digits.as_str(), "999" | "112" | "101" | "111")
        || (digits.len() == 6 && digits.starts_with("116"))
        || (digits.len() == 8 && digits.starts_with("0800"))
        || (digits.starts_with('0') && (10..=11).contains(&digits.len()));
    well_formed.then_some(digits)
}

impl Register {
    /// The digits of every number pages may link to: all but the low-confidence ones.
    pub fn dialable(&self) -> Vec<String> {
        self.helplines
            .values()
            .filter(|h| h.confidence != Confidence::Low)
            .filter_map(|h| dial_digits(&h.number))
            .collect()
    }

    /// Resolves the helpline `id` to a contact people may be shown. Reports an unknown
    /// id, or a number the register is not confident of.
    pub fn contact(
        &self,
        id: &str,
        source: &TomlFile<'_>,
        field: &str,
        report: &mut Report,
    ) -> Option<Contact> {
        let line = source.line_of(&format!("\"{id}\""));
        let Some(helpline) = self.helplines.get(id) else {
            let hint = match closest(id, self.helplines.keys().map(String::as_str)) {
                Some(near) => format!("Did you mean \"{near}\"? Use an id from content/helplines.toml."),
                None => "Use an id from content/helplines.toml, or add the helpline there first with its source.".to_owned(),
            };
            report
                .at(source.file, line)
                .field(field)
                .fix(format!("\"{id}\" is not in the helpline register."), hint);
            return None;
        };
        if helpline.confidence == Confidence::Low {
            report.at(source.file, line).field(field).fix(
                format!("the register's confidence in {} ({}) is low, so it cannot be shown.", helpline.name, helpline.number),
                "Check the number with the organisation itself, then set confidence = \"medium\" or \"high\" in content/helplines.toml with the new source.",
            );
            return None;
        }
        Some(Contact {
            name: helpline.name.clone(),
            number: helpline.number.clone(),
            dial: dial_digits(&helpline.number)?,
            hours: helpline.hours.clone(),
        })
    }
}

/// Site settings before internal links are checked against the pages.
pub struct LoadedSettings {
    pub settings: app::model::Settings,
    pub sections: Vec<Section>,
    /// What the locator offers as examples of what to type.
    pub examples: app::model::Examples,
    /// Languages offered besides the site's own; their folders are read later.
    pub languages: Vec<(RawLanguage, app::model::TextDirection)>,
}

pub fn load_settings(
    source: &TomlFile<'_>,
    register: &Register,
    report: &mut Report,
) -> Option<LoadedSettings> {
    let fix = "Compare site.toml with the example in content/README.md: every setting is name = value, with text in double quotes.";
    let raw = source.parse::<RawSettings>(fix, report)?;

    if !raw.exit_url.starts_with("https://") || raw.exit_url.contains(char::is_whitespace) {
        report.at(source.file, source.key_line("exit_url")).field("exit_url").fix(
            format!("\"{}\" is not a full https:// address.", raw.exit_url),
            "Use a neutral page that shows nothing personal, such as a weather forecast: exit_url = \"https://www.bbc.co.uk/weather\".",
        );
    }
    let site_url = raw
        .site_url
        .as_deref()
        .map(|url| url.trim_end_matches('/').to_owned());
    if let Some(url) = &site_url {
        if !is_site_url(url) {
            report.at(source.file, source.key_line("site_url")).field("site_url").fix(
                format!("\"{url}\" is not the plain https:// address of a site."),
                "Write only the address people type, with nothing after the name, for example site_url = \"https://www.example.org.uk\".",
            );
        }
    }
    let mut section_ids = Vec::new();
    for section in &raw.sections {
        if !crate::content::paths::is_slug(&section.id) || section_ids.contains(&section.id) {
            report.at(source.file, source.line_of(&format!("\"{}\"", section.id))).field("sections.id").fix(
                format!("\"{}\" is not a usable section id.", section.id),
                "Use a short, unique id in lower-case letters and hyphens, for example id = \"get-help\". It becomes the section's address.",
            );
        }
        section_ids.push(section.id.clone());
    }
    let footer_contacts = raw
        .footer_contacts
        .iter()
        .filter_map(|id| register.contact(id, source, "footer_contacts", report))
        .collect();
    let urgent_help = raw
        .urgent_help
        .into_iter()
        .map(|route| HelpRoute {
            contacts: route
                .contacts
                .iter()
                .filter_map(|id| register.contact(id, source, "urgent_help.contacts", report))
                .collect(),
            id: route.id,
            choice: route.choice,
            heading: route.heading,
            text: route.text,
            more: route.more,
        })
        .collect();

    let mut languages = Vec::new();
    for language in raw.languages {
        let line = source.line_of(&format!("\"{}\"", language.code));
        let usable_code = language.code.len() <= 8
            && !language.code.is_empty()
            && language
                .code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-');
        if !usable_code || section_ids.contains(&language.code) {
            report.at(source.file, line).field("languages.code").fix(
                format!("\"{}\" is not a usable language code.", language.code),
                "Use the short code of the language in lower case, such as \"pl\" for Polish or \"ur\" for Urdu. It becomes the address of its pages, so it cannot be a section id.",
            );
            continue;
        }
        let direction = match language.direction.as_str() {
            "ltr" => app::model::TextDirection::LeftToRight,
            "rtl" => app::model::TextDirection::RightToLeft,
            other => {
                report.at(source.file, line).field("languages.direction").fix(
                    format!("\"{other}\" is not a writing direction."),
                    "Write direction = \"rtl\" for languages written right to left (Arabic, Urdu), or direction = \"ltr\".",
                );
                continue;
            }
        };
        languages.push((language, direction));
    }

    let stories = raw
        .stories
        .and_then(|stories| read_stories(stories, source, report));

    Some(LoadedSettings {
        languages,
        examples: app::model::Examples {
            district: raw.example_district,
            town: raw.example_town,
        },
        settings: app::model::Settings {
            site_name: raw.site_name,
            area_name: raw.area_name,
            language: raw.language,
            exit_url: raw.exit_url,
            exit_help_path: raw.exit_help_path,
            site_url,
            open_data: raw.open_data,
            footer_contacts,
            silent_call_note: raw.silent_call_note,
            footer_links: raw.footer_links,
            urgent_help,
            stories,
        },
        sections: raw
            .sections
            .into_iter()
            .map(|s| Section {
                id: s.id,
                title: s.title,
                summary: s.summary,
                newest_first: s.newest_first,
            })
            .collect(),
    })
}

/// The story settings, each recipient a valid `age` public key and at least one.
fn read_stories(
    raw: RawStories,
    source: &TomlFile<'_>,
    report: &mut Report,
) -> Option<app::model::StorySettings> {
    let line = source.key_line("stories");
    let mut good = true;
    for recipient in &raw.recipients {
        if crate::stories::parse_recipient(recipient).is_none() {
            good = false;
            report.at(source.file, source.line_of(recipient).or(line)).field("stories.recipients").fix(
                format!("\"{recipient}\" is not an age public key."),
                "Paste the public key that server stories keygen printed: one line starting age1. Never put the secret key (AGE-SECRET-KEY-…) here.",
            );
        }
    }
    if raw.recipients.is_empty() {
        good = false;
        report.at(source.file, line).field("stories.recipients").fix(
            "No one could open the stories: there is no public key.",
            "Run server stories keygen on the team's own computer and paste the public key it prints, as recipients = [\"age1…\"].",
        );
    }
    if !(1..=120).contains(&raw.keep_months) {
        good = false;
        report
            .at(source.file, line)
            .field("stories.keep_months")
            .fix(
                format!(
                    "{} is not a number of months to keep stories.",
                    raw.keep_months
                ),
                "Write a whole number of months from 1 to 120, such as keep_months = 12.",
            );
    }
    if raw.per_minute == 0 {
        good = false;
        report
            .at(source.file, line)
            .field("stories.per_minute")
            .fix(
                "0 stories a minute would turn every story away.",
                "Leave per_minute out (60 a minute), or write a whole number above 0.",
            );
    }
    good.then_some(app::model::StorySettings {
        recipients: raw.recipients,
        keep_months: raw.keep_months,
        per_minute: raw.per_minute,
    })
}

/// An https address with a host name and nothing after it: no path, query or fragment.
fn is_site_url(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|host| {
        host.contains('.')
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b':')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_url_is_a_bare_https_address() {
        assert!(is_site_url("https://www.example.org.uk"));
        assert!(!is_site_url("http://www.example.org.uk"));
        assert!(!is_site_url("https://www.example.org.uk/schools"));
        assert!(!is_site_url("https://www.example.org.uk?utm_source=poster"));
        assert!(!is_site_url("https://localhost"));
    }

    #[test]
    fn uk_numbers_are_checked() {
        assert_eq!(dial_digits("0808 2000 247"), Some("08082000247".into()));
        assert_eq!(dial_digits("999"), Some("999".into()));
        assert_eq!(dial_digits("116 123"), Some("116123".into()));
        assert_eq!(dial_digits("0800 1111"), Some("08001111".into()));
        assert_eq!(dial_digits("0808 111"), None, "too short");
        assert_eq!(dial_digits("+44 808 2000 247"), None);
        assert_eq!(dial_digits("0808-2000-247"), None);
        assert_eq!(dial_digits("12345"), None);
    }

    fn register() -> Register {
        let text = "[[helpline]]\nid = \"ndah\"\nname = \"National Domestic Abuse Helpline\"\nnumber = \"0808 2000 247\"\nhours = \"24 hours\"\nconfidence = \"high\"\nsource = \"Refuge\"\nsource_date = \"2021\"\n\n[[helpline]]\nid = \"maybe\"\nname = \"Unsure line\"\nnumber = \"0800 000 0000\"\nhours = \"?\"\nconfidence = \"low\"\nsource = \"a repo\"\nsource_date = \"2020\"\n";
        let mut report = Report::default();
        let register = load_register(&TomlFile::new("helplines.toml", text), &mut report);
        assert!(report.is_empty(), "{report}");
        register
    }

    #[test]
    fn contacts_come_only_from_confident_register_entries() {
        let register = register();
        let site = TomlFile::new(
            "site.toml",
            "footer_contacts = [\"ndah\", \"nadh\", \"maybe\"]\n",
        );
        let mut report = Report::default();
        let found = register.contact("ndah", &site, "footer_contacts", &mut report);
        assert_eq!(found.map(|c| c.dial), Some("08082000247".into()));
        assert_eq!(
            register.contact("nadh", &site, "footer_contacts", &mut report),
            None
        );
        assert_eq!(
            register.contact("maybe", &site, "footer_contacts", &mut report),
            None
        );
        let messages: Vec<String> = report.errors().iter().map(ToString::to_string).collect();
        assert_eq!(
            messages[0],
            "site.toml:1: footer_contacts: \"nadh\" is not in the helpline register.\n    How to fix: Did you mean \"ndah\"? Use an id from content/helplines.toml."
        );
        assert!(messages[1].contains("confidence in Unsure line (0800 000 0000) is low"));
    }
}
