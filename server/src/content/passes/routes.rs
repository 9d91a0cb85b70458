//! The addresses links may point at, each with the anchors on it: every route of the
//! site ([`Site::routes`]), plus pages that failed to load, so that one broken page
//! does not also break every link to it.

use crate::content::load::Sources;
use app::model::{KeyStage, Page, Site, SiteRoute, Topic};
use std::collections::BTreeMap;

/// Address → anchors on it.
pub type RouteTable = BTreeMap<String, Vec<String>>;

pub fn table(site: &Site, sources: &Sources) -> RouteTable {
    let mut table: RouteTable = sources
        .pages
        .iter()
        .map(|page| (page.path.clone(), page.anchors.clone()))
        .collect();
    for route in site.routes() {
        let anchors = table.entry(route.path()).or_default();
        if let SiteRoute::Section(section) = route {
            anchors.extend(section_anchors(&section.id, &site.pages));
        }
    }
    table
}

/// The anchors on a section's index page: its resource index has a heading for each
/// key stage and RSHE theme its lessons cover (see app::pages::section).
fn section_anchors(section: &str, pages: &[Page]) -> Vec<String> {
    let lessons: Vec<&Page> = pages
        .iter()
        .filter(|p| p.section == section && !p.key_stages.is_empty())
        .collect();
    if lessons.is_empty() {
        return Vec::new();
    }
    let mut anchors = vec!["by-key-stage".to_owned(), "by-topic".to_owned()];
    for stage in KeyStage::ALL {
        if lessons.iter().any(|p| p.key_stages.contains(&stage)) {
            anchors.push(stage.key().to_owned());
        }
    }
    for topic in Topic::ALL {
        if lessons.iter().any(|p| p.topics.contains(&topic)) {
            anchors.push(topic.key().to_owned());
        }
    }
    anchors
}
