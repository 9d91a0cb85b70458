//! Every word the locator says, in one language: the page, the form, the island's
//! messages and the answers. English is written here; another language's words come
//! from its `content/<code>/locator.toml`, one value for each [`W`] (see
//! [`crate::phrases`]). On the device the island reads them from one attribute of the
//! page, as it reads where its data is.

use crate::phrases::Phrases;

crate::phrase_keys! {
    /// One thing the locator says.
    W {
    Clock "clock" = "12-hour";
    FindHeading "find_heading" = "Find a {one} or help near you";
    FindLead "find_lead" = "{scheme} are shops, stations, libraries and other places in {area} where you can step in if you feel followed or unsafe. Staff can let you wait, help you charge your phone or call someone for you.";
    FindDescription "find_description" = "Find a {one} or a support service near you in {area}. Your search stays on your device.";
    DangerCall "danger_call" = "In danger now? Call";
    DownloadStatic "download_static" = "With JavaScript on, this page downloads the list of all {places} places ({size}) and searches it on your phone, so your search is not sent anywhere.";
    DownloadLarge "download_large" = "With JavaScript on, this page can search on your phone instead, after a download of {size} (the list of all {places} places). Until then, or without it, a search is sent to our server, which keeps no record of it.";
    DownloadSmall "download_small" = "With JavaScript on, this page downloads the list of all {places} places ({size}) and searches it on your phone, so your search is not sent anywhere. Without it, a search is sent to our server, which keeps no record of it.";
    StaticNote "static_note" = "Searching by postcode needs JavaScript on this copy of the site. Every place is listed below by area instead, and the help numbers are at the bottom of the page.";
    EveryPlace "every_place" = "Every {scheme} by area";
    QueryLabel "query_label" = "Postcode district or town";
    QueryHint "query_hint" = "For example {district} or {town}. The first part of a postcode is enough, and a full postcode is cut to its first part straight away.";
    ShowLegend "show_legend" = "Show";
    ShowAll "show_all" = "Safe places and support services";
    ShowSafezones "show_safezones" = "Only {scheme}: places to go to now";
    ShowServices "show_services" = "Only support services";
    AudienceLabel "audience_label" = "Who is the help for?";
    ForAnyone "for_anyone" = "Anyone";
    ForWomen "for_women" = "Women";
    ForMen "for_men" = "Men";
    ForLgbt "for_lgbt" = "LGBT+ people";
    ForYoungPeople "for_young_people" = "Children and young people";
    ForOlderPeople "for_older_people" = "Older people";
    ForDisabledPeople "for_disabled_people" = "Disabled people";
    ForFamily "for_family" = "Family and friends of someone being hurt";
    ForPerpetrators "for_perpetrators" = "Someone worried about their own behaviour";
    OpenOnly "open_only" = "Only places we know are open now";
    Submit "submit" = "Find help near here";
    DownloadButton "download_button" = "Search on this phone instead: download the list of {places} places ({size})";
    Downloading "downloading" = "Downloading the list of places…";
    DownloadFailed "download_failed" = "The list of places could not be downloaded. Searching still works: it asks our server instead.";
    UseLocation "use_location" = "Use my location";
    LocationPrivate "location_private" = "Your location stays on this device. It is never sent to us or anyone else.";
    Locating "locating" = "Finding where you are. Your browser may ask you first.";
    LocationUnsupported "location_unsupported" = "This browser cannot share its location. Type a postcode district or town instead.";
    LocationUnusable "location_unusable" = "Your browser gave a location we cannot use. Type a postcode district or town instead.";
    LocationDenied "location_denied" = "Location is turned off for this site. That is fine: type a postcode district or town instead.";
    LocationFailed "location_failed" = "We could not get your location. Type a postcode district or town instead.";
    QueryEmpty "query_empty" = "Type the first part of a postcode, such as {district}, or the name of a town.";
    QueryTooLong "query_too_long" = "That is longer than a postcode or a town name. Try the first part of a postcode, such as {district}.";
    QueryNotAPlace "query_not_a_place" = "We could not read that as a postcode or a town. Try the first part of a postcode, such as {district}, or a town such as {town}.";
    ChoicesUnreadable "choices_unreadable" = "We could not read those choices. Choose from the lists, then search again.";
    FormUnreadable "form_unreadable" = "We could not read that search. Type the first part of a postcode or the name of a town, and try again.";
    DistrictNotFound "district_not_found" = "We could not find the postcode area {code} in or near {area}. Check it, or try the name of a town. This site lists places in and near {area} only.";
    TownNotFound "town_not_found" = "We could not find a town called {town} in or near {area}. Try the first part of a postcode, such as {district}.";
    ResultsHeading "results_heading" = "Nearest to {origin}";
    YourLocation "your_location" = "your location";
    PostcodeArea "postcode_area" = "the {code} postcode area";
    OutsideArea "outside_area" = "{origin} is outside {area}. These are the nearest places we know of in {area}, but they may be a long way away. The national helplines below can help wherever you are.";
    KindService "kind_service" = "Support service";
    Distance "distance" = "{distance} {direction}, about {minutes} minutes' walk";
    DistanceHere "distance_here" = "{distance}, about {minutes} minutes' walk";
    North "north" = "north";
    NorthEast "north_east" = "north-east";
    East "east" = "east";
    SouthEast "south_east" = "south-east";
    South "south" = "south";
    SouthWest "south_west" = "south-west";
    West "west" = "west";
    NorthWest "north_west" = "north-west";
    WherePrefix "where" = "Where: {where}";
    OpenAlways "open_always" = "Open now: open at any time, day or night.";
    OpenCloses "open_closes" = "Open now. Closes {when}.";
    OpenNow "open_now" = "Open now.";
    ClosedOpens "closed_opens" = "Closed now. Opens {when}.";
    ClosedUnknown "closed_unknown" = "Closed now. We do not know when it opens next.";
    HoursOnly "hours_only" = "Opening hours: {hours}. We cannot say whether it is open right now.";
    HoursUnknown "hours_unknown" = "Opening hours not known: it may be closed, so check before you go.";
    AtTime "at_time" = "at {time}";
    AtMidnightTonight "at_midnight_tonight" = "at midnight tonight";
    AtTimeTomorrow "at_time_tomorrow" = "at {time} tomorrow";
    AtTimeOnDay "at_time_on_day" = "at {time} on {day}";
    Midnight "midnight" = "midnight";
    Midday "midday" = "midday";
    Monday "monday" = "Monday";
    Tuesday "tuesday" = "Tuesday";
    Wednesday "wednesday" = "Wednesday";
    Thursday "thursday" = "Thursday";
    Friday "friday" = "Friday";
    Saturday "saturday" = "Saturday";
    Sunday "sunday" = "Sunday";
    January "january" = "January";
    February "february" = "February";
    March "march" = "March";
    April "april" = "April";
    May "may" = "May";
    June "june" = "June";
    July "july" = "July";
    August "august" = "August";
    September "september" = "September";
    October "october" = "October";
    November "november" = "November";
    December "december" = "December";
    Checked "checked" = "Checked {month} {year} ({source}).";
    Unconfirmed "unconfirmed" = "Not yet confirmed by the scheme: check when you get there.";
    Approximate "approximate" = "Approximate: somewhere in {area}. Exact addresses are not listed yet, so we give no distances.";
    NothingNear "nothing_near" = "Nothing near matches your choices. You can still call for help now.";
    NoneOpen "none_open" = "None of the places above is known to be open now. You can still call for help now.";
    ThinHeading "thin_heading" = "No {one} near you has an exact address listed yet. What you can do now:";
    ThinSticker "thin_sticker" = "Look for a {one} sticker in a shop or office window, and go in.";
    ThinShop "thin_shop" = "Go into any open shop, pharmacy, bar or station where there are staff, and ask them for help.";
    ThinAni "thin_ani" = "In a pharmacy with an Ask for ANI poster, ask for ANI: staff will take you somewhere private.";
    ThinCall "thin_call" = "If you are in danger, call 999. If you cannot speak, press 55 when a recorded message asks you to.";
    UnplacedHeading "unplaced_heading" = "Also in the scheme, but we do not know where yet";
    UnplacedNote "unplaced_note" = "These are listed without an address, so we cannot say how far away they are.";
    UnplacedMore "unplaced_more" = "There are more places in the scheme whose address we do not have yet. Search for a town to see its own first.";
    RemoteHeading "remote_heading" = "Help by phone, wherever you are";
    // Not in locator.toml: the frame's own note from strings.toml, or (empty, in the
    // site's language) the site's note from site.toml.
    SilentCallNote "silent_call_note" = "";
    Website "website" = "Website: {address}";
    }
}

