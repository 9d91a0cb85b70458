//! `POST /find` and `POST /<code>/find`: the locator for people without JavaScript, in
//! the site's language or another.
//!
//! The form carries only a postcode district or a town. A full postcode is cut to its
//! district before anything else reads it. The answer comes straight back (no
//! redirect, so nothing lands in a URL or in history), with `no-store` like every
//! response, and nothing about the search is logged.

use super::{Live, RouteLabel};
use app::locator::{uk_time, Asked, Choices, FindProblem, Finder, Words, W};
use app::model::{Language, Site};
use app::render::{render_document_styled, render_find_answer, FindOutcome, Route, ANSWER_SLOT};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
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
    /// The answer page rendered once for the site's language and then each other
    /// language in `site.languages`' order, split where the answer goes: a search
    /// renders only its answer, not the whole page.
    frames: Vec<(String, String)>,
    english: Words,
}

impl FindService {
    pub fn new(site: Site, options: LeptosOptions, css: String) -> FindService {
        let finder = Finder::new(site.locator.clone());
        let frame = |language: Option<&Language>| {
            let page = render_document_styled(
                &site,
                &Route::Find(FindOutcome::Frame, Choices::default(), language),
                &options,
                &css,
            );
            // The slot is in every frame FindPage renders; without it, the whole page
            // is rendered per answer instead (see `page_in`).
            page.split_once(ANSWER_SLOT)
                .map(|(before, after)| (before.to_owned(), after.to_owned()))
                .unwrap_or_default()
        };
        let frames = std::iter::once(frame(None))
            .chain(site.languages.iter().map(|language| frame(Some(language))))
            .collect();
        FindService {
            site,
            finder,
            options,
            css,
            clock: now_ms,
            frames,
            english: Words::english(),
        }
    }

    /// The language with this code, if the site has it.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.site
            .languages
            .iter()
            .find(|language| language.code == code)
    }

    fn words<'a>(&'a self, language: Option<&'a Language>) -> &'a Words {
        language.map_or(&self.english, |language| &language.locator)
    }

    /// The status and what to show for the text someone typed and the choices they
    /// made, at `now_ms` (milliseconds since 1970 UTC), in the site's language.
    pub fn answer(&self, typed: &str, choices: &Choices, now_ms: f64) -> (StatusCode, FindOutcome) {
        self.answer_in(typed, choices, now_ms, None)
    }

    /// [`FindService::answer`] in `language` (the site's own when `None`).
    pub fn answer_in(
        &self,
        typed: &str,
        choices: &Choices,
        now_ms: f64,
        language: Option<&Language>,
    ) -> (StatusCode, FindOutcome) {
        let words = self.words(language);
        let asked = Asked::Typed(typed);
        match app::locator::find(&self.finder, asked, choices, uk_time(now_ms), words) {
            Ok(results) => (StatusCode::OK, FindOutcome::Results(Box::new(results))),
            Err(problem) => {
                let status = match problem {
                    FindProblem::NotFound(_) => StatusCode::NOT_FOUND,
                    FindProblem::Choices | FindProblem::Typed(_) => StatusCode::BAD_REQUEST,
                };
                (
                    status,
                    FindOutcome::Problem(problem.words(words).to_owned()),
                )
            }
        }
    }
}

impl FindService {
    /// Reads a posted form body (`q`, `show`, `for`, `open`) and answers it at `now_ms`
    /// in `language`. Anything unreadable gets a calm 400.
    pub fn answer_body(
        &self,
        body: &[u8],
        now_ms: f64,
        language: Option<&Language>,
    ) -> (StatusCode, FindOutcome, Choices) {
        match serde_urlencoded::from_bytes::<FindForm>(body) {
            Ok(form) => {
                let choices = form.choices();
                let (status, outcome) = self.answer_in(&form.q, &choices, now_ms, language);
                (status, outcome, choices)
            }
            Err(_) => (
                StatusCode::BAD_REQUEST,
                self.unreadable(language),
                Choices::default(),
            ),
        }
    }

    fn unreadable(&self, language: Option<&Language>) -> FindOutcome {
        FindOutcome::Problem(self.words(language)[W::FormUnreadable].to_owned())
    }

    /// The locator page with an answer, in the site's language.
    pub fn page(&self, outcome: FindOutcome, choices: Choices) -> String {
        self.page_in(outcome, choices, None)
    }

    /// The locator page with an answer in `language`: the answer rendered into the
    /// frame made at load.
    pub fn page_in(
        &self,
        outcome: FindOutcome,
        choices: Choices,
        language: Option<&Language>,
    ) -> String {
        let frame = match language {
            None => self.frames.first(),
            Some(language) => self
                .site
                .languages
                .iter()
                .position(|known| known.code == language.code)
                .and_then(|n| self.frames.get(n + 1)),
        };
        let Some((before, after)) = frame.filter(|(before, _)| !before.is_empty()) else {
            return self.whole_page_in(outcome, choices, language);
        };
        if !outcome.is_answer() {
            return self.whole_page_in(outcome, choices, language);
        }
        let answer = render_find_answer(&self.site, outcome, choices, language);
        let mut page = String::with_capacity(before.len() + answer.len() + after.len());
        page.push_str(before);
        page.push_str(&answer);
        page.push_str(after);
        page
    }

    /// The locator page with an answer, rendered whole: what [`FindService::page`]
    /// must give, byte for byte.
    pub fn whole_page(&self, outcome: FindOutcome, choices: Choices) -> String {
        self.whole_page_in(outcome, choices, None)
    }

    /// [`FindService::whole_page`] in `language`.
    pub fn whole_page_in(
        &self,
        outcome: FindOutcome,
        choices: Choices,
        language: Option<&Language>,
    ) -> String {
        render_document_styled(
            &self.site,
            &Route::Find(outcome, choices, language),
            &self.options,
            &self.css,
        )
    }
}

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
    answer_post(&live, None, body)
}

/// `POST /<code>/find`: the same in another language; a code the site does not offer
/// gets the calm "cannot find that page".
pub async fn find_in(
    State(live): State<Arc<Live>>,
    Path(code): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    answer_post(&live, Some(&code), body)
}

fn answer_post(live: &Live, code: Option<&str>, body: Result<Bytes, BytesRejection>) -> Response {
    let state = live.current();
    let language = match code {
        None => None,
        Some(code) => match state.find.language(code) {
            Some(language) => Some(language),
            None => return super::not_found(&state),
        },
    };
    let (status, outcome, choices) = match body {
        Ok(body) => state
            .find
            .answer_body(&body, (state.find.clock)(), language),
        Err(rejection) => {
            let status = if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            };
            (status, state.find.unreadable(language), Choices::default())
        }
    };
    let page = state.find.page_in(outcome, choices, language);
    let mut response = Response::new(axum::body::Body::from(page));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response.extensions_mut().insert(RouteLabel("find"));
    response
}
