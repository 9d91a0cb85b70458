//! Criterion benches for the server's no-JS locator path (`POST /find`) with a
//! national-sized scheme: 50,000 made-up Safe Zones from `server safezones fixture`
//! (written only into a copy of `content/` in a temporary folder, never into content).
//!
//! - `find/search_50k`: a typed district to the results, with the "open now" filter.
//! - `find/answer_page_50k`: the same, rendered into the page frame made at load.
//!
//! Before criterion runs, the search is also timed once per district of the area,
//! ten rounds, and the median and 99th percentile printed. Figures, not tests.
//!
//! Run: `cargo bench -p server --bench find` (PLACES=5000 for another size,
//! DISTRICTS=WF17,HD2 for only those).

use criterion::{criterion_group, criterion_main, Criterion};
use server::http::FindService;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// 10:00 on Monday 23 November 2026, UTC: a fixed clock, so "open now" is the same
/// every run.
const MONDAY_TEN: f64 = 1_795_428_000_000.0;

fn content_copy(places: usize) -> PathBuf {
    let source = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"));
    let root = std::env::temp_dir().join(format!("find-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(source, &root);
    let sheet = server::fixture::sheet(source, places, 1).expect("fixture sheet");
    std::fs::write(root.join("safezones.csv"), sheet).expect("write fixture");
    root
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

fn service(places: usize) -> (FindService, Vec<String>) {
    let root = content_copy(places);
    let (site, report) = server::content::check(&root, server::content::today());
    let _ = std::fs::remove_dir_all(&root);
    let site = site.unwrap_or_else(|| panic!("fixture content loads:\n{report}"));
    let districts: Vec<String> = site
        .locator
        .outcodes
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    let service = FindService::new(site, server::leptos_options(), String::new());
    (service, districts)
}

fn percentiles(service: &FindService, districts: &[String]) {
    let choices = app::locator::Choices {
        open_now: true,
        ..Default::default()
    };
    let mut times: Vec<f64> = Vec::new();
    let mut slowest: Vec<(f64, &str)> = Vec::new();
    for _ in 0..10 {
        for district in districts {
            let started = Instant::now();
            black_box(service.answer(district, &choices, MONDAY_TEN));
            let took = started.elapsed().as_secs_f64() * 1e6;
            times.push(took);
            slowest.push((took, district));
        }
    }
    // Each district's fastest of its ten runs: what the search costs there, without
    // the machine's jitter.
    let mut fastest: std::collections::BTreeMap<&str, f64> = std::collections::BTreeMap::new();
    for (took, district) in slowest.drain(..) {
        let best = fastest.entry(district).or_insert(f64::INFINITY);
        *best = best.min(took);
    }
    let mut by_district: Vec<(f64, &str)> = fastest.into_iter().map(|(d, t)| (t, d)).collect();
    by_district.sort_by(|a, b| b.0.total_cmp(&a.0));
    let names: Vec<String> = by_district
        .iter()
        .take(5)
        .map(|(took, district)| format!("{district} {took:.0} µs"))
        .collect();
    println!(
        "slowest districts (each its fastest of 10): {}",
        names.join(", ")
    );
    times.sort_by(f64::total_cmp);
    let at = |share: f64| times[((times.len() - 1) as f64 * share) as usize];
    println!(
        "search over {} districts x 10: median {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        districts.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

fn find(c: &mut Criterion) {
    let places = std::env::var("PLACES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    let (service, mut districts) = service(places);
    // DISTRICTS=WF17,HD2 times only those (to profile one).
    if let Ok(only) = std::env::var("DISTRICTS") {
        districts.retain(|district| only.split(',').any(|d| d == district));
    }
    assert!(!districts.is_empty(), "the area has districts");
    percentiles(&service, &districts);
    let choices = app::locator::Choices {
        open_now: true,
        ..Default::default()
    };
    let mut group = c.benchmark_group("find");
    let mut next = districts.iter().cycle();
    group.bench_function(format!("search_{}k", places / 1000), |b| {
        b.iter(|| {
            let district = next.next().map_or("", String::as_str);
            black_box(service.answer(district, &choices, MONDAY_TEN))
        })
    });
    group.bench_function(format!("answer_page_{}k", places / 1000), |b| {
        b.iter(|| {
            let district = next.next().map_or("", String::as_str);
            let (_, outcome) = service.answer(district, &choices, MONDAY_TEN);
            black_box(service.page(outcome, choices.clone()))
        })
    });
    group.finish();
}

criterion_group!(benches, find);
criterion_main!(benches);