/// Every word of the locator in one language.
pub type Words = Phrases<W>;

impl Phrases<W> {
    /// Whether times are said as 17:30 rather than 5:30pm.
    pub fn twenty_four_hour(&self) -> bool {
        &self[W::Clock] == "24-hour"
    }

    /// The day's name, 0 for Monday.
    pub fn weekday(&self, day: usize) -> &str {
        const DAYS: [W; 7] = [
            W::Monday,
            W::Tuesday,
            W::Wednesday,
            W::Thursday,
            W::Friday,
            W::Saturday,
            W::Sunday,
        ];
        DAYS.get(day).map_or("", |w| &self[*w])
    }

    /// The month's name, 1 for January.
    pub fn month(&self, month: u32) -> &str {
        const MONTHS: [W; 12] = [
            W::January,
            W::February,
            W::March,
            W::April,
            W::May,
            W::June,
            W::July,
            W::August,
            W::September,
            W::October,
            W::November,
            W::December,
        ];
        month
            .checked_sub(1)
            .and_then(|m| MONTHS.get(m as usize))
            .map_or("", |w| &self[*w])
    }

    /// The words for a compass point as `compass_point` names it ("north-east").
    pub fn direction(&self, point: &str) -> &str {
        let word = match point {
            "north" => W::North,
            "north-east" => W::NorthEast,
            "east" => W::East,
            "south-east" => W::SouthEast,
            "south" => W::South,
            "south-west" => W::SouthWest,
            "west" => W::West,
            "north-west" => W::NorthWest,
            _ => return "",
        };
        &self[word]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrases::{placeholders, Key};

    #[test]
    fn every_word_has_a_unique_name_and_english() {
        let mut names: Vec<&str> = W::ALL.iter().map(|w| w.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), W::ALL.len());
        let written = W::ALL.iter().filter(|w| **w != W::SilentCallNote);
        assert!(written.into_iter().all(|w| !w.english().trim().is_empty()));
        for (n, word) in W::ALL.iter().enumerate() {
            assert_eq!(word.position(), n, "{}", word.name());
        }
    }

    #[test]
    fn days_months_and_directions_are_said_in_the_words() {
        let words = Words::english();
        assert_eq!(
            words.fill(
                W::AtTimeOnDay,
                &[("time", "9am"), ("day", words.weekday(0))]
            ),
            "at 9am on Monday"
        );
        assert_eq!(words.weekday(6), "Sunday");
        assert_eq!(words.weekday(7), "");
        assert_eq!(words.month(12), "December");
        assert_eq!(words.month(0), "");
        assert_eq!(words.direction("south-west"), "south-west");
        assert_eq!(words.direction("up"), "");
        assert!(!words.twenty_four_hour());
        assert_eq!(
            placeholders(W::DistrictNotFound.english()),
            vec!["code", "area"]
        );
    }
}
