//! The find sequence, once for both paths: the choices, what was asked (typed text or a
//! position from the device), where that is, and what to show. The server's no-JS
//! form and the island both call [`find`], so they cannot answer differently.

use super::hours::LocalTime;
use super::point::LatLon;
use super::present::{present, ResultsView};
use super::query::{parse_query, Query};
use super::search::{not_found_words, Choices, Finder};
use super::words::{Words, W};

/// What a person asked for.
#[derive(Clone, Copy, Debug)]
pub enum Asked<'a> {
    /// A postcode district, a full postcode or a town, as typed.
    Typed(&'a str),
    /// A position the device gave after a tap; it never leaves the device.
    Position(LatLon),
}

/// Why there is nothing to show, with the calm words to show instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindProblem {
    /// The filter choices are not ones the form offers.
    Choices,
    /// What was typed is not a district or town (empty, too long, a full street address…).
    Typed(String),
    /// A district or town the site does not know, or one too far away.
    NotFound(String),
}

impl FindProblem {
    pub fn words<'a>(&'a self, words: &'a Words) -> &'a str {
        match self {
            FindProblem::Choices => &words[W::ChoicesUnreadable],
            FindProblem::Typed(said) | FindProblem::NotFound(said) => said,
        }
    }
}

/// The places to show for `asked` with `choices`, at `now` (UK time; `None` when the
/// time is not known, so nothing is shown as open), said in `words`.
pub fn find(
    finder: &Finder,
    asked: Asked<'_>,
    choices: &Choices,
    now: Option<LocalTime>,
    words: &Words,
) -> Result<ResultsView, FindProblem> {
    let filter = choices.filter(now).ok_or(FindProblem::Choices)?;
    let (at, origin) = match asked {
        Asked::Position(at) => (at, words[W::YourLocation].to_owned()),
        Asked::Typed(typed) => {
            let query = parse_query(typed).map_err(|problem| {
                FindProblem::Typed(problem.words(&finder.data.examples, words))
            })?;
            let (at, origin) = finder.gazetteer.resolve(&query).ok_or_else(|| {
                FindProblem::NotFound(not_found_words(&query, &finder.data, words))
            })?;
            match &query {
                // The gazetteer names a district in English; say it in `words`.
                Query::Outcode(code) => (at, words.fill(W::PostcodeArea, &[("code", code)])),
                Query::Town(_) => (at, origin),
            }
        }
    };
    Ok(present(
        finder,
        &finder.search(at, origin, &filter),
        now,
        words,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Examples, Hours, Location, LocatorData, Place, PlaceKind};

    fn finder() -> Finder {
        let place = Place {
            name: "Town hall".into(),
            kind: PlaceKind::Safezone,
            group: "Huddersfield".into(),
            location: Location::Postcode {
                address: None,
                postcode: "HD1 2TA".into(),
                position: [53.6458, -1.785],
            },
            whereabouts: None,
            contacts: Vec::new(),
            hours: Hours::Unknown,
            website: None,
            description: None,
            categories: Vec::new(),
            audiences: Vec::new(),
            languages: Vec::new(),
            accessibility: None,
            last_verified: "2026-11-01".into(),
            source: "test".into(),
            confirmed: true,
        };
        Finder::new(LocatorData {
            area_name: "Testshire".into(),
            scheme_name: "Safe Zones".into(),
            places: vec![place],
            outcodes: "HD1 53.6469 -1.7889 1\nS1 53.38 -1.47 0\n".into(),
            towns: "Dewsbury|53.691|-1.633\n".into(),
            urgent: Vec::new(),
            silent_call_note: String::new(),
            examples: Examples {
                district: "HD1".into(),
                town: "Dewsbury".into(),
            },
        })
    }

    #[test]
    fn typed_text_and_a_position_find_the_same_place() {
        let finder = finder();
        let choices = Choices::default();
        let typed = find(
            &finder,
            Asked::Typed("hd1 2ta"),
            &choices,
            None,
            &Words::english(),
        )
        .expect("typed");
        let at = LatLon::new(53.6469, -1.7889).expect("valid");
        let located = find(
            &finder,
            Asked::Position(at),
            &choices,
            None,
            &Words::english(),
        )
        .expect("position");
        assert_eq!(typed.nearby.len(), 1);
        assert_eq!(typed.nearby[0].name, "Town hall");
        assert_eq!(located.nearby[0].name, "Town hall");
    }

    #[test]
    fn places_with_no_known_position_are_listed_a_few_at_a_time_the_searched_town_first() {
        let mut data = finder().data;
        let template = data.places[0].clone();
        for (n, group) in (0..15).map(|n| (n, if n < 10 { "Batley" } else { "Dewsbury" })) {
            data.places.push(Place {
                name: format!("Shop {n}"),
                group: group.into(),
                location: Location::Unknown,
                ..template.clone()
            });
        }
        let finder = Finder::new(data);
        let found = find(
            &finder,
            Asked::Typed("dewsbury"),
            &Choices::default(),
            None,
            &Words::english(),
        )
        .expect("town");
        let groups: Vec<(&str, usize)> = found
            .unplaced
            .iter()
            .map(|(group, names)| (group.as_str(), names.len()))
            .collect();
        assert_eq!(groups, [("Dewsbury", 5), ("Batley", 7)]);
        assert_eq!(found.unplaced[0].1[0], "Shop 10");
        assert!(found.unplaced_more);
        let from_hd1 = find(
            &finder,
            Asked::Typed("HD1"),
            &Choices::default(),
            None,
            &Words::english(),
        )
        .expect("HD1");
        assert_eq!(
            from_hd1.unplaced[0],
            (
                "Batley".to_owned(),
                (0..10).map(|n| format!("Shop {n}")).collect::<Vec<_>>()
            )
        );
        assert!(from_hd1.unplaced_more);
        let few = Choices {
            show: "services".into(),
            ..Choices::default()
        };
        let none =
            find(&finder, Asked::Typed("HD1"), &few, None, &Words::english()).expect("services");
        assert!(none.unplaced.is_empty() && !none.unplaced_more);
    }

    #[test]
    fn each_problem_has_its_own_words() {
        let finder = finder();
        let choices = Choices::default();
        let bad_choices = Choices {
            show: "everything-please".into(),
            ..Choices::default()
        };
        assert_eq!(
            find(
                &finder,
                Asked::Typed("HD1"),
                &bad_choices,
                None,
                &Words::english()
            )
            .err(),
            Some(FindProblem::Choices)
        );
        assert!(matches!(
            find(&finder, Asked::Typed(""), &choices, None, &Words::english()),
            Err(FindProblem::Typed(_))
        ));
        assert!(matches!(
            find(
                &finder,
                Asked::Typed("ZZ9"),
                &choices,
                None,
                &Words::english()
            ),
            Err(FindProblem::NotFound(_))
        ));
    }
}
