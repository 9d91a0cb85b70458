//! Entry points for the fuzz targets in `fuzz/`: each runs one part of the content
//! pipeline on arbitrary text and must never panic or hang.

use super::load::hours;
use super::source::TomlFile;
use super::{front_matter, markdown, Report};

/// Front matter and markdown of one page file.
pub fn page(text: &str) -> Report {
    let mut report = Report::default();
    let phones = ["08082000247".to_owned(), "999".to_owned()];
    if let Some(split) = front_matter::split(text, "fuzz.md", &mut report) {
        let _ = front_matter::parse(&split, "fuzz.md", &["get-help"], &mut report);
        let source = markdown::Source {
            file: "fuzz.md",
            rel: "get-help/fuzz.md",
            body: split.body,
            body_first_line: split.body_first_line,
            phones: &phones,
        };
        let rendered = markdown::render(&source, &mut report);
        let _ = super::readability::score(&rendered.text);
    }
    report
}

/// An `opening_hours` value, worked out over a year of a real calendar.
pub fn opening_hours(text: &str) {
    let calendar_text = "region = \"E&W\"\nsource = \"fuzz\"\nlast_checked = 2026-01-01\n[years]\n2026 = [2026-01-01, 2026-12-25]\n2027 = [2027-01-01]\n";
    let source = TomlFile::new("bank-holidays.toml", calendar_text);
    let today = app::locator::day_number(2026, 6, 1);
    let mut report = Report::default();
    let calendar = hours::load_calendar(&source, today, &mut report);
    if let Ok(hours) = hours::read_hours(Some(text), calendar.as_ref(), today) {
        for minute in [0u16, 540, 1439] {
            let _ = hours.state(app::locator::LocalTime { day: today, minute });
        }
    }
}
