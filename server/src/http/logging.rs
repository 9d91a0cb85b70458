//! Request logging that cannot leak: counts of requests by method, a fixed label for
//! the kind of route, and status. Never the path, query, body, headers or the visitor's
//! address, and not even the moment of a single request: every [`INTERVAL`] one line
//! per kind of request seen, such as `requests method=GET route=page status=200 count=412`.
//!
//! Each worker thread counts in its own table, so answering a request takes no shared
//! lock, no channel and no system call. One writer thread adds the tables up and writes
//! the lines. [`flush`] writes what has been counted so far (the server calls it before
//! it exits).

use axum::http::Method;
use axum::response::Response;
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// How often the counts are written.
pub const INTERVAL: Duration = Duration::from_secs(10);

/// The kind of route that answered, set by the handler: "page", "asset", "not-found"…
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteLabel(pub &'static str);

type Key = (&'static str, &'static str, u16);
type Counts = HashMap<Key, u64>;

/// Every thread's table of counts.
fn tables() -> &'static Mutex<Vec<Arc<Mutex<Counts>>>> {
    static TABLES: OnceLock<Mutex<Vec<Arc<Mutex<Counts>>>>> = OnceLock::new();
    TABLES.get_or_init(|| {
        std::thread::spawn(|| loop {
            std::thread::sleep(INTERVAL);
            flush();
        });
        Mutex::new(Vec::new())
    })
}

thread_local! {
    /// This thread's counts. Only the writer thread ever waits for its lock, briefly.
    static COUNTS: Arc<Mutex<Counts>> = {
        let table = Arc::new(Mutex::new(Counts::new()));
        if let Ok(mut all) = tables().lock() {
            all.push(table.clone());
        }
        table
    };
}

fn count(key: Key) {
    COUNTS.with(|table| {
        if let Ok(mut counts) = table.lock() {
            *counts.entry(key).or_insert(0) += 1;
        }
    });
}

/// Writes every count made so far, one line per kind of request, and starts again.
pub fn flush() {
    let mut out = std::io::stderr().lock();
    for line in drain_lines() {
        let _ = writeln!(out, "{line}");
    }
    let _ = out.flush();
}

/// The lines for every count made so far, in a stable order; the counts start again.
fn drain_lines() -> Vec<String> {
    let mut total = Counts::new();
    if let Ok(all) = tables().lock() {
        for table in all.iter() {
            if let Ok(mut counts) = table.lock() {
                for (key, n) in counts.drain() {
                    *total.entry(key).or_insert(0) += n;
                }
            }
        }
    }
    let mut counts: Vec<(Key, u64)> = total.into_iter().collect();
    counts.sort();
    counts
        .into_iter()
        .map(|((method, route, status), n)| {
            format!("requests method={method} route={route} status={status} count={n}")
        })
        .collect()
}

/// Counts an answer to a request made with `method`.
pub fn count_response(method: &'static str, response: &Response) {
    let route = response
        .extensions()
        .get::<RouteLabel>()
        .map_or("other", |label| label.0);
    count((method, route, response.status().as_u16()));
}

/// A method name that is safe to log: custom methods are chosen by the client.
pub fn known_method(method: &Method) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_counted_by_kind_and_the_counts_start_again() {
        count(("GET", "counting-test", 200));
        count(("GET", "counting-test", 200));
        std::thread::spawn(|| count(("GET", "counting-test", 200)))
            .join()
            .expect("a second thread counts too");
        count(("OTHER", "counting-test", 405));
        let lines: Vec<String> = drain_lines()
            .into_iter()
            .filter(|line| line.contains("counting-test"))
            .collect();
        assert_eq!(
            lines,
            [
                "requests method=GET route=counting-test status=200 count=3",
                "requests method=OTHER route=counting-test status=405 count=1",
            ]
        );
        assert!(!drain_lines()
            .iter()
            .any(|line| line.contains("counting-test")));
    }
}
