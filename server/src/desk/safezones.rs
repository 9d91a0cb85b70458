//! Adding and editing one Safe Zone with a form. The form has a field for each column
//! of the sheet; what is sent becomes that one row of `safezones.csv` (every other
//! byte of the sheet stays as it was), the content check runs on the sheet as it
//! would be, and only a row the check accepts is saved. A refused row comes back
//! with every message beside its field and every value as it was typed.

use super::files::{self, FileProblem};
use super::html::esc;
use super::overview::label_of;
use super::{blocking, form, trial, Desk};
use crate::content::ContentError;
use axum::extract::{Form, Query};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use serde::Deserialize;
use std::fmt::Write;
use std::path::Path;
use std::sync::Arc;

/// The sheet, relative to the content folder.
pub const SHEET: &str = "safezones.csv";

const BOM: &str = "\u{feff}";

/// The sheet as text, with where each row is in it.
pub struct Sheet {
    pub text: String,
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
}

pub struct SheetRow {
    /// The line the row starts on, as the check's messages count lines.
    pub line: usize,
    /// Byte range of the row in the text, its line end included.
    pub span: (usize, usize),
    pub fields: Vec<String>,
}

impl Sheet {
    pub fn read(content: &Path) -> Result<Sheet, String> {
        let text =
            std::fs::read_to_string(content.join(SHEET)).map_err(|error| error.to_string())?;
        Sheet::parse(text)
    }

    pub fn parse(text: String) -> Result<Sheet, String> {
        let offset = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(&text.as_bytes()[offset..]);
        let headers = reader
            .headers()
            .map_err(|error| error.to_string())?
            .iter()
            .map(|header| header.trim().to_owned())
            .collect();
        let mut rows: Vec<SheetRow> = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|error| error.to_string())?;
            let Some(position) = record.position() else {
                continue;
            };
            // After a CR LF the csv crate starts the next record at the LF: skip line
            // ends to the record's first byte, and count lines as the check does.
            let mut start = offset + position.byte() as usize;
            while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            if let Some(previous) = rows.last_mut() {
                previous.span.1 = start;
            }
            rows.push(SheetRow {
                line: 1 + text[..start].matches('\n').count(),
                span: (start, text.len()),
                fields: record.iter().map(str::to_owned).collect(),
            });
        }
        // The last row ends with its own line end; blank lines after it stay after it.
        if let Some(last) = rows.last_mut() {
            let body = text.trim_end_matches(['\r', '\n']).len().max(last.span.0);
            let rest = &text[body..];
            let own_end = if rest.starts_with("\r\n") {
                2
            } else {
                usize::from(rest.starts_with('\n'))
            };
            last.span.1 = body + own_end;
        }
        Ok(Sheet {
            text,
            headers,
            rows,
        })
    }

    /// A row's value in `column`, or "".
    pub fn value<'a>(&self, row: &'a SheetRow, column: &str) -> &'a str {
        self.headers
            .iter()
            .position(|header| header == column)
            .and_then(|at| row.fields.get(at))
            .map_or("", String::as_str)
    }

    /// The sheet with row `index` replaced by `values` (one per column), or with them
    /// added at the end when `index` is `None`; and the line the row is then on.
    pub fn with_row(&self, index: Option<usize>, values: &[String]) -> Option<(String, usize)> {
        let ending = if self.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        writer.write_record(values).ok()?;
        let line = String::from_utf8(writer.into_inner().ok()?).ok()?;
        let line = format!("{}{ending}", line.trim_end_matches('\n'));
        match index {
            Some(index) => {
                let row = self.rows.get(index)?;
                let (start, end) = row.span;
                // A row that ended the file without a line end keeps it that way.
                let keep_end = self.text[start..end].ends_with('\n');
                let line = if keep_end {
                    line
                } else {
                    line.trim_end().to_owned()
                };
                Some((
                    format!("{}{line}{}", &self.text[..start], &self.text[end..]),
                    row.line,
                ))
            }
            None => {
                // After the last row (blank lines at the end stay after it).
                let body = self.text.trim_end_matches(['\r', '\n']);
                let rest = &self.text[body.len()..];
                let rest = if rest.is_empty() { ending } else { rest };
                let line_number = body.lines().count() + 1;
                Some((
                    format!("{body}{ending}{}{}", line.trim_end(), rest),
                    line_number,
                ))
            }
        }
    }
}

