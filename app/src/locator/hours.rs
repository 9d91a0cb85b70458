//! Opening hours on the device and on the server, without a date library.
//!
//! The server reads each place's OpenStreetMap `opening_hours` text with the
//! `opening-hours` crate and an England and Wales bank-holiday calendar, and turns it
//! into a [`Timetable`]: the usual week plus the days that differ, for the days the
//! calendar covers. Outside those days the hours are unknown, and unknown is never
//! shown as open. Times are UK clock time, worked out from UTC here, so a phone set
//! to another time zone still gets the right answer.

use super::words::{Words, W};
use serde::{Deserialize, Serialize};

/// Minutes in a day.
pub const DAY_MINUTES: u16 = 24 * 60;

/// A day counted from 1 January 1970 (a Thursday), and a minute within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalTime {
    pub day: i32,
    pub minute: u16,
}

/// When a place is open, from `first_day` to `last_day` inclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timetable {
    pub first_day: i32,
    pub last_day: i32,
    /// The distinct days: each a list of `[start, end)` minute ranges, in order.
    pub days: Vec<Vec<[u16; 2]>>,
    /// The usual Monday to Sunday, as indexes into `days`.
    pub week: [u8; 7],
    /// Days that differ from the usual week (bank holidays, seasons): `(day, index)`.
    pub exceptions: Vec<(i32, u8)>,
}

/// Whether a place is open at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenState {
    /// Open; `closes` is `None` when it stays open for at least a week.
    Open { closes: Option<LocalTime> },
    /// Closed; `opens` is `None` when we do not know of a next opening.
    Closed { opens: Option<LocalTime> },
    /// The timetable does not cover this moment.
    Unknown,
}

/// How far ahead to look for the next change.
const LOOK_AHEAD_DAYS: i32 = 8;

impl Timetable {
    /// The opening ranges of a day, or `None` outside the timetable.
    pub fn ranges(&self, day: i32) -> Option<&[[u16; 2]]> {
        if day < self.first_day || day > self.last_day {
            return None;
        }
        let index = match self.exceptions.binary_search_by_key(&day, |(d, _)| *d) {
            Ok(found) => self.exceptions[found].1,
            Err(_) => self.week[weekday(day)],
        };
        self.days.get(usize::from(index)).map(Vec::as_slice)
    }

    pub fn state(&self, now: LocalTime) -> OpenState {
        let Some(today) = self.ranges(now.day) else {
            return OpenState::Unknown;
        };
        match today
            .iter()
            .find(|[start, end]| *start <= now.minute && now.minute < *end)
        {
            Some(range) => OpenState::Open {
                closes: self.closing_after(now.day, range[1]),
            },
            None => OpenState::Closed {
                opens: self.opening_after(now),
            },
        }
    }

    /// When a range ending at `end` on `day` really closes, following it past midnight.
    fn closing_after(&self, mut day: i32, mut end: u16) -> Option<LocalTime> {
        for _ in 0..LOOK_AHEAD_DAYS {
            if end < DAY_MINUTES {
                return Some(LocalTime { day, minute: end });
            }
            let next = self.ranges(day + 1)?;
            match next.first() {
                Some([0, next_end]) => {
                    day += 1;
                    end = *next_end;
                }
                _ => {
                    return Some(LocalTime {
                        day: day + 1,
                        minute: 0,
                    })
                }
            }
        }
        None
    }

    fn opening_after(&self, now: LocalTime) -> Option<LocalTime> {
        (now.day..now.day + LOOK_AHEAD_DAYS).find_map(|day| {
            self.ranges(day)?
                .iter()
                .find(|[start, _]| day > now.day || *start > now.minute)
                .map(|[start, _]| LocalTime {
                    day,
                    minute: *start,
                })
        })
    }
}

/// 0 for Monday to 6 for Sunday.
pub fn weekday(day: i32) -> usize {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    (day + 3).rem_euclid(7) as usize
}

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The day number of a calendar date (proleptic Gregorian).
pub fn day_number(year: i32, month: u32, day: u32) -> i32 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = month as i32;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day as i32 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The last Sunday of a month, as a day number.
fn last_sunday(year: i32, month: u32) -> i32 {
    let first_of_next = if month == 12 {
        day_number(year + 1, 1, 1)
    } else {
        day_number(year, month + 1, 1)
    };
    let last = first_of_next - 1;
    last - (weekday(last) as i32 + 1) % 7
}

