//! Reloading content while serving: a change that passes the check is served; a change
//! with errors is not, the last good site stays, and (in preview) the errors are kept
//! for the page's box.

mod support;

use server::http::{AppState, Live};
use server::reload::Reloader;
use std::sync::Arc;

fn title_on_home(live: &Live) -> String {
    let state = live.current();
    let home = state.site.pages.get("/").expect("home page");
    String::from_utf8_lossy(&home.identity).into_owned()
}

#[test]
fn a_broken_change_keeps_the_last_good_site_and_a_good_one_replaces_it() {
    let root = support::copy_of_good_fixture("reload");
    let site = server::content::load(&root).expect("fixture loads");
    let options = leptos::config::LeptosOptions::builder()
        .output_name("site")
        .build();
    let state = AppState::new(site, server::assets::Assets::new(), options.clone());
    let live = Arc::new(Live::preview(Arc::new(state)));
    let reloader = Reloader {
        dir: root.clone(),
        live: live.clone(),
        assets: server::assets::Assets::new(),
        options,
    };
    let home = root.join("pages/index.md");
    let good = std::fs::read_to_string(&home).expect("home page source");
    let before = title_on_home(&live);

    // Broken: the owner line is gone. Nothing changes for visitors.
    let broken: String = good
        .lines()
        .filter(|line| !line.starts_with("owner"))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&home, broken).expect("break the page");
    assert!(!reloader.reload(), "a broken change is refused");
    assert_eq!(
        title_on_home(&live),
        before,
        "the last good site is still served"
    );
    let version = live.preview_version();

    // Fixed, with a new sentence: served at once, and the error box goes.
    std::fs::write(
        &home,
        format!("{good}\nA sentence added by the reload test.\n"),
    )
    .expect("fix the page");
    assert!(reloader.reload());
    assert!(title_on_home(&live).contains("A sentence added by the reload test."));
    assert_ne!(
        live.preview_version(),
        version,
        "the preview reloads its pages"
    );
    let _ = std::fs::remove_dir_all(root.parent().unwrap_or(&root));
}
