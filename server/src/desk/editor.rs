//! A content file's text beside its preview, with the check's messages against the
//! lines they name. Preview and Save are buttons of one form, so both work without
//! JavaScript; with it, the preview follows typing (see `html::DESK_SCRIPT`). A save
//! is refused while the check finds a problem in the file, and when the file changed
//! after it was opened; either way the text stays in the box. New pages: `new_page`.

use super::files::{self, ContentFile, FileProblem};
use super::html::{esc, query_value};
use super::overview::{label_of, message_item};
use super::{blocking, trial, Desk};
use crate::content::{ContentError, PageFile, Report};
use app::model::Site;
use axum::extract::{Form, Query};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use serde::Deserialize;
use std::fmt::Write;
use std::sync::Arc;

#[derive(Deserialize)]
pub struct Open {
    #[serde(default)]
    file: String,
    #[serde(default)]
    saved: String,
}

pub async fn open(Extension(desk): Extension<Arc<Desk>>, Query(open): Query<Open>) -> Response {
    let file = match files::resolve(&desk.content, &open.file) {
        Ok(file) => file,
        Err(problem) => return refused_file(&desk, &problem),
    };
    let text = match files::read(&file) {
        Ok(text) => text,
        Err(problem) => return refused_file(&desk, &problem),
    };
    let notice =
        (!open.saved.is_empty()).then_some("Saved. The preview of the site shows it in a moment.");
    editor_page(
        &desk,
        &file,
        &text,
        &files::fingerprint(&text),
        StatusCode::OK,
        notice,
        None,
    )
    .await
}

