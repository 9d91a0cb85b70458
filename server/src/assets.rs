//! Static files (the built CSS, the island bundle, public/) read once into memory.

use crate::encoded::{content_type_for, Encoded};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Files by URL path, for example "/pkg/site.css".
pub type Assets = HashMap<String, Encoded>;

/// Reads every file under `root` (the site root cargo-leptos builds). A missing root
/// gives no assets: pages still work, unstyled, and the exit link still works.
pub fn load_assets(root: &Path) -> std::io::Result<Assets> {
    let mut assets = Assets::new();
    if !root.exists() {
        return Ok(assets);
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
            // cargo-leptos --precompress writes .br/.gz copies (we make our own), and
            // wasm-bindgen writes TypeScript declarations nobody needs.
            if url.ends_with(".br") || url.ends_with(".gz") || url.ends_with(".d.ts") {
                continue;
            }
            let body = std::fs::read(&path)?;
            assets.insert(url.clone(), Encoded::new(content_type_for(&url), body));
        }
    }
    Ok(assets)
}
