//! Request logging that cannot leak: the method, a fixed label for the kind of route,
//! and the status. Never the path, query, body, headers or the visitor's address.
//!
//! Lines go through a channel to one writer thread, which writes them in batches, so a
//! surge does not turn into one write to stderr per request. [`flush`] waits until
//! every line sent so far is written (the server calls it before it exits).

use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use std::io::Write;
use std::sync::mpsc::{channel, Sender};
use std::sync::{Mutex, OnceLock};

/// The kind of route that answered, set by the handler: "page", "asset", "not-found"…
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteLabel(pub &'static str);

enum Message {
    Line {
        method: &'static str,
        route: &'static str,
        status: u16,
    },
    Flush(Sender<()>),
}

fn writer() -> &'static Mutex<Sender<Message>> {
    static WRITER: OnceLock<Mutex<Sender<Message>>> = OnceLock::new();
    WRITER.get_or_init(|| {
        let (send, receive) = channel::<Message>();
        std::thread::spawn(move || {
            let mut out = std::io::BufWriter::new(std::io::stderr());
            while let Ok(first) = receive.recv() {
                let mut next = Some(first);
                while let Some(message) = next {
                    match message {
                        Message::Line {
                            method,
                            route,
                            status,
                        } => {
                            let _ = writeln!(
                                out,
                                "request method={method} route={route} status={status}"
                            );
                        }
                        Message::Flush(done) => {
                            let _ = out.flush();
                            let _ = done.send(());
                        }
                    }
                    next = receive.try_recv().ok();
                }
                let _ = out.flush();
            }
        });
        Mutex::new(send)
    })
}

fn send(message: Message) {
    if let Ok(sender) = writer().lock() {
        let _ = sender.send(message);
    }
}

/// Waits until every line logged so far has been written.
pub fn flush() {
    let (done, wait) = channel();
    send(Message::Flush(done));
    let _ = wait.recv_timeout(std::time::Duration::from_secs(2));
}

pub async fn log_request(request: Request, next: Next) -> Response {
    let method = known_method(request.method());
    let response = next.run(request).await;
    let route = response
        .extensions()
        .get::<RouteLabel>()
        .map_or("other", |label| label.0);
    send(Message::Line {
        method,
        route,
        status: response.status().as_u16(),
    });
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
