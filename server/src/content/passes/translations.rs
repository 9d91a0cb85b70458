//! Each translation names a page in the site's own language, and is flagged when that
//! page has been reviewed since the translation was.

use crate::content::load::Sources;
use crate::content::report::Report;
use app::model::Site;

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    for page in &site.pages {
        let Some(translation) = &page.translation else {
            continue;
        };
        let Some(source) = sources.page(&page.path) else {
            continue;
        };
        let (file, line) = (&source.file, source.key_line("source"));
        let english = &translation.source;
        let Some(original) = site
            .page(english)
            .filter(|original| original.translation.is_none())
        else {
            report.at(file, line).field("source").fix(
                format!("\"{english}\" is not a page in the site's own language."),
                "Write the address of the page this translates, such as source = \"/get-help/get-help-now\".",
            );
            continue;
        };
        if original.last_reviewed > page.last_reviewed {
            report.warn_at(file, line).field("source").fix(
                format!(
                    "the page it translates ({english}) was reviewed on {}, after this translation ({}).",
                    original.last_reviewed, page.last_reviewed
                ),
                "Check whether the translation needs the same changes, then set its last_reviewed to today.",
            );
        }
    }
}
