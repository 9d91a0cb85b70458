//! The desk's first page: every problem the check finds, what is due for review, and
//! every page, service and Safe Zone with its to-dos.

use super::html::{esc, query_value};
use super::{blocking, Desk};
use crate::content::{check_listing, ContentError, PageFile, Report, REVIEW_DAYS};
use app::model::Site;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;
use std::fmt::Write;
use std::sync::Arc;

#[derive(Deserialize, Default)]
pub struct Sort {
    #[serde(default)]
    sort: String,
    #[serde(default)]
    saved: String,
}

pub async fn overview(Extension(desk): Extension<Arc<Desk>>, Query(sort): Query<Sort>) -> Response {
    let content = desk.content.clone();
    let today = (desk.today)();
    let Some((site, report, pages)) = blocking(move || check_listing(&content, today)).await else {
        return desk.trouble("The content folder could not be checked.");
    };
    let label = label_of(&desk);
    let mut body = String::from("<h1>Everything in the content folder</h1>");
    if !sort.saved.is_empty() {
        let _ = write!(
            body,
            "<p class=\"desk-ok\" role=\"status\">Saved {}. The preview shows it in a moment.</p>",
            esc(&sort.saved)
        );
    }
    body.push_str(&problems(&report, &label));
    if let Some(site) = &site {
        body.push_str(&due(site, &pages, today, &label));
        body.push_str(&page_table(site, &pages, &report, &label, &sort.sort));
    }
    body.push_str(&service_table(&desk));
    body.push_str(&safezone_table(&desk, &report, &label));
    desk.respond(StatusCode::OK, "All content", &body)
}

/// The content folder's name, as messages start file names with it.
pub fn label_of(desk: &Desk) -> String {
    desk.content.file_name().map_or_else(
        || "content".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// A file as messages name it ("content/pages/a.md"), as the desk's forms name it
/// ("pages/a.md").
pub fn relative<'a>(file: &'a str, label: &str) -> &'a str {
    file.strip_prefix(label)
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or(file)
}

/// One message as a list item, linked to the file it names.
pub fn message_item(error: &ContentError, label: &str, class: &str) -> String {
    let file = relative(&error.file, label);
    let at = error
        .line
        .map(|line| format!(", line {line}"))
        .unwrap_or_default();
    let field = error
        .field
        .as_ref()
        .map(|field| format!(" ({})", esc(field)))
        .unwrap_or_default();
    format!(
        "<li class=\"{class}\"><a href=\"/_desk/edit?file={}\">{}{}</a>{field}: {}<br>How to fix: {}</li>",
        query_value(file),
        esc(file),
        esc(&at),
        esc(&error.problem),
        esc(&error.fix)
    )
}

fn problems(report: &Report, label: &str) -> String {
    let (errors, warnings) = (report.errors(), report.warnings());
    if errors.is_empty() && warnings.is_empty() {
        return "<p class=\"desk-ok\" id=\"desk-summary\">The content check finds no problems.</p>"
            .to_owned();
    }
    let mut out = format!(
        "<h2 id=\"desk-summary\">{} to fix before the site can change, {} to look at soon</h2><ul class=\"desk-problems\">",
        plural(errors.len(), "problem"),
        plural(warnings.len(), "warning")
    );
    for error in errors {
        out.push_str(&message_item(error, label, "desk-error"));
    }
    for warning in warnings {
        out.push_str(&message_item(warning, label, "desk-warning"));
    }
    out.push_str("</ul>");
    out
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}

fn due(site: &Site, pages: &[PageFile], today: i32, label: &str) -> String {
    let mut rows = String::new();
    for page in site.pages.iter().filter(|page| page.translation.is_none()) {
        let left = page.last_reviewed.day_number() + REVIEW_DAYS - today;
        if left > 31 {
            continue;
        }
        let file = pages
            .iter()
            .find(|file| file.path == page.path)
            .map_or("", |file| relative(&file.file, label));
        let when = if left < 0 {
            "overdue"
        } else {
            "due this month"
        };
        let _ = write!(
            rows,
            "<li><a href=\"/_desk/edit?file={}\">{}</a>: review {when} (last reviewed {}, owner {})</li>",
            query_value(file),
            esc(&page.title),
            esc(&page.last_reviewed.in_words()),
            esc(&page.owner)
        );
    }
    if rows.is_empty() {
        return "<h2>Due for review</h2><p>No page is due for review this month.</p>".to_owned();
    }
    format!("<h2>Due for review</h2><ul id=\"desk-due\">{rows}</ul>")
}

