//! A new page from a template: the section, a title and a short name for the address;
//! the file is made with every field a page needs, then opened in the editor.

use super::files::{self, FileProblem};
use super::html::{esc, query_value};
use super::{blocking, Desk};
use axum::extract::Form;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use serde::Deserialize;
use std::fmt::Write;
use std::sync::Arc;

#[derive(Deserialize)]
pub struct NewPage {
    #[serde(default)]
    token: String,
    #[serde(default)]
    section: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
}

pub async fn new_form(Extension(desk): Extension<Arc<Desk>>) -> Response {
    new_page_form(&desk, StatusCode::OK, "", "", "", "").await
}

async fn new_page_form(
    desk: &Desk,
    status: StatusCode,
    notice: &str,
    section: &str,
    name: &str,
    title: &str,
) -> Response {
    let content = desk.content.clone();
    let today = (desk.today)();
    let sections = blocking(move || crate::content::check(&content, today).0)
        .await
        .flatten()
        .map(|site| site.sections)
        .unwrap_or_default();
    let mut options = String::new();
    for choice in &sections {
        let selected = if choice.id == section {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            options,
            "<option value=\"{}\"{selected}>{}</option>",
            esc(&choice.id),
            esc(&choice.title)
        );
    }
    let notice = if notice.is_empty() {
        String::new()
    } else {
        format!(
            "<div class=\"desk-error\" role=\"alert\"><p>{}</p></div>",
            esc(notice)
        )
    };
    let body = format!(
        "<h1>New page</h1>{notice}<form method=\"post\" action=\"/_desk/new\">{}\
         <div class=\"desk-field\"><label for=\"new-section\"><strong>Section</strong></label><select id=\"new-section\" name=\"section\">{options}</select></div>\
         <div class=\"desk-field\"><label for=\"new-title\"><strong>Title</strong></label><input id=\"new-title\" name=\"title\" value=\"{}\"></div>\
         <div class=\"desk-field\"><label for=\"new-name\"><strong>Short name for the address</strong></label>\
         <p class=\"hint\">Small letters, numbers and dashes, such as money-worries. The page will be at /section/short-name.</p>\
         <input id=\"new-name\" name=\"name\" value=\"{}\"></div>\
         <button type=\"submit\" class=\"button\">Make the page</button></form>",
        desk.token_field(),
        esc(title),
        esc(name)
    );
    desk.respond(status, "New page", &body)
}

pub async fn create(
    Extension(desk): Extension<Arc<Desk>>,
    headers: HeaderMap,
    Form(new): Form<NewPage>,
) -> Response {
    if !desk.may_post(&headers, &new.token) {
        return desk.refused();
    }
    let name = new.name.trim().to_owned();
    let title: String = new
        .title
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let plain = |text: &str| {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    if !plain(&name) || !plain(&new.section) || title.is_empty() {
        return new_page_form(
            &desk,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Give the page a title and a short name of small letters, numbers and dashes.",
            &new.section,
            &name,
            &title,
        )
        .await;
    }
    let relative = format!("pages/{}/{name}.md", new.section);
    let file = match files::resolve(&desk.content, &relative) {
        Ok(file) => file,
        Err(problem) => {
            return new_page_form(
                &desk,
                StatusCode::UNPROCESSABLE_ENTITY,
                &problem.words(),
                &new.section,
                &name,
                &title,
            )
            .await
        }
    };
    let text = template(&new.section, &title, (desk.today)());
    match desk.save(&file, "", &text) {
        Ok(()) => {
            Redirect::to(&format!("/_desk/edit?file={}", query_value(&relative))).into_response()
        }
        Err(FileProblem::Changed) => {
            new_page_form(
                &desk,
                StatusCode::CONFLICT,
                "There is already a page with that short name in this section. Choose another.",
                &new.section,
                &name,
                &title,
            )
            .await
        }
        Err(problem) => {
            new_page_form(
                &desk,
                StatusCode::INTERNAL_SERVER_ERROR,
                &problem.words(),
                &new.section,
                &name,
                &title,
            )
            .await
        }
    }
}

/// A new page's text: the front matter every page needs, and a start for the words.
pub fn template(section: &str, title: &str, today: i32) -> String {
    // Day numbers count from 1970-01-01, which is day 719,163 of the common era.
    let date = chrono::NaiveDate::from_num_days_from_ce_opt(today + 719_163)
        .map(|date| date.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    // Written as TOML writes a string, so any character of the title is kept as typed.
    let title = toml_edit::Value::from(title).to_string();
    format!(
        "+++\ntitle = {title}\nsummary = \"\"\nsection = \"{section}\"\norder = 99\naudience = [\"everyone\"]\nlast_reviewed = {date}\nowner = \"Community engagement team\"\n+++\n\nWrite the page here in short sentences and everyday words.\n"
    )
}
