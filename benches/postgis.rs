//! Near-point and bbox queries at 1M incidents, PostGIS beside the embedded SQLite + R-tree
//! store, in the same run on the same seeded data.
//!
//! `INCIDENT_ATLAS_TEST_PG=$(scripts/pg-test-server.sh) cargo bench --bench postgis`
//!
//! Without `INCIDENT_ATLAS_TEST_PG` it prints a note and measures nothing. The data
//! ([`INCIDENTS`] points uniform on the sphere, seeded) is loaded once into
//! `target/postgis-bench/incidents.db` and the PostgreSQL database [`BENCH_DB`], and reused by
//! later runs while their counts match. Figures are recorded in `BENCHMARKS.md`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use incident_atlas::incident::{Category, Incident, LonLat};
use incident_atlas::index::BBox;
use incident_atlas::store::{Filter, IncidentStore, Page, PostgisStore, SqliteStore};
use postgres::{Client, NoTls};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const INCIDENTS: usize = 1_000_000;
const SEED: u64 = 0xA71A_5000;
const LOAD_BATCH: usize = 10_000;
const BENCH_DB: &str = "atlas_bench_1m";
/// Query points cycled through by each benchmark.
const CENTERS: usize = 256;
const NEAR_K: usize = 10;
const NEAR_RADIUS_KM: f64 = 100.0;
const PAGE: Page = Page {
    limit: 100,
    offset: 0,
};
/// Box sides in degrees: a city region and a country.
const BOX_SIDES_DEG: [f64; 2] = [1.0, 10.0];

fn random_point(rng: &mut StdRng) -> LonLat {
    let lat = rng.random_range(-1.0f64..=1.0).asin().to_degrees();
    LonLat::new(rng.random_range(-180.0..=180.0), lat).unwrap()
}

fn incident(i: usize, rng: &mut StdRng) -> Incident {
    Incident {
        id: format!("{i:07}"),
        title: format!("incident {i}"),
        category: Category::Clash,
        occurred_on: NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()
            + chrono::Days::new(rng.random_range(0..3650)),
        fatalities: Some(rng.random_range(0..20)),
        point: random_point(rng),
        uncertainty_km: Some(5.0),
        precision: None,
        location_text: Some("somewhere".into()),
        source_url: None,
        summary: None,
        created_at: Utc.timestamp_opt(1_700_000_000, 0).unwrap(),
        reporting: Default::default(),
    }
}

/// Fills `store` with the seeded incidents unless it already holds them all.
fn fill(name: &str, store: &dyn IncidentStore) {
    let held = store.count(&Filter::default()).unwrap();
    if held == INCIDENTS as u64 {
        return;
    }
    assert_eq!(held, 0, "{name} holds {held} incidents; drop it to reload");
    let started = Instant::now();
    store.begin_bulk_load().unwrap();
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut batch = Vec::with_capacity(LOAD_BATCH);
    for i in 0..INCIDENTS {
        batch.push(incident(i, &mut rng));
        if batch.len() == LOAD_BATCH {
            store.insert_batch(&batch).unwrap();
            batch.clear();
        }
    }
    store.insert_batch(&batch).unwrap();
    store.end_bulk_load().unwrap();
    eprintln!(
        "loaded {INCIDENTS} incidents into {name} in {:?}",
        started.elapsed()
    );
}

fn open_stores(base: &str) -> [(&'static str, Box<dyn IncidentStore>); 2] {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/postgis-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let mut admin = Client::connect(&format!("{base}postgres"), NoTls).unwrap();
    let exists = admin
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&BENCH_DB])
        .unwrap()
        .is_some();
    if !exists {
        admin
            .batch_execute(&format!("CREATE DATABASE {BENCH_DB}"))
            .unwrap();
    }
    let started = Instant::now();
    let sqlite = SqliteStore::open(&dir.join("incidents.db")).unwrap();
    eprintln!("opened SQLite (R-tree load) in {:?}", started.elapsed());
    let postgis = PostgisStore::connect(&format!("{base}{BENCH_DB}")).unwrap();
    let stores: [(&str, Box<dyn IncidentStore>); 2] =
        [("sqlite", Box::new(sqlite)), ("postgis", Box::new(postgis))];
    for (name, store) in &stores {
        fill(name, store.as_ref());
    }
    // Fresh planner statistics, as a production database would have.
    Client::connect(&format!("{base}{BENCH_DB}"), NoTls)
        .and_then(|mut c| c.batch_execute("VACUUM ANALYZE incidents"))
        .unwrap();
    stores
}

fn bench(c: &mut Criterion) {
    let Some(base) = std::env::var("INCIDENT_ATLAS_TEST_PG")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!(
            "skipping the postgis bench: set INCIDENT_ATLAS_TEST_PG (scripts/pg-test-server.sh)"
        );
        return;
    };
    let base = format!("{}/", base.trim_end_matches('/'));
    let stores = open_stores(&base);
    let mut rng = StdRng::seed_from_u64(SEED + 1);
    let centers: Vec<LonLat> = (0..CENTERS).map(|_| random_point(&mut rng)).collect();
    let boxes = |side: f64| -> Vec<Filter> {
        centers
            .iter()
            .map(|p| {
                let lat = p.lat().clamp(-89.0, 89.0 - side);
                let lon = p.lon().clamp(-180.0, 180.0 - side);
                let bbox: BBox = format!("{lon},{lat},{},{}", lon + side, lat + side)
                    .parse()
                    .unwrap();
                Filter {
                    bbox: Some(bbox),
                    ..Filter::default()
                }
            })
            .collect()
    };
    let mut group = c.benchmark_group("postgis_1m");
    for (name, store) in &stores {
        let mut i = 0;
        group.bench_function(format!("{name}/near_k{NEAR_K}"), |b| {
            b.iter(|| {
                i = (i + 1) % CENTERS;
                black_box(store.near(centers[i], None, NEAR_K).unwrap())
            })
        });
        group.bench_function(format!("{name}/near_{NEAR_RADIUS_KM}km_k100"), |b| {
            b.iter(|| {
                i = (i + 1) % CENTERS;
                black_box(store.near(centers[i], Some(NEAR_RADIUS_KM), 100).unwrap())
            })
        });
        for side in BOX_SIDES_DEG {
            let filters = boxes(side);
            group.bench_function(format!("{name}/bbox_{side}deg_page100"), |b| {
                b.iter(|| {
                    i = (i + 1) % CENTERS;
                    black_box(store.query(&filters[i], PAGE).unwrap())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
