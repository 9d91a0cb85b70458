//! `POST /find`: the locator for people without JavaScript.
//!
//! The form carries only a postcode district or a town. A full postcode is cut to its
//! district before anything else reads it. The answer comes straight back (no
//! redirect, so nothing lands in a URL or in history), with `no-store` like every
//! response, and nothing about the search is logged.

use super::{AppState, RouteLabel};
use app::locator::{not_found_words, parse_query, present, Finder};
use app::model::Site;
use app::render::{render_document, FindOutcome, Route};
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use leptos::config::LeptosOptions;
use serde::Deserialize;
use std::sync::Arc;

/// The largest form body read; a district or town fits many times over.
pub const MAX_FORM_BYTES: usize = 2048;

/// What answering a search needs, built once at load.
pub struct FindService {
    pub site: Site,
    pub finder: Finder,
    pub options: LeptosOptions,
}

impl FindService {
    pub fn new(site: Site, options: LeptosOptions) -> FindService {
        let finder = Finder::new(site.locator.clone());
        FindService {
            site,
            finder,
            options,
        }
    }

    /// The status and what to show for the text someone typed.
    pub fn answer(&self, typed: &str) -> (StatusCode, FindOutcome) {
        let query = match parse_query(typed) {
            Ok(query) => query,
            Err(problem) => {
                return (
                    StatusCode::BAD_REQUEST,
                    FindOutcome::Problem(problem.to_string()),
                )
            }
        };
        match self.finder.gazetteer.resolve(&query) {
            Some((at, origin)) => (
                StatusCode::OK,
                FindOutcome::Results(present(&self.finder, &self.finder.search(at, origin))),
            ),
            None => (
                StatusCode::NOT_FOUND,
                FindOutcome::Problem(not_found_words(&query, &self.site.locator.area_name)),
            ),
        }
    }
}

#[derive(Deserialize)]
pub struct FindForm {
    #[serde(default)]
    q: String,
}

pub async fn find(
    State(state): State<Arc<AppState>>,
    form: Result<Form<FindForm>, FormRejection>,
) -> Response {
    let (status, outcome) = match form {
        Ok(Form(form)) => state.find.answer(&form.q),
        Err(rejection) => {
            let status = if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            };
            let message = "We could not read that search. Type the first part of a postcode, such as HD1, or the name of a town, and try again.";
            (status, FindOutcome::Problem(message.to_owned()))
        }
    };
    let html = render_document(&state.find.site, &Route::Find(outcome), &state.find.options);
    let mut response = Response::new(axum::body::Body::from(html));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response.extensions_mut().insert(RouteLabel("find"));
    response
}
