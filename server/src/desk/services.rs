//! Adding and editing one support service with a form, over `services.toml`. The
//! entry is changed in place with `toml_edit`, so the file's comments, order and every
//! other entry stay exactly as they were; the content check runs on the file as it
//! would be, and only an entry the check accepts is saved.

use super::files::{self, FileProblem};
use super::html::{esc, query_value};
use super::overview::label_of;
use super::{blocking, trial, Desk};
use crate::content::ContentError;
use axum::extract::{Form, Query};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use serde::Deserialize;
use std::fmt::Write;
use std::sync::Arc;
use toml_edit::{Array, DocumentMut, Item, Table, Value};

/// The file, relative to the content folder.
pub const FILE: &str = "services.toml";

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    /// Written as words between commas; stored as a list.
    List,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A tick box; stored as `true` or left out.
    Flag,
}

/// Every field of a service (content/README.md, "Every service field"), in order.
const FIELDS: [(&str, Kind, &str); 15] = [
    (
        "id",
        Kind::Text,
        "Short, unique, small letters and dashes. Required.",
    ),
    ("name", Kind::Text, "The service's name. Required."),
    ("organisation", Kind::Text, "Who runs it. Required."),
    (
        "description",
        Kind::Text,
        "What it does, in plain words. Required.",
    ),
    (
        "categories",
        Kind::List,
        "Words such as domestic-abuse, stalking, forced-marriage, between commas.",
    ),
    (
        "audiences",
        Kind::List,
        "Who it is for, the same words as pages: everyone, women, men, lgbt…",
    ),
    (
        "phones",
        Kind::List,
        "Ids from helplines.toml, between commas. Never type a number here.",
    ),
    ("website", Kind::Text, "An https:// address."),
    (
        "address",
        Kind::Text,
        "Only a public address. Leave empty for phone-only services.",
    ),
    ("postcode", Kind::Text, "Only with a public address."),
    (
        "opening_hours",
        Kind::Text,
        "When it is open, the OpenStreetMap way: Mo-Fr 09:00-17:00.",
    ),
    ("languages", Kind::List, "Language codes, such as en, ur."),
    ("accessibility", Kind::Text, "Plain words about access."),
    (
        "confidential_location",
        Kind::Flag,
        "Tick for refuges and safe houses: then there must be no address or postcode.",
    ),
    (
        "last_verified",
        Kind::Date,
        "The day someone last checked it, as 2026-11-23. Required.",
    ),
];
/// `source` goes last, after the date.
const SOURCE: (&str, Kind, &str) = (
    "source",
    Kind::Text,
    "Where the details were checked. Required.",
);

fn fields() -> impl Iterator<Item = (&'static str, Kind, &'static str)> {
    FIELDS.into_iter().chain(std::iter::once(SOURCE))
}

fn read_document(desk: &Desk) -> Result<(String, DocumentMut), String> {
    let text = std::fs::read_to_string(desk.content.join(FILE)).map_err(|e| e.to_string())?;
    let document = text.parse::<DocumentMut>().map_err(|e| e.to_string())?;
    Ok((text, document))
}

/// The value of `key` in `table` as the form shows it.
fn shown(table: &Table, key: &str) -> String {
    match table.get(key).and_then(Item::as_value) {
        Some(Value::String(text)) => text.value().clone(),
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Boolean(flag)) => flag.value().to_string(),
        Some(other) => other.to_string().trim().to_owned(),
        None => String::new(),
    }
}

fn services(document: &DocumentMut) -> Vec<&Table> {
    document
        .get("service")
        .and_then(Item::as_array_of_tables)
        .map(|tables| tables.iter().collect())
        .unwrap_or_default()
}

/// Every service in the file: id, name, last checked and source.
pub fn listed(desk: &Desk) -> Vec<[String; 4]> {
    let Ok((_, document)) = read_document(desk) else {
        return Vec::new();
    };
    services(&document)
        .into_iter()
        .map(|t| {
            [
                shown(t, "id"),
                shown(t, "name"),
                shown(t, "last_verified"),
                shown(t, "source"),
            ]
        })
        .collect()
}

