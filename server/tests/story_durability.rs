//! No story that was answered "received" is ever lost: the real binary takes stories
//! from 256 connections at once, is killed with SIGKILL in the middle, and every story
//! it said it received is then in the store exactly once. Runs on SQLite, and on
//! PostgreSQL too when `STORY_TEST_DATABASE_URL` is set (scripts/with-postgres.sh).

mod support;

use age::x25519::Identity;
use server::stories::store::{address, Store};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const CONNECTIONS: usize = 256;

/// How long the stories are posted before the server is killed, while they still
/// are (they go on a second longer): `STORY_LOAD_SECONDS`, which the test command sets
/// to 30; 2.5 s when it is not set.
fn load_and_kill() -> (Duration, Duration) {
    let seconds = std::env::var("STORY_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s >= 1.0)
        .unwrap_or(2.5);
    (
        Duration::from_secs_f64(seconds + 1.0),
        Duration::from_secs_f64(seconds),
    )
}

fn start(
    content: &std::path::Path,
    data: &std::path::Path,
    url: Option<&str>,
    port: u16,
) -> std::process::Child {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .args(["serve", "--content"])
        .arg(content)
        .env("LEPTOS_OUTPUT_NAME", "site")
        .env("LEPTOS_SITE_ROOT", data.join("no-assets"))
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("SITE_DATA_DIR", data)
        .env_remove("DATABASE_URL")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Some(url) = url {
        command.env("DATABASE_URL", url);
    }
    let child = command.spawn().expect("start the server");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

/// Posts one story; true if the answer was "received".
async fn post(port: u16, marker: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)).await else {
        return false;
    };
    let body = format!("told=Marker+%5B{marker}%5D&quote=no");
    let request = format!(
        "POST /share-your-story HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    if stream.write_all(request.as_bytes()).await.is_err() {
        return false;
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    answer.starts_with("HTTP/1.1 200") && answer.contains("Thank you for telling us")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_story_answered_received_survives_a_kill_mid_load() {
    let team = Identity::generate();
    let content = support::copy_of_good_fixture("durability");
    let site = content.join("site.toml");
    let mut settings = std::fs::read_to_string(&site).expect("site.toml");
    settings.push_str(&format!(
        "\n[stories]\nrecipients = [\"{}\"]\nper_minute = 1000000\n",
        team.to_public()
    ));
    std::fs::write(&site, settings).expect("site.toml written");
    let data = content.with_file_name("data");
    let url = std::env::var("STORY_TEST_DATABASE_URL").ok();
    let store_address = address(url.clone(), &data);
    if url.is_some() {
        // A shared server: start from an empty table.
        let store = Store::open(&store_address).await.expect("store");
        store.purge_before("9999-12").await.expect("emptied");
    }
    let port = 3400 + (std::process::id() % 500) as u16;
    let mut server = start(&content, &data, url.as_deref(), port);

    let received = Arc::new(Mutex::new(Vec::new()));
    let (load, kill_at) = load_and_kill();
    let started = Instant::now();
    let mut workers = Vec::new();
    for worker in 0..CONNECTIONS {
        let received = received.clone();
        workers.push(tokio::spawn(async move {
            let mut n = 0;
            while started.elapsed() < load {
                let marker = format!("w{worker}n{n}x");
                if post(port, &marker).await {
                    if let Ok(mut received) = received.lock() {
                        received.push(marker);
                    }
                }
                n += 1;
            }
        }));
    }
    tokio::time::sleep(kill_at).await;
    server.kill().expect("SIGKILL mid-load");
    let _ = server.wait();
    for worker in workers {
        let _ = worker.await;
    }
    let received = received.lock().map(|r| r.clone()).unwrap_or_default();
    assert!(
        received.len() > 50,
        "only {} stories were answered before the kill",
        received.len()
    );
    eprintln!(
        "{} stories answered received before the kill",
        received.len()
    );

    // Started again on what the killed server left, it takes stories again.
    let mut again = start(&content, &data, url.as_deref(), port);
    assert!(
        post(port, "after-restart").await,
        "the restarted server takes a story"
    );
    again.kill().expect("stop");
    let _ = again.wait();

    let store = Store::open(&store_address)
        .await
        .expect("the store opens after the kill");
    let mut times: HashMap<String, usize> = HashMap::new();
    for story in store.all().await.expect("read") {
        let text = server::stories::open(&story.sealed, &team).expect("opens");
        let marker = text
            .split_once("Marker [")
            .and_then(|(_, rest)| rest.split_once(']'))
            .map(|(marker, _)| marker.to_owned())
            .unwrap_or_default();
        *times.entry(marker).or_default() += 1;
    }
    for marker in &received {
        assert_eq!(
            times.get(marker),
            Some(&1),
            "{marker} was answered received"
        );
    }
    assert_eq!(times.get("after-restart"), Some(&1));
    let _ = std::fs::remove_dir_all(content.parent().unwrap_or(&content));
}
