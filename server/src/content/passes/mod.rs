//! The checks that need the whole site: each is one function over the loaded [`Site`]
//! and its [`Sources`], in a file of its own, run in the order of [`PASSES`]. A new
//! check is a new file and one line in that list.

mod examples;
mod home_page;
mod links;
mod permalinks;
mod reading_age;
pub(super) mod reviews;
mod routes;
mod sections;
mod source_dates;
mod translations;
mod unsourced;

use super::load::Sources;
use super::report::Report;
use app::model::Site;

/// A check over the whole site: it only adds to the report.
pub type Pass = fn(&Site, &Sources, &mut Report);

/// Every pass, in the order their messages appear.
pub const PASSES: &[(&str, Pass)] = &[
    ("overdue reviews", reviews::check),
    ("reading age", reading_age::check),
    ("sources checked", source_dates::check),
    ("facts without sources", unsourced::check),
    ("translation sources", translations::check),
    ("locator examples", examples::check),
    ("section addresses", sections::check),
    ("permalinks", permalinks::check),
    ("home page", home_page::check),
    ("links and anchors", links::check),
];

pub fn run(site: &Site, sources: &Sources, report: &mut Report) {
    for (_, pass) in PASSES {
        pass(site, sources, report);
    }
}
