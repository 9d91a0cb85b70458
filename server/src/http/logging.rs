//! Request logging that cannot leak: the method, a fixed label for the kind of route,
//! and the status. Never the path, query, body, headers or the visitor's address.

use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

/// The kind of route that answered, set by the handler: "page", "asset", "not-found"…
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteLabel(pub &'static str);

pub async fn log_request(request: Request, next: Next) -> Response {
    let method = known_method(request.method());
    let response = next.run(request).await;
    let label = response
        .extensions()
        .get::<RouteLabel>()
        .map_or("other", |label| label.0);
    eprintln!(
        "request method={method} route={label} status={}",
        response.status().as_u16()
    );
    response
}

/// A method name that is safe to log: custom methods are chosen by the client.
fn known_method(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::PATCH => "PATCH",
        _ => "OTHER",
    }
}
