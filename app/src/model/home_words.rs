//! The words of a home page's first screen and chooser heading, in one language.
//! English is written here; another language's come from its `content/<code>/home.toml`,
//! with its own words for each of the site's chooser answers ([`LanguageHome`]).

use super::HelpRoute;
use crate::phrases::Phrases;

crate::phrase_keys! {
    /// One thing a home page says above and around its chooser.
    H {
        InDanger "in_danger" = "In danger now? Call 999";
        CannotSpeak "cannot_speak" = "If you cannot speak, stay on the line. On a mobile, press 55 when a recorded message asks you to.";
        FindNear "find_near" = "Find a {scheme} or help near you";
        ChooserHeading "chooser_heading" = "What do you need right now?";
    }
}

/// A home page's fixed words in one language.
pub type HomeWords = Phrases<H>;

/// A language's home page: its words and the chooser's answers in the language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LanguageHome {
    pub words: HomeWords,
    /// The site's `urgent_help` in the language, in the same order, with the same
    /// numbers; a "read more" link goes to the translation where there is one.
    pub urgent_help: Vec<HelpRoute>,
}
