//! Addresses stay stable: an alias may not be a live address or another page's alias,
//! and every address listed in `published-paths.txt` must still be a page or an alias.

use super::routes;
use crate::content::load::Sources;
use crate::content::report::Report;
use app::model::Site;
use std::collections::BTreeMap;

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    let routes = routes::table(site, sources);
    let mut aliases: BTreeMap<&str, &str> = BTreeMap::new();
    for page in site.pages.iter().filter(|page| !page.aliases.is_empty()) {
        let file = sources
            .page(&page.path)
            .map_or_else(String::new, |source| source.file.clone());
        for alias in &page.aliases {
            if routes.contains_key(alias) {
                report.at(&file, None).field("aliases").fix(
                    format!("{alias} is the address of a page that exists, so it cannot also redirect here."),
                    "Remove it from aliases, or rename the other page first.",
                );
            } else if let Some(other) = aliases.insert(alias, &page.path) {
                report.at(&file, None).field("aliases").fix(
                    format!("{alias} is already an old address of {other}."),
                    "An old address can redirect to one page only: remove it from one of them.",
                );
            }
        }
    }
    let published_file = sources.folder.display("published-paths.txt");
    let Ok(published) = std::fs::read_to_string(sources.folder.dir().join("published-paths.txt"))
    else {
        return;
    };
    let mut listed = Vec::new();
    for (index, line) in published.lines().enumerate() {
        let path = line.trim();
        if path.is_empty() || path.starts_with('#') {
            continue;
        }
        listed.push(path);
        if !routes.contains_key(path) && !aliases.contains_key(path) {
            report.at(&published_file, Some(index + 1)).fix(
                format!("{path} was published, but no page has that address any more. Links to it from schools, posters and other sites would break."),
                format!("Add aliases = [\"{path}\"] to the front matter of the page that replaces it. Only delete this line if the page is gone for good and nothing links to it."),
            );
        }
    }
    for path in routes
        .keys()
        .filter(|path| !listed.contains(&path.as_str()))
    {
        report.warn_at(&published_file, None).fix(
            format!("{path} is not listed yet."),
            "Add it on a line of its own once the page is public, so the check can tell you if it ever disappears.",
        );
    }
}
