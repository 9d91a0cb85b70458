//! A warning for each page whose words read much older than the site's readers.

use crate::content::load::Sources;
use crate::content::readability;
use crate::content::report::Report;
use app::model::Site;

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    for page in site.pages.iter().filter(|page| page.translation.is_none()) {
        let Some(source) = sources.page(&page.path) else {
            continue;
        };
        let Some(score) = readability::score(&source.words) else {
            continue;
        };
        if score.reading_age <= readability::WARN_ABOVE_READING_AGE {
            continue;
        }
        let mut longest = score.longest_sentence.clone();
        if longest.chars().count() > 120 {
            longest = longest.chars().take(117).collect::<String>() + "...";
        }
        let age = if score.reading_age >= 21.0 {
            "a reading age of 21 or older".to_owned()
        } else {
            format!("about reading age {:.0}", score.reading_age)
        };
        report.warn_at(&source.file, None).fix(
            format!("reads at {age}; pages should read at about 11."),
            format!(
                "Use shorter sentences and everyday words. The longest sentence is: \"{longest}\""
            ),
        );
    }
}
