//! A warning for each source on a page that nobody has checked for more than 12 months.

use crate::content::load::Sources;
use crate::content::report::Report;
use app::model::Site;

/// How long a source may go unchecked before the check warns.
const CHECK_DAYS: i32 = 365;

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    for page in &site.pages {
        let Some(source) = sources.page(&page.path) else {
            continue;
        };
        for reference in &page.sources {
            if sources.today - reference.checked.day_number() <= CHECK_DAYS {
                continue;
            }
            report
                .warn_at(&source.file, source.key_line("sources"))
                .field("sources")
                .fix(
                    format!(
                        "\"{}\" ({}) was last checked on {}, more than 12 months ago.",
                        reference.title, reference.publisher, reference.checked
                    ),
                    "Open the publisher's page, check every fact on this page that rests on it, then set its checked to today's date.",
                );
        }
    }
}
