//! Turns what a search found into words for the results list. Shared by the server's
//! no-JS answer and the island, so both say exactly the same.

use super::hours::{when_words, LocalTime, OpenState};
use super::search::{distance_words, Finder, Findings};
use super::words::{Words, W};
use crate::model::{Contact, Hours, Location, PlaceKind};
use serde::{Deserialize, Serialize};

/// The results, ready to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsView {
    pub heading: String,
    /// Said plainly when the search is outside the site's area.
    pub outside_notice: Option<String>,
    pub nearby: Vec<NearbyView>,
    /// Places near, known only by their town: a heading for each town, then its places.
    pub approximate: Vec<(String, Vec<NearbyView>)>,
    /// Places we cannot rank, by group: ("Rural", ["Lu's Place", …]); a few, those
    /// in the town searched for first (see [`super::search::UNPLACED_SHOWN`]).
    pub unplaced: Vec<(String, Vec<String>)>,
    /// Whether there are more places we cannot rank than are listed.
    pub unplaced_more: bool,
    pub remote: Vec<RemoteView>,
    /// Set when no place listed by distance is known to be open now: who to call instead.
    pub none_open: Option<NoneOpenView>,
    /// Set when Safe Zones are near but none has an exact place: the answer leads with
    /// what to do now.
    pub thin: bool,
    /// One place of the scheme, as the scheme names it ("Safe Zone").
    pub one: String,
}

