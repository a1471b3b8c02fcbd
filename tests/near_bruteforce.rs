//! The R-tree's great-circle answers agree with a brute-force haversine scan on 100,000 seeded
//! random incidents, including caps that cross the antimeridian or contain a pole.

use std::sync::Arc;

use chrono::NaiveDate;
use incident_atlas::incident::{Category, LonLat};
use incident_atlas::index::{IndexEntry, SpatialIndex, distance_km};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const POINTS: usize = 100_000;
const RANDOM_QUERIES: usize = 40;
const SEED: u64 = 0x1c1d_e27a;
const K: usize = 25;

fn random_point(rng: &mut StdRng) -> LonLat {
    // Uniform on the sphere: latitude from asin of a uniform sine.
    let lat = rng.random_range(-1.0f64..=1.0).asin().to_degrees();
    LonLat::new(rng.random_range(-180.0..=180.0), lat).unwrap()
}

fn build(rng: &mut StdRng) -> (SpatialIndex, Vec<IndexEntry>) {
    let day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let entries: Vec<IndexEntry> = (0..POINTS)
        .map(|i| IndexEntry {
            point: random_point(rng),
            id: Arc::from(format!("{i:06}").as_str()),
            occurred_on: day,
            category: Category::Other,
        })
        .collect();
    (SpatialIndex::bulk_load(entries.clone()), entries)
}

fn brute_force(entries: &[IndexEntry], center: LonLat) -> Vec<(f64, Arc<str>)> {
    let mut all: Vec<(f64, Arc<str>)> = entries
        .iter()
        .map(|e| (distance_km(center, e.point), e.id.clone()))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    all
}

#[test]
fn radius_and_k_nearest_match_a_brute_force_scan() {
    let mut rng = StdRng::seed_from_u64(SEED);
    let (index, entries) = build(&mut rng);
    let mut centers = vec![
        LonLat::new(180.0, 0.0).unwrap(),
        LonLat::new(-179.99, 45.0).unwrap(),
        LonLat::new(0.0, 90.0).unwrap(),
        LonLat::new(123.0, -89.9).unwrap(),
        LonLat::new(179.5, -70.0).unwrap(),
    ];
    centers.extend((0..RANDOM_QUERIES).map(|_| random_point(&mut rng)));
    for center in centers {
        let radius_km = rng.random_range(10.0..3000.0);
        let expected = brute_force(&entries, center);

        let within = index.nearest_within(center, radius_km);
        let want: Vec<&Arc<str>> = expected
            .iter()
            .take_while(|(d, _)| *d <= radius_km)
            .map(|(_, id)| id)
            .collect();
        let got: Vec<&Arc<str>> = within.iter().map(|n| &n.entry.id).collect();
        assert_eq!(got, want, "radius {radius_km} km around {center:?}");

        let nearest = index.nearest(center, K, None);
        let got: Vec<&Arc<str>> = nearest.iter().map(|n| &n.entry.id).collect();
        let want: Vec<&Arc<str>> = expected.iter().take(K).map(|(_, id)| id).collect();
        assert_eq!(got, want, "{K} nearest to {center:?}");
        for (n, (d, _)) in nearest.iter().zip(&expected) {
            assert!((n.distance_km - d).abs() < 1e-9);
        }
    }
}
