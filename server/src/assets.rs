//! Static files (the built CSS, the island bundle, public/) read once into memory, and
//! the bundle's fingerprint.

use crate::encoded::{content_type_for, Encoded};
use leptos::config::LeptosOptions;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Files by URL path, for example "/pkg/site.css".
pub type Assets = HashMap<String, Encoded>;

/// The built bundle the program serves: the one on disk under the site root when
/// `LEPTOS_SITE_ROOT` is set (developers' builds, cargo-leptos) or when the program
/// carries none; otherwise the one built into it (`scripts/package.sh`).
pub fn site_assets(options: &LeptosOptions) -> std::io::Result<Assets> {
    let embedded = embedded_assets();
    if std::env::var_os("LEPTOS_SITE_ROOT").is_some() || embedded.is_empty() {
        load_assets(Path::new(&*options.site_root))
    } else {
        Ok(embedded)
    }
}

/// Whether a file of the built bundle is served: cargo-leptos --precompress writes
/// .br/.gz copies (we make our own), and wasm-bindgen writes TypeScript declarations
/// nobody needs.
fn is_served(url: &str) -> bool {
    !(url.ends_with(".br") || url.ends_with(".gz") || url.ends_with(".d.ts"))
}

/// The bundle built into the program with the `embed` feature, from the folder named
/// by `SITE_EMBED_DIR` when it was compiled; empty without the feature.
pub fn embedded_assets() -> Assets {
    #[cfg(feature = "embed")]
    {
        let files = embedded::files()
            .into_iter()
            .filter(|(url, _)| is_served(url))
            .map(|(url, body)| (url.clone(), content_type_for(&url), body))
            .collect();
        Encoded::many(files).into_iter().collect()
    }
    #[cfg(not(feature = "embed"))]
    Assets::new()
}

#[cfg(feature = "embed")]
mod embedded {
    use rust_embed::RustEmbed;

    /// The built site root (CSS, JS, WASM and `public/`), read at compile time.
    #[derive(RustEmbed)]
    #[folder = "$SITE_EMBED_DIR"]
    struct Bundle;

    /// Every file, by URL path.
    pub fn files() -> Vec<(String, axum::body::Bytes)> {
        Bundle::iter()
            .filter_map(|name| {
                let file = Bundle::get(&name)?;
                Some((
                    format!("/{name}"),
                    axum::body::Bytes::from(file.data.into_owned()),
                ))
            })
            .collect()
    }
}

/// Reads every file under `root` (the site root cargo-leptos builds). A missing root
/// gives no assets: pages still work, unstyled, and the exit link still works.
pub fn load_assets(root: &Path) -> std::io::Result<Assets> {
    let mut files: Vec<(String, &'static str, axum::body::Bytes)> = Vec::new();
    if !root.exists() {
        return Ok(Assets::new());
    }
    let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(rel) = path.strip_prefix(root) else {
                continue;
            };
            let url = format!("/{}", rel.to_string_lossy().replace('\\', "/"));
            if !is_served(&url) {
                continue;
            }
            let body = std::fs::read(&path)?;
            let content_type = content_type_for(&url);
            files.push((url, content_type, body.into()));
        }
    }
    Ok(Encoded::many(files).into_iter().collect())
}

/// The stylesheet's text, to put inside every page: the bundle's `.css` file, or
/// nothing when there is none (then pages link it).
pub fn stylesheet(assets: &Assets, options: &LeptosOptions) -> String {
    let folder = format!("/{}/", options.site_pkg_dir);
    let mut names: Vec<&String> = assets
        .keys()
        .filter(|name| name.starts_with(&folder) && name.ends_with(".css"))
        .collect();
    names.sort();
    names
        .first()
        .and_then(|name| assets.get(*name))
        .map(|css| String::from_utf8_lossy(&css.identity).into_owned())
        .unwrap_or_default()
}

