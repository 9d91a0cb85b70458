//! What will change at the next publish: the content folder against the copy of it
//! that `export` keeps in `.published/` inside the content folder each time it
//! publishes (the check ignores hidden folders). Files added, removed and changed,
//! each change as its lines, removed and added.

use super::html::{esc, query_value};
use super::{blocking, Desk};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use similar::{ChangeTag, TextDiff};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::sync::Arc;

/// The folder inside the content folder that holds what was last published.
pub const PUBLISHED: &str = ".published";

/// Keeps a copy of the content as published, for the desk to compare against: the
/// content folder's files (not its hidden ones) into `.published/`, replacing what
/// was there.
pub fn record_publish(content: &Path) -> std::io::Result<()> {
    let target = content.join(PUBLISHED);
    let fresh = content.join(format!("{PUBLISHED}.new"));
    let _ = std::fs::remove_dir_all(&fresh);
    for (relative, text) in files(content)? {
        let path = fresh.join(&relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    std::fs::create_dir_all(&fresh)?;
    let _ = std::fs::remove_dir_all(&target);
    std::fs::rename(fresh, target)
}

/// Every file under `root` that is not hidden, as (relative path, bytes).
fn files(root: &Path) -> std::io::Result<BTreeMap<String, Vec<u8>>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                if let Ok(relative) = entry.path().strip_prefix(root) {
                    let relative = relative.to_string_lossy().replace('\\', "/");
                    found.insert(relative, std::fs::read(entry.path())?);
                }
            }
        }
    }
    Ok(found)
}

/// The changes, as HTML.
fn report(content: &Path) -> std::io::Result<String> {
    let published_dir = content.join(PUBLISHED);
    if !published_dir.is_dir() {
        return Ok("<p id=\"desk-changes\">Nothing has been published from this folder yet, so everything in it is new. \
                   Publishing (<code>safe-site export</code>) keeps a copy, and this page then shows what changed since.</p>"
            .to_owned());
    }
    let (now, before) = (files(content)?, files(&published_dir)?);
    let mut out = String::from("<div id=\"desk-changes\">");
    let mut any = false;
    for (relative, text) in &now {
        match before.get(relative) {
            None => {
                any = true;
                let _ = write!(
                    out,
                    "<h2>New: <a href=\"/_desk/edit?file={}\">{}</a></h2>",
                    query_value(relative),
                    esc(relative)
                );
            }
            Some(old) if old != text => {
                any = true;
                let _ = write!(
                    out,
                    "<h2>Changed: <a href=\"/_desk/edit?file={}\">{}</a></h2>",
                    query_value(relative),
                    esc(relative)
                );
                out.push_str(&line_changes(
                    &String::from_utf8_lossy(old),
                    &String::from_utf8_lossy(text),
                ));
            }
            Some(_) => {}
        }
    }
    for relative in before
        .keys()
        .filter(|relative| !now.contains_key(*relative))
    {
        any = true;
        let _ = write!(out, "<h2>Removed: {}</h2>", esc(relative));
    }
    if !any {
        out.push_str("<p>Nothing has changed since the last publish.</p>");
    }
    out.push_str("</div>");
    Ok(out)
}

/// The lines removed and added, with two lines around each change.
fn line_changes(old: &str, new: &str) -> String {
    let diff = TextDiff::from_lines(old, new);
    let mut out = String::new();
    for group in diff.grouped_ops(2) {
        out.push_str("<pre class=\"desk-diff\">");
        for op in group {
            for change in diff.iter_changes(&op) {
                let line = esc(change.value().trim_end_matches(['\r', '\n']));
                let _ = match change.tag() {
                    ChangeTag::Delete => writeln!(out, "<del>- {line}</del>"),
                    ChangeTag::Insert => writeln!(out, "<ins>+ {line}</ins>"),
                    ChangeTag::Equal => writeln!(out, "  {line}"),
                };
            }
        }
        out.push_str("</pre>");
    }
    out
}

pub async fn changes(Extension(desk): Extension<Arc<Desk>>) -> Response {
    let content = desk.content.clone();
    match blocking(move || report(&content)).await {
        Some(Ok(body)) => desk.respond(
            StatusCode::OK,
            "What will change",
            &format!("<h1>What will change at the next publish</h1>{body}"),
        ),
        _ => desk.trouble("The content folder could not be compared with what was last published."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_since_the_last_publish_are_listed_line_by_line() {
        let root = std::env::temp_dir().join(format!("desk-changes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("pages")).expect("folder");
        std::fs::write(root.join("pages/a.md"), "one\ntwo\nthree\n").expect("file");
        std::fs::write(root.join("gone.toml"), "x = 1\n").expect("file");
        assert!(report(&root)
            .expect("report")
            .contains("Nothing has been published"));
        record_publish(&root).expect("recorded");
        assert!(report(&root)
            .expect("report")
            .contains("Nothing has changed"));
        std::fs::write(root.join("pages/a.md"), "one\n2\nthree\n").expect("file");
        std::fs::write(root.join("pages/b.md"), "new\n").expect("file");
        std::fs::remove_file(root.join("gone.toml")).expect("removed");
        let said = report(&root).expect("report");
        assert!(
            said.contains("Changed: <a href=\"/_desk/edit?file=pages/a.md\">pages/a.md</a>"),
            "{said}"
        );
        assert!(said.contains("<del>- two</del>\n<ins>+ 2</ins>"), "{said}");
        assert!(
            said.contains("New: <a href=\"/_desk/edit?file=pages/b.md\">"),
            "{said}"
        );
        assert!(said.contains("Removed: gone.toml"), "{said}");
        let _ = std::fs::remove_dir_all(root);
    }
}
