//! The places as columns, so that thousands of them stay small once compressed.
//!
//! Writing place after place mixes unlike fields, and brotli finds little to reuse.
//! Here each field is a column: the names one after another; the one-letter fields
//! (kind, confirmed, how the place is located) as one word each; every field with few
//! distinct values (group, where, hours, contacts, source and the rest) as a table of
//! its distinct values and one list of numbers saying which value each place has (most
//! places share a handful of timetables); and the positions as whole numbers of
//! 1/100,000 degree (about a metre), each written as the step from the place before.
//! Columns of small, similar numbers are what brotli compresses best.
//!
//! The reader refuses anything that is not exactly what the writer writes: a column of
//! the wrong length, a number out of range, a value no place uses.

use super::packed::{Fields, Pack, Packer};
use crate::model::{Location, Place, PlaceKind};
use std::collections::HashMap;

/// Positions are kept to this many parts of a degree (1e-5°: about 1.1 m north to
/// south). Content gives postcode positions to 5 decimals and towns to 4, which this
/// keeps exactly: a decimal with at most 5 places, divided back, is the same `f64` a
/// parser gives (both are correctly rounded).
pub const GRID: f64 = 100_000.0;

/// A coordinate as whole grid steps.
pub fn to_grid(degrees: f64) -> i32 {
    // Coordinates are within ±180°, so ±18,000,000 steps: far inside an i32.
    (degrees * GRID)
        .round()
        .clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32
}

/// Whole grid steps as a coordinate.
pub fn from_grid(steps: i32) -> f64 {
    f64::from(steps) / GRID
}

/// A coordinate moved onto the grid: what the device gets back after packing.
pub fn on_grid(degrees: f64) -> f64 {
    from_grid(to_grid(degrees))
}

pub(super) fn pack_places(places: &[Place], out: &mut Packer) {
    places.len().pack(out);
    for place in places {
        place.name.pack(out);
    }
    letters(out, places.iter().map(|p| kind_letter(p.kind)));
    letters(
        out,
        places.iter().map(|p| if p.confirmed { '1' } else { '0' }),
    );
    letters(out, places.iter().map(|p| location_letter(&p.location)));
    table(out, places.iter().map(|p| &p.group));
    table(out, places.iter().map(|p| &p.whereabouts));
    table(out, places.iter().map(|p| &p.contacts));
    table(out, places.iter().map(|p| &p.hours));
    table(out, places.iter().map(|p| &p.website));
    table(out, places.iter().map(|p| &p.description));
    table(out, places.iter().map(|p| &p.categories));
    table(out, places.iter().map(|p| &p.audiences));
    table(out, places.iter().map(|p| &p.languages));
    table(out, places.iter().map(|p| &p.accessibility));
    table(out, places.iter().map(|p| &p.last_verified));
    table(out, places.iter().map(|p| &p.source));
    // The places with a postcode: address, postcode and position.
    let mut addresses = Vec::new();
    let mut postcodes = Vec::new();
    let mut positions = Vec::new();
    let mut areas = Vec::new();
    for place in places {
        match &place.location {
            Location::Postcode {
                address,
                postcode,
                position,
            } => {
                addresses.push(address);
                postcodes.push(postcode);
                positions.push(*position);
            }
            Location::Area { areas: centres } => areas.push(centres),
            Location::Unknown | Location::Remote => {}
        }
    }
    table(out, addresses.into_iter());
    for postcode in postcodes {
        postcode.pack(out);
    }
    out.field(&steps(positions.iter().flat_map(|[lat, lon]| [*lat, *lon])));
    table(out, areas.into_iter());
}

