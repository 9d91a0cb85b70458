//! Reloading the content while the server runs. The folder is polled for changes
//! (names, sizes and modification times); a change is checked and rendered away from
//! the request threads. Content with errors is never served in production: the last
//! good site stays and the report goes to the log. In preview the errors are shown
//! on the page instead.

use crate::assets::Assets;
use crate::http::{AppState, Live};
use leptos::config::LeptosOptions;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// A number that changes when any file under `dir` is added, removed or saved.
pub fn fingerprint(dir: &Path) -> u64 {
    let mut entries = Vec::new();
    collect(dir, dir, &mut entries);
    entries.sort();
    let mut hasher = DefaultHasher::new();
    entries.hash(&mut hasher);
    hasher.finish()
}

fn collect(root: &Path, dir: &Path, entries: &mut Vec<(PathBuf, u64, u128)>) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in listing.flatten() {
        let path = entry.path();
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if meta.is_dir() {
            collect(root, &path, entries);
        } else {
            let modified = meta
                .modified()
                .ok()
                .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |since| since.as_nanos());
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            entries.push((relative, meta.len(), modified));
        }
    }
}

/// What a reload needs besides the content.
#[derive(Clone)]
pub struct Reloader {
    pub dir: PathBuf,
    pub live: Arc<Live>,
    pub assets: Assets,
    pub options: LeptosOptions,
}

impl Reloader {
    /// Checks the content and serves it if it has no errors. Returns whether it did.
    pub fn reload(&self) -> bool {
        let (site, report) = crate::content::check(&self.dir, crate::content::today());
        match site {
            Some(site) if report.is_empty() => {
                let mut state = AppState::new(site, self.assets.clone(), self.options.clone());
                // The same story store and limit as before.
                let current = self.live.current();
                state.stories.store = current.stories.store.clone();
                state.stories.limit = current.stories.limit.clone();
                self.live.replace(Arc::new(state));
                self.live.set_errors(None);
                eprintln!("content reloaded");
                true
            }
            _ => {
                self.live.set_errors(Some(report.to_string()));
                eprintln!("content reload failed; still serving the last good content.\n{report}");
                false
            }
        }
    }

    /// Polls the folder every `every` and reloads after a change, until the task ends.
    pub async fn watch(self, every: Duration) {
        let mut last = fingerprint(&self.dir);
        loop {
            tokio::time::sleep(every).await;
            let dir = self.dir.clone();
            let Ok(now) = tokio::task::spawn_blocking(move || fingerprint(&dir)).await else {
                continue;
            };
            if now == last {
                continue;
            }
            last = now;
            let reloader = self.clone();
            let _ = tokio::task::spawn_blocking(move || reloader.reload()).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn the_fingerprint_changes_when_a_file_changes() {
        let dir = std::env::temp_dir().join(format!("reload-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pages")).expect("make folder");
        std::fs::write(dir.join("pages/a.md"), "one").expect("write");
        let first = fingerprint(&dir);
        assert_eq!(first, fingerprint(&dir), "stable when nothing changes");
        std::fs::write(dir.join("pages/a.md"), "one two").expect("write");
        let second = fingerprint(&dir);
        assert_ne!(first, second);
        std::fs::write(dir.join("pages/b.md"), "new").expect("write");
        assert_ne!(second, fingerprint(&dir));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
