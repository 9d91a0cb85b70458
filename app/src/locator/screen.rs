//! What the filters read of each place, kept side by side in small arrays, so that a
//! search reads a few bytes a candidate instead of each place's scattered strings and
//! timetable. "Open now" is worked out once a search for each distinct timetable
//! (most places share a handful), not once for every place the search passes.

use super::hours::{LocalTime, OpenState};
use super::search::Filter;
use crate::model::{Audience, Hours, Place, PlaceKind};
use std::collections::HashMap;

/// A timetable's identity: places with the same opening-hours text have the same one
/// (it is worked out from that text and the same calendar).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum HoursKey<'a> {
    Unknown,
    Always,
    Text(&'a str),
}

fn hours_key(hours: &Hours) -> HoursKey<'_> {
    match hours {
        Hours::Unknown => HoursKey::Unknown,
        Hours::Always => HoursKey::Always,
        Hours::Timetable { text, .. } => HoursKey::Text(text),
    }
}

/// One bit for each audience.
fn bit(audience: Audience) -> u32 {
    1 << (audience as u32)
}

/// The filters' view of every place, by slot (the place's index).
#[derive(Debug, Default)]
pub struct Screen {
    kinds: Vec<PlaceKind>,
    audiences: Vec<u32>,
    /// Each place's timetable, as an index into `timetables`.
    hours: Vec<u32>,
    /// One place with each distinct timetable.
    timetables: Vec<usize>,
}

impl Screen {
    pub fn new(places: &[Place]) -> Screen {
        let mut first_with: HashMap<HoursKey<'_>, u32> = HashMap::new();
        let mut timetables = Vec::new();
        let hours = places
            .iter()
            .enumerate()
            .map(|(slot, place)| {
                *first_with
                    .entry(hours_key(&place.hours))
                    .or_insert_with(|| {
                        timetables.push(slot);
                        (timetables.len() - 1) as u32
                    })
            })
            .collect();
        Screen {
            kinds: places.iter().map(|p| p.kind).collect(),
            audiences: places
                .iter()
                .map(|p| p.audiences.iter().fold(0, |mask, a| mask | bit(*a)))
                .collect(),
            hours,
            timetables,
        }
    }

    /// The filter made ready for one search: "open now" is worked out here for each
    /// distinct timetable.
    pub fn ready<'a>(&'a self, filter: &'a Filter, places: &'a [Place]) -> Screening<'a> {
        let open = filter.open_at.map(|now: LocalTime| {
            self.timetables
                .iter()
                .map(|&slot| matches!(places[slot].hours.state(now), OpenState::Open { .. }))
                .collect()
        });
        let audience = filter
            .audience
            .map(|audience| bit(audience) | bit(Audience::Everyone));
        Screening {
            screen: self,
            filter,
            places,
            open,
            audience,
        }
    }
}

/// A filter ready for one search.
pub struct Screening<'a> {
    screen: &'a Screen,
    filter: &'a Filter,
    places: &'a [Place],
    /// Whether each distinct timetable is open now, when the filter asks.
    open: Option<Vec<bool>>,
    /// The audience bits that pass: the one asked for, and "everyone".
    audience: Option<u32>,
}

impl Screening<'_> {
    /// Whether the place in `slot` passes, exactly as [`Filter::accepts`] says.
    pub fn keeps(&self, slot: usize) -> bool {
        let screen = self.screen;
        slot < screen.kinds.len()
            && self
                .filter
                .kind
                .is_none_or(|kind| screen.kinds[slot] == kind)
            && self
                .audience
                .is_none_or(|wanted| screen.audiences[slot] & wanted != 0)
            && self
                .open
                .as_ref()
                .is_none_or(|open| open[screen.hours[slot] as usize])
            && self
                .filter
                .category
                .as_ref()
                .is_none_or(|category| self.places[slot].categories.contains(category))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locator::Timetable;
    use crate::model::Location;

    fn hours(text: &str, open: [u16; 2]) -> Hours {
        Hours::Timetable {
            text: text.to_owned(),
            timetable: Timetable {
                first_day: 0,
                last_day: 1000,
                days: vec![vec![open]],
                week: [0; 7],
                exceptions: Vec::new(),
            },
        }
    }

    fn place(n: usize) -> Place {
        let all = Audience::ALL;
        Place {
            name: format!("Place {n}"),
            kind: if n.is_multiple_of(3) {
                PlaceKind::Service
            } else {
                PlaceKind::Safezone
            },
            group: "Town".into(),
            location: Location::Remote,
            whereabouts: None,
            contacts: Vec::new(),
            hours: match n % 4 {
                0 => Hours::Unknown,
                1 => Hours::Always,
                2 => hours("Mo-Su 09:00-17:00", [540, 1020]),
                _ => hours("Mo-Su 18:00-20:00", [1080, 1200]),
            },
            website: None,
            description: None,
            categories: if n.is_multiple_of(5) {
                vec!["domestic-abuse".into()]
            } else {
                Vec::new()
            },
            audiences: (0..n % 3).map(|i| all[(n + i) % all.len()]).collect(),
            languages: Vec::new(),
            accessibility: None,
            last_verified: "2026-01-01".into(),
            source: "test".into(),
            confirmed: true,
        }
    }

    #[test]
    fn keeps_exactly_what_the_filter_accepts() {
        let places: Vec<Place> = (0..60).map(place).collect();
        let screen = Screen::new(&places);
        assert_eq!(screen.timetables.len(), 4, "four distinct timetables");
        let noon = LocalTime {
            day: 100,
            minute: 720,
        };
        let evening = LocalTime {
            day: 100,
            minute: 1140,
        };
        let mut filters = vec![Filter::default()];
        for kind in [None, Some(PlaceKind::Safezone), Some(PlaceKind::Service)] {
            for audience in [None, Some(Audience::Women), Some(Audience::Everyone)] {
                for open_at in [None, Some(noon), Some(evening)] {
                    for category in [None, Some("domestic-abuse".to_owned())] {
                        filters.push(Filter {
                            kind,
                            category,
                            audience,
                            open_at,
                        });
                    }
                }
            }
        }
        for filter in &filters {
            let ready = screen.ready(filter, &places);
            for (slot, place) in places.iter().enumerate() {
                assert_eq!(
                    ready.keeps(slot),
                    filter.accepts(place),
                    "{} with {filter:?}",
                    place.name
                );
            }
            assert!(!ready.keeps(places.len()), "no place past the end");
        }
    }
}
