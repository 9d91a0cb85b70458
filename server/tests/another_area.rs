//! Any council can run the site by swapping `content/`: the same server, with no code
//! change, started on a second area's content (the Herefordshire fixture), serves its
//! pages, its exit and its locator, and says nothing about Kirklees.

mod support;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

fn herefordshire() -> std::path::PathBuf {
    support::fixtures().join("herefordshire")
}

/// Sends one HTTP/1.1 request to the running server and returns the whole answer.
fn ask(port: u16, request: &str) -> String {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
}

fn get(port: u16, path: &str) -> String {
    ask(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    )
}

fn post_find(port: u16, body: &str) -> String {
    ask(
        port,
        &format!(
            "POST /find HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

#[test]
fn the_same_server_runs_another_area_from_its_content_alone() {
    let site = server::content::load(&herefordshire())
        .expect("the Herefordshire content passes the check");
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
        probe.local_addr().expect("address").port()
    };
    let site_root = std::env::temp_dir().join(format!("area-test-site-{}", std::process::id()));
    std::fs::create_dir_all(site_root.join("pkg")).expect("site root");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["serve", "--content"])
        .arg(herefordshire())
        .env("LEPTOS_OUTPUT_NAME", "site")
        .env("LEPTOS_SITE_ROOT", &site_root)
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the server");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    // Every page: the area's own name and numbers, the exit, and nothing of Kirklees.
    let mut paths: Vec<String> = site.pages.iter().map(|p| p.path.clone()).collect();
    paths.extend(site.sections.iter().map(|s| s.path()));
    paths.push("/find".into());
    for path in &paths {
        let answer = get(port, path);
        assert!(answer.starts_with("HTTP/1.1 200"), "{path}: {answer:.80}");
        assert!(answer.contains("Safe in Herefordshire"), "{path}");
        assert!(
            answer.contains("tel:08007831359"),
            "{path}: the local helpline in the footer"
        );
        assert!(
            answer.contains("id=\"exit-link\"") && answer.contains("https://www.bbc.co.uk/weather"),
            "{path}: the exit"
        );
        for kirklees in ["Kirklees", "Huddersfield", "Dewsbury", "Safezone"] {
            assert!(!answer.contains(kirklees), "{path} mentions {kirklees}");
        }
    }
    assert!(get(port, "/find").contains("For example HR1 or Leominster"));

    // The locator, without JavaScript.
    let answer = post_find(port, "q=HR1+2AB");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.80}");
    assert!(answer.contains("Nearest to the HR1 postcode area"));
    assert!(
        answer.contains("West Mercia Women&#x27;s Aid helpline")
            || answer.contains("West Mercia Women's Aid helpline")
    );
    let answer = post_find(port, "q=Leominster");
    assert!(answer.contains("Nearest to Leominster"), "{answer:.200}");
    let answer = post_find(port, "q=WR1");
    assert!(
        answer.contains("The WR1 postcode area is outside Herefordshire."),
        "a district near the area: {answer:.200}"
    );
    let answer = post_find(port, "q=HD1");
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer:.80}");
    assert!(answer.contains("We could not find the postcode area HD1 in or near Herefordshire."));
    let answer = post_find(port, "q=%3C%3E");
    assert!(answer.starts_with("HTTP/1.1 400"));
    assert!(answer.contains("such as HR1, or a town such as Leominster"));

    // The same directory as open data, under the area's own publisher.
    let answer = get(port, "/open-data/hsds/services.json");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.80}");
    assert!(answer.contains("application/json"));
    assert!(
        answer.contains("\"number\": \"0800 783 1359\""),
        "WMWA's helpline is in the data"
    );
    assert!(!answer.contains("Kirklees"));
    assert!(get(port, "/open-data/hsds/index.json")
        .contains("\"publisher\": \"Herefordshire Council\""));

    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&site_root);
}
