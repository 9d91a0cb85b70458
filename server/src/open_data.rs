//! The directory as open data: every service and Safezone in the Open Referral Human
//! Services Data Specification (HSDS) 3.0, shaped like a page of the HSDS API's
//! `/services` answer, with the licence and attribution beside it.
//!
//! Made once when content loads, from the same checked places the locator uses.
//! Confidential addresses never reach those places, so they cannot appear here; a
//! place known only by its area has no coordinates here either, as on the site.

use app::model::{Contact, Hours, Location, Place, PlaceKind, Site};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// The services, as one page of an HSDS `/services` list.
pub const SERVICES_PATH: &str = app::model::OPEN_DATA_SERVICES_PATH;
/// What the data is, who publishes it, its licence and attribution.
pub const ABOUT_PATH: &str = app::model::OPEN_DATA_ABOUT_PATH;

/// The open-data files (path and JSON text), or none when site.toml has no `[open_data]`.
pub fn files(site: &Site) -> Vec<(&'static str, String)> {
    let Some(licence) = &site.settings.open_data else {
        return Vec::new();
    };
    let services: Vec<Value> = site
        .locator
        .places
        .iter()
        .map(|place| service(place, site))
        .collect();
    let count = services.len();
    let list = json!({
        "total_items": count,
        "total_pages": 1,
        "page_number": 1,
        "size": count,
        "first_page": true,
        "last_page": true,
        "empty": count == 0,
        "contents": services,
    });
    let about = json!({
        "version": "3.0",
        "profile": "https://specification.openreferral.org/",
        "title": format!("{}: domestic abuse services and {}", site.settings.area_name, site.locator.scheme_name),
        "publisher": licence.publisher,
        "licence": licence.licence,
        "licence_url": licence.licence_url,
        "attribution": licence.attribution,
        "services": SERVICES_PATH,
        "notes": [
            "Opening times are UK local time (Europe/London).",
            "Places known only by their area have no coordinates or address.",
            "Refuges and other confidential addresses are never included.",
        ],
    });
    vec![(SERVICES_PATH, pretty(&list)), (ABOUT_PATH, pretty(&about))]
}

