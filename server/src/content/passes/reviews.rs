//! A warning for each page whose last review is more than 12 months old.

use crate::content::load::Sources;
use crate::content::report::Report;
use app::model::Site;

/// How long a page may go without a review before the check warns.
pub const REVIEW_DAYS: i32 = 365;

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    for page in site.pages.iter().filter(|page| page.translation.is_none()) {
        let reviewed = page.last_reviewed;
        if sources.today - reviewed.day_number() <= REVIEW_DAYS {
            continue;
        }
        let Some(source) = sources.page(&page.path) else {
            continue;
        };
        report
            .warn_at(&source.file, source.key_line("last_reviewed"))
            .field("last_reviewed")
            .fix(
                format!("the page was last reviewed on {reviewed}, more than 12 months ago."),
                "Check with the page's owner that everything on it is still true, then set last_reviewed to today's date.",
            );
    }
}
