//! The postcode-district and town tables the locator page carries, and the gazetteer
//! that reads them: the writer (used by the server when content loads) and the reader
//! (used on the server and in the WASM) side by side, so one round-trip test covers
//! the format.
//!
//! - districts: one line each, `CODE LAT LON FLAG`, such as `HD1 53.6469 -1.7889 1`
//!   (FLAG is 1 for a district in the area, 0 for one near it);
//! - towns: one line each, `NAME|LAT|LON`, such as `Dewsbury|53.691|-1.633`.

use super::index::Index;
use super::point::LatLon;
use super::query::Query;
use std::collections::HashMap;

/// The districts table, from `(code, [lat, lon], in the area)` rows.
pub fn write_districts<'a>(rows: impl IntoIterator<Item = (&'a str, [f64; 2], bool)>) -> String {
    rows.into_iter()
        .map(|(code, at, in_area)| format!("{code} {} {} {}\n", at[0], at[1], u8::from(in_area)))
        .collect()
}

/// The towns table, from `(name, [lat, lon])` rows. Names may not hold `|` or a line
/// break (the server's place tables never do).
pub fn write_towns<'a>(rows: impl IntoIterator<Item = (&'a str, [f64; 2])>) -> String {
    rows.into_iter()
        .map(|(name, at)| format!("{name}|{}|{}\n", at[0], at[1]))
        .collect()
}

/// Postcode districts and towns, for turning what people type into a position.
pub struct Gazetteer {
    outcodes: HashMap<String, (LatLon, bool)>,
    districts: Index<bool>,
    towns: HashMap<String, (String, LatLon)>,
}

impl Gazetteer {
    /// Reads the compact tables in [`LocatorData`]; malformed lines are skipped (the
    /// server's content check has already refused them).
    pub fn new(outcodes: &str, towns: &str) -> Gazetteer {
        let mut table = HashMap::new();
        let mut districts = Vec::new();
        for line in outcodes.lines() {
            let mut fields = line.split(' ');
            let (Some(code), Some(lat), Some(lon), Some(flag)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let Some(position) = position(lat, lon) else {
                continue;
            };
            let in_area = flag == "1";
            table.insert(code.to_owned(), (position, in_area));
            districts.push((position, in_area));
        }
        let mut town_table = HashMap::new();
        for line in towns.lines() {
            let mut fields = line.split('|');
            let (Some(name), Some(lat), Some(lon)) = (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if let Some(position) = position(lat, lon) {
                town_table.insert(town_key(name), (name.to_owned(), position));
            }
        }
        Gazetteer {
            outcodes: table,
            districts: Index::new(districts),
            towns: town_table,
        }
    }

    /// The position a query stands for, and how to name it back to the person.
    pub fn resolve(&self, query: &Query) -> Option<(LatLon, String)> {
        match query {
            Query::Outcode(code) => self
                .outcodes
                .get(code)
                .map(|(position, _)| (*position, format!("the {code} postcode area"))),
            Query::Town(name) => self
                .towns
                .get(&town_key(name))
                .map(|(name, position)| (*position, name.clone())),
        }
    }

    /// Whether a position is in the site's area: its nearest postcode district is.
    pub fn in_area(&self, at: LatLon) -> bool {
        self.districts
            .nearest(at, 1, |_| true)
            .first()
            .is_some_and(|hit| *hit.item)
    }
}

/// Town names are matched ignoring spaces and ASCII case (the town table is
/// ASCII; full Unicode case tables would add 12 KB to the WASM for nothing).
fn town_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key.make_ascii_lowercase();
    key
}

/// A position from two decimal numbers in degrees.
fn position(lat: &str, lon: &str) -> Option<LatLon> {
    LatLon::new(decimal(lat)?, decimal(lon)?)
}

/// A plain decimal such as "53.6469" or "-1.7889", read without the float parser
/// (which, with its tables, would add about 15 KB to the WASM). The digits are read
/// as a whole number and divided by a power of ten; both are exact in an `f64`, so the
/// one rounding gives the same nearest value as `str::parse`.
fn decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() || whole.len() + fraction.len() > 15 {
        return None;
    }
    let mut number: i64 = 0;
    for byte in whole.bytes().chain(fraction.bytes()) {
        if !byte.is_ascii_digit() {
            return None;
        }
        number = number * 10 + i64::from(byte - b'0');
    }
    let scale = 10_i64.pow(u32::try_from(fraction.len()).ok()?);
    let value = number as f64 / scale as f64;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_round_trip_exactly() {
        let districts = [
            ("HD1", [53.6469, -1.7889], true),
            ("WF13", [53.69243, -1.64681], true),
            ("LS1", [53.7965, -1.5478], false),
            ("S1", [53.38, -1.47], false),
        ];
        let towns = [
            ("Dewsbury", [53.691, -1.633]),
            ("Batley Carr", [53.7, -1.64]),
        ];
        let gazetteer = Gazetteer::new(&write_districts(districts), &write_towns(towns));
        for (code, at, in_area) in districts {
            let (found, label) = gazetteer
                .resolve(&Query::Outcode(code.into()))
                .expect("district read back");
            assert_eq!([found.lat(), found.lon()], at, "{code}");
            assert_eq!(label, format!("the {code} postcode area"));
            assert_eq!(gazetteer.in_area(found), in_area, "{code}");
        }
        for (name, at) in towns {
            let (found, label) = gazetteer
                .resolve(&Query::Town(name.to_uppercase()))
                .expect("town read back");
            assert_eq!([found.lat(), found.lon()], at, "{name}");
            assert_eq!(label, name);
        }
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let gazetteer = Gazetteer::new(
            "HD1 53.6 -1.7 1\nbroken line\nX1 north west 1\n",
            "Nowhere|x|y\n",
        );
        assert!(gazetteer.resolve(&Query::Outcode("HD1".into())).is_some());
        assert!(gazetteer.resolve(&Query::Outcode("X1".into())).is_none());
        assert!(gazetteer.resolve(&Query::Town("Nowhere".into())).is_none());
    }

    #[test]
    fn decimals_read_exactly_as_the_float_parser_reads_them() {
        for text in [
            "53.6469",
            "-1.7889",
            "0",
            "-0.5",
            "57.1352",
            "-2.1203",
            "53.64904",
            "-1.78416",
            "89.999999",
            "-179.0000001",
            "1.1",
            "0.1",
            "12345678.9",
        ] {
            let expected: f64 = text.parse().expect("a test decimal");
            assert_eq!(decimal(text), Some(expected), "{text}");
        }
        for bad in [
            "",
            "-",
            ".5",
            "1e5",
            "1.2.3",
            "+1",
            "abc",
            "1,5",
            "1234567890123456",
        ] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
        assert_eq!(decimal("5."), Some(5.0), "a trailing point is harmless");
    }

    #[test]
    fn towns_match_whatever_the_case_and_spacing() {
        assert_eq!(town_key("  Batley   CARR "), "batley carr");
        assert_eq!(town_key("ديوزبري"), "ديوزبري");
    }
}