/// UK clock time at a moment given in milliseconds since 1970 UTC. British Summer
/// Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October.
pub fn uk_time(unix_ms: f64) -> Option<LocalTime> {
    if !unix_ms.is_finite() || unix_ms.abs() > 1e15 {
        return None;
    }
    let utc_minutes = (unix_ms / 60_000.0).floor() as i64;
    let utc_day = utc_minutes.div_euclid(1440) as i32;
    let year = year_of(utc_day);
    let summer_starts = i64::from(last_sunday(year, 3)) * 1440 + 60;
    let summer_ends = i64::from(last_sunday(year, 10)) * 1440 + 60;
    let offset = if (summer_starts..summer_ends).contains(&utc_minutes) {
        60
    } else {
        0
    };
    let local = utc_minutes + offset;
    Some(LocalTime {
        day: local.div_euclid(1440) as i32,
        minute: local.rem_euclid(1440) as u16,
    })
}

/// The year a day number falls in.
pub fn year_of(day: i32) -> i32 {
    let mut year = 1970 + day.div_euclid(366);
    while day_number(year + 1, 1, 1) <= day {
        year += 1;
    }
    year
}

/// "9am", "5:30pm", "midday", "midnight"; "09:00", "17:30", "00:00" in a language
/// that says times on the 24-hour clock.
pub fn clock_words(minute: u16, words: &Words) -> String {
    let (hour, minutes) = (minute / 60 % 24, minute % 60);
    if words.twenty_four_hour() {
        return format!("{hour:02}:{minutes:02}");
    }
    match (hour, minutes) {
        (0, 0) => words[W::Midnight].to_owned(),
        (12, 0) => words[W::Midday].to_owned(),
        _ => {
            let suffix = if hour < 12 { "am" } else { "pm" };
            let twelve = match hour % 12 {
                0 => 12,
                other => other,
            };
            if minutes == 0 {
                format!("{twelve}{suffix}")
            } else {
                format!("{twelve}:{minutes:02}{suffix}")
            }
        }
    }
}

