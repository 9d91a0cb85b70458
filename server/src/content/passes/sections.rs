//! A section's address (its id) may not be a page's address too.

use crate::content::load::Sources;
use crate::content::report::Report;
use app::model::Site;

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    let settings = sources.settings();
    for section in &site.sections {
        let path = section.path();
        if sources.page(&path).is_none() {
            continue;
        }
        report
            .at(
                settings.file,
                settings.line_of(&format!("\"{}\"", section.id)),
            )
            .field("sections.id")
            .fix(
                format!(
                    "the section \"{}\" has the same address ({path}) as a page.",
                    section.id
                ),
                "Rename the section's id, or move the page into a folder.",
            );
    }
}