/// What each column asks for, in a few words.
fn hint(column: &str) -> &'static str {
    match column {
        "name" => "The place's name, as the sign over the door shows it. Required.",
        "group" => "The town or area the scheme lists it under, such as Dewsbury. Required.",
        "where" => "Words that help someone find it: \"inside the bus station\".",
        "postcode" => "The venue's real postcode, from the venue or the scheme. Never guess one.",
        "opening_hours" => {
            "When it is open, the OpenStreetMap way: Mo-Fr 09:00-17:00; Sa 10:00-16:00."
        }
        "status" => {
            "active (the scheme confirms it), unconfirmed, or closed (never shown). Required."
        }
        "last_verified" => "The day someone last checked it, as 2026-11-23. Required.",
        "source" => "Who confirmed it, or the public page that names it. Required.",
        "notes" => "Anything for the team. Never shown on the site.",
        _ => "",
    }
}

#[derive(Deserialize)]
pub struct Which {
    #[serde(default)]
    row: Option<usize>,
}

pub async fn form(Extension(desk): Extension<Arc<Desk>>, Query(which): Query<Which>) -> Response {
    let sheet = match Sheet::read(&desk.content) {
        Ok(sheet) => sheet,
        Err(error) => {
            return desk.trouble(&format!("The Safe Zone sheet could not be read: {error}"))
        }
    };
    let values: Vec<String> = match which.row.and_then(|index| sheet.rows.get(index)) {
        Some(row) => sheet
            .headers
            .iter()
            .map(|h| sheet.value(row, h).to_owned())
            .collect(),
        None => sheet
            .headers
            .iter()
            .map(|h| {
                if h == "status" {
                    "active".to_owned()
                } else {
                    String::new()
                }
            })
            .collect(),
    };
    let body = form_html(
        &desk,
        &sheet,
        &files::fingerprint(&sheet.text),
        which.row.filter(|i| *i < sheet.rows.len()),
        &values,
        &[],
        "",
    );
    desk.respond(StatusCode::OK, "Safe Zone", &body)
}

fn form_html(
    desk: &Desk,
    sheet: &Sheet,
    base: &str,
    row: Option<usize>,
    values: &[String],
    messages: &[ContentError],
    notice: &str,
) -> String {
    let heading = if row.is_some() {
        "Change a Safe Zone"
    } else {
        "Add a Safe Zone"
    };
    let mut out = format!("<h1>{heading}</h1>");
    form::notice(&mut out, notice);
    let _ = write!(
        out,
        "<form method=\"post\" action=\"/_desk/safezone\" id=\"desk-safezone\">{}<input type=\"hidden\" name=\"row\" value=\"{}\"><input type=\"hidden\" name=\"base\" value=\"{}\">",
        desk.token_field(),
        row.map(|r| r.to_string()).unwrap_or_default(),
        esc(base)
    );
    for (at, column) in sheet.headers.iter().enumerate() {
        let value = values.get(at).map_or("", String::as_str);
        form::field(
            &mut out,
            "field",
            column,
            hint(column),
            form::Input::Text,
            value,
            messages,
        );
    }
    let columns: Vec<&str> = sheet.headers.iter().map(String::as_str).collect();
    form::finish(&mut out, messages, &columns);
    out
}

