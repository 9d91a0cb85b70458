//! The locator's data as one compact string, for the device to fetch whole.
//!
//! The island reads this instead of JSON: a JSON parser, with its float parsing and
//! error formatting, would be most of the WASM. Values are written in a fixed order as
//! fields separated by tabs, after a mark of the format's version; lists start with
//! their length, and an optional value is "-" (none) or "+" followed by the value.
//! Whole numbers are decimal. The places are written as columns (see `columns.rs`),
//! with positions on a grid of 1/100,000 degree; other positions (the middles of
//! areas) are the exact bits of the `f64` in hex. A tab inside a text becomes a space
//! (it means nothing in HTML either).

use super::columns::{pack_places, unpack_places};
use super::hours::Timetable;
use crate::model::{AreaCentre, Audience, Contact, Examples, Hours, LocatorData};

/// The first field: which format this is. A page or file of another version is refused.
const VERSION: &str = "locator-2";

/// Writes `data` as one string. Positions of places with a postcode are kept to the
/// grid ([`super::columns::GRID`]): give [`LocatorData::on_grid`] data to get it back
/// exactly.
pub fn pack(data: &LocatorData) -> String {
    let mut packer = Packer::default();
    VERSION.to_owned().pack(&mut packer);
    data.pack(&mut packer);
    packer.0
}

/// Reads what [`pack`] wrote; `None` if it is not exactly that.
pub fn unpack(text: &str) -> Option<LocatorData> {
    let mut fields = text.split('\t');
    if fields.next()? != VERSION {
        return None;
    }
    let data = LocatorData::unpack(&mut fields)?;
    fields.next().is_none().then_some(data)
}

#[derive(Default)]
pub(super) struct Packer(String);

impl Packer {
    pub(super) fn into_text(self) -> String {
        self.0
    }

    pub(super) fn field(&mut self, value: &str) {
        if !self.0.is_empty() {
            self.0.push('\t');
        }
        self.0
            .extend(value.chars().map(|c| if c == '\t' { ' ' } else { c }));
    }
}

pub(super) type Fields<'a> = std::str::Split<'a, char>;

