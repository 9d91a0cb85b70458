//! The server on a real socket: slow clients cannot starve it, shutdown lets requests
//! in flight finish, and the real binary's log holds nothing a visitor sent.

mod support;

use axum::routing::get;
use server::http::listen::{serve, ConnectionLimits};
use server::http::{app, AppState};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

fn state() -> Arc<AppState> {
    support::good_state()
}

/// Sends a raw HTTP/1.1 request and returns the whole answer.
async fn raw_request(address: SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(address).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    String::from_utf8_lossy(&answer).into_owned()
}

fn get_home() -> &'static str {
    "GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_slow_clients_do_not_stop_normal_requests() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let limits = ConnectionLimits {
        header_read_timeout: Duration::from_secs(2),
        ..ConnectionLimits::default()
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, app(state()), limits, async {
        let _ = stopped.await;
    }));

    // 1,000 connections that send their headers one byte at a time.
    let mut slow = Vec::new();
    for _ in 0..1000 {
        slow.push(tokio::spawn(async move {
            let Ok(mut stream) = TcpStream::connect(address).await else {
                return false;
            };
            for byte in b"GET / HTTP/1.1\r\nHost: slow\r\nX-Slow: "
                .iter()
                .cycle()
                .take(400)
            {
                if stream.write_all(&[*byte]).await.is_err() {
                    return true; // the server closed it
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            false
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Normal visitors are still answered quickly.
    for _ in 0..20 {
        let started = Instant::now();
        let answer = raw_request(address, get_home()).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.80}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "answered in {:?}",
            started.elapsed()
        );
    }

    // The slow connections are cut off once their header time is up.
    let mut closed = 0;
    for task in slow {
        if task.await.unwrap_or(false) {
            closed += 1;
        }
    }
    assert!(
        closed >= 990,
        "only {closed} of 1000 slow connections were closed"
    );
    let _ = stop.send(());
    let _ = server.await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_a_request_in_flight_finish() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let router = axum::Router::new().route(
        "/slow",
        get(|| async {
            tokio::time::sleep(Duration::from_millis(500)).await;
            "finished"
        }),
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(
        listener,
        router,
        ConnectionLimits::default(),
        async {
            let _ = stopped.await;
        },
    ));
    let request = tokio::spawn(raw_request(
        address,
        "GET /slow HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n",
    ));
    tokio::time::sleep(Duration::from_millis(100)).await;
    let _ = stop.send(());
    let answer = request.await.expect("request task");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("finished"));
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server stops once the request is done")
        .expect("server task");
    assert!(
        TcpStream::connect(address).await.is_err(),
        "no new connections after shutdown"
    );
}

/// How many requests a log line counts, if it is a line of request counts:
/// `requests method=GET route=page status=200 count=3`, every word from a fixed set.
fn counted_requests(line: &str) -> Option<u64> {
    let rest = line.strip_prefix("requests method=")?;
    let (method, rest) = rest.split_once(" route=")?;
    let (route, rest) = rest.split_once(" status=")?;
    let (status, count) = rest.split_once(" count=")?;
    let fixed = method.chars().all(|c| c.is_ascii_uppercase())
        && route.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && status.len() == 3
        && status.chars().all(|c| c.is_ascii_digit());
    fixed.then(|| count.parse().ok()).flatten()
}

/// Every line the server may log: start-up, counts of requests, shutdown.
fn allowed_log_line(line: &str) -> bool {
    let request_line = counted_requests(line).is_some();
    request_line
        || line.starts_with("rendered ")
        || line.starts_with("listening on http://127.0.0.1:")
        || line == "shutting down"
        || line == "stopped"
        || line.is_empty()
}

#[test]
fn the_log_holds_nothing_a_visitor_sent() {
    use std::io::{Read, Write};
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
        probe.local_addr().expect("address").port()
    };
    let site_root = std::env::temp_dir().join(format!("log-test-site-{}", std::process::id()));
    std::fs::create_dir_all(site_root.join("pkg")).expect("site root");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["serve", "--content"])
        .arg(support::fixtures().join("good"))
        .env("LEPTOS_OUTPUT_NAME", "site")
        .env("LEPTOS_SITE_ROOT", &site_root)
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start the server");
    let started = Instant::now();
    let connect = || std::net::TcpStream::connect(("127.0.0.1", port));
    while connect().is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let canaries = [
        "canary-path-7f1",
        "CANARY-QUERY-7f2",
        "CANARY-BODY-7f3",
        "CANARY-HEADER-7f4",
        "CANARY-AGENT-7f5",
        "203.0.113.77",
        "CANARY-COOKIE-7f6",
        "CANARY-REFERER-7f7",
    ];
    let requests = [
        "GET /canary-path-7f1?q=CANARY-QUERY-7f2 HTTP/1.1\r\nHost: x\r\nX-Canary: CANARY-HEADER-7f4\r\nUser-Agent: CANARY-AGENT-7f5\r\nX-Forwarded-For: 203.0.113.77\r\nCookie: id=CANARY-COOKIE-7f6\r\nReferer: https://CANARY-REFERER-7f7.example/\r\nConnection: close\r\n\r\n".to_owned(),
        format!(
            "POST /find?where=CANARY-QUERY-7f2 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Forwarded-For: 203.0.113.77\r\nContent-Length: {}\r\nConnection: close\r\n\r\nq=CANARY-BODY-7f3",
            "q=CANARY-BODY-7f3".len()
        ),
        "PROPFIND /CANARY-QUERY-7f2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_owned(),
        "GET /find HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.77\r\nConnection: close\r\n\r\n".to_owned(),
    ];
    for request in &requests {
        let mut stream = connect().expect("connect");
        stream.write_all(request.as_bytes()).expect("send");
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 "), "{answer:.60}");
    }
    let _ = std::process::Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
    let output = child.wait_with_output().expect("server output");
    let _ = std::fs::remove_dir_all(&site_root);
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        log.lines().filter_map(counted_requests).sum::<u64>(),
        requests.len() as u64,
        "every request counted, once: {log}"
    );
    for canary in canaries {
        assert!(!log.contains(canary), "the log holds {canary}:\n{log}");
    }
    for line in log.lines() {
        assert!(allowed_log_line(line), "unexpected log line: {line:?}");
    }
}
