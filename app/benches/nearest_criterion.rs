//! Criterion benches for the locator index: k-nearest with a filter at 1k, 100k and
//! 1M synthetic points against a brute-force scan, and the time to build the index.
//! Criterion reports the mean and spread; `benches/nearest.rs` prints p50/p99 and
//! checks every answer against brute force.
//!
//! Run: `cargo bench -p app --bench nearest_criterion` (add `-- --quick` for a short run).

use app::locator::{Index, LatLon};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use std::hint::black_box;

/// A small, seedable generator, so runs are repeatable.
struct Lcg(u64);

impl Lcg {
    fn next_f64(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Around West Yorkshire, about 80 by 60 km.
    fn position(&mut self) -> Option<LatLon> {
        LatLon::new(53.3 + self.next_f64() * 0.6, -2.2 + self.next_f64() * 1.2)
    }
}

fn points(size: usize) -> Vec<(LatLon, u8)> {
    let mut random = Lcg(42);
    (0..size)
        .filter_map(|i| random.position().map(|at| (at, (i % 4) as u8)))
        .collect()
}

fn queries() -> Vec<LatLon> {
    let mut random = Lcg(7);
    (0..256).filter_map(|_| random.position()).collect()
}

const K: usize = 5;

fn nearest(c: &mut Criterion) {
    let keep = |kind: &u8| *kind != 3;
    let queries = queries();
    let mut group = c.benchmark_group("nearest_filtered");
    for size in [1_000, 100_000, 1_000_000] {
        let index = Index::new(points(size));
        let mut next = queries.iter().cycle();
        group.bench_with_input(BenchmarkId::new("rtree", size), &index, |b, index| {
            b.iter(|| {
                let at = *next.next().unwrap_or(&queries[0]);
                black_box(index.nearest(black_box(at), K, keep))
            });
        });
        if size <= 100_000 {
            group.bench_with_input(BenchmarkId::new("brute_force", size), &index, |b, index| {
                b.iter(|| {
                    let at = *next.next().unwrap_or(&queries[0]);
                    black_box(index.nearest_brute_force(black_box(at), K, keep))
                });
            });
        }
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("index_build");
    group.sample_size(10);
    for size in [1_000, 100_000] {
        let items = points(size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &items, |b, items| {
            b.iter_batched(|| items.clone(), Index::new, BatchSize::LargeInput);
        });
    }
    group.finish();
}

criterion_group!(benches, nearest, build);
criterion_main!(benches);
