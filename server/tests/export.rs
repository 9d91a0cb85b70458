//! The static export: every page as index.html, the 404 page, assets with their
//! precompressed forms, the headers file, and a locator page that explains itself
//! without JavaScript.

mod support;

use server::encoded::Encoded;
use std::io::Read;

#[test]
fn the_export_holds_every_page_asset_and_header() {
    let site = server::content::load(&support::fixtures().join("good")).expect("fixture loads");
    let options = leptos::config::LeptosOptions::builder()
        .output_name("site")
        .build();
    let mut assets = server::assets::Assets::new();
    assets.insert(
        "/pkg/site.css".into(),
        Encoded::new("text/css; charset=utf-8", "body{color:#0b0c0c}".repeat(50)),
    );
    let (assets, options) = server::assets::fingerprinted(&assets, &options);
    let css = server::assets::stylesheet(&assets, &options);
    let rendered = server::render::render_site(&site, &options, &css);
    let stylesheet = format!("pkg/{}.css", options.output_name);
    let out = std::env::temp_dir().join(format!("export-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let done =
        server::export::export(&site, &rendered, &assets, &options, &out).expect("export written");
    assert_eq!(done.pages, rendered.pages.len());
    assert_eq!(done.assets, 1);

    // The locator page names its data file, and the export holds it, whole.
    let find = std::fs::read_to_string(out.join("find/index.html")).expect("the locator page");
    let src = &rendered.locator_file.path;
    assert!(find.contains(&format!("data-src=\"{src}\"")), "{src}");
    let data =
        std::fs::read_to_string(out.join(src.trim_start_matches('/'))).expect("the data file");
    let data = app::locator::unpack(&data).expect("the exported data file unpacks");
    assert_eq!(data.places.len(), rendered.locator_file.places);

    for page in &site.pages {
        let file = if page.path == "/" {
            out.join("index.html")
        } else {
            out.join(page.path.trim_start_matches('/'))
                .join("index.html")
        };
        let html = std::fs::read_to_string(&file).expect("page written");
        assert!(html.contains(&page.title), "{}", file.display());
        assert!(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"
            ),
            "a policy for hosts that cannot set headers"
        );
        // The brotli form decompresses to the same page.
        let mut brotli = Vec::new();
        let mut reader = brotli::Decompressor::new(
            std::fs::File::open(file.with_extension("html.br")).expect("brotli form"),
            4096,
        );
        reader.read_to_end(&mut brotli).expect("valid brotli");
        assert_eq!(brotli, html.as_bytes());
        assert!(file.with_extension("html.gz").exists(), "gzip form");
    }
    let find = std::fs::read_to_string(out.join("find/index.html")).expect("locator page");
    assert!(find.contains("<noscript>"));
    assert!(find.contains("Searching by postcode needs JavaScript on this copy of the site"));
    assert!(
        find.contains("Fixture Shop"),
        "every place is listed for no-JS visitors"
    );
    assert!(std::fs::read_to_string(out.join("404.html"))
        .expect("404 page")
        .contains("We cannot find that page"));
    assert!(
        out.join(&stylesheet).exists() && out.join(format!("{stylesheet}.br")).exists(),
        "the fingerprinted stylesheet, precompressed"
    );
    let home = std::fs::read_to_string(out.join("index.html")).expect("home page");
    assert_eq!(
        server::render::inline_styles(&home),
        [css.as_str()],
        "the stylesheet inside"
    );
    let find = std::fs::read_to_string(out.join("find/index.html")).expect("locator page");
    assert_eq!(server::render::inline_styles(&find), [css.as_str()]);
    // The open data, at the same stable paths as on the server.
    let services = std::fs::read_to_string(out.join("open-data/hsds/services.json"))
        .expect("open data exported");
    assert!(services.contains("\"total_items\""));
    assert!(out.join("open-data/hsds/index.json").exists());
    let headers = std::fs::read_to_string(out.join("_headers")).expect("headers file");
    assert!(headers.starts_with("/*\n"));
    assert!(headers.contains("  cache-control: no-store"));
    assert!(headers.contains("  content-security-policy: default-src 'none';"));
    assert!(headers.contains("frame-ancestors 'none'"));
    // Only the locator and the story form are cut off from an opening window.
    for path in [
        "/find",
        "/*/find",
        "/share-your-story",
        "/*/share-your-story",
    ] {
        assert!(
            headers.contains(&format!(
                "\n{path}\n  cross-origin-opener-policy: same-origin\n"
            )),
            "{headers}"
        );
    }
    assert_eq!(headers.matches("cross-origin-opener-policy").count(), 4);
    assert!(
        headers.contains(&format!(
            "\n/pkg/{}.*\n  cdn-cache-control: public, max-age=31536000, immutable\n",
            options.output_name
        )),
        "{headers}"
    );
    let _ = std::fs::remove_dir_all(&out);
}