#[derive(Deserialize)]
pub struct Which {
    #[serde(default)]
    id: String,
}

pub async fn form(Extension(desk): Extension<Arc<Desk>>, Query(which): Query<Which>) -> Response {
    let (text, document) = match read_document(&desk) {
        Ok(read) => read,
        Err(error) => return desk.trouble(&format!("services.toml could not be read: {error}")),
    };
    let existing = services(&document)
        .into_iter()
        .find(|t| shown(t, "id") == which.id && !which.id.is_empty());
    let values: Vec<String> = fields()
        .map(|(key, _, _)| existing.map(|t| shown(t, key)).unwrap_or_default())
        .collect();
    let editing = existing.map(|_| which.id.as_str());
    desk.respond(
        StatusCode::OK,
        "Service",
        &form_html(&desk, &files::fingerprint(&text), editing, &values, &[], ""),
    )
}

fn form_html(
    desk: &Desk,
    base: &str,
    editing: Option<&str>,
    values: &[String],
    messages: &[ContentError],
    notice: &str,
) -> String {
    let mut out = format!(
        "<h1>{}</h1>",
        if editing.is_some() {
            "Change a service"
        } else {
            "Add a service"
        }
    );
    super::form::notice(&mut out, notice);
    let _ = write!(
        out,
        "<form method=\"post\" action=\"/_desk/service\" id=\"desk-service\">{}<input type=\"hidden\" name=\"editing\" value=\"{}\"><input type=\"hidden\" name=\"base\" value=\"{}\">",
        desk.token_field(),
        esc(editing.unwrap_or_default()),
        esc(base)
    );
    for ((key, kind, hint), value) in fields().zip(values) {
        let input = if kind == Kind::Flag {
            super::form::Input::Tick
        } else {
            super::form::Input::Text
        };
        super::form::field(&mut out, "service", key, hint, input, value, messages);
    }
    let keys: Vec<&str> = fields().map(|(key, _, _)| key).collect();
    super::form::finish(&mut out, messages, &keys);
    out
}

