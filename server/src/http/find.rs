//! `POST /find`: the locator for people without JavaScript.
//!
//! The form carries only a postcode district or a town. A full postcode is cut to its
//! district before anything else reads it. The answer comes straight back (no
//! redirect, so nothing lands in a URL or in history), with `no-store` like every
//! response, and nothing about the search is logged.

use super::{Live, RouteLabel};
use app::locator::{uk_time, Asked, Choices, FindProblem, Finder};
use app::model::Site;
use app::render::{render_document_styled, render_find_answer, FindOutcome, Route, ANSWER_SLOT};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
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
    /// The stylesheet, inside every answer as in every page.
    pub css: String,
    /// The time now, in milliseconds since 1970 UTC: the system clock, or a fixed one
    /// in tests (see [`super::AppState::with_clock`]).
    pub clock: fn() -> f64,
    /// The answer page rendered once, split where the answer goes: a search renders
    /// only its answer, not the whole page.
    frame: (String, String),
}

impl FindService {
    pub fn new(site: Site, options: LeptosOptions, css: String) -> FindService {
        let finder = Finder::new(site.locator.clone());
        let page = render_document_styled(
            &site,
            &Route::Find(FindOutcome::Frame, Choices::default()),
            &options,
            &css,
        );
        // The slot is in every frame FindPage renders; without it, the whole page is
        // rendered per answer instead (see `page`).
        let frame = page
            .split_once(ANSWER_SLOT)
            .map(|(before, after)| (before.to_owned(), after.to_owned()))
            .unwrap_or_default();
        FindService {
            site,
            finder,
            options,
            css,
            clock: now_ms,
            frame,
        }
    }

    /// The status and what to show for the text someone typed and the choices they
    /// made, at `now_ms` (milliseconds since 1970 UTC).
    pub fn answer(&self, typed: &str, choices: &Choices, now_ms: f64) -> (StatusCode, FindOutcome) {
        match app::locator::find(&self.finder, Asked::Typed(typed), choices, uk_time(now_ms)) {
            Ok(results) => (StatusCode::OK, FindOutcome::Results(Box::new(results))),
            Err(problem) => {
                let status = match problem {
                    FindProblem::NotFound(_) => StatusCode::NOT_FOUND,
                    FindProblem::Choices | FindProblem::Typed(_) => StatusCode::BAD_REQUEST,
                };
                (status, FindOutcome::Problem(problem.words().to_owned()))
            }
        }
    }
}

impl FindService {
    /// Reads a posted form body (`q`, `show`, `for`, `open`) and answers it at `now_ms`.
    /// Anything unreadable gets a calm 400.
    pub fn answer_body(&self, body: &[u8], now_ms: f64) -> (StatusCode, FindOutcome, Choices) {
        match serde_urlencoded::from_bytes::<FindForm>(body) {
            Ok(form) => {
                let choices = form.choices();
                let (status, outcome) = self.answer(&form.q, &choices, now_ms);
                (status, outcome, choices)
            }
            Err(_) => (
                StatusCode::BAD_REQUEST,
                FindOutcome::Problem(UNREADABLE.to_owned()),
                Choices::default(),
            ),
        }
    }

    /// The locator page with an answer: the answer rendered into the frame made at load.
    pub fn page(&self, outcome: FindOutcome, choices: Choices) -> String {
        let (before, after) = &self.frame;
        if before.is_empty() || !outcome.is_answer() {
            return self.whole_page(outcome, choices);
        }
        let answer = render_find_answer(&self.site, outcome, choices);
        let mut page = String::with_capacity(before.len() + answer.len() + after.len());
        page.push_str(before);
        page.push_str(&answer);
        page.push_str(after);
        page
    }

    /// The locator page with an answer, rendered whole: what [`FindService::page`]
    /// must give, byte for byte.
    pub fn whole_page(&self, outcome: FindOutcome, choices: Choices) -> String {
        render_document_styled(
            &self.site,
            &Route::Find(outcome, choices),
            &self.options,
            &self.css,
        )
    }
}

const UNREADABLE: &str = "We could not read that search. Type the first part of a postcode or the name of a town, and try again.";

#[derive(Deserialize)]
pub struct FindForm {
    #[serde(default)]
    q: String,
    #[serde(default)]
    show: String,
    #[serde(default, rename = "for")]
    audience: String,
    #[serde(default)]
    open: String,
}

impl FindForm {
    fn choices(&self) -> Choices {
        Choices {
            show: self.show.clone(),
            audience: self.audience.clone(),
            open_now: !self.open.is_empty(),
        }
    }
}

/// The system clock.
pub fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |elapsed| elapsed.as_millis() as f64)
}

pub async fn find(State(live): State<Arc<Live>>, body: Result<Bytes, BytesRejection>) -> Response {
    let state = live.current();
    let (status, outcome, choices) = match body {
        Ok(body) => state.find.answer_body(&body, (state.find.clock)()),
        Err(rejection) => {
            let status = if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            };
            (
                status,
                FindOutcome::Problem(UNREADABLE.to_owned()),
                Choices::default(),
            )
        }
    };
    let mut response = Response::new(axum::body::Body::from(state.find.page(outcome, choices)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response.extensions_mut().insert(RouteLabel("find"));
    response
}