fn pretty(value: &Value) -> String {
    // Serialising a Value cannot fail.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A stable identifier in UUID form, made from what the record is.
fn id(parts: &[&str]) -> String {
    let digest = Sha256::digest(parts.join("\u{1f}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    // Version 5 style (name-based) and the RFC 4122 variant.
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn service(place: &Place, site: &Site) -> Value {
    let key = |role: &str| id(&[role, &place.name, &place.group]);
    let service_id = key("service");
    let description = place.description.clone().unwrap_or_else(|| match place.kind {
        PlaceKind::Safezone => format!(
            "Part of the {} scheme in {}: a public place whose staff have agreed to help anyone who feels unsafe, by letting them wait somewhere safe and helping them call for help.",
            site.locator.scheme_name, site.settings.area_name
        ),
        PlaceKind::Service => format!("A support service in {}.", site.settings.area_name),
    });
    let organization = json!({
        "id": key("organization"),
        "name": place.name,
        "description": description,
    });
    let mut service = json!({
        "id": service_id,
        "organization_id": key("organization"),
        "name": place.name,
        "description": description,
        "status": "active",
        "organization": organization,
        "phones": place.contacts.iter().map(|c| phone(c, &service_id)).collect::<Vec<_>>(),
        "schedules": schedules(&place.hours, &service_id),
        "languages": place.languages.iter().map(|code| json!({
            "id": id(&["language", &service_id, code]),
            "service_id": service_id,
            "code": code,
        })).collect::<Vec<_>>(),
        "assured_date": place.last_verified,
        "service_at_locations": location(place, site, &service_id).into_iter().collect::<Vec<_>>(),
    });
    if let (Some(url), Some(fields)) = (&place.website, service.as_object_mut()) {
        fields.insert("url".into(), json!(url));
    }
    service
}

fn phone(contact: &Contact, service_id: &str) -> Value {
    json!({
        "id": id(&["phone", service_id, &contact.dial]),
        "service_id": service_id,
        "number": contact.number,
        "description": format!("{}. {}", contact.name, contact.hours),
    })
}

const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// HH:MM from minutes after midnight; the end of the day is 23:59.
fn clock(minutes: u16) -> String {
    let minutes = minutes.min(23 * 60 + 59);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Weekly schedules from the place's usual week: one per opening period, with the
/// days that share it. The OpenStreetMap text (bank holidays and all) is the
/// description.
fn schedules(hours: &Hours, service_id: &str) -> Vec<Value> {
    let notes = "Times are UK local time (Europe/London).";
    match hours {
        Hours::Unknown => Vec::new(),
        Hours::Always => vec![json!({
            "id": id(&["schedule", service_id, "always"]),
            "service_id": service_id,
            "freq": "WEEKLY",
            "byday": DAYS.join(","),
            "opens_at": "00:00",
            "closes_at": "23:59",
            "description": "Open 24 hours, every day.",
            "notes": notes,
        })],
        Hours::Timetable { text, timetable } => {
            let mut out = Vec::new();
            let mut seen: Vec<u8> = Vec::new();
            for index in timetable.week {
                if seen.contains(&index) {
                    continue;
                }
                seen.push(index);
                let byday: Vec<&str> = DAYS
                    .iter()
                    .zip(timetable.week)
                    .filter(|(_, day)| *day == index)
                    .map(|(name, _)| *name)
                    .collect();
                let byday = byday.join(",");
                let periods = timetable
                    .days
                    .get(usize::from(index))
                    .cloned()
                    .unwrap_or_default();
                for [start, end] in periods {
                    out.push(json!({
                        "id": id(&["schedule", service_id, &byday, &start.to_string()]),
                        "service_id": service_id,
                        "freq": "WEEKLY",
                        "byday": byday,
                        "opens_at": clock(start),
                        "closes_at": clock(end),
                        "description": text,
                        "notes": notes,
                    }));
                }
            }
            out
        }
    }
}

/// Where the service is, as far as it is known and public.
fn location(place: &Place, site: &Site, service_id: &str) -> Option<Value> {
    let location_id = id(&["location", &place.name, &place.group]);
    let mut location = json!({
        "id": location_id,
        "location_type": "physical",
        "name": place.whereabouts.clone().unwrap_or_else(|| place.name.clone()),
    });
    let fields = location.as_object_mut()?;
    match &place.location {
        Location::Remote | Location::Unknown => return None,
        Location::Area { areas } => {
            let names: Vec<&str> = areas.iter().map(|a| a.name.as_str()).collect();
            fields.insert(
                "description".into(),
                json!(format!(
                    "In {}. The exact address is not published yet.",
                    names.join(" or ")
                )),
            );
        }
        Location::Postcode {
            address,
            postcode,
            position,
        } => {
            fields.insert("latitude".into(), json!(position[0]));
            fields.insert("longitude".into(), json!(position[1]));
            fields.insert(
                "description".into(),
                json!("The coordinates are the middle of the postcode, not the door."),
            );
            // HSDS 3.0 spells the location's lists "addresss" and "accessibilitys".
            fields.insert(
                "addresss".into(),
                json!([{
                    "id": id(&["address", &location_id]),
                    "location_id": location_id,
                    "address_1": address.clone().or_else(|| place.whereabouts.clone()).unwrap_or_else(|| place.name.clone()),
                    "city": place.group,
                    "state_province": site.settings.area_name,
                    "postal_code": postcode,
                    "country": "GB",
                    "address_type": "physical",
                }]),
            );
        }
    }
    if let Some(accessibility) = &place.accessibility {
        fields.insert(
            "accessibilitys".into(),
            json!([{
                "id": id(&["accessibility", &location_id]),
                "location_id": location_id,
                "description": accessibility,
            }]),
        );
    }
    Some(json!({
        "id": id(&["service_at_location", service_id, &location_id]),
        "service_id": service_id,
        "location_id": location_id,
        "location": location,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_uuids() {
        let a = id(&["service", "Library", "Dewsbury"]);
        assert_eq!(a, id(&["service", "Library", "Dewsbury"]));
        assert_ne!(a, id(&["service", "Library", "Batley"]));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "5", "version 5");
        assert!(
            matches!(&a[19..20], "8" | "9" | "a" | "b"),
            "RFC 4122 variant"
        );
    }

    #[test]
    fn clock_times_are_hh_mm() {
        assert_eq!(clock(9 * 60), "09:00");
        assert_eq!(clock(17 * 60 + 30), "17:30");
        assert_eq!(clock(24 * 60), "23:59");
    }
}