fn page_table(site: &Site, pages: &[PageFile], report: &Report, label: &str, sort: &str) -> String {
    struct Row<'a> {
        file: &'a str,
        page: &'a app::model::Page,
        reading_age: Option<f64>,
        errors: usize,
        warnings: usize,
    }
    let mut rows: Vec<Row> = pages
        .iter()
        .filter_map(|file| {
            let page = site.pages.iter().find(|page| page.path == file.path)?;
            let count = |list: &[ContentError]| list.iter().filter(|e| e.file == file.file).count();
            Some(Row {
                file: relative(&file.file, label),
                page,
                reading_age: file.reading_age,
                errors: count(report.errors()),
                warnings: count(report.warnings()),
            })
        })
        .collect();
    match sort {
        "title" => rows.sort_by(|a, b| a.page.title.cmp(&b.page.title)),
        "review" => rows.sort_by_key(|row| row.page.last_reviewed.day_number()),
        "reading" => rows.sort_by(|a, b| {
            b.reading_age
                .unwrap_or(0.0)
                .total_cmp(&a.reading_age.unwrap_or(0.0))
        }),
        "problems" => rows.sort_by_key(|row| std::cmp::Reverse((row.errors, row.warnings))),
        _ => rows
            .sort_by(|a, b| (&a.page.section, a.page.order).cmp(&(&b.page.section, b.page.order))),
    }
    let mut out = String::from(
        "<h2 id=\"pages\">Pages</h2><p>Sort by <a href=\"/_desk?sort=section#pages\">section</a>, \
         <a href=\"/_desk?sort=title#pages\">title</a>, <a href=\"/_desk?sort=review#pages\">last review</a>, \
         <a href=\"/_desk?sort=reading#pages\">reading age</a> or <a href=\"/_desk?sort=problems#pages\">problems</a>.</p>\
         <table id=\"desk-pages\"><thead><tr><th scope=\"col\">Page</th><th scope=\"col\">Section</th><th scope=\"col\">Owner</th>\
         <th scope=\"col\">Last reviewed</th><th scope=\"col\">Review by</th><th scope=\"col\">Reading age</th><th scope=\"col\">Problems</th></tr></thead><tbody>",
    );
    for row in rows {
        let reading = row.reading_age.map_or_else(
            || "too short to judge".to_owned(),
            |age| format!("{age:.0}"),
        );
        let _ = write!(
            out,
            "<tr><td><a href=\"/_desk/edit?file={}\">{}</a><br><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} errors, {} warnings</td></tr>",
            query_value(row.file),
            esc(&row.page.title),
            esc(&row.page.path),
            esc(&row.page.path),
            esc(&row.page.section),
            esc(&row.page.owner),
            esc(&row.page.last_reviewed.in_words()),
            esc(&review_by(row.page.last_reviewed)),
            esc(&reading),
            row.errors,
            row.warnings
        );
    }
    out.push_str("</tbody></table>");
    out
}

/// The day a page's next review is due: a year after its last.
fn review_by(reviewed: app::model::Date) -> String {
    let day = if reviewed.month == 2 && reviewed.day == 29 {
        28
    } else {
        reviewed.day
    };
    app::model::Date {
        year: reviewed.year + 1,
        day,
        ..reviewed
    }
    .in_words()
}

fn service_table(desk: &Desk) -> String {
    let mut out = String::from(
        "<h2 id=\"services\">Support services</h2><p><a href=\"/_desk/service\">Add a service</a> · \
         <a href=\"/_desk/edit?file=services.toml\">Edit services.toml as text</a>; numbers come from \
         <a href=\"/_desk/edit?file=helplines.toml\">helplines.toml</a>.</p>\
         <table id=\"desk-services\"><thead><tr><th scope=\"col\">Service</th><th scope=\"col\">Last checked</th><th scope=\"col\">Source</th></tr></thead><tbody>",
    );
    for [id, name, checked, source] in super::services::listed(desk) {
        let _ = write!(
            out,
            "<tr><td><a href=\"/_desk/service?id={}\">{}</a></td><td>{}</td><td>{}</td></tr>",
            query_value(&id),
            esc(&name),
            esc(&checked),
            esc(&source)
        );
    }
    out.push_str("</tbody></table>");
    out
}

fn safezone_table(desk: &Desk, report: &Report, label: &str) -> String {
    let sheet = super::safezones::Sheet::read(&desk.content);
    let file = format!("{label}/{}", super::safezones::SHEET);
    let mut out = String::from(
        "<h2 id=\"safezones\">Safe Zones</h2><p><a href=\"/_desk/safezone\">Add a Safe Zone</a> · \
         <a href=\"/_desk/edit?file=safezones.csv\">Edit the whole sheet as text</a></p>\
         <table id=\"desk-safezones\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Area</th>\
         <th scope=\"col\">Postcode</th><th scope=\"col\">Status</th><th scope=\"col\">To do</th></tr></thead><tbody>",
    );
    let Ok(sheet) = sheet else {
        out.push_str("</tbody></table><p>The Safe Zone sheet could not be read.</p>");
        return out;
    };
    for (index, row) in sheet.rows.iter().enumerate() {
        let todo: Vec<String> = report
            .errors()
            .iter()
            .chain(report.warnings())
            .filter(|e| e.file == file && e.line == Some(row.line))
            .map(|e| esc(&e.problem))
            .collect();
        let todo = if todo.is_empty() && sheet.value(row, "postcode").is_empty() {
            "Needs a postcode from the venue".to_owned()
        } else {
            todo.join("<br>")
        };
        let _ = write!(
            out,
            "<tr><td><a href=\"/_desk/safezone?row={index}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{todo}</td></tr>",
            esc(sheet.value(row, "name")),
            esc(sheet.value(row, "group")),
            esc(sheet.value(row, "postcode")),
            esc(sheet.value(row, "status")),
        );
    }
    out.push_str("</tbody></table>");
    out
}
