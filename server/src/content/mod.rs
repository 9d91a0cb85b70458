//! Loads `content/` into a validated [`Site`], or a [`Report`] of every problem.
//!
//! The check is a pipeline that reads one way:
//! 1. [`source`] reads files once and finds lines from the TOML parser's spans;
//! 2. [`load`] has one loader per kind of file (settings and the register, pages,
//!    translations, the locator's files and tables, bank holidays), each producing
//!    typed parts of the [`Site`] and noting where they came from in [`load::Sources`];
//! 3. [`passes`] runs the checks that need the whole site, one function each, in a list.
//!
//! Every problem goes into one [`Report`], so editors see all of them at once.

mod clock;
mod front_matter;
pub mod fuzzing;
mod load;
mod markdown;
mod passes;
mod paths;
mod qr;
mod readability;
mod report;
mod safezone_todo;
mod source;
mod suggest;
mod translations_report;

pub use clock::today;
pub use load::locator::needing_location;
pub use passes::reviews::REVIEW_DAYS;
pub use report::{ContentError, Report};
pub use safezone_todo::sheet as safezones_todo;
pub use translations_report::report as translations_report;

use app::model::Site;
use std::path::Path;

/// Reads, checks and renders everything in the content folder `dir`, as of today.
pub fn load(dir: &Path) -> Result<Site, Report> {
    match check(dir, today()) {
        (Some(site), report) if report.is_empty() => Ok(site),
        (_, report) => Err(report),
    }
}

/// Checks the content folder as of `today`: the report of errors and warnings, and
/// the site as far as it could be built. A site that comes with errors must never be
/// served (`load` refuses it); it exists so tests can prove that even then nothing
/// refused, such as a confidential address, got into it.
pub fn check(dir: &Path, today: i32) -> (Option<Site>, Report) {
    let (site, report, _) = check_listing(dir, today);
    (site, report)
}

/// A page file as the editing desk lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct PageFile {
    /// As messages name it: "content/pages/get-help/helplines.md".
    pub file: String,
    /// Where it is served.
    pub path: String,
    /// Its reading age, when it has enough words to judge.
    pub reading_age: Option<f64>,
}

/// [`check`], with every page file that could be read, for the editing desk.
pub fn check_listing(dir: &Path, today: i32) -> (Option<Site>, Report, Vec<PageFile>) {
    let mut report = Report::default();
    let (site, sources) = load::site(source::Folder::new(dir), today, &mut report);
    if let Some(site) = &site {
        passes::run(site, &sources, &mut report);
    }
    let pages = sources
        .pages
        .iter()
        .map(|page| PageFile {
            file: page.file.clone(),
            path: page.path.clone(),
            reading_age: readability::score(&page.words).map(|score| score.reading_age),
        })
        .collect();
    (site, report, pages)
}
