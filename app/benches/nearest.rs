//! k-nearest search with a filter, at 1k, 100k and 1M synthetic points: index build
//! time, and per-query p50/p99 for the R-tree against a brute-force scan, checking
//! that both give the same answer. Prints a table; times nothing in tests.
//!
//! Run: `cargo bench -p app --bench nearest` (add `-- --quick` for a short run).

use app::locator::{Index, LatLon};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A small, seedable generator, so runs are repeatable without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next_f64(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    fn position(&mut self) -> Option<LatLon> {
        // Around West Yorkshire, about 80 by 60 km.
        LatLon::new(53.3 + self.next_f64() * 0.6, -2.2 + self.next_f64() * 1.2)
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn main() {
    let quick = std::env::args().any(|arg| arg == "--quick");
    let sizes: &[usize] = if quick {
        &[1_000, 100_000]
    } else {
        &[1_000, 100_000, 1_000_000]
    };
    let k = 5;
    println!("k = {k}, filter keeps 3 kinds in 4; times per query");
    println!(
        "{:>9} | {:>10} | {:>9} | {:>9} | {:>11} | {:>11}",
        "points", "build", "p50", "p99", "brute p50", "brute p99"
    );
    for &size in sizes {
        let mut random = Lcg(42);
        let items: Vec<(LatLon, u8)> = (0..size)
            .filter_map(|i| random.position().map(|at| (at, (i % 4) as u8)))
            .collect();
        let started = Instant::now();
        let index = Index::new(items);
        let build = started.elapsed();

        let queries = if quick { 200 } else { 2_000 };
        let brute_queries = if size >= 1_000_000 {
            queries / 20
        } else {
            queries / 4
        };
        let keep = |kind: &u8| *kind != 3;
        let at_list: Vec<LatLon> = (0..queries).filter_map(|_| random.position()).collect();
        // Warm up, then time the index on its own, so brute-force scans (which sweep
        // every point through the cache) do not inflate its tail.
        for at in at_list.iter().take(100) {
            black_box(index.nearest(*at, k, keep));
        }
        let mut fast = Vec::with_capacity(at_list.len());
        let mut answers = Vec::with_capacity(brute_queries);
        for (q, at) in at_list.iter().enumerate() {
            let started = Instant::now();
            let hits = black_box(index.nearest(*at, k, keep));
            fast.push(started.elapsed());
            if q < brute_queries {
                answers.push(hits.iter().map(|h| h.item as *const u8).collect::<Vec<_>>());
            }
        }
        let mut slow = Vec::with_capacity(brute_queries);
        for (at, answer) in at_list.iter().zip(&answers) {
            let started = Instant::now();
            let reference = black_box(index.nearest_brute_force(*at, k, keep));
            slow.push(started.elapsed());
            let same = answer.len() == reference.len()
                && answer
                    .iter()
                    .zip(&reference)
                    .all(|(a, b)| std::ptr::eq(*a, b.item));
            assert!(same, "index and brute force disagree at {at:?}");
        }
        fast.sort();
        slow.sort();
        println!(
            "{:>9} | {:>10.2?} | {:>9.2?} | {:>9.2?} | {:>11.2?} | {:>11.2?}",
            size,
            build,
            percentile(&fast, 0.50),
            percentile(&fast, 0.99),
            percentile(&slow, 0.50),
            percentile(&slow, 0.99),
        );
    }
    println!("Targets: p99 at most 10 / 15 / 25 µs for 1k / 100k / 1M points; answers identical to brute force.");
}
