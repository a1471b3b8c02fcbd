//! The R-tree at 10k, 100k and 1M synthetic incidents, against two baselines measured in the
//! same run on the same points and queries: SQLite's own R*Tree module (envelope prefilter,
//! then haversine and sort; k-nearest by growing caps) and a linear haversine scan.
//!
//! `cargo bench --bench index` (`-- near_radius` etc. to pick a group). Points come from
//! [`incident_atlas::synthetic`] (seed [`DATA_SEED`]), query points from the same generator with
//! another seed, so queries fall where incidents cluster, as users' do. Distances are km,
//! great-circle on the contract's sphere; boxes are 1° × 1° lon/lat.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::incident::LonLat;
use incident_atlas::index::{BBox, IndexEntry, SpatialIndex, cap_envelopes, distance_km};
use incident_atlas::synthetic::Generator;
use rusqlite::Connection;

/// Seed of the indexed incidents.
const DATA_SEED: u64 = 1;
/// Seed of the query points.
const QUERY_SEED: u64 = 2;
/// Index sizes measured.
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
/// Query points cycled through.
const QUERIES: usize = 256;
/// Radius of the near-point query, km.
const RADIUS_KM: f64 = 10.0;
/// Neighbours of the k-nearest query.
const K: usize = 10;
/// Side of the bbox query, degrees.
const BOX_DEG: f64 = 1.0;
/// First radius of the SQLite k-nearest cap search, km, and its growth per round.
const SQL_FIRST_RADIUS_KM: f64 = 10.0;
const SQL_RADIUS_GROWTH: f64 = 4.0;

fn entries(gazetteer: &Gazetteer, n: usize, seed: u64) -> Vec<IndexEntry> {
    let generator = Generator::new(gazetteer, seed).expect("the gazetteer has places");
    generator.take(n).map(|i| IndexEntry::of(&i)).collect()
}

/// An in-memory SQLite R*Tree over the points, with exact lon/lat as auxiliary columns.
fn sqlite_rtree(points: &[IndexEntry]) -> Connection {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE rt USING rtree(id, min_lon, max_lon, min_lat, max_lat, +lon, +lat)",
    )
    .unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut stmt = tx
            .prepare("INSERT INTO rt VALUES (?1, ?2, ?2, ?3, ?3, ?2, ?3)")
            .unwrap();
        for (i, e) in points.iter().enumerate() {
            stmt.execute((i as i64, e.point.lon(), e.point.lat()))
                .unwrap();
        }
    }
    tx.commit().unwrap();
    conn
}

/// `(distance_km, rowid)` of every point within `radius_km`, nearest first: the cap's
/// envelopes through the R*Tree, then haversine and sort.
fn sqlite_within(conn: &Connection, center: LonLat, radius_km: f64) -> Vec<(f64, i64)> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, lon, lat FROM rt WHERE min_lon <= ?2 AND max_lon >= ?1 \
             AND min_lat <= ?4 AND max_lat >= ?3",
        )
        .unwrap();
    let mut found = Vec::new();
    for env in cap_envelopes(center, radius_km) {
        let (lo, hi) = (env.lower(), env.upper());
        let rows = stmt
            .query_map((lo[0], hi[0], lo[1], hi[1]), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, f64>(1)?,
                    r.get::<_, f64>(2)?,
                ))
            })
            .unwrap();
        for row in rows {
            let (id, lon, lat) = row.unwrap();
            let d = distance_km(center, LonLat::new(lon, lat).unwrap());
            if d <= radius_km {
                found.push((d, id));
            }
        }
    }
    found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    found
}

fn sqlite_nearest(conn: &Connection, center: LonLat, k: usize) -> Vec<(f64, i64)> {
    let mut radius_km = SQL_FIRST_RADIUS_KM;
    loop {
        let mut found = sqlite_within(conn, center, radius_km);
        if found.len() >= k || radius_km >= incident_atlas::index::HALF_CIRCUMFERENCE_KM {
            found.truncate(k);
            return found;
        }
        radius_km *= SQL_RADIUS_GROWTH;
    }
}

fn sqlite_bbox_count(conn: &Connection, b: &BBox) -> usize {
    let mut stmt = conn
        .prepare_cached(
            "SELECT count(*) FROM rt WHERE min_lon <= ?2 AND max_lon >= ?1 \
             AND min_lat <= ?4 AND max_lat >= ?3",
        )
        .unwrap();
    let q = (b.min_lon, b.max_lon, b.min_lat, b.max_lat);
    stmt.query_row(q, |r| r.get::<_, i64>(0)).unwrap() as usize
}

