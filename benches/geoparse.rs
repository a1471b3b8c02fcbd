//! Geoparsing throughput over a realistic article mix: the seed article and the gold-set
//! sentences, concatenated into one ~20 KB news text. `cargo bench --bench geoparse`.

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

fn bench_geoparse(c: &mut Criterion) {
    let gazetteer = Gazetteer::load().unwrap();
    let text = article_mix();
    let mut group = c.benchmark_group("geoparse");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("article_mix", |b| {
        b.iter(|| geoparse(&gazetteer, std::hint::black_box(&text)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench_geoparse);
criterion_main!(benches);