pub(super) fn unpack_places(fields: &mut Fields<'_>) -> Option<Vec<Place>> {
    let count = usize::unpack(fields)?;
    // Never trust a count to size an allocation: each place needs a name field.
    let mut names = Vec::new();
    for _ in 0..count {
        names.push(String::unpack(fields)?);
    }
    let kinds = read_letters(fields, count, |c| match c {
        's' => Some(PlaceKind::Safezone),
        'v' => Some(PlaceKind::Service),
        _ => None,
    })?;
    let confirmed = read_letters(fields, count, |c| match c {
        '1' => Some(true),
        '0' => Some(false),
        _ => None,
    })?;
    let located = read_letters(fields, count, |c| {
        matches!(c, 'p' | 'a' | 'u' | 'r').then_some(c)
    })?;
    let groups = read_table(fields, count)?;
    let whereabouts = read_table(fields, count)?;
    let contacts = read_table(fields, count)?;
    let hours = read_table(fields, count)?;
    let websites = read_table(fields, count)?;
    let descriptions = read_table(fields, count)?;
    let categories = read_table(fields, count)?;
    let audiences = read_table(fields, count)?;
    let languages = read_table(fields, count)?;
    let accessibility = read_table(fields, count)?;
    let verified = read_table(fields, count)?;
    let sources = read_table(fields, count)?;
    let with_postcode = located.iter().filter(|c| **c == 'p').count();
    let with_area = located.iter().filter(|c| **c == 'a').count();
    let addresses = read_table(fields, with_postcode)?;
    let mut postcodes = Vec::new();
    for _ in 0..with_postcode {
        postcodes.push(String::unpack(fields)?);
    }
    let coordinates = read_steps(fields.next()?, with_postcode * 2)?;
    let areas = read_table(fields, with_area)?;

    // Every column has been checked to have one entry per place (or per place with a
    // postcode or an area), so every `at` below finds its value. Indexes rather than
    // iterators keep the WASM small: one loop, not one iterator type per column.
    let mut places = Vec::with_capacity(count);
    let (mut postcoded, mut by_area) = (0, 0);
    for (at, name) in names.into_iter().enumerate() {
        let location = match located[at] {
            'p' => {
                let position = [
                    from_grid(*coordinates.get(postcoded * 2)?),
                    from_grid(*coordinates.get(postcoded * 2 + 1)?),
                ];
                let place = Location::Postcode {
                    address: addresses.at(postcoded)?,
                    postcode: std::mem::take(postcodes.get_mut(postcoded)?),
                    position,
                };
                postcoded += 1;
                place
            }
            'a' => {
                by_area += 1;
                Location::Area {
                    areas: areas.at(by_area - 1)?,
                }
            }
            'u' => Location::Unknown,
            _ => Location::Remote,
        };
        places.push(Place {
            name,
            kind: kinds[at],
            group: groups.at(at)?,
            location,
            whereabouts: whereabouts.at(at)?,
            contacts: contacts.at(at)?,
            hours: hours.at(at)?,
            website: websites.at(at)?,
            description: descriptions.at(at)?,
            categories: categories.at(at)?,
            audiences: audiences.at(at)?,
            languages: languages.at(at)?,
            accessibility: accessibility.at(at)?,
            last_verified: verified.at(at)?,
            source: sources.at(at)?,
            confirmed: confirmed[at],
        });
    }
    Some(places)
}

/// A column read back: its distinct values, and which one each entry has.
struct Table<T> {
    values: Vec<T>,
    which: Vec<usize>,
}

impl<T: Clone> Table<T> {
    fn at(&self, entry: usize) -> Option<T> {
        self.values.get(*self.which.get(entry)?).cloned()
    }
}

fn kind_letter(kind: PlaceKind) -> char {
    match kind {
        PlaceKind::Safezone => 's',
        PlaceKind::Service => 'v',
    }
}

fn location_letter(location: &Location) -> char {
    match location {
        Location::Postcode { .. } => 'p',
        Location::Area { .. } => 'a',
        Location::Unknown => 'u',
        Location::Remote => 'r',
    }
}

/// One letter per place, as one field.
fn letters(out: &mut Packer, letters: impl Iterator<Item = char>) {
    out.field(&letters.collect::<String>());
}

#[inline(never)]
fn read_letters<T>(
    fields: &mut Fields<'_>,
    count: usize,
    read: impl Fn(char) -> Option<T>,
) -> Option<Vec<T>> {
    let field = fields.next()?;
    let values: Option<Vec<T>> = field.chars().map(read).collect();
    values.filter(|values| values.len() == count)
}

/// The distinct values in the order first met, then which one each place has.
fn table<'a, T: Pack + 'a>(out: &mut Packer, values: impl Iterator<Item = &'a T>) {
    let mut distinct: Vec<&T> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut which = Vec::new();
    for value in values {
        let mut key = Packer::default();
        value.pack(&mut key);
        let next = distinct.len();
        let slot = *seen.entry(key.into_text()).or_insert(next);
        if slot == next {
            distinct.push(value);
        }
        which.push(slot);
    }
    distinct.len().pack(out);
    for value in distinct {
        value.pack(out);
    }
    out.field(&numbers(which.into_iter().map(|n| n as i64)));
}

// Not inlined: each column type's reader is then in the WASM once, not once per column.
#[inline(never)]
fn read_table<T: Pack>(fields: &mut Fields<'_>, count: usize) -> Option<Table<T>> {
    let distinct_count = usize::unpack(fields)?;
    if distinct_count > count {
        return None;
    }
    let mut values = Vec::new();
    for _ in 0..distinct_count {
        values.push(T::unpack(fields)?);
    }
    let which = read_which(fields.next()?, count, values.len())?;
    Some(Table { values, which })
}

