//! The editing desk, `/_desk`: for the community team, in `preview` only, on their own
//! computer. It lists every page, service and Safe Zone with its problems and to-dos,
//! opens a page's text beside its preview with the check's messages against the lines
//! they name, saves files whole, makes new pages from a template, adds and edits Safe
//! Zones and services with forms checked as the content check checks them, and shows
//! what will change at the next publish.
//!
//! Never in `serve`: [`routes`] are added only by `preview`, and only when it listens
//! on a loopback address. See [`guard`] for who may use it.

mod changes;
pub use changes::record_publish;
mod editor;
pub mod files;
mod form;
pub mod guard;
mod html;
mod new_page;
mod overview;
mod safezones;
mod services;
mod trial;

use crate::http::Live;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Where the desk is.
pub const DESK_PATH: &str = "/_desk";

/// The largest form the desk reads: a whole content file, with room to spare.
pub const MAX_DESK_FORM_BYTES: usize = 8 * 1024 * 1024;

/// The desk's state for one run of the program.
pub struct Desk {
    pub content: PathBuf,
    /// Every POST must carry it; made when the program starts.
    token: String,
    shell: html::Shell,
    /// One save at a time, so a save's "is it still the file you opened" and its
    /// rename cannot interleave with another's.
    saving: Mutex<()>,
    /// The day number the check runs as of (a fixed day in tests).
    today: fn() -> i32,
}

impl Desk {
    pub fn new(content: PathBuf, site_css: &str) -> Desk {
        Desk::with_token(content, site_css, guard::new_token())
    }

    pub fn with_token(content: PathBuf, site_css: &str, token: String) -> Desk {
        Desk {
            content,
            token,
            shell: html::Shell::new(site_css),
            saving: Mutex::new(()),
            today: crate::content::today,
        }
    }

    pub fn with_today(mut self, today: fn() -> i32) -> Desk {
        self.today = today;
        self
    }

    /// Saves `text` as the whole of `file` if it is still the version `base` (see
    /// [`files::save`]), one save at a time, so a save's "is it still the file you
    /// opened" and its rename cannot interleave with another's.
    fn save(
        &self,
        file: &files::ContentFile,
        base: &str,
        text: &str,
    ) -> Result<(), files::FileProblem> {
        let _one_at_a_time = self.saving.lock();
        files::save(file, base, text)
    }

    /// The hidden field every desk form carries.
    fn token_field(&self) -> String {
        format!(
            "<input type=\"hidden\" name=\"token\" value=\"{}\">",
            html::esc(&self.token)
        )
    }

    /// Whether a POST may change anything: from the desk's own page, with its token.
    fn may_post(&self, headers: &HeaderMap, token: &str) -> bool {
        let host = headers
            .get(header::HOST)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        let origin = headers
            .get(header::ORIGIN)
            .and_then(|value| value.to_str().ok());
        // Where the browser says where the request came from, it must be this site.
        let fetched_from = headers
            .get("sec-fetch-site")
            .and_then(|value| value.to_str().ok());
        !self.token.is_empty()
            && fetched_from.is_none_or(|site| site == "same-origin")
            && guard::is_same_origin(origin, host)
            && guard::tokens_match(token, &self.token)
    }

    /// A desk page with `status`, under the desk's own policy.
    fn respond(&self, status: StatusCode, title: &str, body: &str) -> Response {
        let mut response = (status, self.shell.page(title, body)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        if let Ok(policy) = HeaderValue::from_str(&self.shell.policy) {
            response
                .extensions_mut()
                .insert(crate::http::OwnPolicy(policy));
        }
        response
    }

    fn refused(&self) -> Response {
        self.respond(
            StatusCode::FORBIDDEN,
            "Not allowed",
            "<h1>That did not come from the desk</h1><p>Changes are only taken from the desk's own pages in this program's window. Open the desk again and try once more.</p><p><a href=\"/_desk\">Open the desk</a></p>",
        )
    }

    /// A page when the content folder could not be read or a change could not be tried.
    fn trouble(&self, what: &str) -> Response {
        self.respond(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong",
            &format!(
                "<h1>Something went wrong</h1><p>{}</p><p><a href=\"/_desk\">Back to the desk</a></p>",
                html::esc(what)
            ),
        )
    }
}

/// The desk's routes, to add to the preview's router.
pub fn routes(desk: Arc<Desk>) -> Router<Arc<Live>> {
    Router::new()
        .route(DESK_PATH, get(overview::overview))
        .route("/_desk/edit", get(editor::open).post(editor::post))
        .route("/_desk/new", get(new_page::new_form).post(new_page::create))
        .route(
            "/_desk/safezone",
            get(safezones::form).post(safezones::post),
        )
        .route("/_desk/service", get(services::form).post(services::post))
        .route("/_desk/changes", get(changes::changes))
        .layer(DefaultBodyLimit::max(MAX_DESK_FORM_BYTES))
        .layer(middleware::from_fn(loopback_only))
        .layer(Extension(desk))
}

/// Refuses any request whose `Host` is not this machine's loopback name.
async fn loopback_only(request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    if !guard::is_loopback_host(host) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "The editing desk only answers at http://127.0.0.1 or http://localhost.",
        )
            .into_response();
    }
    next.run(request).await
}

/// Runs blocking file work off the async threads.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(work).await.ok()
}
