//! The locator's data as one file: packed once at load, named by a fingerprint of its
//! contents (so a CDN may keep it, like the bundle), the same for every visitor and
//! fetched whole by the island.

use crate::encoded::Encoded;
use app::model::{LocatorFile, Site};
use leptos::config::LeptosOptions;
use sha2::{Digest, Sha256};

/// The file's content type: the packed text, read only by the island.
pub const CONTENT_TYPE: &str = "text/plain; charset=utf-8";

/// Packs the site's locator data and names the file; the body has its gzip form made
/// now (its size is what the page tells people before they download it) and its
/// brotli form left to the background compression of every body.
pub fn make(site: &Site, options: &LeptosOptions) -> (LocatorFile, Encoded) {
    let packed = app::locator::pack(&site.locator);
    let digest = Sha256::digest(packed.as_bytes());
    let fingerprint: String = digest
        .iter()
        .take(5)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let path = format!("/{}/places.{fingerprint}.txt", options.site_pkg_dir);
    let body = Encoded::many(vec![((), CONTENT_TYPE, packed.into())])
        .pop()
        .map(|(_, body)| body)
        .unwrap_or_else(|| Encoded::uncompressed(CONTENT_TYPE, ""));
    let file = LocatorFile {
        path,
        compressed_bytes: body.gzip.as_ref().map_or(body.identity.len(), |b| b.len()),
        places: site.locator.places.len(),
    };
    (file, body)
}
