//! Geoparsing throughput over two article mixes. `cargo bench --bench geoparse`.
//!
//! - `article_mix`: the seed article twice and every gold-set sentence, about 22 KB. Every
//!   sentence was written to hold places, offsets and traps, so it is far denser in names
//!   than news copy: the worst case.
//! - `wire_reports`: the sixteen wire-style conflict reports of `tests/data/articles/`, about
//!   11 KB: the copy the product is fed.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::geoparse::geoparse;

fn article_mix() -> String {
    let seed = include_str!("../tests/data/vakhdat-prison-riot.txt");
    let gold: String = include_str!("../tests/data/geoparse-gold.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect::<Vec<_>>()
        .join(" ");
    format!("{seed}\n\n{gold}\n\n{seed}")
}

/// The wire reports, in file-name order, one after another.
fn wire_reports() -> String {
    common::test_article_texts().join("\n\n")
}

fn bench_geoparse(c: &mut Criterion) {
    let gazetteer = Gazetteer::load().unwrap();
    let mut group = c.benchmark_group("geoparse");
    for (name, text) in [
        ("article_mix", article_mix()),
        ("wire_reports", wire_reports()),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| geoparse(&gazetteer, std::hint::black_box(&text)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench_geoparse);
criterion_main!(benches);
