//! What the desk's record forms (a Safe Zone, a service) share: a box per field with
//! the check's messages beside it, the messages that name no field, the refusal notice,
//! and the status a failed save answers with.

use super::files::FileProblem;
use super::html::esc;
use crate::content::ContentError;
use axum::http::StatusCode;
use std::fmt::Write;

/// How a field is entered.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    /// A tick box whose value, when ticked, is "true".
    Tick,
}

/// The notice at the top of a refused form.
pub fn notice(out: &mut String, words: &str) {
    if !words.is_empty() {
        let _ = write!(
            out,
            "<div class=\"desk-error\" role=\"alert\" id=\"desk-refused\"><p>{}</p></div>",
            esc(words)
        );
    }
}

/// One field: its label and hint, the check's messages about it, and its box. The
/// box is named `f-<name>` and has the id `<prefix>-<name>`.
pub fn field(
    out: &mut String,
    prefix: &str,
    name: &str,
    hint: &str,
    input: Input,
    value: &str,
    messages: &[ContentError],
) {
    let said: Vec<&ContentError> = messages
        .iter()
        .filter(|m| m.field.as_deref() == Some(name))
        .collect();
    let id = esc(&format!("{prefix}-{name}"));
    let class = if said.is_empty() {
        "desk-field"
    } else {
        "desk-field desk-error"
    };
    let _ = write!(
        out,
        "<div class=\"{class}\"><label for=\"{id}\"><strong>{}</strong></label><p class=\"hint\">{}</p>",
        esc(name),
        esc(hint)
    );
    for message in said {
        let _ = write!(
            out,
            "<p class=\"desk-message\">{} How to fix: {}</p>",
            esc(&message.problem),
            esc(&message.fix)
        );
    }
    match input {
        Input::Tick => {
            let checked = if value == "true" { " checked" } else { "" };
            let _ = write!(
                out,
                "<input type=\"checkbox\" id=\"{id}\" name=\"f-{}\" value=\"true\"{checked}></div>",
                esc(name)
            );
        }
        Input::Text => {
            let _ = write!(
                out,
                "<input id=\"{id}\" name=\"f-{}\" value=\"{}\" autocomplete=\"off\"></div>",
                esc(name),
                esc(value)
            );
        }
    }
}

/// The messages about none of `fields`, then the form's button and its end.
pub fn finish(out: &mut String, messages: &[ContentError], fields: &[&str]) {
    let others: Vec<&ContentError> = messages
        .iter()
        .filter(|m| m.field.as_deref().is_none_or(|f| !fields.contains(&f)))
        .collect();
    if !others.is_empty() {
        out.push_str("<ul class=\"desk-problems\">");
        for message in others {
            let _ = write!(
                out,
                "<li class=\"desk-error\">{} How to fix: {}</li>",
                esc(&message.problem),
                esc(&message.fix)
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("<button type=\"submit\" class=\"button\">Check and save</button></form>");
}

/// The check's errors in `file` as a record form shows them: those on the record's
/// `lines` as they are (beside their fields), and every other one in the file with its
/// line in its words and no field, so it is listed under the form. A record is saved
/// only when this is empty: no save may leave the file with an error.
pub fn messages_for(
    errors: &[ContentError],
    file: &str,
    lines: std::ops::RangeInclusive<usize>,
) -> Vec<ContentError> {
    errors
        .iter()
        .filter(|error| error.file == file)
        .map(|error| match error.line {
            Some(line) if lines.contains(&line) => error.clone(),
            line => ContentError {
                field: None,
                problem: match line {
                    Some(line) => format!("Line {line}: {}", error.problem),
                    None => error.problem.clone(),
                },
                ..error.clone()
            },
        })
        .collect()
}

/// The status of a save that did not happen.
pub fn refused_status(problem: &FileProblem) -> StatusCode {
    if *problem == FileProblem::Changed {
        StatusCode::CONFLICT
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    }
}
