//! Opening hours: the bank-holiday calendar in `bank-holidays.toml`, and each place's
//! OpenStreetMap `opening_hours` text read with the `opening-hours` crate and turned
//! into a [`Timetable`] the locator can use on the server and on the device.

use crate::content::report::Report;
use crate::content::source::TomlFile;
use app::locator::{day_number, weekday, Timetable, DAY_MINUTES};
use app::model::Date;
use app::model::Hours;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use opening_hours::{Context, ContextHolidays, OpeningHours, RuleKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// How far ahead timetables are worked out, at most.
const HORIZON_DAYS: i32 = 400;

/// Warn this many days before the calendar runs out.
const WARN_DAYS: i32 = 92;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    region: String,
    source: String,
    last_checked: toml::value::Datetime,
    years: BTreeMap<String, Vec<toml::value::Datetime>>,
}

/// The bank holidays, and the days they cover.
#[derive(Clone, Debug)]
pub struct Calendar {
    holidays: Arc<compact_calendar::CompactCalendar>,
    /// The first and last day (inclusive) of the years listed.
    pub first_day: i32,
    pub last_day: i32,
}

/// Reads `bank-holidays.toml`. Each year's dates must fall in that year.
pub fn load_calendar(source: &TomlFile<'_>, today: i32, report: &mut Report) -> Option<Calendar> {
    let raw: RawCalendar = source.parse(
        "Compare the file with content/README.md: years go under [years] as 2027 = [2027-01-01, …].",
        report,
    )?;
    let _ = (&raw.region, &raw.source, &raw.last_checked);
    let mut holidays = compact_calendar::CompactCalendar::default();
    let mut years = Vec::new();
    for (year, dates) in &raw.years {
        let line = source.line_of(&format!("{year} ="));
        let Some(number) = year
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=9999).contains(y))
        else {
            report.at(source.file, line).field("years").fix(
                format!("\"{year}\" is not a year."),
                "Write each year as four digits, for example 2027 = [2027-01-01, …].",
            );
            continue;
        };
        years.push(number);
        for date in dates {
            let text = date.to_string();
            let parsed = Date::parse(&text)
                .filter(|d| d.year == number)
                .and_then(|d| NaiveDate::from_ymd_opt(d.year, d.month, d.day));
            match parsed {
                Some(day) => {
                    holidays.insert(day);
                }
                None => report.at(source.file, line).field("years").fix(
                    format!("\"{text}\" is not a date in {year}."),
                    format!("Write each date of {year} as {year}-MM-DD without quotes."),
                ),
            }
        }
    }
    let (Some(first), Some(last)) = (years.iter().min(), years.iter().max()) else {
        report.at(source.file, None).field("years").fix(
            "lists no years of bank holidays.",
            "Add this year's and next year's dates from https://www.gov.uk/bank-holidays.",
        );
        return None;
    };
    if let Some(gap) = (*first..=*last).find(|y| !years.contains(y)) {
        report.at(source.file, None).field("years").fix(
            format!("skips {gap}: opening hours that year would ignore its bank holidays."),
            format!("Add {gap} = [...] with the dates from https://www.gov.uk/bank-holidays."),
        );
    }
    let calendar = Calendar {
        holidays: Arc::new(holidays),
        first_day: day_number(*first, 1, 1),
        last_day: day_number(*last, 12, 31),
    };
    if calendar.last_day < today + WARN_DAYS {
        report.warn_at(source.file, None).field("years").fix(
            format!("the bank holidays run out at the end of {last}. After that no place is shown as open or closed."),
            format!("Add {} = [...] with the dates from https://www.gov.uk/bank-holidays.", last + 1),
        );
    }
    Some(calendar)
}

/// Why opening hours could not be used, for the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursProblem(pub String);

/// Reads an `opening_hours` value. Empty means unknown; "24/7" means always open.
pub fn read_hours(
    text: Option<&str>,
    calendar: Option<&Calendar>,
    today: i32,
) -> Result<Hours, HoursProblem> {
    let text = match text.map(str::trim) {
        None | Some("") => return Ok(Hours::Unknown),
        Some("24/7") => return Ok(Hours::Always),
        Some(text) => text,
    };
    let parsed = text.parse::<OpeningHours>().map_err(|error| {
        // The parser says where it stopped as "--> line:column".
        let detail = error.to_string();
        let column = detail
            .split("-->")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|place| place.rsplit(':').next())
            .and_then(|column| column.parse::<usize>().ok());
        HoursProblem(match column {
            Some(column) => format!(
                "\"{text}\" is not opening hours we can read: the problem starts at character {column}."
            ),
            None => format!("\"{text}\" is not opening hours we can read."),
        })
    })?;
    let Some(calendar) = calendar else {
        return Ok(Hours::Unknown);
    };
    let context = Context::default().with_holidays(ContextHolidays::new(
        calendar.holidays.clone(),
        Arc::new(compact_calendar::CompactCalendar::default()),
    ));
    let hours = parsed.with_context(context);
    let first_day = (today - 1).max(calendar.first_day);
    let last_day = calendar.last_day.min(today + HORIZON_DAYS);
    if first_day > last_day {
        return Ok(Hours::Unknown);
    }
    let mut days: Vec<Vec<[u16; 2]>> = Vec::new();
    let mut seen: HashMap<Vec<[u16; 2]>, u8> = HashMap::new();
    let mut by_day = Vec::new();
    for day in first_day..=last_day {
        let ranges = open_ranges(&hours, day)
            .ok_or_else(|| HoursProblem(format!("\"{text}\" gives times we cannot use.")))?;
        let index = match seen.get(&ranges) {
            Some(index) => *index,
            None => {
                let index = u8::try_from(days.len()).map_err(|_| {
                    HoursProblem(format!("\"{text}\" changes too often to show on the site."))
                })?;
                seen.insert(ranges.clone(), index);
                days.push(ranges);
                index
            }
        };
        by_day.push((day, index));
    }
    // The usual week: the commonest day for each weekday.
    let mut counts = [[0u32; 256]; 7];
    for (day, index) in &by_day {
        counts[weekday(*day)][usize::from(*index)] += 1;
    }
    let mut week = [0u8; 7];
    for (slot, tally) in week.iter_mut().zip(counts.iter()) {
        *slot = (0..=255u8)
            .max_by_key(|index| (tally[usize::from(*index)], std::cmp::Reverse(*index)))
            .unwrap_or(0);
    }
    let exceptions = by_day
        .into_iter()
        .filter(|(day, index)| week[weekday(*day)] != *index)
        .collect();
    Ok(Hours::Timetable {
        text: text.to_owned(),
        timetable: Timetable {
            first_day,
            last_day,
            days,
            week,
            exceptions,
        },
    })
}

