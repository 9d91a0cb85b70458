//! `safezones.csv`: the Safe Zone list as the team keeps it, in a spreadsheet. One row
//! per place, with the columns in [`COLUMNS`] (in any order). Saved by Excel, it may
//! start with a byte-order mark, end its lines with CR LF, quote cells that hold
//! commas and end with blank rows: all of that is read as meant.
//!
//! Every problem names the row (the line the spreadsheet shows) and the column.

use crate::content::report::Report;
use crate::content::suggest::closest;
use app::model::Date;

/// The sheet's name in the content folder.
pub const FILE: &str = "safezones.csv";

/// The columns, in the order `server safezones todo` writes them.
pub const COLUMNS: [&str; 9] = [
    "name",
    "group",
    "where",
    "postcode",
    "opening_hours",
    "status",
    "last_verified",
    "source",
    "notes",
];

/// Whether the scheme says a place is taking part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Confirmed by the scheme or the team.
    Active,
    /// No longer taking part: kept in the sheet as history, never shown anywhere.
    Closed,
    /// Named in a public source, not yet confirmed by the team: shown, and said so.
    Unconfirmed,
}

impl Status {
    const ALL: [(&'static str, Status); 3] = [
        ("active", Status::Active),
        ("closed", Status::Closed),
        ("unconfirmed", Status::Unconfirmed),
    ];

    pub fn key(self) -> &'static str {
        Status::ALL
            .iter()
            .find(|(_, status)| *status == self)
            .map_or("", |(key, _)| key)
    }
}

/// One row of the sheet, read and checked cell by cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The line of the file, which is the spreadsheet's row number.
    pub line: usize,
    pub name: String,
    pub group: String,
    pub whereabouts: Option<String>,
    pub postcode: Option<String>,
    pub opening_hours: Option<String>,
    pub status: Status,
    pub last_verified: Date,
    pub source: String,
    pub notes: Option<String>,
}

/// Every row that could be read; problems with the others go into `report`.
pub fn read(file: &str, text: &str, report: &mut Report) -> Vec<Row> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let Some(columns) = header(file, &mut reader, report) else {
        return Vec::new();
    };
    let line_ends: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter_map(|(at, byte)| (byte == b'\n').then_some(at))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error
                    .position()
                    .map(|p| line_at(text, &line_ends, p.byte()));
                report.at(file, line).fix(
                    "this row cannot be read as part of a spreadsheet.",
                    "Open the file in a spreadsheet program and save it again as CSV (UTF-8).",
                );
                continue;
            }
        };
        let line = record
            .position()
            .map_or(0, |p| line_at(text, &line_ends, p.byte()));
        if record.iter().all(str::is_empty) {
            continue; // A blank row, such as the ones Excel leaves at the end.
        }
        if record.len() > COLUMNS.len() {
            report.at(file, Some(line)).fix(
                format!(
                    "row {line} has {} cells, but the sheet has {} columns.",
                    record.len(),
                    COLUMNS.len()
                ),
                "A comma inside a cell must be in a cell the spreadsheet quotes: type the words into the cell rather than editing the file as text, or remove the extra cells to the right.",
            );
            continue;
        }
        let cell = |column: &str| -> Option<String> {
            let index = columns.iter().position(|c| c == column)?;
            record
                .get(index)
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
        };
        if let Some(row) = row(file, line, &cell, report) {
            rows.push(row);
        }
    }
    rows
}

/// The line a record starting at byte `offset` of `text` is on. After a CR LF line end
/// the csv crate starts the next record at the LF (and so counts its own line numbers
/// one short), so line-end bytes at `offset` are skipped first.
/// `line_ends` holds the offset of every '\n' in `text`, in order (found once, so a
/// sheet of 50,000 rows is not counted from the top for each row).
fn line_at(text: &str, line_ends: &[usize], offset: u64) -> usize {
    let mut offset = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(text.len());
    while matches!(text.as_bytes().get(offset), Some(b'\r' | b'\n')) {
        offset += 1;
    }
    1 + line_ends.partition_point(|end| *end < offset)
}

/// The column names in the first row, each one known and none missing.
fn header(file: &str, reader: &mut csv::Reader<&[u8]>, report: &mut Report) -> Option<Vec<String>> {
    let names: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(str::to_lowercase).collect(),
        Err(_) => {
            report.at(file, Some(1)).fix(
                "the first row cannot be read.",
                "The first row names the columns. Save the sheet again as CSV (UTF-8).",
            );
            return None;
        }
    };
    let list = COLUMNS.join(", ");
    let before = report.errors().len();
    for name in &names {
        if !COLUMNS.contains(&name.as_str()) {
            let hint = match closest(name, COLUMNS) {
                Some(near) => format!("Did you mean {near}? The columns are: {list}."),
                None => format!("Remove the column, or rename it. The columns are: {list}."),
            };
            report
                .at(file, Some(1))
                .fix(format!("\"{name}\" is not a column the sheet has."), hint);
        }
    }
    for column in COLUMNS {
        if !names.iter().any(|name| name == column) {
            report.at(file, Some(1)).fix(
                format!("the column \"{column}\" is missing."),
                format!("Add it to the first row. The columns are: {list}."),
            );
        }
    }
    (report.errors().len() == before).then_some(names)
}

