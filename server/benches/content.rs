//! Criterion benches for the content pipeline: loading and checking `content/`, and
//! rendering every page (what start-up and each content reload cost).
//!
//! Run: `cargo bench -p server --bench content`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::Path;

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("content");
    group.sample_size(20);
    group.bench_function("load_and_check", |b| {
        b.iter(|| {
            black_box(server::content::check(
                content_dir(),
                server::content::today(),
            ))
        })
    });
    if let Ok(site) = server::content::load(content_dir()) {
        let options = server::leptos_options();
        group.bench_function("render_every_page", |b| {
            b.iter(|| black_box(server::render::render_site(&site, &options, "")))
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
