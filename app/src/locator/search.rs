//! The whole search: where the person is (a position, a district or a town), and what
//! is near them. Runs the same on the server (no-JS form) and on the device (island).

use super::gazetteer::Gazetteer;
use super::hours::{LocalTime, OpenState};
use super::index::Index;
use super::point::{compass_point, walking_minutes, LatLon};
use super::query::Query;
use super::screen::Screen;
use super::words::{Words, W};
use crate::model::{Audience, Location, LocatorData, Place, PlaceKind};

/// How many places the results show by distance.
pub const NEARBY: usize = 5;

/// What to look for. The default finds everything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub kind: Option<PlaceKind>,
    /// An Open Referral-style category word, such as "domestic-abuse".
    pub category: Option<String>,
    /// Places for this group of people (places for everyone always match).
    pub audience: Option<Audience>,
    /// Only places known to be open at this moment.
    pub open_at: Option<LocalTime>,
}

impl Filter {
    pub fn accepts(&self, place: &Place) -> bool {
        self.kind.is_none_or(|kind| place.kind == kind)
            && self
                .category
                .as_ref()
                .is_none_or(|category| place.categories.contains(category))
            && self.audience.is_none_or(|audience| {
                place.audiences.contains(&audience) || place.audiences.contains(&Audience::Everyone)
            })
            && self
                .open_at
                .is_none_or(|now| matches!(place.hours.state(now), OpenState::Open { .. }))
    }

    /// Reads the form's choices: `show` is "all", "safezones" or "services"; `audience`
    /// is empty or an audience word; `open_now` is whether the box was ticked.
    pub fn from_choices(
        show: &str,
        audience: &str,
        open_now: bool,
        now: Option<LocalTime>,
    ) -> Option<Filter> {
        let kind = match show {
            "" | "all" => None,
            "safezones" => Some(PlaceKind::Safezone),
            "services" => Some(PlaceKind::Service),
            _ => return None,
        };
        let audience = match audience {
            "" | "everyone" => None,
            key => Some(Audience::from_key(key)?),
        };
        Some(Filter {
            kind,
            category: None,
            audience,
            // Without a clock nothing can be shown as open.
            open_at: if open_now {
                Some(now.unwrap_or(LocalTime {
                    day: i32::MIN,
                    minute: 0,
                }))
            } else {
                None
            },
        })
    }
}

/// The "who is it for?" choices the locator offers: (audience word, label).
pub const AUDIENCE_CHOICES: [(&str, W); 9] = [
    ("", W::ForAnyone),
    ("women", W::ForWomen),
    ("men", W::ForMen),
    ("lgbt", W::ForLgbt),
    ("young-people", W::ForYoungPeople),
    ("older-people", W::ForOlderPeople),
    ("disabled-people", W::ForDisabledPeople),
    ("family-and-friends", W::ForFamily),
    ("perpetrators", W::ForPerpetrators),
];

/// What the person chose in the locator form, kept so the answer shows the same form.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Choices {
    /// "all", "safezones" or "services".
    pub show: String,
    /// An audience word, or empty for anyone.
    pub audience: String,
    pub open_now: bool,
}

impl Choices {
    pub fn filter(&self, now: Option<LocalTime>) -> Option<Filter> {
        Filter::from_choices(&self.show, &self.audience, self.open_now, now)
    }
}

/// A place near the person.
#[derive(Clone, Debug, PartialEq)]
pub struct Nearby {
    /// Index into [`LocatorData::places`].
    pub place: usize,
    pub distance_m: f64,
    pub minutes: u32,
    pub direction: &'static str,
    /// For places known only by district: which district's middle was measured to.
    pub area: Option<String>,
}

/// What a search found.
#[derive(Clone, Debug, PartialEq)]
pub struct Findings {
    /// Where the search was from, in words ("the AB1 postcode area", "your location").
    pub origin: String,
    pub in_area: bool,
    pub nearby: Vec<Nearby>,
    /// Safezones we cannot place, by index, to list under their groups: at most
    /// [`UNPLACED_SHOWN`], those in the town searched for first.
    pub unplaced: Vec<usize>,
    /// Whether more places we cannot place pass the filter than are listed.
    pub unplaced_more: bool,
    /// Services reached by phone or online, by index.
    pub remote: Vec<usize>,
}

