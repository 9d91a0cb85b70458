//! The content check, end to end over real folders: the good fixture and the shipped
//! content load; each broken fixture gives exactly the editor-facing report beside it.

mod support;

use server::content;
use std::path::Path;

#[test]
fn the_good_fixture_loads_and_renders_markdown() {
    let site = content::load(&support::fixtures().join("good")).expect("good fixture loads");
    assert_eq!(site.pages.len(), 2);
    let leaving = site.page("/info/leaving").expect("page by path");
    assert!(leaving
        .body_html
        .contains("<h2 id=\"shortcuts\">Shortcuts</h2>"));
    assert!(leaving.body_html.contains("href=\"tel:08082000247\""));
    let home = site.page("/").expect("home page");
    assert!(
        home.body_html.contains("href=\"/info/leaving\""),
        "{}",
        home.body_html
    );
    assert_eq!(site.settings.footer_contacts[1].dial, "08082000247");
    let names: Vec<&str> = site
        .locator
        .places
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Fixture Library",
            "Fixture Cafe",
            "Fixture Shop",
            "Fixture Chemist, Ltd",
            "Test Helpline",
            "Fixture Safe House"
        ]
    );
    assert!(site.locator.outcodes.contains("ZZ1 53.6469 -1.7889 1\n"));
    assert_eq!(site.locator.towns, "Fixton|53.691|-1.633\n");
    let todo = content::needing_location(&site.locator);
    assert_eq!(
        todo,
        [
            "Fixture Cafe (Fixton): only the area is known (Fixton)",
            "Fixture Shop (Elsewhere): location unknown"
        ]
    );
}

#[test]
fn the_shipped_content_passes_the_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    if let Err(report) = content::load(&dir) {
        panic!("{report}");
    }
}

/// Each case in `fixtures/broken/` is either a page (`<case>.md`, added to pages/) or a
/// folder (`<case>/`, whose files replace the good fixture's); `<case>.expected` is the
/// exact report an editor must see. Run with `UPDATE_EXPECTED=1` to write the reports
/// as they are now instead (then read the diff before committing it).
fn assert_broken_fixture(name: &str) {
    let broken = support::fixtures().join("broken");
    let case = broken.join(name);
    let root = support::copy_of_good_fixture(name);
    if case.is_dir() {
        support::copy_dir(&case, &root);
    } else {
        std::fs::copy(
            broken.join(format!("{name}.md")),
            root.join("pages").join(format!("{name}.md")),
        )
        .expect("add broken page");
    }
    let report = content::load(&root).expect_err(&format!("{name} must fail the check"));
    let _ = std::fs::remove_dir_all(root.parent().unwrap_or(&root));
    let expected_file = broken.join(format!("{name}.expected"));
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&expected_file, report.to_string()).expect("write expected report");
        return;
    }
    let expected = std::fs::read_to_string(&expected_file).expect("expected report");
    assert_eq!(report.to_string(), expected, "report for {name}");
}

/// One test per broken fixture, named after it, so one failure hides no other.
macro_rules! broken_fixtures {
    ($($test:ident => $name:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                assert_broken_fixture($name);
            }
        )*

        /// Every fixture in the folder has its test above.
        #[test]
        fn every_broken_fixture_has_a_named_test() {
            let named = [$($name),*];
            let mut found: Vec<String> = std::fs::read_dir(support::fixtures().join("broken"))
                .expect("broken fixtures")
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_none_or(|ext| ext == "md"))
                .filter_map(|path| path.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
                .collect();
            found.sort();
            let mut named: Vec<String> = named.iter().map(|n| (*n).to_owned()).collect();
            named.sort();
            assert_eq!(found, named);
        }
    };
}

broken_fixtures! {
    a_date_that_does_not_exist => "bad-date",
    opening_hours_that_cannot_be_read => "bad-hours",
    a_link_to_a_missing_page => "broken-link",
    an_address_on_a_confidential_service => "confidential-address",
    a_missing_front_matter_field => "missing-field",
    a_phone_number_not_in_the_register => "number-in-text",
    a_qr_code_without_a_site_url => "qr-code-without-site-url",
    raw_html_in_markdown => "raw-html",
    a_published_address_that_disappeared => "removed-permalink",
    a_school_resource_with_wrong_words => "school-resource",
    several_problems_in_one_page => "several-problems",
    translation_problems => "translation-problems",
    front_matter_that_is_never_closed => "unclosed-front-matter",
    an_area_the_locator_does_not_know => "unknown-area",
    a_tel_link_not_in_the_register => "unknown-phone",
    sources_with_problems => "bad-sources",
    a_fact_without_a_source => "fact-without-source",
    safe_zone_sheet_problems => "safezone-sheet",
    story_keys_that_are_not_public_keys => "story-keys",
}

