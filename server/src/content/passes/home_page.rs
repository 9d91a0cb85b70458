//! The site has a home page.

use super::routes;
use crate::content::load::Sources;
use crate::content::report::Report;
use app::model::Site;

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    if !routes::table(site, sources).contains_key("/") {
        report.at(&sources.folder.display("pages"), None).fix(
            "there is no home page.",
            "Create pages/index.md with front matter like any other page.",
        );
    }
}
