//! `POST /share-your-story` (and `POST /<code>/share-your-story` in another language): a
//! story, sealed the moment it arrives and stored sealed.
//!
//! The answer comes straight back on the same page (no redirect). Whatever stops a
//! story (a missing answer, one too long, a store that is down, too many stories this
//! minute) shows the form again with every word in place and a calm message. A post
//! from another site, or with the hidden trap field filled in, is refused. Nothing
//! about the story or its sender is logged or kept but the sealed text and the month.

use super::{Live, RouteLabel};
use crate::stories::form::{read, Refusal};
use crate::stories::limit::StoryLimit;
use crate::stories::store::Store;
use crate::stories::{month_of, parse_recipient, seal};
use age::x25519::Recipient;
use app::model::{Language, Site, StoryDraft, StoryOutcome, StoryWords, S};
use app::render::{render_document_styled, Route};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use std::sync::Arc;

/// What taking a story needs: the keys to seal to, the choices the form offers, the
/// store, and the limit a minute.
pub struct StoryService {
    recipients: Vec<Recipient>,
    services: Vec<String>,
    pub store: Option<Arc<Store>>,
    pub limit: Arc<StoryLimit>,
}

impl StoryService {
    pub fn new(site: &Site) -> StoryService {
        let recipients = site
            .settings
            .stories
            .iter()
            .flat_map(|stories| stories.recipients.iter())
            .filter_map(|text| parse_recipient(text))
            .collect();
        StoryService {
            recipients,
            services: site.service_names(),
            store: None,
            limit: Arc::new(
                site.settings
                    .stories
                    .as_ref()
                    .map_or_else(StoryLimit::default, |s| StoryLimit::new(s.per_minute)),
            ),
        }
    }
}

pub async fn story(
    State(live): State<Arc<Live>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    take_story(&live, None, &headers, body).await
}

/// `POST /<code>/share-your-story`: the same, answered in that language; a code the
/// site does not offer gets the calm "cannot find that page".
pub async fn story_in(
    State(live): State<Arc<Live>>,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    take_story(&live, Some(&code), &headers, body).await
}

async fn take_story(
    live: &Live,
    code: Option<&str>,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let state = live.current();
    let stories = &state.stories;
    let language: Option<&Language> = match code {
        None => None,
        Some(code) => match state.find.language(code) {
            Some(language) => Some(language),
            None => return super::not_found(&state),
        },
    };
    let english = StoryWords::english();
    let words = language.map_or(&english, |language| &language.story);
    let answer = |status: StatusCode, outcome: StoryOutcome| {
        let html = render_document_styled(
            &state.find.site,
            &Route::Story(outcome, language),
            &state.find.options,
            &state.find.css,
        );
        page(status, html)
    };
    let not_sent = |status, message: String, draft: StoryDraft| {
        answer(status, StoryOutcome::NotSent(message, Box::new(draft)))
    };
    let say = |word: S| words[word].to_owned();
    if state.find.site.settings.stories.is_none() {
        // No form on this site: the same calm 404 as any unknown address.
        return super::not_found(&state);
    }
    if !same_origin(headers) {
        return not_sent(
            StatusCode::FORBIDDEN,
            say(S::CrossSite),
            StoryDraft::default(),
        );
    }
    let body = match body {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return not_sent(
                StatusCode::PAYLOAD_TOO_LARGE,
                say(S::TooBig),
                StoryDraft::default(),
            );
        }
        Err(_) => {
            return not_sent(
                StatusCode::BAD_REQUEST,
                Refusal::Unreadable.words(words),
                StoryDraft::default(),
            );
        }
    };
    let (draft, verdict) = read(&body, &stories.services);
    if let Err(refusal) = verdict {
        let status = match refusal {
            Refusal::Unreadable | Refusal::Trap => StatusCode::BAD_REQUEST,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        return not_sent(status, refusal.words(words), draft);
    }
    let now = (state.find.clock)();
    let Some(store) = &stories.store else {
        return retry_later(not_sent(
            StatusCode::SERVICE_UNAVAILABLE,
            say(S::StoreDown),
            draft,
        ));
    };
    if !stories.limit.take(now) {
        return retry_later(not_sent(
            StatusCode::SERVICE_UNAVAILABLE,
            say(S::Busy),
            draft,
        ));
    }
    let month = month_of(now);
    // The plaintext lives only in this request's memory, and only until it is sealed.
    let sealed = match seal(&draft.as_text(&month), &stories.recipients) {
        Ok(sealed) => sealed,
        Err(_) => {
            return retry_later(not_sent(
                StatusCode::SERVICE_UNAVAILABLE,
                say(S::StoreDown),
                draft,
            ))
        }
    };
    match store.add(&month, &sealed).await {
        Ok(_) => answer(StatusCode::OK, StoryOutcome::Received),
        Err(_) => retry_later(not_sent(
            StatusCode::SERVICE_UNAVAILABLE,
            say(S::StoreDown),
            draft,
        )),
    }
}

/// Whether the post came from this site's own pages: `Sec-Fetch-Site` when the
/// browser sends it, else `Origin` against `Host`. A post with neither (an old browser)
/// is taken: the trap field and the limit still apply.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return site == "same-origin";
    }
    match (text("origin"), text(header::HOST.as_str())) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host)),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

fn page(status: StatusCode, html: String) -> Response {
    let mut response = Response::new(axum::body::Body::from(html));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    with_label(response)
}

fn with_label(mut response: Response) -> Response {
    response.extensions_mut().insert(RouteLabel("story"));
    response
}

fn retry_later(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn only_this_site_may_post() {
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!same_origin(&headers(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://x"),
            ("host", "x")
        ])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(same_origin(&headers(&[
            ("origin", "https://safe.example"),
            ("host", "safe.example")
        ])));
        assert!(!same_origin(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "safe.example")
        ])));
        assert!(!same_origin(&headers(&[
            ("origin", "null"),
            ("host", "safe.example")
        ])));
        assert!(same_origin(&headers(&[])));
    }
}
