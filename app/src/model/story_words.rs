//! Every word of the share-your-story form, in one language: the page, the form, what
//! happens once a story is sent, and why one could not be. English is written here;
//! another language's words come from its `content/<code>/story.toml`, one value for
//! each [`S`] (see [`crate::phrases`]).

use crate::phrases::Phrases;

crate::phrase_keys! {
    /// One thing the story form says.
    S {
        Heading "heading" = "Share your story";
        Description "description" = "Tell us what happened or what you want us to know about getting help in {area}. Your story is locked the moment it reaches us.";
        Lead "lead" = "Tell us what happened to you, or what you want us to know about getting help in {area}. What people tell us shapes the help the council pays for, and we publish what we changed because of it.";
        WhatHappens "what_happens" = "What happens to your story";
        Locked "locked" = "It is locked the moment it reaches us. Only the small team that reads stories can unlock it, on its own computers. The website cannot read it.";
        NoDetails "no_details" = "We do not ask for your name, email or phone number. We do not keep your internet address or the time you sent it, only the month.";
        Deleted "deleted" = "We delete stories after {months} months.";
        NotSaved "not_saved" = "Nothing you type is saved on this phone or in this browser.";
        NoNames "no_names" = "Please do not write names, addresses or anything else that could show who you or anyone else is.";
        NotForHelp "not_for_help" = "This form is not for getting help. If you are in danger now, call";
        ToldLabel "told_label" = "What happened, or what do you want us to know?";
        HelpedLabel "helped_label" = "What helped, and what did not? (optional)";
        ServicesLegend "services_legend" = "Which services did you use? (optional)";
        TownLabel "town_label" = "Your town (optional)";
        AgeLabel "age_label" = "Your age (optional)";
        AgeChoose "age_choose" = "Choose if you like";
        AgeUnder18 "age_under_18" = "Under 18";
        Age18To24 "age_18_to_24" = "18 to 24";
        Age25To39 "age_25_to_39" = "25 to 39";
        Age40To59 "age_40_to_59" = "40 to 59";
        Age60OrOver "age_60_or_over" = "60 or over";
        AgeNotSay "age_not_say" = "I would rather not say";
        QuoteLegend "quote_legend" = "May we quote what you wrote, with nothing that shows who you are?";
        Yes "yes" = "Yes";
        No "no" = "No";
        TrapLabel "trap_label" = "Leave this empty";
        Send "send" = "Send your story";
        ReceivedHeading "received_heading" = "Thank you for telling us";
        ReceivedLead "received_lead" = "Your story has reached us. It was locked the moment it arrived, so only the team that reads stories can open it.";
        NothingKept "nothing_kept" = "Nothing you wrote is kept on this phone or in this browser. If you are in danger now, call";
        YouSaid "you_said" = "You said, we did: what we have changed because of what people told us";
        BackHome "back_home" = "Back to the home page";
        ToldQuestion "told_question" = "What happened, or what do you want us to know?";
        HelpedQuestion "helped_question" = "What helped, and what did not?";
        TownQuestion "town_question" = "Your town";
        AgeQuestion "age_question" = "Your age";
        QuoteQuestion "quote_question" = "May we quote what you wrote?";
        ServicesQuestion "services_question" = "Which services did you use?";
        Unreadable "unreadable" = "We could not read what was sent. Please try again.";
        Trap "trap" = "Your story could not be sent. Please check the form and send it again.";
        NothingTold "nothing_told" = "Please write something in the first box: what happened, or what you want us to know. Everything else is up to you.";
        TooLong "too_long" = "Your answer to \"{question}\" is longer than {most} characters. Please make it shorter; everything you wrote is still in the box.";
        UnknownChoice "unknown_choice" = "The choice for \"{question}\" is not one on the form. Please choose again.";
        StoreDown "store_down" = "We could not take your story just now. Nothing was sent; everything you wrote is still below. Please try again in a few minutes.";
        Busy "busy" = "Many people are sending stories just now. Nothing was sent; everything you wrote is still below. Please try again in a minute.";
        CrossSite "cross_site" = "This form can only be sent from this website. Nothing was sent. If you followed a link here, open the form from our home page and write your story there.";
        TooBig "too_big" = "What was sent is much longer than the form allows, so it could not be read. Nothing was sent. Please write a shorter story.";
    }
}

/// Every word of the story form in one language.
pub type StoryWords = Phrases<S>;

/// The words for each of [`super::AGE_BANDS`], in its order.
pub const AGE_WORDS: [S; 6] = [
    S::AgeUnder18,
    S::Age18To24,
    S::Age25To39,
    S::Age40To59,
    S::Age60OrOver,
    S::AgeNotSay,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrases::Key;

    #[test]
    fn every_word_has_a_unique_name_and_english_and_the_age_bands_match() {
        let mut names: Vec<&str> = S::ALL.iter().map(|s| s.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), S::ALL.len());
        assert!(S::ALL.iter().all(|s| !s.english().trim().is_empty()));
        for (band, word) in super::super::AGE_BANDS.iter().zip(AGE_WORDS) {
            assert_eq!(*band, word.english());
        }
    }
}
