//! The share-your-story form: what it asks, its limits, and what someone wrote, kept
//! to show back to them when it cannot be sent yet (nothing a person wrote is lost).

/// Where the form is, and where it posts.
pub const STORY_PATH: &str = "/share-your-story";

/// The longest answers the form takes, in characters.
pub const MAX_TOLD_CHARS: usize = 10_000;
pub const MAX_HELPED_CHARS: usize = 5_000;
pub const MAX_TOWN_CHARS: usize = 60;

/// The age bands people may choose from (or none).
pub const AGE_BANDS: [&str; 6] = [
    "Under 18",
    "18 to 24",
    "25 to 39",
    "40 to 59",
    "60 or over",
    "I would rather not say",
];

/// The team's settings for stories, from `[stories]` in `site.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorySettings {
    /// The team's `age` public keys (`age1…`): stories are sealed to these.
    pub recipients: Vec<String>,
    /// How many months a story is kept before it is deleted.
    pub keep_months: u32,
    /// How many stories the site takes a minute, from everyone together.
    pub per_minute: u32,
}

/// What someone wrote in the form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryDraft {
    /// What happened, or what they want the team to know. Required.
    pub told: String,
    /// What helped and what did not.
    pub helped: String,
    /// Services they used, by name.
    pub services: Vec<String>,
    pub town: String,
    /// One of [`AGE_BANDS`], or empty.
    pub age: String,
    /// "yes" if the team may quote them with nothing that identifies them.
    pub quote: String,
}

impl StoryDraft {
    /// The story as the team reads it once it is opened: plain text, one part a
    /// heading.
    pub fn as_text(&self, month: &str) -> String {
        let or_none = |text: &str| {
            if text.trim().is_empty() {
                "(not given)".to_owned()
            } else {
                text.trim().to_owned()
            }
        };
        let services = if self.services.is_empty() {
            "(none chosen)".to_owned()
        } else {
            self.services.join("; ")
        };
        let quote = if self.quote == "yes" {
            "yes, with nothing that identifies them"
        } else {
            "no"
        };
        format!(
            "Story received in {month}\n\nWhat happened, or what they want us to know:\n{}\n\nWhat helped and what did not:\n{}\n\nServices used: {services}\nTown: {}\nAge: {}\nMay we quote them: {quote}\n",
            or_none(&self.told),
            or_none(&self.helped),
            or_none(&self.town),
            or_none(&self.age),
        )
    }
}

/// What the story page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoryOutcome {
    /// The empty form.
    Form,
    /// The story was sealed and stored.
    Received,
    /// It could not be sent: why, and what they wrote, to show back in the form.
    NotSent(String, Box<StoryDraft>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_the_team_reads_holds_every_answer() {
        let draft = StoryDraft {
            told: " The police listened. ".into(),
            helped: String::new(),
            services: vec![
                "Pennine Domestic Abuse Partnership".into(),
                "Safe Zones".into(),
            ],
            town: "Batley".into(),
            age: "25 to 39".into(),
            quote: "yes".into(),
        };
        assert_eq!(
            draft.as_text("2026-12"),
            "Story received in 2026-12\n\nWhat happened, or what they want us to know:\nThe police listened.\n\nWhat helped and what did not:\n(not given)\n\nServices used: Pennine Domestic Abuse Partnership; Safe Zones\nTown: Batley\nAge: 25 to 39\nMay we quote them: yes, with nothing that identifies them\n"
        );
    }
}