fn linear_within(points: &[IndexEntry], center: LonLat, radius_km: f64) -> Vec<(f64, usize)> {
    let mut found: Vec<(f64, usize)> = points
        .iter()
        .enumerate()
        .map(|(i, e)| (distance_km(center, e.point), i))
        .filter(|(d, _)| *d <= radius_km)
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    found
}

fn linear_nearest(points: &[IndexEntry], center: LonLat, k: usize) -> Vec<(f64, usize)> {
    let mut all: Vec<(f64, usize)> = points
        .iter()
        .enumerate()
        .map(|(i, e)| (distance_km(center, e.point), i))
        .collect();
    let k = k.min(all.len());
    all.select_nth_unstable_by(k.saturating_sub(1), |a, b| a.0.total_cmp(&b.0));
    all.truncate(k);
    all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    all
}

fn boxes(centers: &[LonLat]) -> Vec<BBox> {
    centers
        .iter()
        .map(|c| {
            let (lon, lat) = (c.lon().clamp(-179.0, 179.0), c.lat().clamp(-89.0, 89.0));
            let h = BOX_DEG / 2.0;
            format!("{},{},{},{}", lon - h, lat - h, lon + h, lat + h)
                .parse()
                .unwrap()
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let gazetteer = Gazetteer::load().unwrap();
    let centers: Vec<LonLat> = entries(&gazetteer, QUERIES, QUERY_SEED)
        .iter()
        .map(|e| e.point)
        .collect();
    let bboxes = boxes(&centers);
    for n in SIZES {
        let points = entries(&gazetteer, n, DATA_SEED);
        let index = SpatialIndex::bulk_load(points.clone());
        let sql = sqlite_rtree(&points);
        let big = n >= 1_000_000;
        let mut group = c.benchmark_group(format!("index/{n}"));
        if big {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(8));
        }
        group.bench_function("bulk_load", |b| {
            b.iter_batched(
                || points.clone(),
                SpatialIndex::bulk_load,
                BatchSize::LargeInput,
            )
        });
        let mut q = 0;
        let mut next = || {
            q = (q + 1) % QUERIES;
            q
        };
        group.bench_function(BenchmarkId::new("near_10km", "rtree"), |b| {
            b.iter(|| black_box(index.nearest_within(centers[next()], RADIUS_KM)))
        });
        group.bench_function(BenchmarkId::new("near_10km", "sqlite_rtree"), |b| {
            b.iter(|| black_box(sqlite_within(&sql, centers[next()], RADIUS_KM)))
        });
        group.bench_function(BenchmarkId::new("near_10km_top10", "rtree"), |b| {
            b.iter(|| black_box(index.nearest(centers[next()], K, Some(RADIUS_KM))))
        });
        group.bench_function(BenchmarkId::new("near_10km_top10", "sqlite_rtree"), |b| {
            b.iter(|| {
                let mut found = sqlite_within(&sql, centers[next()], RADIUS_KM);
                found.truncate(K);
                black_box(found)
            })
        });
        group.bench_function(BenchmarkId::new("knn_10", "rtree"), |b| {
            b.iter(|| black_box(index.nearest(centers[next()], K, None)))
        });
        group.bench_function(BenchmarkId::new("knn_10", "sqlite_rtree"), |b| {
            b.iter(|| black_box(sqlite_nearest(&sql, centers[next()], K)))
        });
        group.bench_function(BenchmarkId::new("bbox_1deg", "rtree"), |b| {
            b.iter(|| black_box(index.locate_in_bbox(&bboxes[next()]).count()))
        });
        group.bench_function(BenchmarkId::new("bbox_1deg", "sqlite_rtree"), |b| {
            b.iter(|| black_box(sqlite_bbox_count(&sql, &bboxes[next()])))
        });
        group.bench_function(BenchmarkId::new("near_10km", "linear"), |b| {
            b.iter(|| black_box(linear_within(&points, centers[next()], RADIUS_KM)))
        });
        group.bench_function(BenchmarkId::new("knn_10", "linear"), |b| {
            b.iter(|| black_box(linear_nearest(&points, centers[next()], K)))
        });
        group.bench_function(BenchmarkId::new("bbox_1deg", "linear"), |b| {
            b.iter(|| {
                let bbox = &bboxes[next()];
                black_box(points.iter().filter(|e| bbox.contains(e.point)).count())
            })
        });
        group.finish();
    }
}

criterion_group!(index_benches, benches);
criterion_main!(index_benches);
