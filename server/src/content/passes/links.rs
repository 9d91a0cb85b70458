//! Every link in a page or in site.toml goes to an address the site serves, and to a
//! heading that exists there.

use super::routes::{self, RouteTable};
use crate::content::load::Sources;
use crate::content::markdown::InternalLink;
use crate::content::report::{Problem, Report};
use crate::content::suggest;
use app::model::Site;

pub fn check(site: &Site, sources: &Sources, report: &mut Report) {
    let routes = routes::table(site, sources);
    for page in &sources.pages {
        for link in &page.links {
            check_link(&routes, &page.file, &page.path, link, None, report);
        }
    }
    let settings = &site.settings;
    let written = std::iter::once(("exit_help_path", settings.exit_help_path.clone()))
        .chain(
            settings
                .footer_links
                .iter()
                .map(|l| ("footer_links", l.path.clone())),
        )
        .chain(
            settings
                .urgent_help
                .iter()
                .filter_map(|h| h.more.as_ref())
                .map(|l| ("urgent_help.more", l.path.clone())),
        );
    let toml = sources.settings();
    for (field, written) in written {
        let (path, anchor) = match written.split_once('#') {
            Some((path, anchor)) => (path.to_owned(), Some(anchor.to_owned())),
            None => (written.clone(), None),
        };
        let link = InternalLink {
            line: toml.line_of(&format!("\"{written}\"")).unwrap_or(1),
            written,
            path: Some(path),
            anchor,
        };
        check_link(&routes, toml.file, "/", &link, Some(field), report);
    }
}

/// Reports a link whose page or anchor does not exist. `field` names the setting when
/// the link is in site.toml.
fn check_link(
    routes: &RouteTable,
    file: &str,
    from: &str,
    link: &InternalLink,
    field: Option<&str>,
    report: &mut Report,
) {
    fn at<'r>(report: &'r mut Report, file: &str, line: usize, field: Option<&str>) -> Problem<'r> {
        let problem = report.at(file, Some(line));
        match field {
            Some(field) => problem.field(field),
            None => problem,
        }
    }
    let target = link.path.as_deref().unwrap_or(from);
    let Some(anchors) = routes.get(target) else {
        at(report, file, link.line, field).fix(
            format!(
                "links to \"{}\", but there is no page at {target}.",
                link.written
            ),
            match suggest::closest(target, routes.keys().map(String::as_str)) {
                Some(near) => format!("Did you mean {near}? Check the spelling of the address."),
                None => "Check the address: it is the page's file path under pages/ without .md, for example /get-help/now.".to_owned(),
            },
        );
        return;
    };
    let Some(anchor) = &link.anchor else {
        return;
    };
    if anchors.contains(anchor) {
        return;
    }
    let hint = match suggest::closest(anchor, anchors.iter().map(String::as_str)) {
        Some(near) => {
            format!("Did you mean #{near}? Anchors are made from the headings of {target}.")
        }
        None => format!(
            "Link to a heading that exists on {target}; its anchor is made from the heading's words."
        ),
    };
    at(report, file, link.line, field).fix(
        format!(
            "links to \"{}\", but {target} has no heading with the anchor #{anchor}.",
            link.written
        ),
        hint,
    );
}
