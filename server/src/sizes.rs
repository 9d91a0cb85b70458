//! What a visitor downloads: a size table (raw, gzip, brotli) per kind of page and per
//! asset, and the performance budgets checked against the built site.

use crate::assets::Assets;
use crate::encoded::Encoded;
use crate::render::RenderedSite;
use app::model::Site;

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Size {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl Size {
    fn of(name: impl Into<String>, body: &Encoded) -> Size {
        let raw = body.identity.len();
        Size {
            name: name.into(),
            raw,
            gzip: body.gzip.as_ref().map_or(raw, |b| b.len()),
            brotli: body.brotli().map_or(raw, |b| b.len()),
        }
    }

    fn plus(&self, other: &Size, name: &str) -> Size {
        Size {
            name: name.to_owned(),
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            brotli: self.brotli + other.brotli,
        }
    }
}

/// A budget and whether the built site keeps to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub what: String,
    pub limit_bytes: usize,
    pub actual_bytes: usize,
}

impl Budget {
    pub fn kept(&self) -> bool {
        self.actual_bytes <= self.limit_bytes
    }
}

pub const CONTENT_PAGE_BUDGET: usize = 14 * 1024;
pub const EXIT_SCRIPT_BUDGET: usize = 2 * 1024;
pub const LOCATOR_PAGE_BUDGET: usize = 120 * 1024;
/// Everything a visit to the locator downloads with its data file, for a scheme of
/// 5,000 places (the budget the 5,000-place fixture is checked against).
pub const LOCATOR_WITH_DATA_BUDGET: usize = 220 * 1024;

/// Every page (by address) and asset, in a stable order.
pub fn table(site: &Site, rendered: &RenderedSite, assets: &Assets) -> Vec<Size> {
    let mut rows = Vec::new();
    let mut pages: Vec<(&String, &Encoded)> = rendered.pages.iter().collect();
    pages.sort_by_key(|(path, _)| *path);
    for (path, page) in pages {
        let kind = if path == "/" {
            "home"
        } else if is_locator(page) {
            "locator"
        } else if site.sections.iter().any(|s| s.path() == *path) {
            "section"
        } else {
            "article"
        };
        rows.push(Size::of(format!("{kind} {path}"), page));
    }
    rows.push(Size::of("404 page", &rendered.not_found));
    if let Some(file) = rendered.data.get(&rendered.locator_file.path) {
        rows.push(Size::of(
            format!(
                "locator data {} ({} places)",
                rendered.locator_file.path, rendered.locator_file.places
            ),
            file,
        ));
    }
    let mut names: Vec<&String> = assets.keys().collect();
    names.sort();
    for name in names {
        if let Some(asset) = assets.get(name) {
            rows.push(Size::of(format!("asset {name}"), asset));
        }
    }
    rows
}

/// The budgets, measured in brotli bytes, as a phone would download them.
pub fn budgets(rendered: &RenderedSite, assets: &Assets) -> Vec<Budget> {
    let mut budgets = Vec::new();
    let mut pages: Vec<(&String, &Encoded)> = rendered.pages.iter().collect();
    pages.sort_by_key(|(path, _)| *path);
    for (path, page) in &pages {
        if is_locator(page) {
            continue;
        }
        // The stylesheet is inside every page.
        let total = Size::of(path.as_str(), page);
        budgets.push(Budget {
            what: format!("{path}: HTML and CSS"),
            limit_bytes: CONTENT_PAGE_BUDGET,
            actual_bytes: total.brotli,
        });
    }
    // The locator in each language: the page, the bundle, and the data file.
    for (path, find) in pages.iter().filter(|(_, page)| is_locator(page)) {
        let mut total = Size::of(path.as_str(), find);
        for (name, asset) in assets {
            if name.ends_with(".js") || name.ends_with(".wasm") {
                total = total.plus(&Size::of(name.as_str(), asset), "");
            }
        }
        budgets.push(Budget {
            what: format!("{path}: HTML, CSS, JS and WASM, without its data file"),
            limit_bytes: LOCATOR_PAGE_BUDGET,
            actual_bytes: total.brotli,
        });
        if let Some(file) = rendered.data.get(&rendered.locator_file.path) {
            let with_data = total.plus(&Size::of("", file), "");
            budgets.push(Budget {
                what: format!(
                    "{path}: everything, with the data file of {} places",
                    rendered.locator_file.places
                ),
                limit_bytes: LOCATOR_WITH_DATA_BUDGET,
                actual_bytes: with_data.brotli,
            });
        }
    }
    // A visit to the home page downloads the page (with its stylesheet inside) and the
    // icon, and no script bundle: one round trip's worth at the start of a phone's link.
    if let Some(home) = rendered.pages.get("/") {
        let mut total = Size::of("/", home);
        for (name, asset) in assets {
            if name.ends_with(".svg") && name.starts_with("/favicon") {
                total = total.plus(&Size::of(name.as_str(), asset), "");
            }
        }
        budgets.push(Budget {
            what: "/: everything a visit to the home page downloads".to_owned(),
            limit_bytes: CONTENT_PAGE_BUDGET,
            actual_bytes: total.brotli,
        });
    }
    budgets.push(Budget {
        what: "the quick-exit script, inlined in every page".to_owned(),
        limit_bytes: EXIT_SCRIPT_BUDGET,
        actual_bytes: app::render::exit_script().len(),
    });
    budgets
}

/// Whether a page is the locator (in any language): it names the island's data file.
fn is_locator(page: &Encoded) -> bool {
    let marker = format!("id=\"{}\"", app::islands::LOCATOR_DATA_ID);
    page.identity
        .windows(marker.len())
        .any(|window| window == marker.as_bytes())
}

/// The table as text.
pub fn format_table(rows: &[Size]) -> String {
    let mut text = format!(
        "{:<48} {:>10} {:>10} {:>10}\n",
        "page or asset", "raw", "gzip", "brotli"
    );
    for row in rows {
        text.push_str(&format!(
            "{:<48} {:>10} {:>10} {:>10}\n",
            row.name, row.raw, row.gzip, row.brotli
        ));
    }
    text
}

/// The budgets as text, each marked "ok" or "OVER".
pub fn format_budgets(budgets: &[Budget]) -> String {
    let mut text = String::new();
    for budget in budgets {
        let mark = if budget.kept() { "ok" } else { "OVER" };
        text.push_str(&format!(
            "{:>8} of {:>8} bytes  {}: {mark}\n",
            budget.actual_bytes, budget.limit_bytes, budget.what
        ));
    }
    text
}
