//! `server safezones todo`: the Safe Zone sheet with the rows that need work first,
//! each saying what it needs in its notes. It is the whole sheet, so once the officers
//! have filled it in, saving it over `safezones.csv` is all there is to do.

use super::load::safezone_sheet::{self, Row, Status};
use super::report::Report;
use super::source::Folder;
use std::path::Path;

/// What a note starts with when the row needs work; removed again on the next run.
const TO_DO: &str = "TO DO: ";

/// How long a row may go unchecked.
const CHECK_DAYS: i32 = 365;

/// The sheet in `dir`, with the rows needing work first, as of `today`; or the
/// problems that stop it being read.
pub fn sheet(dir: &Path, today: i32) -> Result<(String, usize), Report> {
    let mut report = Report::default();
    let folder = Folder::new(dir);
    let file = folder.display(safezone_sheet::FILE);
    let rows = folder
        .read(safezone_sheet::FILE, &mut report)
        .map(|text| safezone_sheet::read(&file, &text, &mut report))
        .unwrap_or_default();
    if !report.is_empty() {
        return Err(report);
    }
    let (mut first, mut rest) = (Vec::new(), Vec::new());
    for mut row in rows {
        let old_notes = row
            .notes
            .as_deref()
            .map(|notes| match notes.strip_prefix(TO_DO) {
                // The old to-do ends at the first full stop followed by a space.
                Some(rest) => rest.split_once(". ").map_or("", |(_, after)| after),
                None => notes,
            })
            .unwrap_or_default()
            .trim()
            .to_owned();
        let needs = needs(&row, today);
        row.notes = match (needs.is_empty(), old_notes.is_empty()) {
            (true, true) => None,
            (true, false) => Some(old_notes),
            (false, true) => Some(format!("{TO_DO}{}.", needs.join("; "))),
            (false, false) => Some(format!("{TO_DO}{}. {old_notes}", needs.join("; "))),
        };
        if needs.is_empty() {
            rest.push(row);
        } else {
            first.push(row);
        }
    }
    let count = first.len();
    first.extend(rest);
    Ok((safezone_sheet::write(&first), count))
}

/// What the row still needs, in words for the officers.
fn needs(row: &Row, today: i32) -> Vec<&'static str> {
    if row.status == Status::Closed {
        return Vec::new();
    }
    let mut needs = Vec::new();
    if row.status == Status::Unconfirmed {
        needs.push("confirm it takes part, then set status to active");
    }
    if row.postcode.is_none() {
        needs.push("add the postcode");
    }
    if row.opening_hours.is_none() {
        needs.push("add the opening hours");
    }
    if today - row.last_verified.day_number() > CHECK_DAYS {
        needs.push("check it still takes part and set last_verified to the day you checked");
    }
    needs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::safezone_sheet::read;

    #[test]
    fn rows_needing_work_come_first_and_say_what_they_need_and_the_sheet_reads_back() {
        let dir = std::env::temp_dir().join(format!("safezones-todo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("folder");
        std::fs::write(
            dir.join("safezones.csv"),
            "name,group,where,postcode,opening_hours,status,last_verified,source,notes\n\
             Done,Dewsbury,,WF13 1AA,24/7,active,2026-11-01,Council,\n\
             Thin,Dewsbury,,,,active,2026-11-01,Council,Keep the door code private\n\
             Gone,Dewsbury,,,,closed,2023-02-01,Press,\n",
        )
        .expect("sheet");
        let today = app::locator::day_number(2026, 12, 1);
        let (text, count) = sheet(&dir, today).expect("sheet reads");
        assert_eq!(count, 1);
        let mut report = Report::default();
        let rows = read("safezones.csv", &text, &mut report);
        assert!(report.is_empty(), "{report}");
        let names: Vec<&str> = rows.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(names, ["Thin", "Done", "Gone"]);
        assert_eq!(
            rows[0].notes.as_deref(),
            Some("TO DO: add the postcode; add the opening hours. Keep the door code private")
        );
        // Run again on its own output: the same sheet, not a second to-do.
        std::fs::write(dir.join("safezones.csv"), &text).expect("save it back");
        let (again, _) = sheet(&dir, today).expect("reads again");
        assert_eq!(again, text);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
