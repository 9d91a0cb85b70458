//! The rows of `safezones.csv` as places the locator shows. A closed place is read and
//! checked like any other row, then left out of every answer, page and file.

use super::hours::{read_hours, HoursProblem};
use super::locator::Context;
use super::places::{canonical_postcode, Tables};
use super::safezone_sheet::{Row, Status};
use crate::content::report::Report;
use app::model::{AreaCentre, Audience, Hours, Location, Place, PlaceKind};
use std::collections::{BTreeMap, HashMap};

/// How long a row may go unchecked before the check warns.
const CHECK_DAYS: i32 = 365;

pub fn places(
    file: &str,
    rows: &[Row],
    areas: &BTreeMap<String, Option<AreaCentre>>,
    tables: &Tables,
    context: &Context<'_>,
    report: &mut Report,
) -> Vec<Place> {
    let mut places = Vec::new();
    let mut stale = Vec::new();
    // Most places share a handful of opening-hours texts: each is worked out once.
    let mut timetables: HashMap<String, Result<Hours, HoursProblem>> = HashMap::new();
    for row in rows {
        let location = location(file, row, areas, tables, report);
        let hours = hours(file, row, context, &mut timetables, report);
        if context.today - row.last_verified.day_number() > CHECK_DAYS
            && row.status != Status::Closed
        {
            stale.push(row.line.to_string());
        }
        if row.status == Status::Closed {
            continue;
        }
        places.push(Place {
            name: row.name.clone(),
            kind: PlaceKind::Safezone,
            group: row.group.clone(),
            location,
            whereabouts: row.whereabouts.clone(),
            contacts: Vec::new(),
            hours,
            website: None,
            description: None,
            categories: vec!["safezone".to_owned()],
            audiences: vec![Audience::Everyone],
            languages: Vec::new(),
            accessibility: None,
            last_verified: row.last_verified.to_string(),
            source: row.source.clone(),
            confirmed: row.status == Status::Active,
        });
    }
    if !stale.is_empty() {
        report.warn_at(file, None).field("last_verified").fix(
            format!(
                "{} Safe Zones were last checked more than 12 months ago (rows {}{}).",
                stale.len(),
                stale.iter().take(10).cloned().collect::<Vec<_>>().join(", "),
                if stale.len() > 10 {
                    format!(" and {} more", stale.len() - 10)
                } else {
                    String::new()
                }
            ),
            "Run server safezones todo --csv to-do.csv (scripts/safezones-todo.sh) for the sheet with these rows first, check them with the venues, then save it as safezones.csv.",
        );
    }
    places
}

/// Where the row is: its own postcode's position, else the middle of its group's area
/// (never given a distance), else unknown.
fn location(
    file: &str,
    row: &Row,
    areas: &BTreeMap<String, Option<AreaCentre>>,
    tables: &Tables,
    report: &mut Report,
) -> Location {
    let by_group = || {
        areas
            .values()
            .flatten()
            .find(|area| area.name.eq_ignore_ascii_case(&row.group))
            .map_or(Location::Unknown, |area| Location::Area {
                areas: vec![area.clone()],
            })
    };
    let Some(written) = row.postcode.as_deref() else {
        return by_group();
    };
    let Some(postcode) = canonical_postcode(written) else {
        report.at(file, Some(row.line)).field("postcode").fix(
            format!("\"{written}\" is not written as a UK postcode."),
            "Write the venue's full postcode, such as WF13 1AA, or leave the cell empty.",
        );
        return by_group();
    };
    if let Some(position) = tables.postcodes.get(&postcode) {
        return Location::Postcode {
            address: None,
            postcode,
            position: *position,
        };
    }
    let outcode = postcode.split(' ').next().unwrap_or_default();
    match tables.district_in_area(outcode) {
        Some(true) => {
            let near = tables.postcodes_like(&postcode, outcode, 3);
            let hint = if near.is_empty() {
                "Check the postcode with the venue or on a letter from it.".to_owned()
            } else {
                format!(
                    "Check it with the venue. Postcodes in {outcode} with a similar spelling: {}.",
                    near.join(", ")
                )
            };
            report
                .at(file, Some(row.line))
                .field("postcode")
                .fix(format!("{postcode} is not a postcode in {outcode}."), hint);
        }
        Some(false) => {
            report.warn_at(file, Some(row.line)).field("postcode").fix(
                format!(
                    "{postcode} is outside the area, so {} is listed under {} without a position.",
                    row.name, row.group
                ),
                "Check the postcode with the venue. If the place really is outside the area, it may belong to a neighbouring scheme.",
            );
        }
        None => {
            report.at(file, Some(row.line)).field("postcode").fix(
                format!("{postcode} is not in a postcode district we know."),
                "Check the first half of the postcode with the venue, such as WF13.",
            );
        }
    }
    by_group()
}

fn hours(
    file: &str,
    row: &Row,
    context: &Context<'_>,
    timetables: &mut HashMap<String, Result<Hours, HoursProblem>>,
    report: &mut Report,
) -> Hours {
    let text = row.opening_hours.clone().unwrap_or_default();
    let worked_out = timetables
        .entry(text)
        .or_insert_with_key(|text| read_hours(Some(text), context.calendar, context.today));
    match worked_out.clone() {
        Ok(hours) => hours,
        Err(HoursProblem(problem)) => {
            report.at(file, Some(row.line)).field("opening_hours").fix(
                problem,
                "Write the hours the OpenStreetMap way, for example Mo-Fr 09:00-17:00; Sa 10:00-16:00; PH off (PH is a bank holiday), or 24/7. See content/README.md.",
            );
            Hours::Unknown
        }
    }
}