/// The open minute ranges of one day.
fn open_ranges(hours: &OpeningHours, day: i32) -> Option<Vec<[u16; 2]>> {
    let date = NaiveDate::from_num_days_from_ce_opt(day + 719_163)?;
    let start = NaiveDateTime::new(date, NaiveTime::MIN);
    let end = start + chrono::TimeDelta::days(1);
    let minute_of = |at: NaiveDateTime| -> u16 {
        let minutes = (at - start).num_minutes().clamp(0, i64::from(DAY_MINUTES));
        u16::try_from(minutes).unwrap_or(DAY_MINUTES)
    };
    let mut ranges: Vec<[u16; 2]> = Vec::new();
    for range in hours.iter_range(start, end) {
        if range.kind != RuleKind::Open {
            continue;
        }
        let (from, to) = (minute_of(range.range.start), minute_of(range.range.end));
        if from >= to {
            continue;
        }
        match ranges.last_mut() {
            Some(last) if last[1] == from => last[1] = to,
            _ => ranges.push([from, to]),
        }
    }
    Some(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::locator::{LocalTime, OpenState};

    fn calendar(holidays: &[(i32, u32, u32)]) -> Calendar {
        let mut dates = compact_calendar::CompactCalendar::default();
        for (y, m, d) in holidays {
            if let Some(day) = NaiveDate::from_ymd_opt(*y, *m, *d) {
                dates.insert(day);
            }
        }
        Calendar {
            holidays: Arc::new(dates),
            first_day: day_number(2026, 1, 1),
            last_day: day_number(2027, 12, 31),
        }
    }

    fn timetable(text: &str, holidays: &[(i32, u32, u32)], today: i32) -> Hours {
        read_hours(Some(text), Some(&calendar(holidays)), today).expect("hours parse")
    }

    #[test]
    fn office_hours_close_on_bank_holidays() {
        let today = day_number(2026, 12, 21);
        let christmas = day_number(2026, 12, 25);
        let hours = timetable(
            "Mo-Fr 09:00-17:00; PH off",
            &[(2026, 12, 25), (2026, 12, 28)],
            today,
        );
        let at = |day: i32, minute: u16| LocalTime { day, minute };
        assert_eq!(
            hours.state(at(today, 600)),
            OpenState::Open {
                closes: Some(at(today, 1020))
            }
        );
        assert_eq!(
            hours.state(at(christmas - 1, 1100)),
            OpenState::Closed {
                opens: Some(at(christmas + 4, 540))
            }
        );
        let Hours::Timetable { timetable, .. } = hours else {
            panic!("expected a timetable");
        };
        assert_eq!(timetable.week, [1, 1, 1, 1, 1, 0, 0]);
        assert_eq!(
            timetable.exceptions,
            vec![(christmas, 0), (christmas + 3, 0)]
        );
    }

    #[test]
    fn unknown_empty_always_and_unreadable() {
        let cal = calendar(&[]);
        let today = day_number(2026, 11, 23);
        assert_eq!(read_hours(None, Some(&cal), today), Ok(Hours::Unknown));
        assert_eq!(read_hours(Some(" "), Some(&cal), today), Ok(Hours::Unknown));
        assert_eq!(
            read_hours(Some("24/7"), Some(&cal), today),
            Ok(Hours::Always)
        );
        let problem = read_hours(Some("Mondays 9 till 5"), Some(&cal), today)
            .expect_err("free text is refused");
        assert!(problem
            .0
            .starts_with("\"Mondays 9 till 5\" is not opening hours we can read"));
        // After the calendar runs out nothing can be said.
        let late = day_number(2028, 6, 1);
        assert_eq!(
            read_hours(Some("Mo-Su 09:00-17:00"), Some(&cal), late),
            Ok(Hours::Unknown)
        );
    }

    #[test]
    fn evening_hours_run_past_midnight() {
        let today = day_number(2026, 11, 27);
        let hours = timetable("Fr 20:00-02:00", &[], today);
        assert_eq!(
            hours.state(LocalTime {
                day: today,
                minute: 23 * 60
            }),
            OpenState::Open {
                closes: Some(LocalTime {
                    day: today + 1,
                    minute: 120
                })
            }
        );
    }
}
