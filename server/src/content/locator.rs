//! The locator's data: Safezones, services, areas and the postcode and town tables,
//! checked and turned into [`LocatorData`].
//!
//! Files (all under the content folder):
//! - `safezones.toml`, `services.toml`, `areas.toml`;
//! - `places/outcodes.csv`, `places/area-postcodes.csv`, `places/towns.csv`, derived
//!   from open data by `scripts/data/derive_places.py` (see places/PROVENANCE.md).

use super::dates::Date;
use super::hours::{read_hours, Calendar, HoursProblem};
use super::paths::is_slug;
use super::report::Report;
use super::settings::{Register, TomlFile};
use super::suggest::closest;
use app::model::{AreaCentre, Audience, Contact, Hours, Location, LocatorData, Place, PlaceKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSafezones {
    scheme_name: String,
    source: String,
    source_date: toml::value::Datetime,
    last_verified: toml::value::Datetime,
    safezone: Vec<RawSafezone>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSafezone {
    name: String,
    group: String,
    #[serde(rename = "where")]
    whereabouts: Option<String>,
    location: String,
    #[serde(default)]
    areas: Vec<String>,
    postcode: Option<String>,
    address: Option<String>,
    opening_hours: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAreas {
    area: Vec<RawArea>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    id: String,
    name: String,
    town: Option<String>,
    outcode: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawServices {
    service: Vec<RawService>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    id: String,
    name: String,
    organisation: String,
    description: String,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    audiences: Vec<String>,
    #[serde(default)]
    phones: Vec<String>,
    website: Option<String>,
    address: Option<String>,
    postcode: Option<String>,
    opening_hours: Option<String>,
    #[serde(default)]
    languages: Vec<String>,
    accessibility: Option<String>,
    #[serde(default)]
    confidential_location: bool,
    last_verified: toml::value::Datetime,
    source: String,
}

/// How far outside the area a postcode district may be and still be searched from:
/// far enough for people near the border and in the neighbouring towns.
pub const NEAR_ENOUGH_KM: f64 = 40.0;

/// The shipped postcode and town tables.
#[derive(Default)]
pub struct Tables {
    outcodes: BTreeMap<String, ([f64; 2], bool)>,
    postcodes: HashMap<String, [f64; 2]>,
    towns: BTreeMap<String, [f64; 2]>,
}

impl Tables {
    /// Reads the three CSV files; a missing or malformed one is reported.
    pub fn load(
        dir: &std::path::Path,
        display: &dyn Fn(&str) -> String,
        report: &mut Report,
    ) -> Tables {
        let mut tables = Tables::default();
        let fix = "Regenerate it with: python3 scripts/data/derive_places.py (see scripts/data/README.md).";
        let rows = |name: &str, fields: usize, report: &mut Report| -> Vec<Vec<String>> {
            let file = format!("places/{name}");
            let Some(text) = super::read(dir, &file, &display(&file), report) else {
                return Vec::new();
            };
            let mut rows = Vec::new();
            for (index, line) in text.lines().enumerate().skip(1) {
                let row: Vec<String> = line.split(',').map(str::to_owned).collect();
                if row.len() != fields {
                    report.at(&display(&file), Some(index + 1)).fix(
                        format!("has {} fields where {fields} were expected.", row.len()),
                        fix,
                    );
                    continue;
                }
                rows.push(row);
            }
            rows
        };
        let position = |lat: &str, lon: &str| -> Option<[f64; 2]> {
            let (lat, lon) = (lat.parse().ok()?, lon.parse().ok()?);
            app::locator::LatLon::new(lat, lon).map(|_| [lat, lon])
        };
        for row in rows("outcodes.csv", 4, report) {
            if let Some(at) = position(&row[1], &row[2]) {
                tables.outcodes.insert(row[0].clone(), (at, row[3] == "1"));
            }
        }
        for row in rows("area-postcodes.csv", 3, report) {
            if let Some(at) = position(&row[1], &row[2]) {
                tables.postcodes.insert(row[0].clone(), at);
            }
        }
        for row in rows("towns.csv", 3, report) {
            if let Some(at) = position(&row[1], &row[2]) {
                tables.towns.insert(row[0].clone(), at);
            }
        }
        tables
    }

    /// Whether `code` is a postcode district in the table, and if so whether it is in
    /// the area.
    pub fn district_in_area(&self, code: &str) -> Option<bool> {
        self.outcodes.get(code).map(|(_, in_area)| *in_area)
    }

    pub fn has_town(&self, name: &str) -> bool {
        self.towns.contains_key(name)
    }

    /// The districts the locator knows: those in the area and those whose middle is
    /// within [`NEAR_ENOUGH_KM`] of one that is. The page carries this table, so a
    /// district far away would only add weight: it gets "we could not find it in or
    /// near the area", on the device and on the server alike.
    fn compact_outcodes(&self) -> String {
        let inside: Vec<app::locator::LatLon> = self
            .outcodes
            .values()
            .filter(|(_, in_area)| *in_area)
            .filter_map(|(at, _)| app::locator::LatLon::new(at[0], at[1]))
            .collect();
        let near = |at: &[f64; 2]| {
            app::locator::LatLon::new(at[0], at[1]).is_some_and(|at| {
                inside
                    .iter()
                    .any(|district| district.distance_m(at) <= NEAR_ENOUGH_KM * 1000.0)
            })
        };
        self.outcodes
            .iter()
            .filter(|(_, (at, in_area))| *in_area || near(at))
            .map(|(code, (at, in_area))| {
                format!("{code} {} {} {}\n", at[0], at[1], u8::from(*in_area))
            })
            .collect()
    }

    fn compact_towns(&self) -> String {
        self.towns
            .iter()
            .map(|(name, at)| format!("{name}|{}|{}\n", at[0], at[1]))
            .collect()
    }
}

/// The canonical form of a UK postcode ("hd12ta" → "HD1 2TA"), if it looks like one.
pub fn canonical_postcode(text: &str) -> Option<String> {
    let compact: String = text
        .split_whitespace()
        .collect::<String>()
        .to_ascii_uppercase();
    let outcode = match app::locator::parse_query(&compact) {
        Ok(app::locator::Query::Outcode(outcode)) if outcode.len() + 3 == compact.len() => outcode,
        _ => return None,
    };
    Some(format!("{outcode} {}", &compact[outcode.len()..]))
}

/// What the locator needs from the rest of the content.
pub struct Context<'a> {
    pub area_name: &'a str,
    pub calendar: Option<&'a Calendar>,
    pub today: i32,
    /// Numbers shown when nothing near is open: the footer's.
    pub urgent: &'a [Contact],
    pub silent_call_note: &'a str,
    pub examples: &'a app::model::Examples,
}

pub struct Sources<'a> {
    pub safezones: TomlFile<'a>,
    pub services: TomlFile<'a>,
    pub areas: TomlFile<'a>,
}

/// Checks the locator's files and builds what the locator searches.
pub fn load(
    sources: &Sources<'_>,
    tables: &Tables,
    register: &Register,
    context: &Context<'_>,
    report: &mut Report,
) -> LocatorData {
    let areas = load_areas(&sources.areas, tables, report);
    let mut places = Vec::new();
    let mut scheme_name = String::from("Safezones");
    if let Some(raw) = parse::<RawSafezones>(&sources.safezones, report) {
        scheme_name = raw.scheme_name.clone();
        let last_verified = date_text(
            &raw.last_verified,
            &sources.safezones,
            "last_verified",
            report,
        );
        warn_if_stale(
            &last_verified,
            context.today,
            &sources.safezones,
            None,
            report,
        );
        let _ = date_text(&raw.source_date, &sources.safezones, "source_date", report);
        for zone in raw.safezone {
            let line = sources.safezones.line_of(&format!("\"{}\"", zone.name));
            let location =
                safezone_location(&zone, &areas, tables, &sources.safezones, line, report);
            let hours = place_hours(
                zone.opening_hours.as_deref(),
                context,
                &sources.safezones,
                line,
                report,
            );
            places.push(Place {
                name: zone.name,
                kind: PlaceKind::Safezone,
                group: zone.group,
                location,
                whereabouts: zone.whereabouts,
                contacts: Vec::new(),
                hours,
                website: None,
                description: None,
                categories: vec!["safezone".to_owned()],
                audiences: vec![Audience::Everyone],
                languages: Vec::new(),
                accessibility: None,
                last_verified: last_verified.clone(),
                source: raw.source.clone(),
            });
        }
    }
    if let Some(raw) = parse::<RawServices>(&sources.services, report) {
        for service in raw.service {
            if let Some(place) = service_place(
                service,
                tables,
                register,
                context,
                &sources.services,
                report,
            ) {
                places.push(place);
            }
        }
    }
    LocatorData {
        area_name: context.area_name.to_owned(),
        scheme_name,
        places,
        outcodes: tables.compact_outcodes(),
        towns: tables.compact_towns(),
        urgent: context.urgent.to_vec(),
        silent_call_note: context.silent_call_note.to_owned(),
        examples: context.examples.clone(),
    }
}

/// A place's opening hours, or unknown with the problem reported.
fn place_hours(
    text: Option<&str>,
    context: &Context<'_>,
    source: &TomlFile<'_>,
    line: Option<usize>,
    report: &mut Report,
) -> Hours {
    match read_hours(text, context.calendar, context.today) {
        Ok(hours) => hours,
        Err(HoursProblem(problem)) => {
            let line = text
                .and_then(|text| source.line_of(&format!("\"{text}\"")))
                .or(line);
            report.at(source.file, line).field("opening_hours").fix(
                problem,
                "Write the hours the OpenStreetMap way, for example \"Mo-Fr 09:00-17:00; Sa 10:00-16:00; PH off\" (PH is a bank holiday), or \"24/7\". See content/README.md.",
            );
            Hours::Unknown
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(source: &TomlFile<'_>, report: &mut Report) -> Option<T> {
    source.parse(
        "Compare the file with the examples in content/README.md: each entry starts with [[…]], and text goes in double quotes.",
        report,
    )
}

fn date_text(
    value: &toml::value::Datetime,
    source: &TomlFile<'_>,
    field: &str,
    report: &mut Report,
) -> String {
    let text = value.to_string();
    if Date::parse(&text).is_none() {
        report
            .at(source.file, source.line_of(field))
            .field(field)
            .fix(
                format!("\"{text}\" is not a date written as YYYY-MM-DD."),
                "Write the date without quotes, for example last_verified = 2026-11-23.",
            );
    }
    text
}

/// Warns when an entry was last checked more than 12 months before `today`.
fn warn_if_stale(
    date: &str,
    today: i32,
    source: &TomlFile<'_>,
    line: Option<usize>,
    report: &mut Report,
) {
    let Some(checked) = Date::parse(date) else {
        return;
    };
    if today - app::locator::day_number(checked.year, checked.month, checked.day) > 365 {
        let line = line.or_else(|| source.line_of("last_verified"));
        report.warn_at(source.file, line).field("last_verified").fix(
            format!("was last checked on {date}, more than 12 months ago."),
            "Check the details with the organisation or venue, then set last_verified to today's date.",
        );
    }
}

/// Areas by id; `None` for an area whose middle could not be found (already reported,
/// so the Safezones that name it are not reported again).
fn load_areas(
    source: &TomlFile<'_>,
    tables: &Tables,
    report: &mut Report,
) -> BTreeMap<String, Option<AreaCentre>> {
    let mut areas = BTreeMap::new();
    let Some(raw) = parse::<RawAreas>(source, report) else {
        return areas;
    };
    for area in raw.area {
        let line = source.line_of(&format!("\"{}\"", area.id));
        let position = match (&area.town, &area.outcode) {
            (Some(town), None) => tables.towns.get(town).copied().or_else(|| {
                let hint = match closest(town, tables.towns.keys().map(String::as_str)) {
                    Some(near) => format!("Did you mean \"{near}\"? Use a town from places/towns.csv, or outcode = \"AB1\" instead."),
                    None => "Use a town from places/towns.csv, or a postcode district with outcode = \"AB1\".".to_owned(),
                };
                report.at(source.file, line).field("town").fix(format!("\"{town}\" is not in places/towns.csv."), hint);
                None
            }),
            (None, Some(outcode)) => tables.outcodes.get(outcode).map(|(at, _)| *at).or_else(|| {
                report.at(source.file, line).field("outcode").fix(
                    format!("\"{outcode}\" is not a postcode district in places/outcodes.csv."),
                    "Check the district, for example outcode = \"AB1\".",
                );
                None
            }),
            _ => {
                report.at(source.file, line).fix(
                    format!("the area \"{}\" needs exactly one of town or outcode for its middle.", area.id),
                    "Write town = \"…\" (a town in places/towns.csv) or outcode = \"…\" (a district in places/outcodes.csv).",
                );
                None
            }
        };
        let centre = position.map(|position| AreaCentre {
            name: area.name,
            position,
        });
        areas.insert(area.id, centre);
    }
    areas
}

fn safezone_location(
    zone: &RawSafezone,
    areas: &BTreeMap<String, Option<AreaCentre>>,
    tables: &Tables,
    source: &TomlFile<'_>,
    line: Option<usize>,
    report: &mut Report,
) -> Location {
    match zone.location.as_str() {
        "postcode" => {
            match zone
                .postcode
                .as_deref()
                .and_then(|p| postcode_position(p, tables))
            {
                Some((postcode, position)) => Location::Postcode {
                    address: zone.address.clone(),
                    postcode,
                    position,
                },
                None => {
                    report.at(source.file, line).field("postcode").fix(
                        format!("{} has location = \"postcode\" but no postcode we can find in the area.", zone.name),
                        "Write the venue's real postcode, such as postcode = \"AB1 2CD\", or use location = \"area\" or \"unknown\".",
                    );
                    Location::Unknown
                }
            }
        }
        "area" => {
            let mut found = Vec::new();
            for id in &zone.areas {
                match areas.get(id) {
                    Some(Some(area)) => found.push(area.clone()),
                    Some(None) => {}
                    None => report.at(source.file, line).field("areas").fix(
                        format!("\"{id}\" is not an area in areas.toml."),
                        match closest(id, areas.keys().map(String::as_str)) {
                            Some(near) => format!("Did you mean \"{near}\"?"),
                            None => "Add the area to areas.toml first, with its middle.".to_owned(),
                        },
                    ),
                }
            }
            if zone.areas.is_empty() {
                report.at(source.file, line).field("areas").fix(
                    format!("{} has location = \"area\" but names no areas.", zone.name),
                    "Add areas = [\"…\"] with ids from areas.toml, or use location = \"unknown\".",
                );
            }
            Location::Area { areas: found }
        }
        "unknown" => Location::Unknown,
        other => {
            report.at(source.file, line).field("location").fix(
                format!("\"{other}\" is not a kind of location."),
                "Use \"postcode\", \"area\" or \"unknown\".",
            );
            Location::Unknown
        }
    }
}

fn postcode_position(text: &str, tables: &Tables) -> Option<(String, [f64; 2])> {
    let postcode = canonical_postcode(text)?;
    let position = tables.postcodes.get(&postcode)?;
    Some((postcode, *position))
}

fn service_place(
    service: RawService,
    tables: &Tables,
    register: &Register,
    context: &Context<'_>,
    source: &TomlFile<'_>,
    report: &mut Report,
) -> Option<Place> {
    let line = source.line_of(&format!("\"{}\"", service.id));
    let errors_before = report.errors().len();
    if !is_slug(&service.id) {
        report.at(source.file, line).field("id").fix(
            format!("\"{}\" is not a usable id.", service.id),
            "Use lower-case letters, numbers and hyphens, for example id = \"womens-aid-north\".",
        );
    }
    let mut audiences = Vec::new();
    for audience in &service.audiences {
        match Audience::from_key(audience) {
            Some(known) => audiences.push(known),
            None => report.at(source.file, line).field("audiences").fix(
                format!("\"{audience}\" is not an audience the site knows."),
                "Use the audience words listed in content/README.md, such as \"everyone\" or \"lgbt\".",
            ),
        }
    }
    if let Some(website) = &service.website {
        if !website.starts_with("https://") {
            report.at(source.file, line).field("website").fix(
                format!("\"{website}\" is not a secure https:// address."),
                "Use the https:// address of the service's website.",
            );
        }
    }
    let contacts = service
        .phones
        .iter()
        .filter_map(|id| register.contact(id, source, "phones", report))
        .collect();
    let location = if service.confidential_location {
        if service.address.is_some() || service.postcode.is_some() {
            report.at(source.file, line).field("confidential_location").fix(
                format!("{} is confidential but has an address or postcode.", service.name),
                "Delete the address and postcode lines now. A confidential location is never written in content: people reach the service by phone.",
            );
        }
        Location::Remote
    } else {
        match &service.postcode {
            None => Location::Remote,
            Some(postcode) => match postcode_position(postcode, tables) {
                Some((postcode, position)) => Location::Postcode {
                    address: service.address.clone(),
                    postcode,
                    position,
                },
                None => {
                    report.at(source.file, line).field("postcode").fix(
                        format!("\"{postcode}\" is not a postcode we can find in the area."),
                        "Check the postcode with the service, for example postcode = \"AB1 2CD\".",
                    );
                    Location::Remote
                }
            },
        }
    };
    let hours = place_hours(
        service.opening_hours.as_deref(),
        context,
        source,
        line,
        report,
    );
    let last_verified = date_text(&service.last_verified, source, "last_verified", report);
    warn_if_stale(&last_verified, context.today, source, line, report);
    (report.errors().len() == errors_before).then_some(Place {
        name: service.name,
        kind: PlaceKind::Service,
        group: service.organisation,
        location,
        whereabouts: None,
        contacts,
        hours,
        website: service.website,
        description: Some(service.description),
        categories: service.categories,
        audiences,
        languages: service.languages,
        accessibility: service.accessibility,
        last_verified,
        source: service.source,
    })
}

/// Safezones that still need a real location: the team's to-do list.
pub fn needing_location(data: &LocatorData) -> Vec<String> {
    data.places
        .iter()
        .filter(|place| place.kind == PlaceKind::Safezone)
        .filter_map(|place| match &place.location {
            Location::Unknown => Some(format!(
                "{} ({}): location unknown",
                place.name, place.group
            )),
            Location::Area { areas } => Some(format!(
                "{} ({}): only the area is known ({})",
                place.name,
                place.group,
                areas
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{canonical_postcode, Tables};

    #[test]
    fn the_page_carries_only_districts_in_or_near_the_area() {
        let mut tables = Tables::default();
        for (code, at, in_area) in [
            ("HD1", [53.6469, -1.7889], true),
            ("LS1", [53.7965, -1.5478], false),
            ("AB10", [57.1352, -2.1203], false),
        ] {
            tables.outcodes.insert(code.to_owned(), (at, in_area));
        }
        assert_eq!(
            tables.compact_outcodes(),
            "HD1 53.6469 -1.7889 1\nLS1 53.7965 -1.5478 0\n"
        );
    }

    #[test]
    fn postcodes_are_written_one_way() {
        assert_eq!(canonical_postcode("hd12ta").as_deref(), Some("HD1 2TA"));
        assert_eq!(
            canonical_postcode(" WF17  5AB ").as_deref(),
            Some("WF17 5AB")
        );
        assert_eq!(canonical_postcode("HD1"), None);
        assert_eq!(canonical_postcode("not a postcode"), None);
    }
}
