//! The locator's examples in site.toml are a real district in the area and a real town.

use crate::content::load::Sources;
use crate::content::report::Report;
use app::model::Site;

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    let examples = &site.locator.examples;
    let settings = sources.settings();
    if sources.tables.district_in_area(&examples.district) != Some(true) {
        report
            .at(settings.file, settings.key_line("example_district"))
            .field("example_district")
            .fix(
                format!("\"{}\" is not a postcode district in the area.", examples.district),
                "Use a district marked as in the area in places/outcodes.csv, such as the one for the main town.",
            );
    }
    if !sources.tables.has_town(&examples.town) {
        report
            .at(settings.file, settings.key_line("example_town"))
            .field("example_town")
            .fix(
                format!("\"{}\" is not a town in places/towns.csv.", examples.town),
                "Use a town from places/towns.csv, written the same way.",
            );
    }
}
