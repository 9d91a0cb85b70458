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
/// exact report an editor must see.
#[test]
fn each_broken_fixture_gives_its_exact_report() {
    let broken = support::fixtures().join("broken");
    let mut cases: Vec<_> = std::fs::read_dir(&broken)
        .expect("broken fixtures")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_none_or(|ext| ext == "md"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 8,
        "expected the broken fixtures, found {cases:?}"
    );
    for case in cases {
        let name = case
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("case name")
            .to_owned();
        let root = support::copy_of_good_fixture(&name);
        if case.is_dir() {
            support::copy_dir(&case, &root);
        } else {
            std::fs::copy(&case, root.join("pages").join(format!("{name}.md")))
                .expect("add broken page");
        }
        let expected = std::fs::read_to_string(broken.join(format!("{name}.expected")))
            .expect("expected report");
        let report = content::load(&root).expect_err(&format!("{name} must fail the check"));
        assert_eq!(report.to_string(), expected, "report for {name}");
        let _ = std::fs::remove_dir_all(root.parent().unwrap_or(&root));
    }
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
