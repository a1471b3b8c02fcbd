//! Start-up from the SQLite store and GeoJSON serialisation, on synthetic incidents.
//!
//! `cargo bench --bench store`. Start-up is `SqliteStore::open` on a database of 10k, 100k and
//! 1M incidents (migrations check, one scan of the index columns, R-tree bulk load). GeoJSON is
//! measured for 1,000 and 100,000 features two ways in the same run: the borrowing
//! [`FeatureRef`] serialiser the service uses, and the `geojson::Feature` it replaced (the
//! baseline); plus a whole-store walk written to a sink, which is a layer download minus HTTP.
//! Resident memory after opening the 1M store is printed.

use std::hint::black_box;
use std::io::sink;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use incident_atlas::export::{Format, write_selection};
use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::incident::{FeatureRef, Incident};
use incident_atlas::store::{Filter, IncidentStore, SqliteStore};
use incident_atlas::synthetic::Generator;

/// Seed of the stored incidents.
const SEED: u64 = 1;
/// Store sizes measured for start-up.
const STORE_SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
/// Collection sizes measured for serialisation.
const FEATURE_COUNTS: [usize; 2] = [1_000, 100_000];
/// Incidents per write transaction while filling a store.
const FILL_BATCH: usize = 50_000;

/// Resident set size of this process in MiB, from /proc (Linux).
fn rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    Some(line.split_whitespace().nth(1)?.parse::<u64>().ok()? / 1024)
}

/// A database of `n` synthetic incidents in a temporary directory.
fn filled_store(gazetteer: &Gazetteer, n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("bench.db")).unwrap();
    let mut generator = Generator::new(gazetteer, SEED).unwrap();
    let mut left = n;
    while left > 0 {
        let batch: Vec<Incident> = generator.by_ref().take(left.min(FILL_BATCH)).collect();
        store.insert_batch(&batch).unwrap();
        left -= batch.len();
    }
    dir
}

fn startup(c: &mut Criterion, gazetteer: &Gazetteer) {
    let mut group = c.benchmark_group("store/open");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for n in STORE_SIZES {
        let dir = filled_store(gazetteer, n);
        let path = dir.path().join("bench.db");
        group.bench_with_input(BenchmarkId::from_parameter(n), &path, |b, path| {
            b.iter(|| black_box(SqliteStore::open(path).unwrap()))
        });
        if n == 1_000_000 {
            let before = rss_mib();
            let store = SqliteStore::open(&path).unwrap();
            let after = rss_mib();
            println!("RSS before/after opening {n} incidents: {before:?}/{after:?} MiB");
            group.throughput(Throughput::Elements(n as u64));
            group.bench_function("export_geojson_walk/1000000", |b| {
                b.iter(|| write_selection(&store, &Filter::default(), Format::GeoJson, sink()))
            });
            println!("incidents: {}", store.count(&Filter::default()).unwrap());
        }
    }
    group.finish();
}

fn geojson(c: &mut Criterion, gazetteer: &Gazetteer) {
    let mut group = c.benchmark_group("geojson");
    for n in FEATURE_COUNTS {
        let incidents: Vec<Incident> = Generator::new(gazetteer, SEED).unwrap().take(n).collect();
        group.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::new("feature_ref", n), |b| {
            b.iter(|| {
                let mut out = sink();
                for i in &incidents {
                    serde_json::to_writer(&mut out, &FeatureRef::of(i)).unwrap();
                }
            })
        });
        group.bench_function(BenchmarkId::new("geojson_feature_baseline", n), |b| {
            b.iter(|| {
                let mut out = sink();
                for i in &incidents {
                    serde_json::to_writer(&mut out, &i.to_feature()).unwrap();
                }
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    let gazetteer = Gazetteer::load().unwrap();
    geojson(c, &gazetteer);
    startup(c, &gazetteer);
}

criterion_group!(store_benches, benches);
criterion_main!(store_benches);
