//! The PostGIS store answers exactly as the SQLite store on the same seeded incidents: pages and
//! `numberMatched` under every filter (boxes across the antimeridian, dates, category), k-nearest
//! and radius queries (bit-identical `distance_km`, ties by id, caps over the poles and the
//! antimeridian), extents and checksums. Runs only with `INCIDENT_ATLAS_TEST_PG` set; in CI a
//! missing server fails.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::pg::{TestDatabase, required_server_url};
use incident_atlas::extract::DatePrecision;
use incident_atlas::incident::{Category, Incident, LonLat, Reporting, Source};
use incident_atlas::index::BBox;
use incident_atlas::store::{
    DateInterval, Filter, IncidentStore, Page, PostgisStore, SqliteStore, checksum,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const INCIDENTS: usize = 20_000;
const QUERIES: usize = 60;
const SEED: u64 = 0x9057_6155;
/// Every n-th incident reuses an earlier point, so distance ties must be broken by id.
const TIE_EVERY: usize = 7;
const CATEGORIES: [Category; 3] = [Category::Clash, Category::Riot, Category::Protest];

fn random_point(rng: &mut StdRng) -> LonLat {
    let lat = rng.random_range(-1.0f64..=1.0).asin().to_degrees();
    LonLat::new(rng.random_range(-180.0..=180.0), lat).unwrap()
}

fn incidents(rng: &mut StdRng) -> Vec<Incident> {
    let first_day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut points: Vec<LonLat> = Vec::new();
    (0..INCIDENTS)
        .map(|i| {
            let point = if i % TIE_EVERY == 0 && !points.is_empty() {
                points[rng.random_range(0..points.len())]
            } else {
                random_point(rng)
            };
            points.push(point);
            Incident {
                id: format!("{:08x}", rng.random::<u32>()) + &format!("-{i}"),
                title: format!("incident {i}"),
                category: CATEGORIES[i % CATEGORIES.len()],
                occurred_on: first_day + chrono::Days::new(rng.random_range(0..60)),
                fatalities: (i % 3 == 0).then_some(i as u32),
                point,
                uncertainty_km: Some(rng.random_range(0.0..50.0)),
                precision: None,
                location_text: Some(format!("place {i}")),
                source_url: None,
                summary: None,
                created_at: Utc.timestamp_nanos(1_700_000_000_123_456_789 + i as i64),
                reporting: reporting(i),
            }
        })
        .collect()
}

/// Every n-th incident carries article provenance (date precision, injuries, sources).
const REPORTED_EVERY: usize = 5;

/// What articles said of incident `i`: nothing, or a precision, injuries and two sources with
/// text that needs escaping, so every reporting field round-trips on both back ends.
fn reporting(i: usize) -> Reporting {
    if i % REPORTED_EVERY != 0 {
        return Reporting::default();
    }
    let precisions = [
        DatePrecision::Day,
        DatePrecision::Week,
        DatePrecision::Month,
    ];
    let source = |n: usize| Source {
        source_url: (n % 2 == 0).then(|| format!("https://news.example/{i}?q='x\"&n={n}")),
        published: NaiveDate::from_ymd_opt(2020, 3, 1).unwrap(),
        sentence_start: n * 10,
        sentence_end: n * 10 + 9,
        article_digest: format!("{i:016x}"),
    };
    Reporting {
        date_precision: Some(precisions[i % precisions.len()]),
        injuries: (i % 2 == 0).then_some(i as u32),
        sources: vec![source(0), source(1)],
    }
}

fn random_filter(rng: &mut StdRng) -> Filter {
    let min_lon = rng.random_range(-180.0..180.0);
    let max_lon = rng.random_range(-180.0..180.0);
    let min_lat = rng.random_range(-90.0..60.0);
    let bbox = format!("{min_lon},{min_lat},{max_lon},{}", min_lat + 30.0);
    let day = |d| NaiveDate::from_ymd_opt(2020, 1, d);
    Filter {
        bbox: rng.random_bool(0.8).then(|| bbox.parse::<BBox>().unwrap()),
        dates: if rng.random_bool(0.5) {
            DateInterval {
                start: day(rng.random_range(1..15)),
                end: day(rng.random_range(15..31)),
            }
        } else {
            DateInterval::default()
        },
        category: rng
            .random_bool(0.3)
            .then(|| CATEGORIES[rng.random_range(0..CATEGORIES.len())]),
    }
}

/// A PostGIS store on a database of its own, dropped with the returned guard; `None` (the test
/// is skipped) when no server is configured.
fn fresh_store() -> Option<(TestDatabase, PostgisStore)> {
    let base = required_server_url("postgis_store_test")?;
    let database = TestDatabase::create(&base);
    let store = PostgisStore::connect(&database.url()).unwrap();
    Some((database, store))
}

#[test]
fn postgis_answers_exactly_as_sqlite() {
    let Some((_database, postgis)) = fresh_store() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = SqliteStore::open(&dir.path().join("x.db")).unwrap();
    let mut rng = StdRng::seed_from_u64(SEED);
    let all = incidents(&mut rng);
    for chunk in all.chunks(5000) {
        sqlite.insert_batch(chunk).unwrap();
        postgis.insert_batch(chunk).unwrap();
    }
    assert_eq!(checksum(&sqlite).unwrap(), checksum(&postgis).unwrap());
    assert_eq!(sqlite.extent().unwrap(), postgis.extent().unwrap());

    for _ in 0..QUERIES {
        let filter = random_filter(&mut rng);
        let page = Page {
            limit: rng.random_range(1..200),
            offset: rng.random_range(0..50),
        };
        assert_eq!(
            sqlite.query(&filter, page).unwrap(),
            postgis.query(&filter, page).unwrap(),
            "{filter:?} {page:?}"
        );
    }

    let special = [
        (179.99, -16.0),
        (-179.99, 10.0),
        (0.0, 89.9),
        (45.0, -89.95),
    ];
    let centers: Vec<LonLat> = special
        .iter()
        .map(|&(lon, lat)| LonLat::new(lon, lat).unwrap())
        .chain((0..QUERIES).map(|_| random_point(&mut rng)))
        .chain(all.iter().step_by(INCIDENTS / 20).map(|i| i.point))
        .collect();
    for center in centers {
        let k = rng.random_range(1..40);
        for radius in [None, Some(rng.random_range(1.0..900.0))] {
            assert_eq!(
                sqlite.near(center, radius, k).unwrap(),
                postgis.near(center, radius, k).unwrap(),
                "near {center:?} radius {radius:?} k {k}"
            );
        }
    }
}

#[test]
fn a_duplicate_id_fails_the_whole_batch_on_postgis() {
    let Some((_database, store)) = fresh_store() else {
        return;
    };
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut batch = incidents(&mut rng);
    batch.truncate(3);
    store.insert(&batch[0]).unwrap();
    let err = store.insert_batch(
        &batch[1..]
            .iter()
            .chain(&batch[..1])
            .cloned()
            .collect::<Vec<_>>(),
    );
    assert!(
        matches!(&err, Err(incident_atlas::store::StoreError::Duplicate(id)) if *id == batch[0].id),
        "{err:?}"
    );
    assert_eq!(store.count(&Filter::default()).unwrap(), 1);
    assert!(store.delete(&batch[0].id).unwrap());
    assert!(!store.delete(&batch[0].id).unwrap());
    assert_eq!(store.extent().unwrap(), None);
}

#[test]
fn update_replaces_every_field_and_moves_the_point_on_postgis() {
    let Some((_database, store)) = fresh_store() else {
        return;
    };
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut all = incidents(&mut rng);
    all.truncate(REPORTED_EVERY + 1);
    store.insert_batch(&all).unwrap();
    let mut changed = all[1].clone();
    changed.title = "moved and reported".into();
    changed.point = LonLat::new(-179.5, -45.0).unwrap();
    changed.reporting = reporting(0);
    assert!(store.update(&changed).unwrap());
    assert_eq!(store.get(&changed.id).unwrap(), Some(changed.clone()));
    let nearest = store.near(changed.point, Some(1.0), 1).unwrap();
    assert_eq!(nearest[0].incident, changed);
    let mut absent = changed;
    absent.id = "no-such-id".into();
    assert!(!store.update(&absent).unwrap());
    assert_eq!(store.count(&Filter::default()).unwrap(), all.len() as u64);
}