/// The header that lets a CDN in front of the site keep a fingerprinted file for a
/// year. Browsers ignore it (RFC 9213): for them every response stays `no-store`, so
/// nothing of the site is left in a browser's cache.
pub const CDN_CACHE_CONTROL: (&str, &str) =
    ("cdn-cache-control", "public, max-age=31536000, immutable");

/// Gives the built bundle (`<name>.css`, `<name>.js`, `<name>.wasm` in the package
/// directory) names with a fingerprint of their contents, `<name>.<fingerprint>.css`
/// and so on, and returns the name pages should use for them. The three share one
/// fingerprint, because the island loader takes one name for the JS and the WASM.
/// Without a built bundle nothing changes.
pub fn fingerprint(assets: &Assets, pkg_dir: &str, name: &str) -> (Assets, String) {
    use sha2::{Digest, Sha256};
    let path = |extension: &str| format!("/{pkg_dir}/{name}.{extension}");
    let bundle: Vec<(String, &Encoded)> = ["css", "js", "wasm"]
        .into_iter()
        .filter_map(|extension| {
            let path = path(extension);
            assets.get(&path).map(|asset| (path, asset))
        })
        .collect();
    if bundle.is_empty() {
        return (assets.clone(), name.to_owned());
    }
    let mut hasher = Sha256::new();
    for (path, asset) in &bundle {
        hasher.update(path.as_bytes());
        hasher.update(&asset.identity);
    }
    let digest = hasher.finalize();
    let fingerprint: String = digest
        .iter()
        .take(5)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let fingerprinted = format!("{name}.{fingerprint}");
    let mut renamed = assets.clone();
    for (path, asset) in bundle {
        renamed.remove(&path);
        let extension = path.rsplit('.').next().unwrap_or_default();
        renamed.insert(
            format!("/{pkg_dir}/{fingerprinted}.{extension}"),
            asset.clone(),
        );
    }
    (renamed, fingerprinted)
}

/// The assets with the bundle fingerprinted, and the options that name it so.
pub fn fingerprinted(
    assets: &Assets,
    options: &leptos::config::LeptosOptions,
) -> (Assets, leptos::config::LeptosOptions) {
    let (assets, name) = fingerprint(assets, &options.site_pkg_dir, &options.output_name);
    let mut options = options.clone();
    options.output_name = name.into();
    (assets, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(css: &str) -> Assets {
        let mut assets = Assets::new();
        for (path, body) in [
            ("/pkg/site.css", css),
            ("/pkg/site.js", "js"),
            ("/pkg/site.wasm", "wasm"),
            ("/favicon.svg", "<svg/>"),
        ] {
            assets.insert(
                path.to_owned(),
                Encoded::new(content_type_for(path), body.to_owned()),
            );
        }
        assets
    }

    #[test]
    fn the_bundle_is_renamed_by_its_contents_and_nothing_else_is() {
        let (renamed, name) = fingerprint(&bundle("a{}"), "pkg", "site");
        assert!(
            name.starts_with("site.") && name.len() == "site.".len() + 10,
            "{name}"
        );
        let mut paths: Vec<&String> = renamed.keys().collect();
        paths.sort();
        assert_eq!(
            paths,
            [
                "/favicon.svg".to_owned(),
                format!("/pkg/{name}.css"),
                format!("/pkg/{name}.js"),
                format!("/pkg/{name}.wasm"),
            ]
            .iter()
            .collect::<Vec<_>>()
        );
        // The same files, the same names; a change anywhere, new names.
        assert_eq!(fingerprint(&bundle("a{}"), "pkg", "site").1, name);
        assert_ne!(fingerprint(&bundle("b{}"), "pkg", "site").1, name);
    }

    #[test]
    fn without_a_bundle_nothing_changes() {
        let mut assets = Assets::new();
        assets.insert(
            "/favicon.svg".to_owned(),
            Encoded::new("image/svg+xml", "<svg/>"),
        );
        let (same, name) = fingerprint(&assets, "pkg", "site");
        assert_eq!(name, "site");
        assert_eq!(same.len(), 1);
    }
}
