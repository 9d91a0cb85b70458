//! Calendar dates: written by editors as YYYY-MM-DD, read by people as "1 November 2026".
//! The one date type of the site; parsed once, when content loads.

use std::fmt;

/// A real calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses exactly `YYYY-MM-DD` and rejects dates that do not exist, such as 2026-02-30.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |from: usize, to: usize| -> Option<u32> {
            let part = text.get(from..to)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let date = Date {
            year: i32::try_from(number(0, 4)?).ok()?,
            month: number(5, 7)?,
            day: number(8, 10)?,
        };
        let real = date.year >= 1900
            && (1..=12).contains(&date.month)
            && (1..=date.days_in_month()).contains(&date.day);
        real.then_some(date)
    }

    /// Days since 1970-01-01, the day number the locator's clock uses.
    pub fn day_number(self) -> i32 {
        crate::locator::day_number(self.year, self.month, self.day)
    }

    /// As people read it: "1 November 2026".
    pub fn in_words(self) -> String {
        let month = MONTHS
            .get(self.month.saturating_sub(1) as usize)
            .copied()
            .unwrap_or_default();
        format!("{} {month} {}", self.day, self.year)
    }

    /// "March 2025".
    pub fn month_and_year(self) -> String {
        let month = MONTHS
            .get(self.month.saturating_sub(1) as usize)
            .copied()
            .unwrap_or_default();
        format!("{month} {}", self.year)
    }

    fn days_in_month(self) -> u32 {
        match self.month {
            2 if self.is_leap_year() => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    fn is_leap_year(self) -> bool {
        (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0
    }
}

/// As editors write it: "2026-11-01".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn accepts_real_dates() {
        assert_eq!(
            Date::parse("2026-11-23"),
            Some(Date {
                year: 2026,
                month: 11,
                day: 23
            })
        );
        assert!(Date::parse("2024-02-29").is_some());
        assert_eq!(
            Date::parse("2026-01-05").map(|d| d.to_string()),
            Some("2026-01-05".into())
        );
    }

    #[test]
    fn rejects_dates_that_do_not_exist_or_are_not_iso() {
        for text in [
            "2026-13-01",
            "2026-02-30",
            "2025-02-29",
            "23/11/2026",
            "2026-1-5",
            "",
            "2026-11-2x",
            "+026-11-23",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }

    #[test]
    fn reads_in_words() {
        let words = |text| Date::parse(text).map(Date::in_words);
        assert_eq!(words("2026-11-01").as_deref(), Some("1 November 2026"));
        assert_eq!(words("2025-02-28").as_deref(), Some("28 February 2025"));
        assert_eq!(
            Date::parse("2025-03-09")
                .map(Date::month_and_year)
                .as_deref(),
            Some("March 2025")
        );
    }

    #[test]
    fn counts_days_from_1970() {
        assert_eq!(Date::parse("1970-01-02").map(Date::day_number), Some(1));
        let (a, b) = (Date::parse("2026-03-01"), Date::parse("2026-02-28"));
        assert_eq!(
            a.zip(b).map(|(a, b)| a.day_number() - b.day_number()),
            Some(1)
        );
    }
}
