//! The editor-facing report: every problem in the content, each with the file, the
//! line, the field, what is wrong and how to fix it. Modelled on Zola's errors, but
//! all problems are collected and shown at once.

use std::fmt;

/// One problem an editor can fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// The file, as the editor sees it, for example "content/pages/help.md".
    pub file: String,
    /// 1-based line in that file, where one can be given.
    pub line: Option<usize>,
    /// The front-matter field or setting, where the problem is in one.
    pub field: Option<String>,
    /// What is wrong, in plain words.
    pub problem: String,
    /// How to fix it.
    pub fix: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}\n    How to fix: {}", self.problem, self.fix)
    }
}

/// Collects problems while content is loaded, so that all of them are reported at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    errors: Vec<ContentError>,
    /// Worth fixing soon, but the site still builds.
    warnings: Vec<ContentError>,
}

impl Report {
    pub fn push(&mut self, error: ContentError) {
        self.errors.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn errors(&self) -> &[ContentError] {
        &self.errors
    }

    pub fn warnings(&self) -> &[ContentError] {
        &self.warnings
    }

    /// Starts a warning in `file`: shown by the check, but it does not stop the site.
    pub fn warn_at<'r>(&'r mut self, file: &str, line: Option<usize>) -> Problem<'r> {
        Problem {
            report: self,
            file: file.to_owned(),
            line,
            field: None,
            warning: true,
        }
    }

    /// Starts a problem in `file`; finish it with [`Problem::fix`].
    pub fn at<'r>(&'r mut self, file: &str, line: Option<usize>) -> Problem<'r> {
        Problem {
            report: self,
            file: file.to_owned(),
            line,
            field: None,
            warning: false,
        }
    }
}

/// A problem being described, so call sites read as one sentence:
/// `report.at(file, line).field("title").fix("is empty.", "Write a title.")`.
pub struct Problem<'r> {
    report: &'r mut Report,
    file: String,
    line: Option<usize>,
    field: Option<String>,
    warning: bool,
}

impl Problem<'_> {
    pub fn field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

    pub fn fix(self, problem: impl Into<String>, fix: impl Into<String>) {
        let error = ContentError {
            file: self.file,
            line: self.line,
            field: self.field,
            problem: problem.into(),
            fix: fix.into(),
        };
        if self.warning {
            self.report.warnings.push(error);
        } else {
            self.report.push(error);
        }
    }
}

impl Report {
    /// The warnings in words, or `None` when there are none.
    pub fn warnings_text(&self) -> Option<String> {
        if self.warnings.is_empty() {
            return None;
        }
        let count = self.warnings.len();
        let noun = if count == 1 { "warning" } else { "warnings" };
        let mut text = format!("{count} {noun} (the site still works, but fix these soon):\n");
        for warning in &self.warnings {
            text.push_str(&format!("\n{warning}\n"));
        }
        Some(text)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        writeln!(f, "The content check found {count} {noun}:")?;
        for error in &self.errors {
            write!(f, "\n{error}\n")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_file_line_field_and_fix() {
        let mut report = Report::default();
        report
            .at("content/pages/help.md", Some(4))
            .field("title")
            .fix("is empty.", "Write a short title.");
        assert_eq!(
            report.to_string(),
            "The content check found 1 problem:\n\ncontent/pages/help.md:4: title: is empty.\n    How to fix: Write a short title.\n"
        );
    }

    #[test]
    fn problems_without_line_or_field_still_read_well() {
        let mut report = Report::default();
        report
            .at("content/site.toml", None)
            .fix("is missing.", "Create it.");
        report
            .at("content/pages", None)
            .fix("is empty.", "Add a page.");
        let text = report.to_string();
        assert!(text.starts_with("The content check found 2 problems:"));
        assert!(text.contains("\ncontent/site.toml: is missing.\n    How to fix: Create it.\n"));
    }
}