pub(super) trait Pack: Sized {
    fn pack(&self, out: &mut Packer);
    fn unpack(fields: &mut Fields<'_>) -> Option<Self>;
}

impl Pack for String {
    fn pack(&self, out: &mut Packer) {
        out.field(self);
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        fields.next().map(str::to_owned)
    }
}

impl Pack for bool {
    fn pack(&self, out: &mut Packer) {
        out.field(if *self { "1" } else { "0" });
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        match fields.next()? {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }
}

/// Whole numbers, in decimal.
macro_rules! pack_whole_numbers {
    ($($number:ty),*) => {$(
        impl Pack for $number {
            fn pack(&self, out: &mut Packer) {
                out.field(&self.to_string());
            }
            fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
                fields.next()?.parse().ok()
            }
        }
    )*};
}
pack_whole_numbers!(u8, u16, i32, usize);

impl Pack for f64 {
    fn pack(&self, out: &mut Packer) {
        out.field(&format!("{:x}", self.to_bits()));
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        u64::from_str_radix(fields.next()?, 16)
            .ok()
            .map(f64::from_bits)
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, out: &mut Packer) {
        match self {
            None => out.field("-"),
            Some(value) => {
                out.field("+");
                value.pack(out);
            }
        }
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        match fields.next()? {
            "-" => Some(None),
            "+" => T::unpack(fields).map(Some),
            _ => None,
        }
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn pack(&self, out: &mut Packer) {
        self.len().pack(out);
        for item in self {
            item.pack(out);
        }
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        let length = usize::unpack(fields)?;
        // Never trust a length to size an allocation: each item needs a field.
        let mut items = Vec::new();
        for _ in 0..length {
            items.push(T::unpack(fields)?);
        }
        Some(items)
    }
}

impl<T: Pack + Copy + Default, const N: usize> Pack for [T; N] {
    fn pack(&self, out: &mut Packer) {
        for item in self {
            item.pack(out);
        }
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        let mut items = [T::default(); N];
        for item in &mut items {
            *item = T::unpack(fields)?;
        }
        Some(items)
    }
}

impl<A: Pack, B: Pack> Pack for (A, B) {
    fn pack(&self, out: &mut Packer) {
        self.0.pack(out);
        self.1.pack(out);
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        Some((A::unpack(fields)?, B::unpack(fields)?))
    }
}

/// Structs: every field in order.
macro_rules! pack_struct {
    ($name:ident { $($field:ident),* }) => {
        impl Pack for $name {
            fn pack(&self, out: &mut Packer) {
                $(self.$field.pack(out);)*
            }
            fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
                Some($name { $($field: Pack::unpack(fields)?),* })
            }
        }
    };
}
impl Pack for LocatorData {
    fn pack(&self, out: &mut Packer) {
        self.area_name.pack(out);
        self.scheme_name.pack(out);
        pack_places(&self.places, out);
        self.outcodes.pack(out);
        self.towns.pack(out);
        self.urgent.pack(out);
        self.silent_call_note.pack(out);
        self.examples.pack(out);
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        Some(LocatorData {
            area_name: Pack::unpack(fields)?,
            scheme_name: Pack::unpack(fields)?,
            places: unpack_places(fields)?,
            outcodes: Pack::unpack(fields)?,
            towns: Pack::unpack(fields)?,
            urgent: Pack::unpack(fields)?,
            silent_call_note: Pack::unpack(fields)?,
            examples: Pack::unpack(fields)?,
        })
    }
}
pack_struct!(Contact {
    name,
    number,
    dial,
    hours
});
pack_struct!(AreaCentre { name, position });
pack_struct!(Examples { district, town });
pack_struct!(Timetable {
    first_day,
    last_day,
    days,
    week,
    exceptions
});

impl Pack for Audience {
    fn pack(&self, out: &mut Packer) {
        out.field(self.key());
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        Audience::from_key(fields.next()?)
    }
}

impl Pack for Hours {
    fn pack(&self, out: &mut Packer) {
        match self {
            Hours::Unknown => out.field("u"),
            Hours::Always => out.field("a"),
            Hours::Timetable { text, timetable } => {
                out.field("t");
                text.pack(out);
                timetable.pack(out);
            }
        }
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        Some(match fields.next()? {
            "u" => Hours::Unknown,
            "a" => Hours::Always,
            "t" => Hours::Timetable {
                text: Pack::unpack(fields)?,
                timetable: Pack::unpack(fields)?,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Location, Place, PlaceKind};

    fn sample() -> LocatorData {
        let contact = Contact {
            name: "Helpline".into(),
            number: "0808 2000 247".into(),
            dial: "08082000247".into(),
            hours: "24 hours".into(),
        };
        let place = |name: &str, location: Location, hours: Hours| Place {
            name: name.into(),
            kind: PlaceKind::Safezone,
            group: "Libraries".into(),
            location,
            whereabouts: Some("By the\tstation".into()),
            contacts: vec![contact.clone()],
            hours,
            website: None,
            description: Some(String::new()),
            categories: vec!["domestic-abuse".into(), "-".into(), "+".into()],
            audiences: vec![Audience::Women, Audience::FamilyAndFriends],
            languages: vec!["en".into(), "ur".into()],
            accessibility: None,
            last_verified: "2026-01-01".into(),
            source: "Council".into(),
            confirmed: true,
        };
        LocatorData {
            area_name: "Testshire".into(),
            scheme_name: "Safezones".into(),
            places: vec![
                place(
                    "Town hall",
                    Location::Postcode {
                        address: Some("1 High Street".into()),
                        postcode: "HD1 2TA".into(),
                        position: [53.645_81, -1.785],
                    },
                    Hours::Always,
                ),
                place(
                    "Two sites",
                    Location::Area {
                        areas: vec![AreaCentre {
                            name: "Dewsbury".into(),
                            position: [53.691, -0.1 - 0.2],
                        }],
                    },
                    Hours::Timetable {
                        text: "Mo-Fr 09:00-17:00".into(),
                        timetable: Timetable {
                            first_day: -3,
                            last_day: 20_000,
                            days: vec![vec![], vec![[540, 1020], [1080, 1140]]],
                            week: [1, 1, 1, 1, 1, 0, 0],
                            exceptions: vec![(20_001, 0)],
                        },
                    },
                ),
                place("Somewhere", Location::Unknown, Hours::Unknown),
                place("By phone", Location::Remote, Hours::Unknown),
            ],
            outcodes: "HD1 53.6469 -1.7889 1\nLS1 53.7965 -1.5478 0\n".into(),
            towns: "Dewsbury|53.6910|-1.6330\n".into(),
            urgent: vec![contact],
            silent_call_note: "Press 55.".into(),
            examples: Examples {
                district: "HD1".into(),
                town: "Dewsbury".into(),
            },
        }
    }

    #[test]
    fn what_is_packed_comes_back_the_same() {
        let data = sample();
        let packed = pack(&data);
        let mut expected = data.clone();
        for place in &mut expected.places {
            place.whereabouts = Some("By the station".into());
        }
        assert_eq!(unpack(&packed), Some(expected));
    }

    #[test]
    fn positions_come_back_to_the_bit_once_on_the_grid() {
        let mut data = sample();
        for place in &mut data.places {
            place.whereabouts = Some("By the station".into());
        }
        if let Location::Postcode { position, .. } = &mut data.places[0].location {
            *position = [53.645_812_345_678_9, -0.1 - 0.2];
        }
        let Some(back) = unpack(&pack(&data)) else {
            panic!("the sample did not unpack");
        };
        // Kept to the metre, and exactly what `on_grid` gives the server.
        assert_eq!(back, data.clone().on_grid());
        assert_eq!(back.places[0].location.positions()[0], [53.645_81, -0.3]);
        // Area middles keep every bit.
        assert_eq!(
            back.places[1].location.positions()[0][1].to_bits(),
            (-0.1_f64 - 0.2).to_bits()
        );
    }

    #[test]
    fn five_decimal_positions_are_on_the_grid_already() {
        for text in [
            "53.75168", "-1.69481", "0.00001", "-0.5", "57.1352", "-7.99999",
        ] {
            let parsed: f64 = text.parse().expect("a number");
            assert_eq!(on_grid_bits(parsed), parsed.to_bits(), "{text}");
        }
    }

    fn on_grid_bits(value: f64) -> u64 {
        super::super::on_grid(value).to_bits()
    }

    #[test]
    fn anything_else_is_refused_rather_than_half_read() {
        let packed = pack(&sample());
        assert_eq!(unpack(""), None);
        assert_eq!(unpack("not the locator"), None);
        assert_eq!(unpack(&packed[..packed.len() / 2]), None, "cut short");
        assert_eq!(unpack(&format!("{packed}\textra")), None, "too long");
        // A list that claims more items than there are fields.
        assert_eq!(unpack("locator-2\ta\tb\t99999999999\t"), None);
        // Another version of the format.
        assert_eq!(unpack(&packed.replacen("locator-2", "locator-1", 1)), None);
    }

    /// The sample packed, with the groups column (4 places, all "Libraries")
    /// replaced by `table`.
    fn with_groups(table: &str) -> String {
        let packed = pack(&sample());
        let column = "\t1\tLibraries\t0,0,0,0\t";
        assert!(packed.contains(column), "the sample's groups column");
        packed.replacen(column, table, 1)
    }

    #[test]
    fn a_table_column_is_read_only_as_written() {
        let mut expected = sample();
        for place in &mut expected.places {
            place.whereabouts = Some("By the station".into());
        }
        assert_eq!(
            unpack(&with_groups("\t1\tLibraries\t0,0,0,0\t")),
            Some(expected.clone())
        );
        expected.places[2].group = "Shops".into();
        assert_eq!(
            unpack(&with_groups("\t2\tLibraries\tShops\t0,0,1,0\t")),
            Some(expected)
        );
        // Values listed out of the order places first have them.
        assert_eq!(
            unpack(&with_groups("\t2\tShops\tLibraries\t1,1,0,1\t")),
            None
        );
        // A value no place has.
        assert_eq!(
            unpack(&with_groups("\t2\tLibraries\tShops\t0,0,0,0\t")),
            None
        );
        // A number past the table, one too few, one too many, or not written as the writer writes it.
        assert_eq!(unpack(&with_groups("\t1\tLibraries\t0,0,5,0\t")), None);
        assert_eq!(unpack(&with_groups("\t1\tLibraries\t0,0,0\t")), None);
        assert_eq!(unpack(&with_groups("\t1\tLibraries\t0,0,0,0,0\t")), None);
        assert_eq!(unpack(&with_groups("\t1\tLibraries\t0,+0,0,0\t")), None);
        // More values than places.
        assert_eq!(unpack(&with_groups("\t5\ta\tb\tc\td\te\t0,1,2,3\t")), None);
    }
}
