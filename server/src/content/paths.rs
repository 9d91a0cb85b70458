//! Where content files appear on the site.

/// The URL path of the page in `rel`, a path under `content/pages/` such as
/// "get-help/now.md". Returns the offending part when a name is not allowed.
pub fn page_path(rel: &str) -> Result<String, String> {
    let Some(stem) = rel.strip_suffix(".md") else {
        return Err(rel.to_owned());
    };
    let mut segments: Vec<&str> = stem.split('/').collect();
    if segments.last() == Some(&"index") {
        segments.pop();
    }
    for segment in &segments {
        if !is_slug(segment) {
            return Err((*segment).to_owned());
        }
    }
    Ok(format!("/{}", segments.join("/")))
}

/// Lower-case letters, digits and single hyphens: safe and readable in a URL.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Resolves a markdown link to another page's file, written relative to the file
/// `from` (both under `content/pages/`), to that file's path under `content/pages/`.
pub fn resolve_relative(from: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_paths() {
        assert_eq!(page_path("index.md"), Ok("/".into()));
        assert_eq!(page_path("get-help/now.md"), Ok("/get-help/now".into()));
        assert_eq!(page_path("get-help/index.md"), Ok("/get-help".into()));
        assert_eq!(page_path("Get Help.md"), Err("Get Help".into()));
        assert_eq!(page_path("notes.txt"), Err("notes.txt".into()));
    }

    #[test]
    fn relative_links_resolve_against_the_linking_file() {
        assert_eq!(
            resolve_relative("get-help/now.md", "../about/privacy.md"),
            Some("about/privacy.md".into())
        );
        assert_eq!(
            resolve_relative("get-help/now.md", "later.md"),
            Some("get-help/later.md".into())
        );
        assert_eq!(
            resolve_relative("index.md", "./a/b.md"),
            Some("a/b.md".into())
        );
        assert_eq!(resolve_relative("index.md", "../outside.md"), None);
    }
}