/// Writes the form's values into `table`: empty ones are taken out, the rest set.
fn fill(table: &mut Table, values: &[(&'static str, Kind, String)]) {
    for (key, kind, value) in values {
        let value = value.trim();
        if value.is_empty() {
            table.remove(key);
            continue;
        }
        let item = match kind {
            Kind::Text => Value::from(value),
            Kind::List => {
                let mut list = Array::new();
                for word in value.split(',').map(str::trim).filter(|w| !w.is_empty()) {
                    list.push(word);
                }
                Value::Array(list)
            }
            // A date the check can read, else the words as typed (the check says why).
            Kind::Date => value
                .parse::<toml_edit::Datetime>()
                .map_or_else(|_| Value::from(value), Value::from),
            Kind::Flag => Value::from(true),
        };
        match table.get_mut(key).and_then(Item::as_value_mut) {
            // Keep the spacing and comments around a value that was there.
            Some(existing) => {
                let decor = existing.decor().clone();
                *existing = item;
                *existing.decor_mut() = decor;
            }
            None => {
                table.insert(key, toml_edit::value(item));
            }
        }
    }
}

/// The lines of `text` the service with `id` is written on.
fn entry_lines(text: &str, id: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let wanted = format!("id = \"{id}\"");
    let at = lines
        .iter()
        .position(|line| line.trim() == wanted)
        .unwrap_or(0);
    let is_header = |line: &&str| line.trim() == "[[service]]";
    let start = lines[..at].iter().rposition(is_header).unwrap_or(at);
    let end = lines[at + 1..]
        .iter()
        .position(is_header)
        .map_or(lines.len(), |n| at + 1 + n);
    (start + 1, end)
}

pub async fn post(
    Extension(desk): Extension<Arc<Desk>>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| {
        form.iter()
            .find(|(key, _)| key == name)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    if !desk.may_post(&headers, &field("token")) {
        return desk.refused();
    }
    let (text, mut document) = match read_document(&desk) {
        Ok(read) => read,
        Err(error) => return desk.trouble(&format!("services.toml could not be read: {error}")),
    };
    let (editing, base) = (field("editing"), field("base"));
    let values: Vec<(&'static str, Kind, String)> = fields()
        .map(|(key, kind, _)| (key, kind, field(&format!("f-{key}"))))
        .collect();
    let shown_values: Vec<String> = values.iter().map(|(_, _, v)| v.trim().to_owned()).collect();
    let id = field("f-id").trim().to_owned();
    // Every other entry is as the editor saw it, or nothing is done.
    if files::fingerprint(&text) != base {
        let editing = (!editing.is_empty()).then_some(editing.as_str());
        let body = form_html(
            &desk,
            &base,
            editing,
            &shown_values,
            &[],
            &FileProblem::Changed.words(),
        );
        return desk.respond(StatusCode::CONFLICT, "Service", &body);
    }
    let tables = document
        .entry("service")
        .or_insert(Item::ArrayOfTables(Default::default()));
    let Some(tables) = tables.as_array_of_tables_mut() else {
        return desk.trouble("services.toml does not list services as [[service]] entries.");
    };
    let position = tables
        .iter()
        .position(|t| !editing.is_empty() && shown(t, "id") == editing);
    match position.and_then(|at| tables.get_mut(at)) {
        Some(table) => fill(table, &values),
        None => {
            let mut table = Table::new();
            fill(&mut table, &values);
            tables.push(table);
        }
    }
    let changed = document.to_string();
    let (first, last) = entry_lines(&changed, &id);
    let (content, today, trial_text) = (desk.content.clone(), (desk.today)(), changed.clone());
    let Some(Ok((_, report, _))) =
        blocking(move || trial::check_changed(&content, &[(FILE, &trial_text)], today)).await
    else {
        return desk.trouble("The change could not be checked.");
    };
    let file = format!("{}/{FILE}", label_of(&desk));
    let messages = super::form::messages_for(report.errors(), &file, first..=last);
    let editing = (!editing.is_empty()).then_some(editing.as_str());
    if !messages.is_empty() {
        let body = form_html(&desk, &base, editing, &shown_values, &messages, "Not saved yet: the check found problems with this service. Fix them below and save again.");
        return desk.respond(StatusCode::UNPROCESSABLE_ENTITY, "Service", &body);
    }
    match files::resolve(&desk.content, FILE).and_then(|target| desk.save(&target, &base, &changed))
    {
        Ok(()) => {
            Redirect::to(&format!("/_desk?saved={}#services", query_value(FILE))).into_response()
        }
        Err(problem) => {
            let status = super::form::refused_status(&problem);
            let body = form_html(&desk, &base, editing, &shown_values, &[], &problem.words());
            desk.respond(status, "Service", &body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# Services.\n\n[[service]]\nid = \"a\"\nname = \"A\"  # kept\ncategories = [\"x\"]\nwebsite = \"https://a.example/\"\n\n[[service]]\nid = \"b\"\nname = \"B\"\n";

    #[test]
    fn an_entry_changes_in_place_and_nothing_else_does() {
        let mut document = TEXT.parse::<DocumentMut>().expect("toml");
        let tables = document["service"]
            .as_array_of_tables_mut()
            .expect("services");
        let table = tables.iter_mut().next().expect("first");
        fill(
            table,
            &[
                ("name", Kind::Text, "A2".into()),
                ("categories", Kind::List, "x, y".into()),
                ("website", Kind::Text, " ".into()),
                ("last_verified", Kind::Date, "2026-11-30".into()),
            ],
        );
        let changed = document.to_string();
        assert_eq!(
            changed,
            "# Services.\n\n[[service]]\nid = \"a\"\nname = \"A2\"  # kept\ncategories = [\"x\", \"y\"]\nlast_verified = 2026-11-30\n\n[[service]]\nid = \"b\"\nname = \"B\"\n"
        );
        assert_eq!(entry_lines(&changed, "a"), (3, 8));
        assert_eq!(entry_lines(&changed, "b"), (9, 11));
    }
}
