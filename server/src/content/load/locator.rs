//! The locator's data: Safezones, services, areas and the postcode and town tables,
//! checked and turned into [`LocatorData`].
//!
//! Files (all under the content folder):
//! - `safezones.toml`, `services.toml`, `areas.toml`;
//! - `places/outcodes.csv`, `places/area-postcodes.csv`, `places/towns.csv`, derived
//!   from open data by `scripts/data/derive_places.py` (see places/PROVENANCE.md).

use super::places::{postcode_position, Tables};
use crate::content::load::hours::{read_hours, Calendar, HoursProblem};
use crate::content::load::settings::Register;
use crate::content::paths::is_slug;
use crate::content::report::Report;
use crate::content::source::TomlFile;
use crate::content::suggest::closest;
use app::model::Date;
use app::model::{AreaCentre, Audience, Contact, Hours, Location, LocatorData, Place, PlaceKind};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSafezones {
    scheme_name: String,
    source: String,
    source_date: toml::value::Datetime,
    /// When the entries below were checked; not needed when the places are in the sheet.
    last_verified: Option<toml::value::Datetime>,
    #[serde(default)]
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

/// The locator's three TOML files.
pub struct Files<'a> {
    pub safezones: TomlFile<'a>,
    pub services: TomlFile<'a>,
    pub areas: TomlFile<'a>,
    /// `safezones.csv` as editors see its name, and its rows.
    pub sheet: (&'a str, &'a [super::safezone_sheet::Row]),
}

/// Checks the locator's files and builds what the locator searches.
pub fn load(
    sources: &Files<'_>,
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
        let source_date = date_text(&raw.source_date, &sources.safezones, "source_date", report);
        let last_verified = match &raw.last_verified {
            Some(date) => {
                let text = date_text(date, &sources.safezones, "last_verified", report);
                warn_if_stale(&text, context.today, &sources.safezones, None, report);
                text
            }
            None => source_date,
        };
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
                confirmed: true,
            });
        }
    }
    let (sheet_file, rows) = sources.sheet;
    places.extend(super::safezone_rows::places(
        sheet_file, rows, &areas, tables, context, report,
    ));
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
        confirmed: true,
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
