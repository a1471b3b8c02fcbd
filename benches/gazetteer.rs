//! Gazetteer start-up and look-up speed.
//!
//! `cargo bench --bench gazetteer` measures loading the embedded tables (the start-up cost of
//! every process), and look-ups per second over a mix of plain, transliterated, ambiguous and
//! context-qualified names. It also prints the resident memory the loaded gazetteer adds.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use incident_atlas::gazetteer::Gazetteer;

/// A look-up mix in the proportions news copy has: mostly towns, some countries and regions,
/// some names that need context or a transliteration fallback.
const QUERIES: &[&str] = &[
    "Dushanbe",
    "Vakhdat",
    "Kofarnihon",
    "Herat",
    "Homs",
    "Ḩalab",
    "Kharkov",
    "Timbuktu",
    "Garissa",
    "Beni",
    "Mopti",
    "Lahore",
    "Paris",
    "Tripoli, Lebanon",
    "Jalal-Abad, Kyrgyzstan",
    "Tajikistan",
    "Central Asia",
    "United States",
    "Hodeidah",
    "Donetsk",
    "Mogadishu",
    "Kabul",
    "Portland, Oregon",
    "Maiduguri",
    "Nowhereville",
];

/// Resident set size of this process in KiB, from /proc (Linux).
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn load(c: &mut Criterion) {
    let before = rss_kib();
    let gazetteer = Gazetteer::load().expect("embedded gazetteer loads");
    if let (Some(b), Some(a)) = (before, rss_kib()) {
        println!(
            "gazetteer memory: {} places, resident set grew by {:.1} MiB on load",
            gazetteer.places().len(),
            (a.saturating_sub(b)) as f64 / 1024.0
        );
    }
    drop(gazetteer);
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(20);
    group.bench_function("load", |b| {
        b.iter(|| black_box(Gazetteer::load().expect("loads")))
    });
    group.finish();
}

fn lookup(c: &mut Criterion) {
    let gazetteer = Gazetteer::load().expect("embedded gazetteer loads");
    let mut group = c.benchmark_group("gazetteer");
    group.throughput(Throughput::Elements(QUERIES.len() as u64));
    group.bench_function("lookup_mix", |b| {
        b.iter(|| {
            for q in QUERIES {
                black_box(gazetteer.lookup(black_box(q)).expect("valid query"));
            }
        })
    });
    group.bench_function("geocode_mix", |b| {
        b.iter(|| {
            for q in QUERIES {
                black_box(gazetteer.geocode(black_box(q)).expect("valid query"));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, load, lookup);
criterion_main!(benches);
