//! The locator's data as one compact string, for the page to carry to the device.
//!
//! The island reads this instead of JSON: a JSON parser, with its float parsing and
//! error formatting, would be most of the WASM. Values are written in a fixed order as
//! fields separated by tabs; lists start with their length, and an optional value is
//! "-" (none) or "+" followed by the value. Whole numbers are decimal; positions are
//! the exact bits of the `f64` in hex, so they come back unchanged. A tab inside a text
//! becomes a space (it means nothing in HTML either).

use super::hours::Timetable;
use crate::model::{
    AreaCentre, Audience, Contact, Examples, Hours, Location, LocatorData, Place, PlaceKind,
};

/// Writes `data` as one string.
pub fn pack(data: &LocatorData) -> String {
    let mut packer = Packer(String::new());
    data.pack(&mut packer);
    packer.0
}

/// Reads what [`pack`] wrote; `None` if it is not exactly that.
pub fn unpack(text: &str) -> Option<LocatorData> {
    let mut fields = text.split('\t');
    let data = LocatorData::unpack(&mut fields)?;
    fields.next().is_none().then_some(data)
}

struct Packer(String);

impl Packer {
    fn field(&mut self, value: &str) {
        if !self.0.is_empty() {
            self.0.push('\t');
        }
        self.0
            .extend(value.chars().map(|c| if c == '\t' { ' ' } else { c }));
    }
}

type Fields<'a> = std::str::Split<'a, char>;

trait Pack: Sized {
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
pack_struct!(LocatorData {
    area_name,
    scheme_name,
    places,
    outcodes,
    towns,
    urgent,
    silent_call_note,
    examples
});
pack_struct!(Place {
    name,
    kind,
    group,
    location,
    whereabouts,
    contacts,
    hours,
    website,
    description,
    categories,
    audiences,
    languages,
    accessibility,
    last_verified,
    source,
    confirmed
});
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

impl Pack for PlaceKind {
    fn pack(&self, out: &mut Packer) {
        out.field(match self {
            PlaceKind::Safezone => "s",
            PlaceKind::Service => "v",
        });
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        match fields.next()? {
            "s" => Some(PlaceKind::Safezone),
            "v" => Some(PlaceKind::Service),
            _ => None,
        }
    }
}

impl Pack for Audience {
    fn pack(&self, out: &mut Packer) {
        out.field(self.key());
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        Audience::from_key(fields.next()?)
    }
}

impl Pack for Location {
    fn pack(&self, out: &mut Packer) {
        match self {
            Location::Postcode {
                address,
                postcode,
                position,
            } => {
                out.field("p");
                address.pack(out);
                postcode.pack(out);
                position.pack(out);
            }
            Location::Area { areas } => {
                out.field("a");
                areas.pack(out);
            }
            Location::Unknown => out.field("u"),
            Location::Remote => out.field("r"),
        }
    }
    fn unpack(fields: &mut Fields<'_>) -> Option<Self> {
        Some(match fields.next()? {
            "p" => Location::Postcode {
                address: Pack::unpack(fields)?,
                postcode: Pack::unpack(fields)?,
                position: Pack::unpack(fields)?,
            },
            "a" => Location::Area {
                areas: Pack::unpack(fields)?,
            },
            "u" => Location::Unknown,
            "r" => Location::Remote,
            _ => return None,
        })
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
                        position: [53.645_812_345_678_9, -1.785],
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
    fn positions_come_back_to_the_bit() {
        let data = sample();
        let Some(back) = unpack(&pack(&data)) else {
            panic!("the sample did not unpack");
        };
        assert_eq!(
            back.places[1].location.positions()[0][1].to_bits(),
            (-0.1_f64 - 0.2).to_bits()
        );
    }

    #[test]
    fn anything_else_is_refused_rather_than_half_read() {
        let packed = pack(&sample());
        assert_eq!(unpack(""), None);
        assert_eq!(unpack("not the locator"), None);
        assert_eq!(unpack(&packed[..packed.len() / 2]), None, "cut short");
        assert_eq!(unpack(&format!("{packed}\textra")), None, "too long");
        // A list that claims more items than there are fields.
        assert_eq!(unpack("a\tb\t99999999999\t"), None);
    }
}
