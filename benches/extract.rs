//! Extraction throughput, in articles per second on one core, over ~4 kB wire-style articles
//! assembled deterministically from the test articles' paragraphs (no randomness, so the
//! figure can be reproduced). Two runs: extraction alone (no place finder), and extraction
//! with the geoparser (the production place finder), to show what place finding adds.
//!
//! `cargo bench --bench extract`; figures in `BENCHMARKS.md`.

mod common;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use incident_atlas::extract::{PlaceMention, extract};
use incident_atlas::gazetteer::Gazetteer;

/// Size each benchmark article reaches before it is closed, in bytes.
const ARTICLE_BYTES: usize = 4096;
/// How many distinct articles one iteration extracts.
const ARTICLES: usize = 64;
/// Step between the paragraphs an article takes, co-prime with most paragraph counts, so
/// articles differ from one another.
const PARAGRAPH_STRIDE: usize = 7;

/// Paragraphs of every test article, headlines included, in file-name order.
fn paragraphs() -> Vec<String> {
    common::test_article_texts()
        .iter()
        .flat_map(|text| text.split("\n\n").map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// `ARTICLES` articles of about `ARTICLE_BYTES` each.
fn articles() -> Vec<String> {
    let paragraphs = paragraphs();
    (0..ARTICLES)
        .map(|k| {
            let mut article = String::new();
            let mut i = k;
            while article.len() < ARTICLE_BYTES {
                article.push_str(&paragraphs[i % paragraphs.len()]);
                article.push_str("\n\n");
                i += PARAGRAPH_STRIDE;
            }
            article
        })
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let articles = articles();
    let published = NaiveDate::from_ymd_opt(2022, 10, 31).expect("a valid date");
    let no_places = |_: &str| Vec::<PlaceMention>::new();
    let gazetteer = Gazetteer::load().expect("the embedded gazetteer loads");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(ARTICLES as u64));
    group.bench_function("4kB articles, no place finder", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(extract(black_box(a), published, &no_places));
            }
        })
    });
    group.bench_function("4kB articles, geoparser", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(extract(black_box(a), published, &gazetteer));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
