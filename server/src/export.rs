//! The static export: every page, asset and precompressed variant written to a folder
//! that any static host, CDN or object store can serve. The locator still searches on
//! the device; only the no-JavaScript search needs the server, and the exported
//! locator page says so and lists every place instead.
//!
//! Layout: `/` → `index.html`, `/get-help` → `get-help/index.html`, the 404 page →
//! `404.html`, assets as they are, each with `.br` and `.gz` beside it (when smaller). The policy
//! and privacy headers go in `_headers` (the format Netlify and Cloudflare Pages read)
//! and, for hosts that cannot set headers, the policy is also in a `<meta>` tag.

use crate::assets::Assets;
use crate::encoded::Encoded;
use crate::http::{FIXED_HEADERS, ISOLATED, ISOLATED_PATHS};
use crate::render::RenderedSite;
use app::model::Site;
use app::render::{render_document_styled, FindOutcome, Route, FIND_PATH};
use leptos::config::LeptosOptions;
use std::io;
use std::path::{Path, PathBuf};

/// What an export wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Exported {
    pub pages: usize,
    pub assets: usize,
    pub files: usize,
}

/// Writes the whole site into `out` (created if needed).
pub fn export(
    site: &Site,
    rendered: &RenderedSite,
    assets: &Assets,
    options: &LeptosOptions,
    out: &Path,
) -> io::Result<Exported> {
    std::fs::create_dir_all(out)?;
    let mut done = Exported::default();
    let policy = &rendered.content_security_policy;
    // The meta tag cannot carry frame-ancestors; the header file does.
    let meta_policy: String = policy
        .split(';')
        .map(str::trim)
        .filter(|d| !d.starts_with("frame-ancestors"))
        .collect::<Vec<_>>()
        .join("; ");
    let css = crate::assets::stylesheet(assets, options);
    // The locator page names the data file the export holds.
    let mut site = site.clone();
    site.locator_file = Some(rendered.locator_file.clone());
    let site = &site;
    for (path, page) in &rendered.pages {
        // The locator in the site's language or another: with no server to answer
        // its form, the static copy says so and lists every place.
        let find_in = site
            .languages
            .iter()
            .find(|language| language.find_path() == *path);
        let html = if path == FIND_PATH || find_in.is_some() {
            render_document_styled(
                site,
                &Route::Find(FindOutcome::StaticForm, Default::default(), find_in),
                options,
                &css,
            )
        } else {
            String::from_utf8_lossy(&page.identity).into_owned()
        };
        let file = page_file(out, path);
        write_all_forms(&file, &with_meta_policy(&html, &meta_policy), &mut done)?;
        done.pages += 1;
    }
    for (path, data) in &rendered.data {
        write_encoded(&out.join(path.trim_start_matches('/')), data, &mut done)?;
    }
    let not_found = String::from_utf8_lossy(&rendered.not_found.identity).into_owned();
    write_all_forms(
        &out.join("404.html"),
        &with_meta_policy(&not_found, &meta_policy),
        &mut done,
    )?;
    for (path, asset) in assets {
        let relative = path.trim_start_matches('/');
        if relative.is_empty() || relative.split('/').any(|part| part == "..") {
            continue;
        }
        write_encoded(&out.join(relative), asset, &mut done)?;
        done.assets += 1;
    }
    let mut headers = String::from("/*\n");
    for (name, value) in FIXED_HEADERS {
        headers.push_str(&format!("  {name}: {value}\n"));
    }
    headers.push_str(&format!("  content-security-policy: {policy}\n"));
    // The locator and the story form, in every language, in a group of their own.
    let (name, value) = ISOLATED;
    for path in ISOLATED_PATHS {
        headers.push_str(&format!("{path}\n  {name}: {value}\n"));
    }
    // The bundle's files are fingerprinted: a CDN may keep them (browsers may not).
    let (name, value) = crate::assets::CDN_CACHE_CONTROL;
    headers.push_str(&format!(
        "/{}/{}.*\n  {name}: {value}\n",
        options.site_pkg_dir, options.output_name
    ));
    std::fs::write(out.join("_headers"), headers)?;
    done.files += 1;
    // Old addresses, in the format Netlify and Cloudflare Pages read.
    let mut redirects: Vec<String> = rendered
        .redirects
        .iter()
        .map(|(from, to)| format!("{from} {to} 308\n"))
        .collect();
    redirects.sort();
    std::fs::write(out.join("_redirects"), redirects.concat())?;
    done.files += 1;
    Ok(done)
}

/// `/` → `index.html`; `/a/b` → `a/b/index.html`.
fn page_file(out: &Path, path: &str) -> PathBuf {
    let mut file = out.to_path_buf();
    for part in path.split('/').filter(|p| !p.is_empty() && *p != "..") {
        file.push(part);
    }
    file.join("index.html")
}

fn with_meta_policy(html: &str, policy: &str) -> String {
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy.replace('"', "&quot;")
    );
    match html.find("<head>") {
        Some(at) => {
            let mut page = html.to_owned();
            page.insert_str(at + "<head>".len(), &meta);
            page
        }
        None => html.to_owned(),
    }
}

fn write_all_forms(file: &Path, html: &str, done: &mut Exported) -> io::Result<()> {
    let encoded = Encoded::new("text/html; charset=utf-8", html.to_owned());
    write_encoded(file, &encoded, done)
}

/// The body, and its brotli and gzip forms beside it where they are smaller.
fn write_encoded(file: &Path, body: &Encoded, done: &mut Exported) -> io::Result<()> {
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(file, &body.identity)?;
    done.files += 1;
    // The compressed forms exist when they are smaller than the body.
    for (suffix, bytes) in [(".br", body.brotli()), (".gz", body.gzip.as_ref())] {
        if let Some(bytes) = bytes {
            let mut name = file.as_os_str().to_owned();
            name.push(suffix);
            std::fs::write(PathBuf::from(name), bytes)?;
            done.files += 1;
        }
    }
    Ok(())
}
