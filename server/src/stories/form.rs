//! A posted story form, read and checked. Every way it can be refused keeps what the
//! person wrote, so the answer can show it back in the form.

use app::model::{
    StoryDraft, StoryWords, AGE_BANDS, MAX_HELPED_CHARS, MAX_TOLD_CHARS, MAX_TOWN_CHARS, S,
};

/// The largest body read. Far more than the longest answers the form allows (browsers
/// keep to its `maxlength`s), so a real story is never cut off by it.
pub const MAX_STORY_BYTES: usize = 64 * 1024;

/// Why a form was refused, in words for the person who sent it.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The form could not be read at all.
    Unreadable,
    /// The field people never see was filled in: a program, not a person.
    Trap,
    /// Nothing was written in the one answer that is needed.
    NothingTold,
    /// An answer is longer than the form allows.
    TooLong(S, usize),
    /// A choice that is not on the form.
    UnknownChoice(S),
}

impl Refusal {
    /// Why, in `words`, naming the question as the form asks it.
    pub fn words(&self, words: &StoryWords) -> String {
        match self {
            Refusal::Unreadable => words[S::Unreadable].to_owned(),
            Refusal::Trap => words[S::Trap].to_owned(),
            Refusal::NothingTold => words[S::NothingTold].to_owned(),
            Refusal::TooLong(question, most) => words.fill(
                S::TooLong,
                &[("question", &words[*question]), ("most", &most.to_string())],
            ),
            Refusal::UnknownChoice(question) => {
                words.fill(S::UnknownChoice, &[("question", &words[*question])])
            }
        }
    }
}

/// Reads the form: its answers as a draft (always, as far as it could be read), and
/// whether it may be sent.
pub fn read(body: &[u8], services: &[String]) -> (StoryDraft, Result<(), Refusal>) {
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(body) else {
        return (StoryDraft::default(), Err(Refusal::Unreadable));
    };
    let mut draft = StoryDraft::default();
    let mut trap = String::new();
    for (name, value) in pairs {
        match name.as_str() {
            "told" => draft.told = value,
            "helped" => draft.helped = value,
            "services" => draft.services.push(value),
            "town" => draft.town = value,
            "age" => draft.age = value,
            "quote" => draft.quote = value,
            "website" => trap = value,
            _ => {}
        }
    }
    let verdict = check(&draft, &trap, services);
    (draft, verdict)
}

fn check(draft: &StoryDraft, trap: &str, services: &[String]) -> Result<(), Refusal> {
    if !trap.is_empty() {
        return Err(Refusal::Trap);
    }
    if draft.told.trim().is_empty() {
        return Err(Refusal::NothingTold);
    }
    for (text, what, most) in [
        (&draft.told, S::ToldQuestion, MAX_TOLD_CHARS),
        (&draft.helped, S::HelpedQuestion, MAX_HELPED_CHARS),
        (&draft.town, S::TownQuestion, MAX_TOWN_CHARS),
    ] {
        if text.chars().count() > most {
            return Err(Refusal::TooLong(what, most));
        }
    }
    if !draft.age.is_empty() && !AGE_BANDS.contains(&draft.age.as_str()) {
        return Err(Refusal::UnknownChoice(S::AgeQuestion));
    }
    if !matches!(draft.quote.as_str(), "" | "yes" | "no") {
        return Err(Refusal::UnknownChoice(S::QuoteQuestion));
    }
    if draft
        .services
        .iter()
        .any(|service| !services.contains(service))
    {
        return Err(Refusal::UnknownChoice(S::ServicesQuestion));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn services() -> Vec<String> {
        vec![
            "Safe Zones".to_owned(),
            "Pennine Domestic Abuse Partnership".to_owned(),
        ]
    }

    #[test]
    fn a_whole_form_is_read_with_every_service_chosen() {
        let body = b"told=It+was+hard%2C+then+better.&helped=&services=Safe+Zones&services=Pennine+Domestic+Abuse+Partnership&town=Batley&age=25+to+39&quote=yes&website=";
        let (draft, verdict) = read(body, &services());
        assert_eq!(verdict, Ok(()));
        assert_eq!(draft.told, "It was hard, then better.");
        assert_eq!(draft.services, services());
        assert_eq!(
            (
                draft.town.as_str(),
                draft.age.as_str(),
                draft.quote.as_str()
            ),
            ("Batley", "25 to 39", "yes")
        );
    }

    #[test]
    fn every_refusal_keeps_what_was_written() {
        let cases: [(&[u8], Refusal, &str, &str); 5] = [
            (
                b"told=Hello&website=http%3A%2F%2Fspam",
                Refusal::Trap,
                "Hello",
                "",
            ),
            (b"told=+++&helped=Kept", Refusal::NothingTold, "   ", "Kept"),
            (
                b"told=Hello&age=99",
                Refusal::UnknownChoice(S::AgeQuestion),
                "Hello",
                "",
            ),
            (
                b"told=Hello&quote=maybe",
                Refusal::UnknownChoice(S::QuoteQuestion),
                "Hello",
                "",
            ),
            (
                b"told=Hello&helped=Yes&services=Somewhere+else",
                Refusal::UnknownChoice(S::ServicesQuestion),
                "Hello",
                "Yes",
            ),
        ];
        for (body, refusal, told, helped) in cases {
            let (draft, verdict) = read(body, &services());
            assert_eq!(verdict, Err(refusal));
            assert_eq!((draft.told.as_str(), draft.helped.as_str()), (told, helped));
        }
        let long = format!("told={}", "a".repeat(MAX_TOLD_CHARS + 1));
        let (draft, verdict) = read(long.as_bytes(), &services());
        assert_eq!(
            verdict,
            Err(Refusal::TooLong(S::ToldQuestion, MAX_TOLD_CHARS))
        );
        assert_eq!(draft.told.len(), MAX_TOLD_CHARS + 1, "kept whole");
        // Bytes that are not text are read as replacement characters: nothing told.
        let (draft, verdict) = read(&[0xff, 0xfe], &services());
        assert_eq!(
            (draft, verdict),
            (StoryDraft::default(), Err(Refusal::NothingTold))
        );
    }
}