/// One row's cells, checked.
fn row(
    file: &str,
    line: usize,
    cell: &dyn Fn(&str) -> Option<String>,
    report: &mut Report,
) -> Option<Row> {
    let before = report.errors().len();
    let required = |column: &str, example: &str, report: &mut Report| {
        let value = cell(column);
        if value.is_none() {
            report
                .at(file, Some(line))
                .field(column)
                .fix(format!("row {line} has no {column}."), example.to_owned());
        }
        value
    };
    let name = required(
        "name",
        "Write the place's name as the sign over the door shows it.",
        report,
    );
    let group = required(
        "group",
        "Write the town or area the scheme lists it under, such as Dewsbury.",
        report,
    );
    let source = required(
        "source",
        "Write where the row comes from: who confirmed it, or the public page that names it, with its address.",
        report,
    );
    let status = match cell("status") {
        None => {
            report.at(file, Some(line)).field("status").fix(
                format!("row {line} has no status."),
                "Write active (the scheme confirms it), unconfirmed (a public source names it, the team has not confirmed it) or closed.",
            );
            None
        }
        Some(written) => {
            let found = Status::ALL
                .iter()
                .find(|(key, _)| written.eq_ignore_ascii_case(key))
                .map(|(_, status)| *status);
            if found.is_none() {
                report.at(file, Some(line)).field("status").fix(
                    format!("\"{written}\" is not a status."),
                    "Write active, unconfirmed or closed.",
                );
            }
            found
        }
    };
    let last_verified = match cell("last_verified") {
        None => {
            report.at(file, Some(line)).field("last_verified").fix(
                format!("row {line} has no last_verified date."),
                "Write the day someone last checked the row, as YYYY-MM-DD, for example 2026-11-23.",
            );
            None
        }
        Some(written) => {
            let date = Date::parse(&written);
            if date.is_none() {
                report.at(file, Some(line)).field("last_verified").fix(
                    format!("\"{written}\" is not a date written as YYYY-MM-DD."),
                    "Write the year, month and day with dashes, for example 2026-11-23. In Excel, format the column as text first, so it keeps that form.",
                );
            }
            date
        }
    };
    if report.errors().len() > before {
        return None;
    }
    Some(Row {
        line,
        name: name?,
        group: group?,
        whereabouts: cell("where"),
        postcode: cell("postcode"),
        opening_hours: cell("opening_hours"),
        status: status?,
        last_verified: last_verified?,
        source: source?,
        notes: cell("notes"),
    })
}

/// The sheet for these rows, with every column, quoted where a cell needs it.
pub fn write(rows: &[Row]) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = writer.write_record(COLUMNS);
    for row in rows {
        let last_verified = row.last_verified.to_string();
        let cells = [
            row.name.as_str(),
            row.group.as_str(),
            row.whereabouts.as_deref().unwrap_or_default(),
            row.postcode.as_deref().unwrap_or_default(),
            row.opening_hours.as_deref().unwrap_or_default(),
            row.status.key(),
            last_verified.as_str(),
            row.source.as_str(),
            row.notes.as_deref().unwrap_or_default(),
        ];
        let _ = writer.write_record(cells);
    }
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "name,group,where,postcode,opening_hours,status,last_verified,source,notes\n";

    #[test]
    fn a_sheet_saved_by_excel_reads_as_meant() {
        let text = "\u{feff}name,group,where,postcode,opening_hours,status,last_verified,source,notes\r\n\"Smith, Jones & Co\",Dewsbury,\"Market Place, by the clock\",,Mo-Fr 09:00-17:00,active,2026-11-01,Kirklees Council,\r\n,,,,,,,,\r\n,,,,,,,,\r\n";
        let mut report = Report::default();
        let rows = read("safezones.csv", text, &mut report);
        assert!(report.is_empty(), "{report}");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, "Smith, Jones & Co");
        assert_eq!(
            rows[0].whereabouts.as_deref(),
            Some("Market Place, by the clock")
        );
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].status, Status::Active);
    }

    #[test]
    fn the_sheet_round_trips() {
        let text = format!("{HEADER}\"A, B\",Dewsbury,,WF13 1AA,24/7,unconfirmed,2025-06-01,\"Examiner, June 2025\",\"said \"\"yes\"\"\"\nC,Rural,,,,closed,2023-02-01,Council,\n");
        let mut report = Report::default();
        let rows = read("safezones.csv", &text, &mut report);
        assert!(report.is_empty(), "{report}");
        let written = write(&rows);
        let again = read("safezones.csv", &written, &mut report);
        let strip = |rows: Vec<Row>| -> Vec<Row> {
            rows.into_iter().map(|row| Row { line: 0, ..row }).collect()
        };
        assert_eq!(strip(again), strip(rows));
        assert!(report.is_empty(), "{report}");
    }

    #[test]
    fn a_wrong_header_names_the_column() {
        let mut report = Report::default();
        let text = "name,grup,where,postcode,opening_hours,status,last_verified,source,notes\n";
        assert!(read("safezones.csv", text, &mut report).is_empty());
        let text = report.to_string();
        assert!(text.contains("safezones.csv:1: \"grup\" is not a column the sheet has.\n    How to fix: Did you mean group?"), "{text}");
        assert!(
            text.contains("safezones.csv:1: the column \"group\" is missing."),
            "{text}"
        );
    }
}
