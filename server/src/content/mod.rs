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

pub use clock::today;
pub use load::locator::needing_location;
pub use report::{ContentError, Report};
pub use safezone_todo::sheet as safezones_todo;

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
    let mut report = Report::default();
    let (site, sources) = load::site(source::Folder::new(dir), today, &mut report);
    if let Some(site) = &site {
        passes::run(site, &sources, &mut report);
    }
    (site, report)
}
