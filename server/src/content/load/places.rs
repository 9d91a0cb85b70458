//! The postcode and town tables under `places/` (derived from open data by
//! `scripts/data/derive_places.py`; see places/PROVENANCE.md): positions come only
//! from here, never guessed.

use crate::content::report::Report;
use crate::content::source::Folder;
use std::collections::{BTreeMap, HashMap};

/// How far outside the area a postcode district may be and still be searched from:
/// far enough for people near the border and in the neighbouring towns.
pub const NEAR_ENOUGH_KM: f64 = 40.0;

/// The shipped postcode and town tables.
#[derive(Default)]
pub struct Tables {
    pub(super) outcodes: BTreeMap<String, ([f64; 2], bool)>,
    pub(super) postcodes: HashMap<String, [f64; 2]>,
    pub(super) towns: BTreeMap<String, [f64; 2]>,
}

impl Tables {
    /// Reads the three CSV files; a missing or malformed one is reported.
    pub fn load(folder: &Folder, report: &mut Report) -> Tables {
        let mut tables = Tables::default();
        let fix = "Regenerate it with: python3 scripts/data/derive_places.py (see scripts/data/README.md).";
        let rows = |name: &str, fields: usize, report: &mut Report| -> Vec<Vec<String>> {
            let file = format!("places/{name}");
            let Some(text) = folder.read(&file, report) else {
                return Vec::new();
            };
            let mut rows = Vec::new();
            for (index, line) in text.lines().enumerate().skip(1) {
                let row: Vec<String> = line.split(',').map(str::to_owned).collect();
                if row.len() != fields {
                    report.at(&folder.display(&file), Some(index + 1)).fix(
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

    /// Up to `count` postcodes of the district `outcode` closest in spelling to
    /// `postcode`, for "did you mean" in a message.
    pub fn postcodes_like(&self, postcode: &str, outcode: &str, count: usize) -> Vec<&str> {
        let prefix = format!("{outcode} ");
        let mut near: Vec<(usize, &str)> = self
            .postcodes
            .keys()
            .filter(|known| known.starts_with(&prefix))
            .map(|known| {
                (
                    crate::content::suggest::edit_distance(postcode, known),
                    known.as_str(),
                )
            })
            .collect();
        near.sort();
        near.into_iter()
            .take(count)
            .map(|(_, known)| known)
            .collect()
    }

    pub fn has_town(&self, name: &str) -> bool {
        self.towns.contains_key(name)
    }

    /// The districts the locator knows: those in the area and those whose middle is
    /// within [`NEAR_ENOUGH_KM`] of one that is. The page carries this table, so a
    /// district far away would only add weight: it gets "we could not find it in or
    /// near the area", on the device and on the server alike.
    pub(super) fn compact_outcodes(&self) -> String {
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
        app::locator::write_districts(
            self.outcodes
                .iter()
                .filter(|(_, (at, in_area))| *in_area || near(at))
                .map(|(code, (at, in_area))| (code.as_str(), *at, *in_area)),
        )
    }

    pub(super) fn compact_towns(&self) -> String {
        app::locator::write_towns(self.towns.iter().map(|(name, at)| (name.as_str(), *at)))
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

pub fn postcode_position(text: &str, tables: &Tables) -> Option<(String, [f64; 2])> {
    let postcode = canonical_postcode(text)?;
    let position = tables.postcodes.get(&postcode)?;
    Some((postcode, *position))
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