/// Which value of a table of `distinct` values each of `count` places has. Kept out
/// of the generic `read_table`, so the WASM holds it once, not once per column type.
///
/// The writer lists values in the order places first have them, so a place either
/// has a value met before or the next one; and every listed value is had.
#[inline(never)]
fn read_which(field: &str, count: usize, distinct: usize) -> Option<Vec<usize>> {
    let mut met = 0;
    let mut which = Vec::with_capacity(count.min(field.len()));
    for slot in read_numbers(field, count)? {
        let slot = usize::try_from(slot).ok()?;
        if slot == met {
            met += 1;
        } else if slot > met {
            return None;
        }
        which.push(slot);
    }
    (met == distinct).then_some(which)
}

/// Whole numbers as one field, separated by commas.
fn numbers(values: impl Iterator<Item = i64>) -> String {
    let mut text = String::new();
    for (index, value) in values.enumerate() {
        if index > 0 {
            text.push(',');
        }
        text.push_str(&value.to_string());
    }
    text
}

fn read_numbers(field: &str, count: usize) -> Option<Vec<i64>> {
    if count == 0 {
        return field.is_empty().then(Vec::new);
    }
    // Only what the writer writes: digits with an optional minus sign.
    let values: Option<Vec<i64>> = field
        .split(',')
        .map(|n| {
            (n.as_bytes().first() != Some(&b'+'))
                .then(|| n.parse().ok())
                .flatten()
        })
        .collect();
    values.filter(|values| values.len() == count)
}

/// Coordinates on the grid, each as the step from the one two before (latitude from
/// latitude, longitude from longitude).
fn steps(coordinates: impl Iterator<Item = f64>) -> String {
    let grid: Vec<i64> = coordinates.map(|c| i64::from(to_grid(c))).collect();
    numbers(grid.iter().enumerate().map(|(index, value)| {
        let before = index.checked_sub(2).map_or(0, |at| grid[at]);
        value - before
    }))
}

fn read_steps(field: &str, count: usize) -> Option<Vec<i32>> {
    let steps = read_numbers(field, count)?;
    let mut grid: Vec<i32> = Vec::with_capacity(steps.len());
    for (index, step) in steps.into_iter().enumerate() {
        let before = index.checked_sub(2).map_or(0, |at| i64::from(grid[at]));
        grid.push(i32::try_from(before.checked_add(step)?).ok()?);
    }
    Some(grid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locator::{pack, unpack};
    use crate::model::{Hours, LocatorData};
    use proptest::prelude::*;

    #[test]
    fn steps_come_back_and_overflow_is_refused() {
        let coordinates = [
            53.751_68,
            -1.694_81,
            53.751_64,
            -1.692_79,
            -179.999_99,
            180.0,
        ];
        let text = steps(coordinates.into_iter());
        assert_eq!(text, "5375168,-169481,-4,202,-23375163,18169279");
        let back = read_steps(&text, 6).expect("steps");
        let again: Vec<f64> = back.into_iter().map(from_grid).collect();
        assert_eq!(again, coordinates);
        assert_eq!(read_steps("2147483647,0,1,0", 4), None, "past an i32");
        assert_eq!(read_steps("", 0), Some(Vec::new()));
        assert_eq!(read_steps("", 2), None);
    }

    fn place(name: String, located: u8, lat: i32, lon: i32, group: u8, hours: bool) -> Place {
        let location = match located % 4 {
            0 => Location::Postcode {
                address: (lat % 3 == 0).then(|| format!("{} High Street", lat % 100)),
                postcode: "HD1 2TA".into(),
                position: [from_grid(lat), from_grid(lon)],
            },
            1 => Location::Area {
                areas: vec![crate::model::AreaCentre {
                    name: "Batley".into(),
                    position: [53.7029, -1.6337],
                }],
            },
            2 => Location::Unknown,
            _ => Location::Remote,
        };
        Place {
            name,
            kind: if group.is_multiple_of(2) {
                PlaceKind::Safezone
            } else {
                PlaceKind::Service
            },
            group: format!("Group {}", group % 5),
            location,
            whereabouts: group.is_multiple_of(3).then(|| "Ask at the counter".into()),
            contacts: Vec::new(),
            hours: if hours { Hours::Always } else { Hours::Unknown },
            website: None,
            description: None,
            categories: vec!["safety".into()],
            audiences: Vec::new(),
            languages: Vec::new(),
            accessibility: None,
            last_verified: "2026-11-01".into(),
            source: "Fixture".into(),
            confirmed: hours,
        }
    }

    proptest! {
        #[test]
        fn any_places_come_back_exactly(rows in proptest::collection::vec(
            ("[A-Za-z' ]{0,24}", any::<u8>(), -9_000_000..9_000_000i32, -18_000_000..18_000_000i32, any::<u8>(), any::<bool>()),
            0..60,
        )) {
            let places: Vec<Place> = rows
                .into_iter()
                .map(|(name, located, lat, lon, group, hours)| place(name, located, lat, lon, group, hours))
                .collect();
            let data = LocatorData { places, ..LocatorData::default() };
            let packed = pack(&data);
            prop_assert_eq!(unpack(&packed), Some(data));
        }
    }
}
