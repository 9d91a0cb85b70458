//! HTTP: every request is a lookup in memory. Nothing is rendered or read from disk
//! while serving, and nothing about the visitor is recorded.

mod find;
mod headers;
pub mod limits;
pub mod listen;
mod live;
mod logging;
pub mod story;

use crate::assets::Assets;
use crate::encoded::{Coding, Encoded};
use crate::render::RenderedSite;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{middleware, Router};
use std::sync::Arc;

pub use find::{now_ms, FindForm, FindService, MAX_FORM_BYTES};
pub use headers::{OwnPolicy, FIXED as FIXED_HEADERS, ISOLATED, ISOLATED_PATHS};
pub use live::{Live, PREVIEW_VERSION_PATH};
pub use logging::{flush as flush_log, RouteLabel};

/// What the server answers from: the rendered site, the static assets, and the
/// locator for searches posted without JavaScript.
pub struct AppState {
    pub site: RenderedSite,
    pub assets: Assets,
    /// The fingerprinted files, which a CDN may keep (see `assets::CDN_CACHE_CONTROL`).
    pub fingerprinted: std::collections::HashSet<String>,
    pub find: FindService,
    /// The share-your-story form's keys, store and limit.
    pub stories: story::StoryService,
    /// The site's policy, ready to send.
    pub policy_header: Option<HeaderValue>,
}

impl AppState {
    /// Renders `site` once and gets everything ready to serve, every brotli form
    /// included (for tests, and for a reload, which keeps serving the old state
    /// meanwhile).
    pub fn new(
        site: app::model::Site,
        assets: Assets,
        options: leptos::config::LeptosOptions,
    ) -> AppState {
        let state = AppState::rendered(site, assets, options);
        crate::encoded::Encoded::finish(state.bodies());
        state
    }

    /// Renders `site` and is ready to answer at once, with gzip; the brotli forms
    /// are made on a thread of their own and each is served from the moment it is
    /// ready (the cold start: a just-started server has nothing else to serve).
    pub fn serving_at_once(
        site: app::model::Site,
        assets: Assets,
        options: leptos::config::LeptosOptions,
    ) -> AppState {
        let state = AppState::rendered(site, assets, options);
        crate::encoded::Encoded::finish_in_background(state.bodies());
        state
    }

    /// Every body served: the rendered site's, then the assets.
    pub fn bodies(&self) -> Vec<crate::encoded::Encoded> {
        let mut bodies = self.site.bodies();
        let mut assets: Vec<(&String, &crate::encoded::Encoded)> = self.assets.iter().collect();
        assets.sort_by_key(|(path, _)| path.as_str());
        bodies.extend(assets.into_iter().map(|(_, body)| body.clone()));
        bodies
    }

    fn rendered(
        site: app::model::Site,
        assets: Assets,
        options: leptos::config::LeptosOptions,
    ) -> AppState {
        // Pages name the bundle by its fingerprint.
        let (renamed, options) = crate::assets::fingerprinted(&assets, &options);
        let fingerprinted = renamed
            .keys()
            .filter(|path| !assets.contains_key(*path))
            .cloned()
            .collect();
        let assets = renamed;
        let css = crate::assets::stylesheet(&assets, &options);
        let rendered = crate::render::render_site(&site, &options, &css);
        AppState {
            policy_header: HeaderValue::from_str(&rendered.content_security_policy).ok(),
            site: rendered,
            assets,
            fingerprinted,
            stories: story::StoryService::new(&site),
            find: FindService::new(site, options, css),
        }
    }

    /// The same state keeping stories in `store`.
    pub fn with_story_store(
        mut self,
        store: Option<Arc<crate::stories::store::Store>>,
    ) -> AppState {
        self.stories.store = store;
        self
    }

    /// The same state with the locator answering at the time `clock` gives, for tests
    /// that depend on opening hours.
    pub fn with_clock(mut self, clock: fn() -> f64) -> AppState {
        self.find.clock = clock;
        self
    }
}

/// The whole HTTP application, serving `state` as it is.
pub fn app(state: Arc<AppState>) -> Router {
    app_live(Arc::new(Live::new(state)))
}

/// The whole HTTP application, serving whatever `live` holds at each request.
pub fn app_live(state: Arc<Live>) -> Router {
    app_with_limits(state, limits::RequestLimits::default())
}

/// The application with the given request limits. From the inside out: handlers,
/// panics caught, time and concurrency limits, privacy headers on every answer
/// (503s included), and the request counted.
pub fn app_with_limits(state: Arc<Live>, request_limits: limits::RequestLimits) -> Router {
    app_with_routes(state, request_limits, Router::new())
}

