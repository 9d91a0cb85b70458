//! A check of the content as it would be after a change, without touching the content
//! folder: the folder is copied to a temporary one of the same name, the change is
//! written there, and the ordinary content check runs on the copy. So the desk's
//! messages are exactly the check's, with the same file names and lines.

use crate::content::{check_listing, PageFile, Report};
use app::model::Site;
use std::path::{Path, PathBuf};

/// What the check says of the content with `changes` ((relative path, new text)) made.
pub fn check_changed(
    content: &Path,
    changes: &[(&str, &str)],
    today: i32,
) -> std::io::Result<(Option<Site>, Report, Vec<PageFile>)> {
    let name = content
        .file_name()
        .map_or_else(|| "content".into(), |name| name.to_os_string());
    // A fresh folder of its own, never one left over or made by someone else.
    let scratch = std::env::temp_dir().join(format!("desk-trial-{}", super::guard::new_token()));
    std::fs::create_dir(&scratch)?;
    let copy = scratch.join(name);
    let result = copy_folder(content, &copy).and_then(|()| {
        for (relative, text) in changes {
            let path = copy.join(relative);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        Ok(check_listing(&copy, today))
    });
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// Copies a folder's files and folders (not symbolic links, which the check does not
/// follow out of the folder either).
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut stack: Vec<(PathBuf, PathBuf)> = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((source, target)) = stack.pop() {
        for entry in std::fs::read_dir(&source)? {
            let entry = entry?;
            // Hidden folders (such as the copy of what was published) are not content.
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type()?;
            let destination = target.join(entry.file_name());
            if kind.is_dir() {
                std::fs::create_dir_all(&destination)?;
                stack.push((entry.path(), destination));
            } else if kind.is_file() {
                std::fs::copy(entry.path(), destination)?;
            }
        }
    }
    Ok(())
}
