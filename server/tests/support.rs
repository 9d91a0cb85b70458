//! Shared helpers for the server's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fresh copy of the good fixture, in a folder named "fixture", so that messages
/// name files as "fixture/pages/…".
pub fn copy_of_good_fixture(case: &str) -> PathBuf {
    let root = std::env::temp_dir()
        .join(format!("site-content-test-{}-{case}", std::process::id()))
        .join("fixture");
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&fixtures().join("good"), &root);
    root
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create fixture folder");
    for entry in std::fs::read_dir(from).expect("read fixture folder") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy fixture file");
        }
    }
}

/// The whole body of an answer.
pub async fn body_bytes(response: axum::response::Response) -> axum::body::Bytes {
    use http_body_util::BodyExt;
    response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
}

/// The whole body of an answer, as text.
pub async fn body_text(response: axum::response::Response) -> String {
    String::from_utf8(body_bytes(response).await.to_vec()).expect("utf-8")
}