/// The whole HTTP application with `extra` routes beside the site's, behind every
/// layer (tests add a route that panics).
pub fn app_with_routes(
    state: Arc<Live>,
    request_limits: limits::RequestLimits,
    extra: Router<Arc<Live>>,
) -> Router {
    let routes = extra
        .route(
            app::model::STORY_PATH,
            post(story::story)
                .fallback(serve_path)
                .layer(DefaultBodyLimit::max(crate::stories::form::MAX_STORY_BYTES)),
        )
        .route(
            "/{code}/share-your-story",
            post(story::story_in)
                .fallback(serve_path)
                .layer(DefaultBodyLimit::max(crate::stories::form::MAX_STORY_BYTES)),
        )
        .route(
            app::render::FIND_PATH,
            post(find::find)
                .fallback(serve_path)
                .layer(DefaultBodyLimit::max(MAX_FORM_BYTES)),
        )
        .route(
            "/{code}/find",
            post(find::find_in)
                .fallback(serve_path)
                .layer(DefaultBodyLimit::max(MAX_FORM_BYTES)),
        )
        .fallback(serve_path)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            limits::catch_panics,
        ))
        .with_state(state.clone());
    Router::new()
        .fallback_service(limits::limit(routes, request_limits))
        .layer(middleware::from_fn_with_state(state.clone(), finish))
        .with_state(state)
}

/// The outermost layer, so it sees every answer (503s included): the privacy headers,
/// then the request counted.
async fn finish(State(live): State<Arc<Live>>, request: Request, next: Next) -> Response {
    let method = logging::known_method(request.method());
    let isolated = headers::isolates(request.uri().path());
    let mut response = next.run(request).await;
    headers::apply(&live, response.headers_mut(), isolated);
    if let Some(headers::OwnPolicy(policy)) = response.extensions().get::<headers::OwnPolicy>() {
        let policy = policy.clone();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        );
    }
    logging::count_response(method, &response);
    response
}

/// Serves a page or an asset from memory; anything else gets a calm problem page.
async fn serve_path(
    State(live): State<Arc<Live>>,
    method: Method,
    uri: Uri,
    request_headers: HeaderMap,
) -> Response {
    let state = live.current();
    let coding = Coding::negotiate(
        request_headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|value| value.to_str().ok()),
    );
    let head_only = method == Method::HEAD;
    if method != Method::GET && !head_only {
        let mut response = encoded_response(
            &state.site.method_not_allowed,
            StatusCode::METHOD_NOT_ALLOWED,
            coding,
            false,
            "method-not-allowed",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let path = uri.path();
    if let Some(page) = state.site.pages.get(path) {
        if let Some(html) = live.preview_page(&page.identity) {
            let preview = Encoded::uncompressed(page.content_type, html);
            return encoded_response(&preview, StatusCode::OK, coding, head_only, "page");
        }
        return encoded_response(page, StatusCode::OK, coding, head_only, "page");
    }
    if let Some(data) = state.site.data.get(path) {
        if path == state.site.locator_file.path {
            // Named by its contents, like the bundle: a CDN may keep it.
            let mut response =
                encoded_response(data, StatusCode::OK, coding, head_only, "locator-data");
            let (name, value) = crate::assets::CDN_CACHE_CONTROL;
            response.headers_mut().insert(
                axum::http::HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
            return response;
        }
        return encoded_response(data, StatusCode::OK, coding, head_only, "open-data");
    }
    if path == PREVIEW_VERSION_PATH {
        if let Some(version) = live.preview_version() {
            let mut response = version.to_string().into_response();
            response.extensions_mut().insert(RouteLabel("preview"));
            return response;
        }
    }
    if let Some(asset) = state.assets.get(path) {
        let mut response = encoded_response(asset, StatusCode::OK, coding, head_only, "asset");
        if state.fingerprinted.contains(path) {
            let (name, value) = crate::assets::CDN_CACHE_CONTROL;
            response.headers_mut().insert(
                axum::http::HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
        }
        return response;
    }
    if let Some(moved_to) = state.site.redirects.get(path) {
        // A page's old address, kept working for links from schools and posters.
        let mut response = (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, moved_to.clone())],
        )
            .into_response();
        response.extensions_mut().insert(RouteLabel("moved"));
        return response;
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.len() < path.len() && state.site.pages.contains_key(trimmed) {
        // A known page written with a trailing slash: send people to its one address.
        let mut response = (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, trimmed.to_owned())],
        )
            .into_response();
        response.extensions_mut().insert(RouteLabel("redirect"));
        return response;
    }
    encoded_response(
        &state.site.not_found,
        StatusCode::NOT_FOUND,
        coding,
        head_only,
        "not-found",
    )
}

/// The calm "cannot find that page", uncompressed (for an answer to a form).
fn not_found(state: &AppState) -> Response {
    encoded_response(
        &state.site.not_found,
        StatusCode::NOT_FOUND,
        Coding::Identity,
        false,
        "not-found",
    )
}

fn encoded_response(
    encoded: &Encoded,
    status: StatusCode,
    coding: Coding,
    head_only: bool,
    label: &'static str,
) -> Response {
    let (body, used) = encoded.pick(coding);
    let mut response = Response::new(if head_only {
        Body::empty()
    } else {
        Body::from(body.clone())
    });
    *response.status_mut() = status;
    let headers = response.headers_mut();
    // Room for these and the privacy headers, so the map grows once.
    headers.reserve(24);
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(encoded.content_type),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    match used {
        Coding::Brotli => {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        }
        Coding::Gzip => {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        Coding::Identity => {}
    }
    response.extensions_mut().insert(RouteLabel(label));
    response
}
