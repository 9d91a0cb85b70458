//! Shared helpers for the server's integration tests.
#![allow(dead_code)]

use server::encoded::Encoded;
use server::http::AppState;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

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

/// The day the fixture's content is loaded on in router tests: Monday 23 November 2026.
/// Opening hours are worked out from the day content loads, so tests that depend on
/// the time load it on a fixed day and answer at a fixed time.
pub const LOAD_DAY: (i32, u32, u32) = (2026, 11, 23);

/// The good fixture, checked as of [`LOAD_DAY`].
pub fn good_site() -> app::model::Site {
    let (year, month, day) = LOAD_DAY;
    let (site, report) = server::content::check(
        &fixtures().join("good"),
        app::locator::day_number(year, month, day),
    );
    assert!(report.is_empty(), "{report}");
    site.expect("fixture loads")
}

/// The good fixture, loaded, rendered and ready to serve, made once for all the tests
/// of one test binary. Its assets are small stand-ins for the built bundle.
pub fn good_state() -> Arc<AppState> {
    static STATE: OnceLock<Arc<AppState>> = OnceLock::new();
    STATE
        .get_or_init(|| Arc::new(good_state_with(|assets| assets)))
        .clone()
}

/// A fresh state of the good fixture, with its assets changed by `assets`.
pub fn good_state_with(
    assets: impl FnOnce(server::assets::Assets) -> server::assets::Assets,
) -> AppState {
    let site = good_site();
    let options = leptos::config::LeptosOptions::builder()
        .output_name("site")
        .build();
    let mut standard = server::assets::Assets::new();
    standard.insert(
        "/pkg/site.css".into(),
        Encoded::new("text/css; charset=utf-8", "body{color:#0b0c0c}".repeat(50)),
    );
    standard.insert(
        "/pkg/site.wasm".into(),
        Encoded::new("application/wasm", vec![0u8, 97, 115, 109, 1, 0, 0, 0]),
    );
    standard.insert(
        "/favicon.svg".into(),
        Encoded::new("image/svg+xml", "<svg/>"),
    );
    AppState::new(site, assets(standard), options)
}

/// The text after `marker` up to the next `end`.
pub fn between<'a>(text: &'a str, marker: &str, end: &str) -> &'a str {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not found"))
        + marker.len();
    let rest = &text[start..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// Text as a page writes it (Leptos escapes these in text).
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// 2026-12-01 10:00 UTC: the story tests' fixed clock.
pub fn december() -> f64 {
    1_796_119_200_000.0
}

/// A site with the story form turned on for a key made for the test, served with a
/// SQLite store (used when `with_store`) in a temporary folder removed on drop.
pub struct StorySetup {
    pub state: Arc<AppState>,
    pub store: Arc<server::stories::store::Store>,
    pub team: age::x25519::Identity,
    pub folder: PathBuf,
}

impl Drop for StorySetup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// `site` with the story form on (or off, when `stories` is false), `per_minute`
/// stories a minute.
pub async fn story_setup(
    name: &str,
    mut site: app::model::Site,
    stories: bool,
    with_store: bool,
    per_minute: u32,
) -> StorySetup {
    use server::stories::store::{address, Store};
    let team = age::x25519::Identity::generate();
    site.settings.stories = stories.then(|| app::model::StorySettings {
        recipients: vec![team.to_public().to_string()],
        keep_months: 12,
        per_minute: 60,
    });
    let folder = std::env::temp_dir().join(format!("stories-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let store = Arc::new(Store::open(&address(None, &folder)).await.expect("store"));
    let options = leptos::config::LeptosOptions::builder()
        .output_name("site")
        .build();
    let mut state = AppState::new(site, server::assets::Assets::new(), options)
        .with_story_store(with_store.then(|| store.clone()))
        .with_clock(december);
    state.stories.limit = Arc::new(server::stories::limit::StoryLimit::new(per_minute));
    StorySetup {
        state: Arc::new(state),
        store,
        team,
        folder,
    }
}
