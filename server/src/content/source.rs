//! Reading the content folder: files once, as text, named as editors see them, and
//! the one way of finding the line a problem is on (from the TOML parser's spans).

use super::report::Report;
use std::fs;
use std::path::{Path, PathBuf};

/// The content folder, and how its files are named in messages ("content/site.toml").
pub struct Folder {
    dir: PathBuf,
    label: String,
}

impl Folder {
    pub fn new(dir: &Path) -> Folder {
        let label = dir.file_name().map_or_else(
            || "content".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        );
        Folder {
            dir: dir.to_path_buf(),
            label,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The name of `rel` (relative to the folder) in messages.
    pub fn display(&self, rel: &str) -> String {
        format!("{}/{rel}", self.label)
    }

    /// The text of `rel`, or a problem saying why it cannot be read.
    pub fn read(&self, rel: &str, report: &mut Report) -> Option<String> {
        read(&self.dir.join(rel), &self.display(rel), report)
    }

    /// Markdown files under the folder `rel`, as paths relative to it, in a stable
    /// order. Anything else there is reported.
    pub fn page_files(&self, rel: &str, report: &mut Report) -> Vec<String> {
        page_files(&self.dir.join(rel), &self.display(rel), report)
    }
}

fn read(path: &Path, file: &str, report: &mut Report) -> Option<String> {
    match fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) => {
            let problem = match error.kind() {
                std::io::ErrorKind::NotFound => "is missing.".to_owned(),
                std::io::ErrorKind::InvalidData => "is not plain text (UTF-8).".to_owned(),
                _ => format!("cannot be read ({error})."),
            };
            report.at(file, None).fix(
                problem,
                "Check the file exists in the content folder and is saved as plain text (UTF-8).",
            );
            None
        }
    }
}

fn page_files(root: &Path, display: &str, report: &mut Report) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            report.at(display, None).fix(
                "cannot be read.",
                "Create the folder pages/ in the content folder, with index.md inside.",
            );
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(root) {
                let rel = rel.to_string_lossy().replace('\\', "/");
                if rel.ends_with(".md") {
                    found.push(rel);
                } else {
                    report.at(&format!("{display}/{rel}"), None).fix(
                        "is not a markdown page.",
                        "Only .md files belong in pages/. Put images and other files in public/.",
                    );
                }
            }
        }
    }
    found.sort();
    found
}

/// A TOML text of the content (a file, or a page's front matter), with its name as
/// editors see it and the line it starts on.
#[derive(Clone, Copy)]
pub struct TomlFile<'a> {
    pub file: &'a str,
    pub text: &'a str,
    /// The line of the file that the text's first line is (1 for a whole file).
    pub first_line: usize,
}

impl<'a> TomlFile<'a> {
    /// A whole TOML file.
    pub fn new(file: &'a str, text: &'a str) -> TomlFile<'a> {
        TomlFile {
            file,
            text,
            first_line: 1,
        }
    }

    /// Deserializes the text, or reports why it cannot be read, at its line.
    pub fn parse<T: serde::de::DeserializeOwned>(
        &self,
        fix: &str,
        report: &mut Report,
    ) -> Option<T> {
        match toml::from_str(self.text) {
            Ok(value) => Some(value),
            Err(error) => {
                let line = error.span().map(|span| self.line_at(span.start));
                report
                    .at(self.file, line)
                    .fix(format!("{}.", error.message().trim_end_matches('.')), fix);
                None
            }
        }
    }

    /// The line of the file holding byte `offset` of the text.
    pub fn line_at(&self, offset: usize) -> usize {
        self.first_line + line_index(self.text, offset)
    }

    /// The line where the top-level `key` is set, from the parser's spans; `None`
    /// when it is not set or the text is not TOML.
    pub fn key_line(&self, key: &str) -> Option<usize> {
        let table = toml::de::DeTable::parse(self.text).ok()?;
        let span = table
            .get_ref()
            .keys()
            .find(|name| name.get_ref().as_ref() == key)?
            .span();
        Some(self.line_at(span.start))
    }

    /// The line where the key at `path` (such as `["choices", "talk", "text"]`) is set,
    /// through nested tables; `None` when it is not set or the text is not TOML.
    pub fn path_line(&self, path: &[&str]) -> Option<usize> {
        let root = toml::de::DeTable::parse(self.text).ok()?;
        let mut table = root.get_ref();
        let (last, parents) = path.split_last()?;
        for name in parents {
            let (_, value) = table
                .iter()
                .find(|(key, _)| key.get_ref().as_ref() == *name)?;
            match value.get_ref() {
                toml::de::DeValue::Table(inner) => table = inner,
                _ => return None,
            }
        }
        let span = table
            .keys()
            .find(|key| key.get_ref().as_ref() == *last)?
            .span();
        Some(self.line_at(span.start))
    }

    /// The first line that mentions `needle`, for pointing at a value in a list.
    pub fn line_of(&self, needle: &str) -> Option<usize> {
        self.text
            .lines()
            .position(|line| line.contains(needle))
            .map(|index| self.first_line + index)
    }
}

/// 0-based index of the line that holds byte `offset` of `text`.
pub fn line_index(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .unwrap_or(text)
        .bytes()
        .filter(|b| *b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title = \"A\"\n\n# a comment naming summary\nsummary = \"B\"\n[[sources]]\nsummary = \"C\"\n";

    #[test]
    fn a_nested_key_is_found_in_its_own_table() {
        let text = "text = \"top\"\n[choices.talk]\ntext = \"a\"\n[choices.danger]\nchoice = \"b\"\ntext = \"c\"\n";
        let file = TomlFile::new("home.toml", text);
        assert_eq!(file.path_line(&["choices", "danger", "text"]), Some(6));
        assert_eq!(file.path_line(&["choices", "talk", "text"]), Some(3));
        assert_eq!(file.path_line(&["choices", "danger"]), Some(4));
        assert_eq!(file.path_line(&["text"]), Some(1));
        assert_eq!(file.path_line(&["choices", "danger", "more"]), None);
        assert_eq!(file.path_line(&["text", "more"]), None);
    }

    #[test]
    fn key_lines_come_from_spans_not_from_words_in_comments() {
        let toml = TomlFile {
            file: "x.md",
            text: TEXT,
            first_line: 2,
        };
        assert_eq!(toml.key_line("title"), Some(2));
        assert_eq!(toml.key_line("summary"), Some(5));
        assert_eq!(toml.key_line("owner"), None);
    }

    #[test]
    fn a_parse_error_names_its_line() {
        let mut report = Report::default();
        let toml = TomlFile::new("x.toml", "a = 1\nb = = 2\n");
        assert_eq!(toml.parse::<toml::Table>("Fix it.", &mut report), None);
        assert_eq!(report.errors()[0].line, Some(2));
    }

    #[test]
    fn line_of_finds_a_value() {
        let toml = TomlFile::new("site.toml", "a = [\"x\",\n  \"y\"]\n");
        assert_eq!(toml.line_of("\"y\""), Some(2));
    }
}
