//! The site being served, swapped whole when the content is reloaded, and the
//! editors' preview mode: a page that reloads itself after a save and shows the
//! current content errors in a box.

use super::AppState;
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// Reloads itself when the preview's version changes. Preview mode only; allowed by
/// its hash in the preview's policy.
/// The page carries the version it was served at in `<meta name="preview-version">`.
pub const PREVIEW_SCRIPT: &str =
    "(function(){var m=document.querySelector('meta[name=preview-version]');\
var seen=m?m.content:null;setInterval(function(){\
fetch('/__preview/version',{cache:'no-store'}).then(function(r){return r.text();})\
.then(function(v){if(seen===null){seen=v;}else if(v!==seen){location.reload();}})\
.catch(function(){});},500);})();";

/// Where the preview polls for changes.
pub const PREVIEW_VERSION_PATH: &str = "/__preview/version";

/// What is served now, and whether this is a preview.
pub struct Live {
    current: RwLock<Arc<AppState>>,
    preview: Option<Preview>,
}

/// The preview's state: the latest content errors and a counter of reloads.
pub struct Preview {
    errors: RwLock<Option<String>>,
    version: AtomicU64,
    content_security_policy: String,
}

impl Live {
    /// Serves `state` as it is (production).
    pub fn new(state: Arc<AppState>) -> Live {
        Live {
            current: RwLock::new(state),
            preview: None,
        }
    }

    /// Serves `state` in preview mode, for editors on their own machine.
    pub fn preview(state: Arc<AppState>) -> Live {
        let hash = base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            Sha256::digest(PREVIEW_SCRIPT),
        );
        let content_security_policy = state.site.content_security_policy.replacen(
            "script-src ",
            &format!("script-src 'sha256-{hash}' "),
            1,
        );
        Live {
            current: RwLock::new(state),
            preview: Some(Preview {
                errors: RwLock::new(None),
                version: AtomicU64::new(0),
                content_security_policy,
            }),
        }
    }

    pub fn current(&self) -> Arc<AppState> {
        match self.current.read() {
            Ok(state) => state.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn is_preview(&self) -> bool {
        self.preview.is_some()
    }

    /// Serves `state` from now on; requests already answering keep the old one.
    pub fn replace(&self, state: Arc<AppState>) {
        let mut current = match self.current.write() {
            Ok(current) => current,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(preview) = &self.preview {
            preview.version.fetch_add(1, Ordering::Relaxed);
        }
        *current = state;
    }

    /// Records the content errors (or their absence) for the preview's box.
    pub fn set_errors(&self, errors: Option<String>) {
        if let Some(preview) = &self.preview {
            let mut slot = match preview.errors.write() {
                Ok(slot) => slot,
                Err(poisoned) => poisoned.into_inner(),
            };
            if *slot != errors {
                *slot = errors;
                preview.version.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    pub fn preview_version(&self) -> Option<u64> {
        self.preview
            .as_ref()
            .map(|preview| preview.version.load(Ordering::Relaxed))
    }

    /// The policy for preview pages, which allows the reload script too.
    pub fn preview_policy(&self) -> Option<&str> {
        self.preview
            .as_ref()
            .map(|preview| preview.content_security_policy.as_str())
    }

    /// A page as the preview shows it: the reload script, and the error box when the
    /// content has errors.
    pub fn preview_page(&self, html: &[u8]) -> Option<String> {
        let preview = self.preview.as_ref()?;
        let mut page = String::from_utf8_lossy(html).into_owned();
        let errors = match preview.errors.read() {
            Ok(errors) => errors.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        if let Some(report) = errors {
            let error_box = format!(
                "<div class=\"preview-errors\" id=\"preview-errors\" role=\"alert\">\
                 <h2>Preview: the content has problems</h2>\
                 <p>The site below is the last version without problems. Fix these and save; this page reloads by itself.</p>\
                 <pre>{}</pre></div>",
                crate::markup::escape(&report)
            );
            // Straight after the opening <main …> tag, whatever order its attributes are in.
            let after_main = page
                .find("<main")
                .and_then(|start| page[start..].find('>').map(|end| start + end + 1));
            if let Some(at) = after_main {
                page.insert_str(at, &error_box);
            }
        }
        if let Some(at) = page.rfind("</body>") {
            let version = preview.version.load(Ordering::Relaxed);
            page.insert_str(
                at,
                &format!(
                    "<meta name=\"preview-version\" content=\"{version}\"><script>{PREVIEW_SCRIPT}</script>"
                ),
            );
        }
        Some(page)
    }
}
