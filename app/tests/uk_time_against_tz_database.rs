//! `uk_time` works out UK clock time itself (a time-zone library would add too much to
//! the WASM). Here it is checked against the tz database's Europe/London, through
//! chrono-tz, at every change of the clocks from 1996 to 2099, both ways, at the
//! minute of the change and one minute either side, and at every hour of March and
//! October around them. (The tables chrono-tz builds have no changes from 2100 on: at
//! 01:00 UTC on 28 March 2100 they still say GMT, where the law, and `uk_time`, say BST.)

use app::locator::{day_number, uk_time, LocalTime};
use chrono::{DateTime, Datelike, TimeZone, Timelike};
use chrono_tz::Europe::London;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;

/// UK local time at `ms` according to the tz database.
fn expected(ms: i64) -> LocalTime {
    let utc = DateTime::from_timestamp_millis(ms).expect("in range");
    let local = London.from_utc_datetime(&utc.naive_utc());
    LocalTime {
        day: day_number(local.year(), local.month(), local.day()),
        minute: u16::try_from(local.hour() * 60 + local.minute()).expect("minute of day"),
    }
}

/// Minutes from one local time to another, as the clock on the wall shows them.
fn wall_minutes(from: LocalTime, to: LocalTime) -> i32 {
    (to.day - from.day) * 1440 + i32::from(to.minute) - i32::from(from.minute)
}

fn check(ms: i64) {
    assert_eq!(uk_time(ms as f64), Some(expected(ms)), "at {ms} ms");
}

#[test]
fn uk_time_matches_the_tz_database_at_every_clock_change_1996_to_2099() {
    let mut forward = 0;
    let mut back = 0;
    for year in 1996..=2099 {
        for month in [3, 10] {
            let start = i64::from(day_number(year, month, 1)) * 24 * HOUR;
            let end = i64::from(day_number(year, month + 1, 1)) * 24 * HOUR;
            let mut at = start;
            while at < end {
                check(at);
                let jump = wall_minutes(expected(at), expected(at + HOUR));
                if jump != 60 {
                    // The clocks change within this hour: find the minute exactly.
                    let mut change = at + MINUTE;
                    while wall_minutes(expected(change - MINUTE), expected(change)) == 1 {
                        change += MINUTE;
                    }
                    for edge in [change - MINUTE, change, change + MINUTE] {
                        check(edge);
                    }
                    if jump > 60 {
                        forward += 1;
                    } else {
                        back += 1;
                    }
                }
                at += HOUR;
            }
        }
    }
    assert_eq!(
        (forward, back),
        (104, 104),
        "one change each spring and autumn"
    );
}