/// Everything needed to answer searches, built once.
pub struct Finder {
    /// The places and tables searched. Read it, never change it: the index and the
    /// filters' screen are made from it once, in [`Finder::new`].
    pub data: LocatorData,
    pub gazetteer: Gazetteer,
    /// One entry per position; a place known in two districts has two.
    index: Index<(usize, Option<String>)>,
    /// Safezones we cannot place, and services reached by phone or online, by index:
    /// found once here, so a search reads only these, not every place.
    unplaced: Vec<usize>,
    remote: Vec<usize>,
    /// The unplaced ones again by group, lower case, to list a town's own first.
    unplaced_by_group: std::collections::HashMap<String, Vec<usize>>,
    /// What the filters read of each place, side by side.
    screen: Screen,
}

/// The most places without a known position an answer lists. A scheme can have
/// hundreds; a long list of names no one can rank would bury the help, and reading
/// them all would slow every search.
pub const UNPLACED_SHOWN: usize = 12;

impl Finder {
    pub fn new(data: LocatorData) -> Finder {
        let data = data.on_grid();
        let gazetteer = Gazetteer::new(&data.outcodes, &data.towns);
        let mut entries = Vec::new();
        let (mut unplaced, mut remote) = (Vec::new(), Vec::new());
        for (slot, place) in data.places.iter().enumerate() {
            match &place.location {
                Location::Postcode { position, .. } => {
                    if let Some(at) = LatLon::new(position[0], position[1]) {
                        entries.push((at, (slot, None)));
                    }
                }
                Location::Area { areas } => {
                    for area in areas {
                        if let Some(at) = LatLon::new(area.position[0], area.position[1]) {
                            entries.push((at, (slot, Some(area.name.clone()))));
                        }
                    }
                }
                Location::Unknown => unplaced.push(slot),
                Location::Remote => remote.push(slot),
            }
        }
        let mut unplaced_by_group = std::collections::HashMap::<String, Vec<usize>>::new();
        for slot in &unplaced {
            let group = data.places[*slot].group.to_ascii_lowercase();
            unplaced_by_group.entry(group).or_default().push(*slot);
        }
        let screen = Screen::new(&data.places);
        Finder {
            data,
            gazetteer,
            index: Index::new(entries),
            unplaced,
            remote,
            unplaced_by_group,
            screen,
        }
    }

    pub fn place(&self, slot: usize) -> Option<&Place> {
        self.data.places.get(slot)
    }

    /// The nearest places to `at` that pass `filter`, each place once, and the ones
    /// that cannot be ranked.
    pub fn search(&self, at: LatLon, origin: String, filter: &Filter) -> Findings {
        let screening = self.screen.ready(filter, &self.data.places);
        let keep = |slot: usize| screening.keeps(slot);
        let mut nearby: Vec<Nearby> = Vec::new();
        // A place can have several positions: read on until NEARBY distinct places.
        let mut wanted = NEARBY;
        while nearby.len() < NEARBY && wanted <= self.index.len() + NEARBY {
            nearby.clear();
            let hits = self.index.nearest(at, wanted, |(slot, _)| keep(*slot));
            // Fewer than asked for means every entry that passes was read: asking for
            // more would read the whole index again and find nothing new.
            let exhausted = hits.len() < wanted;
            for hit in hits {
                let (slot, area) = hit.item;
                if nearby.iter().any(|n| n.place == *slot) {
                    continue;
                }
                let position = self.data.places[*slot].location.positions();
                let target = area
                    .as_ref()
                    .and_then(|name| self.area_position(*slot, name))
                    .or_else(|| position.first().and_then(|p| LatLon::new(p[0], p[1])));
                let direction = target.map_or("", |target| compass_point(at.bearing_to(target)));
                nearby.push(Nearby {
                    place: *slot,
                    distance_m: hit.distance_m,
                    minutes: walking_minutes(hit.distance_m),
                    direction,
                    area: area.clone(),
                });
                if nearby.len() == NEARBY {
                    break;
                }
            }
            if exhausted || wanted >= self.index.len() {
                break;
            }
            wanted += NEARBY;
        }
        // The searched town's own unplaced places, then the rest in the sheet's order,
        // reading only until one more than can be shown has passed.
        let own = self
            .unplaced_by_group
            .get(&origin.to_ascii_lowercase())
            .map_or(&[][..], Vec::as_slice);
        let others = self.unplaced.iter().filter(|slot| !own.contains(slot));
        let mut unplaced: Vec<usize> = own
            .iter()
            .chain(others)
            .copied()
            .filter(|slot| keep(*slot))
            .take(UNPLACED_SHOWN + 1)
            .collect();
        let unplaced_more = unplaced.len() > UNPLACED_SHOWN;
        unplaced.truncate(UNPLACED_SHOWN);
        Findings {
            origin,
            in_area: self.gazetteer.in_area(at),
            nearby,
            unplaced,
            unplaced_more,
            remote: self
                .remote
                .iter()
                .copied()
                .filter(|slot| keep(*slot))
                .collect(),
        }
    }

