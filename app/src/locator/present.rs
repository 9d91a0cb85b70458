//! Turns what a search found into words for the results list. Shared by the server's
//! no-JS answer and the island, so both say exactly the same.

use super::search::{distance_words, Finder, Findings};
use crate::model::{Contact, Hours, Location, PlaceKind};
use serde::{Deserialize, Serialize};

/// The results, ready to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsView {
    pub heading: String,
    /// Said plainly when the search is outside the site's area.
    pub outside_notice: Option<String>,
    pub nearby: Vec<NearbyView>,
    /// Places we cannot rank, by group: ("Rural", ["Lu's Place", …]).
    pub unplaced: Vec<(String, Vec<String>)>,
    pub remote: Vec<RemoteView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearbyView {
    pub name: String,
    pub kind: String,
    /// "1.2 km north-east, about 15 minutes' walk".
    pub distance: String,
    /// "Approximate: somewhere in Dewsbury", or the address.
    pub place: String,
    pub whereabouts: Option<String>,
    pub hours: String,
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

/// How opening hours are said. Unknown is never "open".
pub fn hours_words(hours: &Hours) -> String {
    match hours {
        Hours::Always => "Open now: open at any time, day or night.".to_owned(),
        Hours::Unknown => {
            "Opening hours not known: it may be closed, so check before you go.".to_owned()
        }
        Hours::Described(text) => {
            format!("Opening hours: {text}. We cannot say whether it is open right now.")
        }
    }
}

pub fn present(finder: &Finder, findings: &Findings) -> ResultsView {
    let area = &finder.data.area_name;
    let nearby = findings
        .nearby
        .iter()
        .filter_map(|near| {
            let place = finder.place(near.place)?;
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
                (_, Some(area)) => {
                    format!("Approximate: somewhere in {area}. We do not have its address yet.")
                }
                _ => String::new(),
            };
            let direction = if near.direction.is_empty() {
                String::new()
            } else {
                format!(" {}", near.direction)
            };
            Some(NearbyView {
                name: place.name.clone(),
                kind: match place.kind {
                    PlaceKind::Safezone => finder.data.scheme_name.trim_end_matches('s').to_owned(),
                    PlaceKind::Service => "Support service".to_owned(),
                },
                distance: format!(
                    "{}{direction}, about {} minutes' walk",
                    distance_words(near.distance_m),
                    near.minutes
                ),
                place: place_words,
                whereabouts: place.whereabouts.clone(),
                hours: hours_words(&place.hours),
                contacts: place.contacts.clone(),
                checked: format!(
                    "Listed by {} (last checked {}).",
                    place.source, place.last_verified
                ),
            })
        })
        .collect();
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
            hours: hours_words(&place.hours),
            contacts: place.contacts.clone(),
            website: place.website.clone(),
        })
        .collect();
    ResultsView {
        heading: format!("Nearest to {}", findings.origin),
        outside_notice: (!findings.in_area).then(|| {
            format!(
                "{} is outside {area}. These are the nearest places we know of in {area}, but they may be a long way away. The national helplines below can help wherever you are.",
                capitalise(&findings.origin)
            )
        }),
        nearby,
        unplaced,
        remote,
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_hours_are_never_open() {
        assert!(!hours_words(&Hours::Unknown).contains("Open now"));
        assert!(!hours_words(&Hours::Described("Mo-Fr 09:00-17:00".into())).contains("Open now"));
        assert!(hours_words(&Hours::Always).starts_with("Open now"));
    }

    #[test]
    fn capitalises_the_first_letter_only() {
        assert_eq!(capitalise("the HD1 postcode area"), "The HD1 postcode area");
        assert_eq!(capitalise(""), "");
    }
}
