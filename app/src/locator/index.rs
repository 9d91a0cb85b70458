//! The nearest-place index: an R-tree over points on the unit sphere, built once.

use super::point::LatLon;
use rstar::primitives::GeomWithData;
use rstar::RTree;

/// A place found near a position, with its great-circle distance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit<'a, T> {
    pub item: &'a T,
    pub distance_m: f64,
}

/// Items with positions, searchable by distance. Items at the very same position (a
/// scheme's places known only by their town all sit at its middle) share one entry of
/// the tree, so a search reads only as many of them as it needs.
pub struct Index<T> {
    tree: RTree<GeomWithData<[f64; 3], usize>>,
    /// Each distinct position, with its items' slots in the order they were given.
    spots: Vec<(LatLon, Vec<usize>)>,
    items: Vec<(LatLon, T)>,
}

impl<T> Index<T> {
    /// Builds the index in one pass (bulk load).
    pub fn new(items: Vec<(LatLon, T)>) -> Index<T> {
        let mut spots: Vec<(LatLon, Vec<usize>)> = Vec::new();
        let mut spot_of = std::collections::HashMap::new();
        for (slot, (position, _)) in items.iter().enumerate() {
            let key = (position.lat().to_bits(), position.lon().to_bits());
            let spot = *spot_of.entry(key).or_insert_with(|| {
                spots.push((*position, Vec::new()));
                spots.len() - 1
            });
            spots[spot].1.push(slot);
        }
        let entries = spots
            .iter()
            .enumerate()
            .map(|(spot, (position, _))| GeomWithData::new(position.unit_vector(), spot))
            .collect();
        Index {
            tree: RTree::bulk_load(entries),
            spots,
            items,
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The `k` nearest items to `at` that pass `keep`, nearest first. Items at the
    /// same distance come in the order they were given.
    pub fn nearest(&self, at: LatLon, k: usize, keep: impl Fn(&T) -> bool) -> Vec<Hit<'_, T>> {
        let mut hits: Vec<(f64, usize)> = Vec::with_capacity(k);
        let mut last_distance = f64::NEG_INFINITY;
        for entry in self.tree.nearest_neighbor_iter(&at.unit_vector()) {
            let (position, slots) = &self.spots[entry.data];
            let distance = at.distance_m(*position);
            // Once k are found, keep reading only the ties of the last one.
            if hits.len() >= k && distance > last_distance + 1e-6 {
                break;
            }
            for &slot in slots {
                // With k found, an item here counts only if fewer than k found come
                // before it; the rest of this spot comes later still.
                if hits.len() >= k
                    && hits
                        .iter()
                        .filter(|&&(d, s)| (d, s) < (distance, slot))
                        .count()
                        >= k
                {
                    break;
                }
                if keep(&self.items[slot].1) {
                    hits.push((distance, slot));
                    last_distance = last_distance.max(distance);
                }
            }
        }
        self.closest_first(hits, k)
    }

    /// The `k` closest of `(distance, slot)` pairs, ties in the order items were given.
    fn closest_first(&self, mut hits: Vec<(f64, usize)>, k: usize) -> Vec<Hit<'_, T>> {
        hits.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        hits.truncate(k);
        hits.into_iter()
            .map(|(distance_m, slot)| Hit {
                item: &self.items[slot].1,
                distance_m,
            })
            .collect()
    }

    /// The same answer by checking every item: the reference for tests and benchmarks.
    pub fn nearest_brute_force(
        &self,
        at: LatLon,
        k: usize,
        keep: impl Fn(&T) -> bool,
    ) -> Vec<Hit<'_, T>> {
        let hits: Vec<(f64, usize)> = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, (_, item))| keep(item))
            .map(|(slot, (position, _))| (at.distance_m(*position), slot))
            .collect();
        self.closest_first(hits, k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).expect("valid test position")
    }

    #[test]
    fn finds_the_nearest_with_filters() {
        let index = Index::new(vec![
            (at(53.6458, -1.7850), "huddersfield"),
            (at(53.6910, -1.6330), "dewsbury"),
            (at(53.7160, -1.6330), "batley"),
            (at(53.5800, -1.7960), "holmfirth"),
        ]);
        let here = at(53.69, -1.64);
        let names: Vec<&str> = index
            .nearest(here, 2, |_| true)
            .iter()
            .map(|h| *h.item)
            .collect();
        assert_eq!(names, ["dewsbury", "batley"]);
        let names: Vec<&str> = index
            .nearest(here, 1, |name| name.starts_with('h'))
            .iter()
            .map(|h| *h.item)
            .collect();
        assert_eq!(names, ["huddersfield"]);
        assert!(index.nearest(here, 3, |_| false).is_empty());
        assert_eq!(index.nearest(here, 10, |_| true).len(), 4);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn many_items_at_one_spot_come_in_the_order_they_were_given(
            points in prop::collection::vec((0usize..6, 0u8..4), 1..300),
            lat in 53.0f64..54.3,
            lon in -2.5f64..-1.0,
            k in 1usize..12,
            kind in 0u8..4,
        ) {
            // Six spots, each holding many items: every search meets ties.
            let spots = [(53.6458, -1.785), (53.691, -1.633), (53.716, -1.633), (53.58, -1.796), (53.6458, -1.785), (53.70, -1.70)];
            let index = Index::new(points.iter().map(|(spot, kd)| (at(spots[*spot].0, spots[*spot].1), *kd)).collect());
            let here = at(lat, lon);
            let keep = |item: &u8| *item != kind;
            let fast: Vec<(f64, *const u8)> = index.nearest(here, k, keep).iter().map(|h| (h.distance_m, h.item as *const u8)).collect();
            let slow: Vec<(f64, *const u8)> = index.nearest_brute_force(here, k, keep).iter().map(|h| (h.distance_m, h.item as *const u8)).collect();
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn index_answers_exactly_as_brute_force(
            points in prop::collection::vec((53.3f64..54.0, -2.2f64..-1.3, 0u8..4), 1..300),
            lat in 53.0f64..54.3,
            lon in -2.5f64..-1.0,
            k in 1usize..12,
            kind in 0u8..4,
        ) {
            let index = Index::new(points.iter().map(|(la, lo, kd)| (at(*la, *lo), *kd)).collect());
            let here = at(lat, lon);
            let keep = |item: &u8| *item != kind;
            let fast: Vec<(f64, *const u8)> = index.nearest(here, k, keep).iter().map(|h| (h.distance_m, h.item as *const u8)).collect();
            let slow: Vec<(f64, *const u8)> = index.nearest_brute_force(here, k, keep).iter().map(|h| (h.distance_m, h.item as *const u8)).collect();
            prop_assert_eq!(fast, slow);
        }
    }
}
