//! The content files the desk may read and write, and writing them safely.
//!
//! A path from a form is only ever a path inside the content folder: relative, made of
//! plain names (no `..`, no root, no drive), naming a markdown, TOML, CSV or text file,
//! and
//! not reached through a symbolic link that leads out of the folder. A save replaces
//! the file whole (written beside it, then renamed over it), and only if the file is
//! still the one the editor opened: two tabs saving cannot silently undo each other.

use sha2::{Digest, Sha256};
use std::path::{Component, Path, PathBuf};

/// Why a file cannot be read or written through the desk.
#[derive(Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Not a path inside the content folder, or not a kind of file the desk edits.
    Refused,
    /// No such file.
    Missing,
    /// The file changed since the editor opened it.
    Changed,
    /// The file system said no.
    Io(String),
}

impl FileProblem {
    pub fn words(&self) -> String {
        match self {
            FileProblem::Refused => "The desk only opens markdown, TOML, CSV and text files inside the content folder.".to_owned(),
            FileProblem::Missing => "There is no such file in the content folder.".to_owned(),
            FileProblem::Changed => "This file was changed after you opened it, perhaps in another tab. Your version has not been saved, and it is still in the box below: copy it, open the file again, and put your changes back in.".to_owned(),
            FileProblem::Io(error) => format!("The file could not be saved ({error}). Your text is still in the box below."),
        }
    }
}

/// The kinds of file the desk edits.
const EDITABLE: [&str; 4] = ["md", "toml", "csv", "txt"];

/// A file inside the content folder, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentFile {
    /// As the form names it: "pages/get-help/helplines.md".
    pub relative: String,
    pub path: PathBuf,
}

/// Resolves `relative` inside `content` (which must exist), refusing anything that
/// could lead out of it.
pub fn resolve(content: &Path, relative: &str) -> Result<ContentFile, FileProblem> {
    let candidate = Path::new(relative);
    let plain = !relative.is_empty()
        && !relative.contains('\\')
        && relative
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && candidate
            .components()
            .all(|part| matches!(part, Component::Normal(_)));
    let editable = candidate
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| EDITABLE.contains(&extension));
    if !plain || !editable {
        return Err(FileProblem::Refused);
    }
    let root = content
        .canonicalize()
        .map_err(|error| FileProblem::Io(error.to_string()))?;
    let path = root.join(candidate);
    // The folder it is in must really be inside the content folder (symbolic links
    // followed), and so must the file itself if it exists.
    let parent = path.parent().ok_or(FileProblem::Refused)?;
    let real_parent = parent.canonicalize().map_err(|_| FileProblem::Missing)?;
    if !real_parent.starts_with(&root) {
        return Err(FileProblem::Refused);
    }
    if let Ok(real) = path.canonicalize() {
        if !real.starts_with(&root) {
            return Err(FileProblem::Refused);
        }
    }
    if path.is_symlink() {
        return Err(FileProblem::Refused);
    }
    Ok(ContentFile {
        relative: relative.to_owned(),
        path,
    })
}

/// A short fingerprint of a file's text, carried by the form to tell whether the file
/// changed since it was opened.
pub fn fingerprint(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(12)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The file's text, or why not.
pub fn read(file: &ContentFile) -> Result<String, FileProblem> {
    std::fs::read_to_string(&file.path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => FileProblem::Missing,
        _ => FileProblem::Io(error.to_string()),
    })
}

/// Writes `text` as the whole file, if the file is still the one with fingerprint
/// `base` (empty: the file must not exist yet). The text goes to a hidden file beside
/// it, is flushed to disk, then renamed over it, so the file is always whole. The desk
/// makes one save at a time (see `Desk::saving`), so the check and the rename cannot
/// interleave with another tab's.
pub fn save(file: &ContentFile, base: &str, text: &str) -> Result<(), FileProblem> {
    use std::io::Write;
    let current = match read(file) {
        Ok(current) => Some(current),
        Err(FileProblem::Missing) => None,
        Err(problem) => return Err(problem),
    };
    let unchanged = match &current {
        Some(current) => fingerprint(current) == base,
        None => base.is_empty(),
    };
    if !unchanged {
        return Err(FileProblem::Changed);
    }
    let name = file
        .path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temporary = file
        .path
        .with_file_name(format!(".{name}.desk-{}-{count}", std::process::id()));
    let io = |error: std::io::Error| FileProblem::Io(error.to_string());
    let mut out = std::fs::File::create(&temporary).map_err(io)?;
    out.write_all(text.as_bytes()).map_err(io)?;
    out.sync_all().map_err(io)?;
    drop(out);
    std::fs::rename(&temporary, &file.path).map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        io(error)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(case: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("desk-files-{}-{case}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("content/pages")).expect("folder");
        std::fs::write(root.join("content/pages/a.md"), "a").expect("file");
        std::fs::write(root.join("secret.md"), "outside").expect("file");
        root
    }

    #[test]
    fn paths_cannot_leave_the_content_folder() {
        let root = folder("escape");
        let content = root.join("content");
        assert!(resolve(&content, "pages/a.md").is_ok());
        for refused in [
            "../secret.md",
            "pages/../../secret.md",
            "/etc/passwd.md",
            "pages/./a.md",
            "pages\\..\\..\\secret.md",
            "",
            "pages/a.sh",
            "pages",
        ] {
            assert_eq!(
                resolve(&content, refused),
                Err(FileProblem::Refused),
                "{refused}"
            );
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("secret.md"), content.join("pages/link.md"))
                .expect("link");
            std::os::unix::fs::symlink(&root, content.join("up")).expect("link");
            assert_eq!(
                resolve(&content, "pages/link.md"),
                Err(FileProblem::Refused)
            );
            assert_eq!(resolve(&content, "up/secret.md"), Err(FileProblem::Refused));
        }
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_save_replaces_the_file_only_if_it_is_still_the_one_opened() {
        let root = folder("save");
        let file = resolve(&root.join("content"), "pages/a.md").expect("file");
        let opened = fingerprint("a");
        save(&file, &opened, "first tab").expect("saved");
        assert_eq!(read(&file).expect("read"), "first tab");
        assert_eq!(
            save(&file, &opened, "second tab"),
            Err(FileProblem::Changed)
        );
        assert_eq!(read(&file).expect("read"), "first tab", "nothing lost");
        let new = resolve(&root.join("content"), "pages/new.md").expect("new");
        assert_eq!(save(&new, "not-empty", "x"), Err(FileProblem::Changed));
        save(&new, "", "new page").expect("created");
        assert_eq!(
            save(&new, "", "again"),
            Err(FileProblem::Changed),
            "exists now"
        );
        let leftovers: Vec<_> = std::fs::read_dir(root.join("content/pages"))
            .expect("list")
            .flatten()
            .filter(|entry| entry.file_name().to_string_lossy().starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "no temporary files left");
        let _ = std::fs::remove_dir_all(root);
    }
}