    fn area_position(&self, slot: usize, name: &str) -> Option<LatLon> {
        match &self.data.places.get(slot)?.location {
            Location::Area { areas } => areas
                .iter()
                .find(|a| a.name == name)
                .and_then(|a| LatLon::new(a.position[0], a.position[1])),
            _ => None,
        }
    }
}

/// What to say when a well-formed query names no place we know.
pub fn not_found_words(query: &Query, data: &LocatorData, words: &Words) -> String {
    let (area, district) = (data.area_name.as_str(), data.examples.district.as_str());
    match query {
        Query::Outcode(code) => words.fill(W::DistrictNotFound, &[("code", code), ("area", area)]),
        Query::Town(name) => words.fill(
            W::TownNotFound,
            &[("town", name), ("area", area), ("district", district)],
        ),
    }
}

/// "350 m" or "2.4 km".
pub fn distance_words(metres: f64) -> String {
    // Whole numbers only: formatting an f64 would add about 20 KB to the WASM.
    if metres.is_nan() || metres < 950.0 {
        let fifties = (metres / 50.0).round().max(1.0) as u32;
        format!("{} m", fifties * 50)
    } else {
        let tenths = (metres / 100.0).round() as u64;
        format!("{}.{} km", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AreaCentre, Hours, PlaceKind};

    fn place(name: &str, location: Location) -> Place {
        Place {
            name: name.into(),
            kind: PlaceKind::Safezone,
            group: "Test".into(),
            location,
            whereabouts: None,
            contacts: Vec::new(),
            hours: Hours::Unknown,
            website: None,
            description: None,
            categories: Vec::new(),
            audiences: Vec::new(),
            languages: Vec::new(),
            accessibility: None,
            last_verified: "2026-01-01".into(),
            source: "test".into(),
            confirmed: true,
        }
    }

    fn area(name: &str, lat: f64, lon: f64) -> AreaCentre {
        AreaCentre {
            name: name.into(),
            position: [lat, lon],
        }
    }

    fn finder() -> Finder {
        Finder::new(data())
    }

    fn data() -> LocatorData {
        LocatorData {
            area_name: "Testshire".into(),
            scheme_name: "Safezones".into(),
            places: vec![
                place("Town hall", Location::Postcode { address: None, postcode: "HD1 2TA".into(), position: [53.6458, -1.7850] }),
                place("Two sites", Location::Area { areas: vec![area("Milnsbridge", 53.6398, -1.8221), area("Dewsbury", 53.6910, -1.6330)] }),
                place("Somewhere", Location::Unknown),
                place("Helpline", Location::Remote),
            ],
            outcodes: "HD1 53.6469 -1.7889 1\nWF13 53.6924 -1.6468 1\nLS1 53.7965 -1.5478 0\nbroken line\n".into(),
            towns: "Dewsbury|53.6910|-1.6330\nMilnsbridge|53.6398|-1.8221\n".into(),
            urgent: Vec::new(),
            silent_call_note: String::new(),
            examples: Default::default(),
        }
    }

    #[test]
    fn resolves_districts_and_towns() {
        let finder = finder();
        let (at, label) = finder
            .gazetteer
            .resolve(&Query::Outcode("HD1".into()))
            .expect("HD1");
        assert!((at.lat() - 53.6469).abs() < 1e-9);
        assert_eq!(label, "the HD1 postcode area");
        let (_, label) = finder
            .gazetteer
            .resolve(&Query::Town("dewsbury".into()))
            .expect("town");
        assert_eq!(label, "Dewsbury");
        assert!(finder
            .gazetteer
            .resolve(&Query::Outcode("ZZ9".into()))
            .is_none());
        assert!(finder
            .gazetteer
            .resolve(&Query::Town("Atlantis".into()))
            .is_none());
    }

    #[test]
    fn each_place_appears_once_at_its_nearest_position() {
        let finder = finder();
        let dewsbury = LatLon::new(53.6910, -1.6330).expect("valid");
        let findings = finder.search(dewsbury, "Dewsbury".into(), &Filter::default());
        let names: Vec<&str> = findings
            .nearby
            .iter()
            .map(|n| finder.data.places[n.place].name.as_str())
            .collect();
        assert_eq!(names, ["Two sites", "Town hall"]);
        assert_eq!(findings.nearby[0].area.as_deref(), Some("Dewsbury"));
        assert!(findings.nearby[0].distance_m < 1.0);
        assert_eq!(findings.nearby[1].direction, "south-west");
        assert_eq!(findings.unplaced, [2]);
        assert_eq!(findings.remote, [3]);
        assert!(findings.in_area);
    }

    #[test]
    fn knows_when_a_position_is_outside_the_area() {
        let finder = finder();
        let leeds = LatLon::new(53.7965, -1.5478).expect("valid");
        assert!(
            !finder
                .search(leeds, "Leeds".into(), &Filter::default())
                .in_area
        );
    }

    #[test]
    fn filters_keep_only_matching_places() {
        let mut data = data();
        let places = &mut data.places;
        places[3].kind = PlaceKind::Service;
        places[3].hours = Hours::Always;
        places[3].audiences = vec![Audience::Lgbt];
        places[1].audiences = vec![Audience::Everyone];
        let finder = Finder::new(data);
        let dewsbury = LatLon::new(53.6910, -1.6330).expect("valid");
        let names = |filter: &Filter| {
            let found = finder.search(dewsbury, "Dewsbury".into(), filter);
            let mut names: Vec<&str> = found
                .nearby
                .iter()
                .map(|n| finder.data.places[n.place].name.as_str())
                .collect();
            names.extend(
                found
                    .unplaced
                    .iter()
                    .chain(&found.remote)
                    .map(|slot| finder.data.places[*slot].name.as_str()),
            );
            names
        };
        let now = LocalTime {
            day: 20_780,
            minute: 600,
        };
        let services = Filter::from_choices("services", "", false, Some(now)).expect("valid");
        assert_eq!(names(&services), ["Helpline"]);
        let open = Filter::from_choices("all", "", true, Some(now)).expect("valid");
        assert_eq!(names(&open), ["Helpline"], "unknown hours are never open");
        let men = Filter::from_choices("all", "men", false, Some(now)).expect("valid");
        assert_eq!(
            names(&men),
            ["Two sites"],
            "only places for everyone or for men"
        );
        let no_clock = Filter::from_choices("all", "", true, None).expect("valid");
        assert_eq!(
            names(&no_clock),
            ["Helpline"],
            "open at any time needs no clock"
        );
        assert_eq!(Filter::from_choices("pubs", "", false, None), None);
        assert_eq!(Filter::from_choices("all", "martians", false, None), None);
    }

    #[test]
    fn distances_read_naturally() {
        assert_eq!(distance_words(20.0), "50 m");
        assert_eq!(distance_words(349.0), "350 m");
        assert_eq!(distance_words(2_430.0), "2.4 km");
        assert_eq!(distance_words(949.0), "950 m");
        assert_eq!(distance_words(950.0), "1.0 km");
        assert_eq!(distance_words(12_351.0), "12.4 km");
        assert_eq!(distance_words(f64::NAN), "50 m");
    }
}