#[test]
fn a_missing_settings_file_is_reported_with_the_rest() {
    let root = support::copy_of_good_fixture("missing-settings");
    std::fs::remove_file(root.join("site.toml")).expect("remove site.toml");
    std::fs::write(root.join("pages/extra.md"), "no front matter\n").expect("write page");
    let report = content::load(&root).expect_err("must fail").to_string();
    assert!(
        report.starts_with("The content check found 2 problems:"),
        "{report}"
    );
    assert!(report.contains("fixture/site.toml: is missing."));
    assert!(report.contains("fixture/pages/extra.md:1: the page does not start with front matter."));
    let _ = std::fs::remove_dir_all(root.parent().unwrap_or(&root));
}

#[test]
fn overdue_reviews_and_hard_words_are_warnings_not_errors() {
    let root = support::copy_of_good_fixture("warnings");
    std::fs::copy(
        support::fixtures().join("warnings/old-and-dense.md"),
        root.join("pages/old-and-dense.md"),
    )
    .expect("add page");
    let today = app::locator::day_number(2026, 11, 23);
    let (site, report) = content::check(&root, today);
    assert!(report.is_empty(), "warnings are not errors: {report}");
    assert!(site.is_some());
    let expected =
        std::fs::read_to_string(support::fixtures().join("warnings/old-and-dense.expected"))
            .expect("expected warnings");
    assert_eq!(report.warnings_text().unwrap_or_default(), expected);
    let _ = std::fs::remove_dir_all(root.parent().unwrap_or(&root));
}

#[test]
fn a_sheet_saved_by_excel_is_read_and_a_closed_place_is_left_out() {
    let site = content::load(&support::fixtures().join("good")).expect("good fixture loads");
    let chemist = site
        .locator
        .places
        .iter()
        .find(|place| place.name == "Fixture Chemist, Ltd")
        .expect("the quoted name with a comma, after a byte-order mark and CR LF");
    assert_eq!(
        chemist.whereabouts.as_deref(),
        Some("By the clock, on the square")
    );
    assert!(!chemist.confirmed, "unconfirmed rows say so");
    assert!(
        matches!(&chemist.location, app::model::Location::Postcode { postcode, .. } if postcode == "ZZ1 1AA"),
        "placed at its own postcode, written in capitals"
    );
    assert!(site
        .locator
        .places
        .iter()
        .all(|place| place.name != "Fixture Bank"));
}

#[test]
fn a_safe_zone_postcode_outside_the_area_is_a_warning() {
    let root = support::copy_of_good_fixture("outside-postcode");
    std::fs::write(
        root.join("safezones.csv"),
        "name,group,where,postcode,opening_hours,status,last_verified,source,notes\nOver The Border,Fixton,,YY1 1AA,,active,2026-11-01,Test,\n",
    )
    .expect("sheet");
    let (site, report) = content::check(&root, app::locator::day_number(2026, 11, 23));
    assert!(report.is_empty(), "{report}");
    assert_eq!(
        report.warnings_text().unwrap_or_default(),
        "1 warning (the site still works, but fix these soon):\n\nfixture/safezones.csv:2: postcode: YY1 1AA is outside the area, so Over The Border is listed under Fixton without a position.\n    How to fix: Check the postcode with the venue. If the place really is outside the area, it may belong to a neighbouring scheme.\n"
    );
    let place = site
        .as_ref()
        .and_then(|site| {
            site.locator
                .places
                .iter()
                .find(|p| p.name == "Over The Border")
        })
        .expect("still listed");
    assert!(
        !matches!(place.location, app::model::Location::Postcode { .. }),
        "never placed at a guess"
    );
    let _ = std::fs::remove_dir_all(root.parent().unwrap_or(&root));
}

#[test]
fn no_shipped_page_reads_above_age_13() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let (_, report) = content::check(&dir, content::today());
    let hard: Vec<String> = report
        .warnings()
        .iter()
        .filter(|warning| warning.problem.starts_with("reads at"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(hard, Vec::<String>::new());
}