pub async fn post(
    Extension(desk): Extension<Arc<Desk>>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| {
        form.iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
            .to_owned()
    };
    if !desk.may_post(&headers, &field("token")) {
        return desk.refused();
    }
    let sheet = match Sheet::read(&desk.content) {
        Ok(sheet) => sheet,
        Err(error) => {
            return desk.trouble(&format!("The Safe Zone sheet could not be read: {error}"))
        }
    };
    let row = field("row")
        .parse::<usize>()
        .ok()
        .filter(|i| *i < sheet.rows.len());
    let values: Vec<String> = sheet
        .headers
        .iter()
        .map(|column| field(&format!("f-{column}")).trim().to_owned())
        .collect();
    let base = field("base");
    // The row number and every other row are as the editor saw them, or nothing is done.
    if files::fingerprint(&sheet.text) != base {
        let body = form_html(
            &desk,
            &sheet,
            &base,
            row,
            &values,
            &[],
            &FileProblem::Changed.words(),
        );
        return desk.respond(StatusCode::CONFLICT, "Safe Zone", &body);
    }
    let Some((text, line)) = sheet.with_row(row, &values) else {
        return desk.trouble("The row could not be written.");
    };
    let today = (desk.today)();
    let content = desk.content.clone();
    let trial_text = text.clone();
    let Some(Ok((_, report, _))) =
        blocking(move || trial::check_changed(&content, &[(SHEET, &trial_text)], today)).await
    else {
        return desk.trouble("The change could not be checked.");
    };
    let file = format!("{}/{SHEET}", label_of(&desk));
    let messages = form::messages_for(report.errors(), &file, line..=line);
    if !messages.is_empty() {
        let body = form_html(&desk, &sheet, &base, row, &values, &messages, "Not saved yet: the check found problems with this Safe Zone. Fix them below and save again.");
        return desk.respond(StatusCode::UNPROCESSABLE_ENTITY, "Safe Zone", &body);
    }
    match files::resolve(&desk.content, SHEET).and_then(|target| desk.save(&target, &base, &text)) {
        Ok(()) => Redirect::to("/_desk?saved=safezones.csv#safezones").into_response(),
        Err(problem) => {
            let status = super::form::refused_status(&problem);
            let body = form_html(&desk, &sheet, &base, row, &values, &[], &problem.words());
            desk.respond(status, "Safe Zone", &body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(text: &str) -> Sheet {
        Sheet::parse(text.to_owned()).expect("sheet")
    }

    #[test]
    fn a_changed_row_leaves_every_other_byte_as_it_was() {
        let text = "\u{feff}name,group\r\n\"A, shop\",Dewsbury\r\nB,Batley\r\n\r\n";
        let sheet = sheet(text);
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[1].line, 3);
        let (changed, line) = sheet
            .with_row(Some(1), &["B2".into(), "Batley".into()])
            .expect("row");
        assert_eq!(
            changed,
            "\u{feff}name,group\r\n\"A, shop\",Dewsbury\r\nB2,Batley\r\n\r\n"
        );
        assert_eq!(line, 3);
        let (added, line) = sheet
            .with_row(None, &["C, café".into(), "Mirfield".into()])
            .expect("row");
        assert_eq!(added, "\u{feff}name,group\r\n\"A, shop\",Dewsbury\r\nB,Batley\r\n\"C, café\",Mirfield\r\n\r\n");
        assert_eq!(line, 4);
    }

    #[test]
    fn a_last_row_without_a_line_end_keeps_that_form() {
        let sheet = sheet("name,group\nA,Dewsbury");
        let (changed, _) = sheet
            .with_row(Some(0), &["Z".into(), "Dewsbury".into()])
            .expect("row");
        assert_eq!(changed, "name,group\nZ,Dewsbury");
        let (added, line) = sheet
            .with_row(None, &["B".into(), "Batley".into()])
            .expect("row");
        assert_eq!(added, "name,group\nA,Dewsbury\nB,Batley\n");
        assert_eq!(line, 3);
    }
}