fn refused_file(desk: &Desk, problem: &FileProblem) -> Response {
    let status = match problem {
        FileProblem::Refused => StatusCode::FORBIDDEN,
        FileProblem::Missing => StatusCode::NOT_FOUND,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    desk.respond(
        status,
        "Cannot open that file",
        &format!(
            "<h1>Cannot open that file</h1><p>{}</p><p><a href=\"/_desk\">Back to the desk</a></p>",
            esc(&problem.words())
        ),
    )
}

#[derive(Deserialize)]
pub struct Edit {
    #[serde(default)]
    token: String,
    #[serde(default)]
    file: String,
    #[serde(default)]
    base: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    action: String,
}

pub async fn post(
    Extension(desk): Extension<Arc<Desk>>,
    headers: HeaderMap,
    Form(edit): Form<Edit>,
) -> Response {
    if !desk.may_post(&headers, &edit.token) {
        return desk.refused();
    }
    let file = match files::resolve(&desk.content, &edit.file) {
        Ok(file) => file,
        Err(problem) => return refused_file(&desk, &problem),
    };
    // Browsers send line ends as CRLF; keep the file's own.
    let crlf = files::read(&file).is_ok_and(|text| text.contains("\r\n"));
    let text = edit.text.replace("\r\n", "\n");
    let text = if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    if edit.action != "save" {
        return editor_page(&desk, &file, &text, &edit.base, StatusCode::OK, None, None).await;
    }
    let Some((report, _, _)) = try_change(&desk, &file, &text).await else {
        return desk.trouble("The change could not be checked.");
    };
    let name = format!("{}/{}", label_of(&desk), file.relative);
    if report.errors().iter().any(|error| error.file == name) {
        let notice = "Not saved yet: the check found problems in this file. They are listed beside the text; fix them and save again.";
        return editor_page(
            &desk,
            &file,
            &text,
            &edit.base,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(notice),
            None,
        )
        .await;
    }
    match desk.save(&file, &edit.base, &text) {
        Ok(()) => Redirect::to(&format!(
            "/_desk/edit?file={}&saved=1",
            query_value(&file.relative)
        ))
        .into_response(),
        Err(problem) => {
            let status = super::form::refused_status(&problem);
            editor_page(
                &desk,
                &file,
                &text,
                &edit.base,
                status,
                Some(&problem.words()),
                None,
            )
            .await
        }
    }
}

/// The check of the content with `file` holding `text`.
async fn try_change(
    desk: &Desk,
    file: &ContentFile,
    text: &str,
) -> Option<(Report, Option<Site>, Vec<PageFile>)> {
    let (content, relative, text, today) = (
        desk.content.clone(),
        file.relative.clone(),
        text.to_owned(),
        (desk.today)(),
    );
    let (site, report, pages) =
        blocking(move || trial::check_changed(&content, &[(&relative, &text)], today))
            .await?
            .ok()?;
    Some((report, site, pages))
}

async fn editor_page(
    desk: &Desk,
    file: &ContentFile,
    text: &str,
    base: &str,
    status: StatusCode,
    notice: Option<&str>,
    checked: Option<(Report, Option<Site>, Vec<PageFile>)>,
) -> Response {
    let checked = match checked {
        Some(checked) => Some(checked),
        None => try_change(desk, file, text).await,
    };
    let label = label_of(desk);
    let name = format!("{label}/{}", file.relative);
    let mut body = format!("<h1>Editing {}</h1>", esc(&file.relative));
    if let Some(notice) = notice {
        let class = if status.is_success() {
            "desk-ok"
        } else {
            "desk-error"
        };
        let _ = write!(
            body,
            "<div class=\"{class}\" role=\"alert\" id=\"desk-notice\"><p>{}</p></div>",
            esc(notice)
        );
    }
    body.push_str("<div class=\"desk-columns\"><div>");
    let _ = write!(
        body,
        "<form method=\"post\" action=\"/_desk/edit\" id=\"desk-editor\">{}<input type=\"hidden\" name=\"file\" value=\"{}\">\
         <input type=\"hidden\" name=\"base\" value=\"{}\"><label for=\"desk-text\">The file's text</label>\
         <textarea id=\"desk-text\" name=\"text\" spellcheck=\"true\">\n{}</textarea>\
         <p><button type=\"submit\" name=\"action\" value=\"preview\" class=\"button button-secondary\">Preview</button> \
         <button type=\"submit\" name=\"action\" value=\"save\" class=\"button\">Check and save</button></p></form></div><div>",
        desk.token_field(),
        esc(&file.relative),
        esc(base),
        esc(text)
    );
    match &checked {
        Some((report, site, pages)) => {
            body.push_str(&messages(report, &name, text, &label));
            body.push_str(&preview(site.as_ref(), pages, &name));
        }
        None => body.push_str("<div id=\"desk-messages\"><p>The change could not be checked.</p></div><div id=\"desk-preview\"></div>"),
    }
    body.push_str("</div></div>");
    desk.respond(status, &file.relative, &body)
}

/// The check's messages for this file, each with the line it names, then how many
/// problems there are elsewhere.
fn messages(report: &Report, name: &str, text: &str, label: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mine = |list: &[ContentError]| {
        list.iter()
            .filter(|e| e.file == name)
            .cloned()
            .collect::<Vec<_>>()
    };
    let (errors, warnings) = (mine(report.errors()), mine(report.warnings()));
    let mut out = String::from("<div id=\"desk-messages\" aria-live=\"polite\">");
    if errors.is_empty() && warnings.is_empty() {
        out.push_str("<p class=\"desk-ok\">The check finds no problems in this file.</p>");
    } else {
        let _ = write!(
            out,
            "<h2>What the check says about this file</h2><ol class=\"desk-problems\">"
        );
        for (error, class) in errors
            .iter()
            .map(|e| (e, "desk-error"))
            .chain(warnings.iter().map(|w| (w, "desk-warning")))
        {
            let at = match error.line {
                Some(line) => format!(
                    "<strong>Line {line}</strong><span class=\"desk-line\">{}</span>",
                    esc(lines.get(line.saturating_sub(1)).copied().unwrap_or(""))
                ),
                None => "<strong>The whole file</strong>".to_owned(),
            };
            let field = error
                .field
                .as_ref()
                .map(|f| format!(" ({})", esc(f)))
                .unwrap_or_default();
            let _ = write!(
                out,
                "<li class=\"{class}\">{at}{}{field}: {}<br>How to fix: {}</li>",
                if class == "desk-error" {
                    "Problem"
                } else {
                    "Warning"
                },
                esc(&error.problem),
                esc(&error.fix)
            );
        }
        out.push_str("</ol>");
    }
    let elsewhere: Vec<&ContentError> = report.errors().iter().filter(|e| e.file != name).collect();
    if !elsewhere.is_empty() {
        let _ = write!(
            out,
            "<details><summary>{} problems in other files</summary><ul>",
            elsewhere.len()
        );
        for error in elsewhere {
            out.push_str(&message_item(error, label, "desk-error"));
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</div>");
    out
}

/// The page as it would look, for a page file; the rendered body is the site's own
/// markdown pipeline's output.
fn preview(site: Option<&Site>, pages: &[PageFile], name: &str) -> String {
    let page = pages
        .iter()
        .find(|page| page.file == name)
        .and_then(|file| site?.pages.iter().find(|page| page.path == file.path));
    match page {
        Some(page) => format!(
            "<section id=\"desk-preview\" class=\"desk-preview\" aria-label=\"Preview\"><p class=\"hint\">Preview of {}</p><h1>{}</h1><p class=\"lead\">{}</p>{}</section>",
            esc(&page.path),
            esc(&page.title),
            esc(&page.summary),
            page.body_html
        ),
        None => "<section id=\"desk-preview\" class=\"desk-preview\"><p>No page preview for this file. Its changes show on the site once saved.</p></section>".to_owned(),
    }
}
