//! Per-request limits: a time limit, a cap on requests handled at once (requests over
//! it are shed at once with 503 and Retry-After instead of queueing, and no per-visitor
//! state is kept), and panics caught per request and answered with the 500 page.

use super::{Live, RouteLabel};
use axum::error_handling::HandleErrorLayer;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::{BoxError, Router};
use futures_util::FutureExt;
use std::convert::Infallible;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceBuilder;

/// Limits on requests.
#[derive(Clone, Copy, Debug)]
pub struct RequestLimits {
    /// Time allowed to answer one request.
    pub timeout: Duration,
    /// Requests answered at once; more are turned away with 503.
    pub max_in_flight: usize,
}

impl Default for RequestLimits {
    fn default() -> Self {
        RequestLimits {
            timeout: Duration::from_secs(10),
            max_in_flight: 1024,
        }
    }
}

/// Seconds a turned-away client is asked to wait.
pub const RETRY_AFTER_SECONDS: &str = "5";

/// What a turned-away visitor reads: short, calm, and with 999.
const BUSY_PAGE: &str = "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Very busy</title></head>\
<body><h1>The site is very busy</h1><p>Please try again in a few seconds.</p>\
<p>If you are in danger now, call <a href=\"tel:999\">999</a>. For the 24-hour National Domestic \
Abuse Helpline, call <a href=\"tel:08082000247\">0808 2000 247</a>.</p></body></html>";

/// Wraps `router` in the time limit and the concurrency limit with load shedding.
/// The service is built once, so every clone shares one count of requests in flight.
pub fn limit(
    router: Router,
    limits: RequestLimits,
) -> impl tower::Service<
    Request,
    Response = Response,
    Error = Infallible,
    Future = impl Send + 'static,
> + Clone
       + Send
       + Sync
       + 'static {
    ServiceBuilder::new()
        .layer(HandleErrorLayer::new(turned_away))
        .load_shed()
        .concurrency_limit(limits.max_in_flight.max(1))
        .timeout(limits.timeout)
        .service(router)
}

async fn turned_away(error: BoxError) -> Response {
    let label = if error.is::<tower::timeout::error::Elapsed>() {
        "timeout"
    } else {
        "overloaded"
    };
    let mut response = Response::new(axum::body::Body::from(BUSY_PAGE));
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::RETRY_AFTER,
        HeaderValue::from_static(RETRY_AFTER_SECONDS),
    );
    response.extensions_mut().insert(RouteLabel(label));
    response
}

/// Catches a panic in a handler: logs "panic in route X" (a fixed name, never the
/// path or anything the visitor sent) and answers with the rendered 500 page.
pub async fn catch_panics(State(live): State<Arc<Live>>, request: Request, next: Next) -> Response {
    let route =
        if request.uri().path() == app::render::FIND_PATH && request.method() == Method::POST {
            "find"
        } else {
            "pages"
        };
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(_) => {
            eprintln!("panic in route {route}");
            let state = live.current();
            let page = &state.site.server_error;
            let mut response = Response::new(axum::body::Body::from(page.identity.clone()));
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(page.content_type),
            );
            response.extensions_mut().insert(RouteLabel("panic"));
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    fn slow_router(limits: RequestLimits) -> Router {
        let router = Router::new().route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_millis(300)).await;
                "done"
            }),
        );
        Router::new().fallback_service(limit(router, limits))
    }

    fn get_request(uri: &str) -> Request {
        Request::get(uri).body(Body::empty()).expect("request")
    }

    #[tokio::test]
    async fn requests_over_the_limit_are_shed_with_retry_after() {
        let router = slow_router(RequestLimits {
            timeout: Duration::from_secs(5),
            max_in_flight: 1,
        });
        let first = tokio::spawn(router.clone().oneshot(get_request("/slow")));
        tokio::time::sleep(Duration::from_millis(50)).await;
        let second = router.oneshot(get_request("/slow")).await.expect("answer");
        assert_eq!(second.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            second.headers().get(header::RETRY_AFTER),
            Some(&HeaderValue::from_static("5"))
        );
        let first = first.await.expect("task").expect("answer");
        assert_eq!(first.status(), StatusCode::OK, "the first is still served");
    }

    #[tokio::test]
    async fn a_request_that_takes_too_long_gets_503() {
        let router = slow_router(RequestLimits {
            timeout: Duration::from_millis(50),
            max_in_flight: 10,
        });
        let response = router.oneshot(get_request("/slow")).await.expect("answer");
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            response.extensions().get::<RouteLabel>(),
            Some(&RouteLabel("timeout"))
        );
    }
}