/// What to do when nothing near is known to be open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoneOpenView {
    pub heading: String,
    pub silent_call_note: String,
    pub contacts: Vec<Contact>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearbyView {
    pub name: String,
    pub kind: String,
    /// "1.2 km north-east, about 15 minutes' walk"; empty for a place known only by
    /// its area, which is never given a distance from a guessed point.
    pub distance: String,
    /// The address, for a place with a postcode.
    pub place: String,
    pub whereabouts: Option<String>,
    pub hours: String,
    /// Known to be open at the time of the search.
    pub open: bool,
    pub contacts: Vec<Contact>,
    pub checked: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RemoteView {
    pub name: String,
    pub description: String,
    pub hours: String,
    pub contacts: Vec<Contact>,
    pub website: Option<String>,
}

/// How opening hours are said at `now` (UK time; `None` when the clock is unusable).
/// Unknown is never "open".
pub fn hours_words(hours: &Hours, now: Option<LocalTime>, words: &Words) -> String {
    let state = now.map_or(OpenState::Unknown, |now| hours.state(now));
    match (hours, state, now) {
        (Hours::Always, _, _) => words[W::OpenAlways].to_owned(),
        (_, OpenState::Open { closes: Some(at) }, Some(now)) => {
            words.fill(W::OpenCloses, &[("when", &when_words(at, now, words))])
        }
        (_, OpenState::Open { .. }, _) => words[W::OpenNow].to_owned(),
        (_, OpenState::Closed { opens: Some(at) }, Some(now)) => {
            words.fill(W::ClosedOpens, &[("when", &when_words(at, now, words))])
        }
        (_, OpenState::Closed { .. }, _) => words[W::ClosedUnknown].to_owned(),
        (Hours::Timetable { text, .. }, OpenState::Unknown, _) => {
            words.fill(W::HoursOnly, &[("hours", text)])
        }
        (Hours::Unknown, _, _) => words[W::HoursUnknown].to_owned(),
    }
}

fn is_open(hours: &Hours, now: Option<LocalTime>) -> bool {
    now.is_some_and(|now| matches!(hours.state(now), OpenState::Open { .. }))
}

/// Words for what a search found, at `now` (UK time), in `words`.
pub fn present(
    finder: &Finder,
    findings: &Findings,
    now: Option<LocalTime>,
    words: &Words,
) -> ResultsView {
    let area = &finder.data.area_name;
    let views = findings
        .nearby
        .iter()
        .filter_map(|near| {
            let place = finder.place(near.place)?;
            let exact = matches!(place.location, Location::Postcode { .. })
                || place.kind == PlaceKind::Service;
            let place_words = match (&place.location, &near.area) {
                (
                    Location::Postcode {
                        address, postcode, ..
                    },
                    _,
                ) => match address {
                    Some(address) => format!("{address}, {postcode}"),
                    None => postcode.clone(),
                },
                // Said once, in the heading of its town's group.
                _ => String::new(),
            };
            let group = if exact { None } else { near.area.clone() };
            let view = NearbyView {
                name: place.name.clone(),
                kind: match place.kind {
                    PlaceKind::Safezone => finder.data.scheme_name.trim_end_matches('s').to_owned(),
                    PlaceKind::Service => words[W::KindService].to_owned(),
                },
                distance: if exact {
                    distance_said(near, words)
                } else {
                    String::new()
                },
                place: place_words,
                whereabouts: place.whereabouts.clone(),
                hours: hours_words(&place.hours, now, words),
                open: is_open(&place.hours, now),
                contacts: place.contacts.clone(),
                checked: checked_words(place, words),
            };
            Some((group, view))
        })
        .collect::<Vec<(Option<String>, NearbyView)>>();
    let open = views.iter().any(|(_, view)| view.open);
    let any = !views.is_empty();
    // Places known only by their town are listed under it, once, with no distance.
    let mut nearby = Vec::new();
    let mut approximate: Vec<(String, Vec<NearbyView>)> = Vec::new();
    for (group, view) in views {
        let Some(area) = group else {
            nearby.push(view);
            continue;
        };
        let heading = words.fill(W::Approximate, &[("area", &area)]);
        match approximate.iter_mut().find(|(known, _)| *known == heading) {
            Some((_, views)) => views.push(view),
            None => approximate.push((heading, vec![view])),
        }
    }
    let none_open = (!open).then(|| NoneOpenView {
        heading: if !any {
            words[W::NothingNear].to_owned()
        } else {
            words[W::NoneOpen].to_owned()
        },
        silent_call_note: match &words[W::SilentCallNote] {
            "" => finder.data.silent_call_note.clone(),
            note => note.to_owned(),
        },
        contacts: finder.data.urgent.clone(),
    });
    let mut unplaced: Vec<(String, Vec<String>)> = Vec::new();
    for place in findings
        .unplaced
        .iter()
        .filter_map(|slot| finder.place(*slot))
    {
        match unplaced.iter_mut().find(|(group, _)| *group == place.group) {
            Some((_, names)) => names.push(place.name.clone()),
            None => unplaced.push((place.group.clone(), vec![place.name.clone()])),
        }
    }
    let remote = findings
        .remote
        .iter()
        .filter_map(|slot| finder.place(*slot))
        .map(|place| RemoteView {
            name: place.name.clone(),
            description: place.description.clone().unwrap_or_default(),
            hours: hours_words(&place.hours, now, words),
            contacts: place.contacts.clone(),
            website: place.website.clone(),
        })
        .collect();
    let safe_zones = || {
        findings
            .nearby
            .iter()
            .filter_map(|near| finder.place(near.place))
            .filter(|place| place.kind == PlaceKind::Safezone)
    };
    let thin = safe_zones().next().is_some()
        && safe_zones().all(|place| !matches!(place.location, Location::Postcode { .. }));
    ResultsView {
        heading: words.fill(W::ResultsHeading, &[("origin", &findings.origin)]),
        outside_notice: (!findings.in_area).then(|| {
            words.fill(
                W::OutsideArea,
                &[("origin", &capitalise(&findings.origin)), ("area", area)],
            )
        }),
        nearby,
        approximate,
        unplaced,
        unplaced_more: findings.unplaced_more,
        remote,
        none_open,
        thin,
        one: finder.data.scheme_name.trim_end_matches('s').to_owned(),
    }
}

/// How far and which way a place is, and how long a walk.
fn distance_said(near: &super::search::Nearby, words: &Words) -> String {
    let (distance, minutes) = (distance_words(near.distance_m), near.minutes.to_string());
    match words.direction(near.direction) {
        "" => words.fill(
            W::DistanceHere,
            &[("distance", &distance), ("minutes", &minutes)],
        ),
        direction => words.fill(
            W::Distance,
            &[
                ("distance", &distance),
                ("direction", direction),
                ("minutes", &minutes),
            ],
        ),
    }
}

/// Who lists a place and when it was last checked: "Checked March 2025 (Kirklees
/// Council).", and said plainly when the scheme has not confirmed it yet.
fn checked_words(place: &crate::model::Place, words: &Words) -> String {
    let checked = match crate::model::Date::parse(&place.last_verified) {
        Some(date) => words.fill(
            W::Checked,
            &[
                ("month", words.month(date.month)),
                ("year", &date.year.to_string()),
                ("source", &place.source),
            ],
        ),
        None => words.fill(
            W::Checked,
            &[
                ("month", &place.last_verified),
                ("year", ""),
                ("source", &place.source),
            ],
        ),
    };
    if place.confirmed {
        checked
    } else {
        format!("{checked} {}", &words[W::Unconfirmed])
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A download's size in words, rounded up: "10 KB", "1.2 MB". Whole-number
/// arithmetic only (no float formatting in the WASM).
pub fn size_words(bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    if bytes < 1000 * KB {
        format!("{} KB", bytes.div_ceil(KB).max(1))
    } else {
        let tenths = (bytes * 10).div_ceil(MB);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_said_rounded_up() {
        assert_eq!(size_words(0), "1 KB");
        assert_eq!(size_words(10_391), "11 KB");
        assert_eq!(size_words(1_023_999), "1000 KB");
        assert_eq!(size_words(1_024_000), "1.0 MB");
        assert_eq!(size_words(1_100_000), "1.1 MB");
        assert_eq!(size_words(1_048_577), "1.1 MB");
    }

    use crate::locator::Timetable;

    #[test]
    fn unknown_hours_are_never_open() {
        let now = Some(LocalTime {
            day: 20_780,
            minute: 600,
        });
        assert!(!hours_words(&Hours::Unknown, now, &Words::english()).contains("Open now"));
        let office = Hours::Timetable {
            text: "Mo-Fr 09:00-17:00".into(),
            timetable: Timetable {
                first_day: 20_700,
                last_day: 20_800,
                days: vec![vec![], vec![[540, 1020]]],
                week: [1, 1, 1, 1, 1, 0, 0],
                exceptions: vec![],
            },
        };
        assert_eq!(
            hours_words(&office, now, &Words::english()),
            "Open now. Closes at 5pm."
        );
        let evening = Some(LocalTime {
            day: 20_780,
            minute: 1100,
        });
        assert_eq!(
            hours_words(&office, evening, &Words::english()),
            "Closed now. Opens at 9am tomorrow."
        );
        let later = Some(LocalTime {
            day: 20_900,
            minute: 600,
        });
        assert_eq!(
            hours_words(&office, later, &Words::english()),
            "Opening hours: Mo-Fr 09:00-17:00. We cannot say whether it is open right now."
        );
        assert!(!hours_words(&office, None, &Words::english()).contains("Open now"));
        assert!(hours_words(&Hours::Always, None, &Words::english()).starts_with("Open now"));
    }

    #[test]
    fn capitalises_the_first_letter_only() {
        assert_eq!(capitalise("the HD1 postcode area"), "The HD1 postcode area");
        assert_eq!(capitalise(""), "");
    }
}
