//! What the locator searches: places, where they are, when they are open, and the
//! lookup tables the page carries.

use super::{Audience, Contact};
use serde::{Deserialize, Serialize};

/// Somewhere people can go or call: a Safezone or a support service, as the locator
/// shows it. Confidential locations never reach this type: the loader drops them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub kind: PlaceKind,
    /// The group it is listed under when it cannot be ranked by distance.
    pub group: String,
    pub location: Location,
    /// Words about where it is, from the source ("Huddersfield bus station").
    pub whereabouts: Option<String>,
    pub contacts: Vec<Contact>,
    pub hours: Hours,
    pub website: Option<String>,
    pub description: Option<String>,
    /// Open Referral-style category words, such as "domestic-abuse".
    pub categories: Vec<String>,
    pub audiences: Vec<Audience>,
    /// BCP 47 language codes the service can help in.
    pub languages: Vec<String>,
    pub accessibility: Option<String>,
    /// ISO date the entry was last checked.
    pub last_verified: String,
    pub source: String,
    /// False for a place a public source names but the scheme has not confirmed yet:
    /// the answer says so.
    pub confirmed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlaceKind {
    Safezone,
    Service,
}

/// How well we know where a place is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Location {
    /// A public address and the position of its postcode.
    Postcode {
        address: Option<String>,
        postcode: String,
        position: [f64; 2],
    },
    /// Only the district: ranked by the middle of each named area.
    Area { areas: Vec<AreaCentre> },
    /// Not known: listed under its group, never ranked or pinned.
    Unknown,
    /// A service you call or visit online; it has no place to go to.
    Remote,
}

/// The middle of a named area, for places known only by district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaCentre {
    pub name: String,
    pub position: [f64; 2],
}

impl Location {
    /// Every position the place can be found at, as `[lat, lon]`.
    pub fn positions(&self) -> Vec<[f64; 2]> {
        match self {
            Location::Postcode { position, .. } => vec![*position],
            Location::Area { areas } => areas.iter().map(|a| a.position).collect(),
            Location::Unknown | Location::Remote => Vec::new(),
        }
    }
}

/// When a place is open, as far as we know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hours {
    /// Never shown as open.
    Unknown,
    /// Open at all times.
    Always,
    /// Opening hours from the OpenStreetMap-style text in the content, worked out
    /// for the days the bank-holiday calendar covers.
    Timetable {
        text: String,
        timetable: crate::locator::Timetable,
    },
}

impl Hours {
    /// Whether the place is open at `now` (UK time). Unknown is never open.
    pub fn state(&self, now: crate::locator::LocalTime) -> crate::locator::OpenState {
        use crate::locator::OpenState;
        match self {
            Hours::Unknown => OpenState::Unknown,
            Hours::Always => OpenState::Open { closes: None },
            Hours::Timetable { timetable, .. } => timetable.state(now),
        }
    }
}

/// What the locator searches: every place, and the lookup tables shipped to the page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocatorData {
    pub area_name: String,
    pub scheme_name: String,
    pub places: Vec<Place>,
    /// Postcode districts: "HD1 53.6469 -1.7889 1" per line (the last field: in the area).
    pub outcodes: String,
    /// Towns: "Dewsbury|53.691|-1.633" per line.
    pub towns: String,
    /// Numbers to call when nothing near is open (999 first).
    pub urgent: Vec<Contact>,
    /// What to do on a 999 call when you cannot speak.
    pub silent_call_note: String,
    /// What to type, shown in hints and messages.
    pub examples: Examples,
}

impl LocatorData {
    /// The same data with every postcode position moved onto the packing grid
    /// ([`crate::locator::GRID`], about a metre), as the device gets it back. The
    /// server searches this too, so both answer from the very same positions.
    pub fn on_grid(mut self) -> LocatorData {
        for place in &mut self.places {
            if let Location::Postcode { position, .. } = &mut place.location {
                *position = position.map(crate::locator::on_grid);
            }
        }
        self
    }
}

/// Examples from the area of what people can type into the locator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Examples {
    /// A postcode district in the area, such as "HD1".
    pub district: String,
    /// A town in the area.
    pub town: String,
}