/// "at 5pm", "at 9am tomorrow", "at 9am on Monday", said from `now`.
pub fn when_words(at: LocalTime, now: LocalTime, words: &Words) -> String {
    let time = clock_words(at.minute, words);
    match at.day - now.day {
        0 => words.fill(W::AtTime, &[("time", &time)]),
        1 if at.minute == 0 => words[W::AtMidnightTonight].to_owned(),
        1 => words.fill(W::AtTimeTomorrow, &[("time", &time)]),
        _ => words.fill(
            W::AtTimeOnDay,
            &[("time", &time), ("day", words.weekday(weekday(at.day)))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monday to Friday 9am to 5pm, with a bank holiday on `holiday`.
    fn office(first_day: i32, holiday: Option<i32>) -> Timetable {
        Timetable {
            first_day,
            last_day: first_day + 60,
            days: vec![vec![], vec![[540, 1020]]],
            week: [1, 1, 1, 1, 1, 0, 0],
            exceptions: holiday.map(|d| (d, 0)).into_iter().collect(),
        }
    }

    #[test]
    fn day_numbers_match_the_calendar() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(2026, 11, 23), 20_780);
        assert_eq!(WEEKDAYS[weekday(day_number(2026, 11, 23))], "Monday");
        assert_eq!(WEEKDAYS[weekday(day_number(2024, 2, 29))], "Thursday");
        assert_eq!(year_of(day_number(2026, 12, 31)), 2026);
        assert_eq!(year_of(day_number(2027, 1, 1)), 2027);
    }

    #[test]
    fn uk_time_follows_british_summer_time() {
        let ms = |day: i32, minute: i64| (i64::from(day) * 1440 + minute) as f64 * 60_000.0;
        // 2026: BST from Sunday 29 March to Sunday 25 October.
        let march = day_number(2026, 3, 29);
        assert_eq!(last_sunday(2026, 3), march);
        assert_eq!(last_sunday(2026, 10), day_number(2026, 10, 25));
        assert_eq!(
            uk_time(ms(march, 59)),
            Some(LocalTime {
                day: march,
                minute: 59
            })
        );
        assert_eq!(
            uk_time(ms(march, 60)),
            Some(LocalTime {
                day: march,
                minute: 120
            })
        );
        let summer = day_number(2026, 7, 1);
        assert_eq!(
            uk_time(ms(summer, 23 * 60 + 30)),
            Some(LocalTime {
                day: summer + 1,
                minute: 30
            })
        );
        let winter = day_number(2026, 11, 23);
        assert_eq!(
            uk_time(ms(winter, 600)),
            Some(LocalTime {
                day: winter,
                minute: 600
            })
        );
        assert_eq!(uk_time(f64::NAN), None);
        assert_eq!(uk_time(f64::INFINITY), None);
    }

    #[test]
    fn open_and_closed_with_the_next_change() {
        let monday = day_number(2026, 11, 23);
        let table = office(monday - 7, None);
        let at = |day: i32, minute: u16| LocalTime { day, minute };
        assert_eq!(
            table.state(at(monday, 600)),
            OpenState::Open {
                closes: Some(at(monday, 1020))
            }
        );
        assert_eq!(
            table.state(at(monday, 1020)),
            OpenState::Closed {
                opens: Some(at(monday + 1, 540))
            }
        );
        assert_eq!(
            table.state(at(monday, 100)),
            OpenState::Closed {
                opens: Some(at(monday, 540))
            }
        );
        // Saturday: next opening is Monday.
        assert_eq!(
            table.state(at(monday + 5, 600)),
            OpenState::Closed {
                opens: Some(at(monday + 7, 540))
            }
        );
        assert_eq!(table.state(at(monday - 8, 600)), OpenState::Unknown);
    }

    #[test]
    fn bank_holidays_close_the_usual_day() {
        let monday = day_number(2026, 12, 28);
        let table = office(monday - 7, Some(monday));
        assert_eq!(
            table.state(LocalTime {
                day: monday,
                minute: 600
            }),
            OpenState::Closed {
                opens: Some(LocalTime {
                    day: monday + 1,
                    minute: 540
                })
            }
        );
    }

    #[test]
    fn hours_past_midnight_close_the_next_day() {
        let table = Timetable {
            first_day: 0,
            last_day: 30,
            days: vec![vec![[0, 120], [1080, 1440]]],
            week: [0; 7],
            exceptions: vec![],
        };
        assert_eq!(
            table.state(LocalTime {
                day: 10,
                minute: 1200
            }),
            OpenState::Open {
                closes: Some(LocalTime {
                    day: 11,
                    minute: 120
                })
            }
        );
        let always = Timetable {
            days: vec![vec![[0, 1440]]],
            ..table
        };
        assert_eq!(
            always.state(LocalTime { day: 10, minute: 5 }),
            OpenState::Open { closes: None }
        );
    }

    #[test]
    fn times_are_said_the_gov_uk_way() {
        let en = Words::english();
        assert_eq!(clock_words(0, &en), "midnight");
        assert_eq!(clock_words(720, &en), "midday");
        assert_eq!(clock_words(540, &en), "9am");
        assert_eq!(clock_words(1050, &en), "5:30pm");
        assert_eq!(clock_words(45, &en), "12:45am");
        let now = LocalTime {
            day: day_number(2026, 11, 23),
            minute: 600,
        };
        assert_eq!(
            when_words(
                LocalTime {
                    minute: 1020,
                    ..now
                },
                now,
                &en
            ),
            "at 5pm"
        );
        assert_eq!(
            when_words(
                LocalTime {
                    day: now.day + 1,
                    minute: 540
                },
                now,
                &en
            ),
            "at 9am tomorrow"
        );
        assert_eq!(
            when_words(
                LocalTime {
                    day: now.day + 1,
                    minute: 0
                },
                now,
                &en
            ),
            "at midnight tonight"
        );
        assert_eq!(
            when_words(
                LocalTime {
                    day: now.day + 3,
                    minute: 540
                },
                now,
                &en
            ),
            "at 9am on Thursday"
        );
    }

    #[test]
    fn a_language_on_the_24_hour_clock_says_17_30() {
        use crate::phrases::Key;
        let mut values: Vec<String> = W::ALL.iter().map(|w| w.english().to_owned()).collect();
        values[W::Clock as usize] = "24-hour".to_owned();
        values[W::AtTimeTomorrow as usize] = "jutro o {time}".to_owned();
        let words = Words::from_values(values).expect("one value for each word");
        assert_eq!(clock_words(0, &words), "00:00");
        assert_eq!(clock_words(1050, &words), "17:30");
        let now = LocalTime {
            day: 100,
            minute: 600,
        };
        let at = LocalTime {
            day: 101,
            minute: 545,
        };
        assert_eq!(when_words(at, now, &words), "jutro o 09:05");
    }
}
