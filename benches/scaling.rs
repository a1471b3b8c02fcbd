//! How geoparsing and extraction scale with the length of one text: the same shape of text at
//! 64 KB, 256 KB and 1 MB. Cost per byte should stay about constant (4× the text, about 4×
//! the time); a ratio of time at 1 MB to time at 64 KB well above 16 means a step is
//! super-linear. The shapes are the adversarial ones of long pasted or streamed input: the
//! seed article repeated, one place name repeated, one offset phrase repeated, many short
//! lines, many capitalised words that are not places, a long article with many captions, and
//! one long paragraph of event sentences that name no place.
//! Every input is built deterministically, so a figure can be reproduced.
//!
//! `cargo bench --bench scaling`; figures in `BENCHMARKS.md` ("Reliability (issue 8)").

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use incident_atlas::extract::extract;
use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::geoparse::geoparse;

/// Text sizes measured, in bytes.
const SIZES: &[usize] = &[64 * 1024, 256 * 1024, 1024 * 1024];
/// Samples per measurement: the fewest criterion takes, as one 1 MB run takes seconds.
const SAMPLES: usize = 10;
/// Time spent warming up before each measurement, in seconds.
const WARM_UP_SECS: u64 = 1;
/// Time spent measuring each size, in seconds.
const MEASUREMENT_SECS: u64 = 3;

const SEED: &str = include_str!("../tests/data/vakhdat-prison-riot.txt");
/// A photo caption paragraph, as wire pages carry after many paragraphs.
const CAPTION: &str = "Smoke rises after a blast in Kabul on Sunday. (AP Photo/Jane Doe)\n\n";
/// Capitalised words that are not places, as in names, titles and organisations.
const CAPITALISED: &[&str] = &[
    "Minister",
    "Spokesman",
    "Committee",
    "Brigadier",
    "Tuesday",
    "Ministry",
    "Council",
    "Statement",
    "Commander",
    "Deputy",
    "Reuters",
    "Agency",
    "Office",
    "Islamic",
    "National",
];

/// `unit` repeated until the text reaches `bytes`.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// One text of `bytes` of each shape, named.
fn shapes(bytes: usize) -> Vec<(&'static str, String)> {
    let seed_paragraphs: Vec<&str> = SEED.split("\n\n").collect();
    let captioned: String = seed_paragraphs
        .iter()
        .map(|p| format!("{p}\n\n{CAPTION}"))
        .collect();
    let capitalised = CAPITALISED.join(" ") + " ";
    vec![
        ("seed article", repeated(&format!("{SEED}\n\n"), bytes)),
        ("place name", repeated("Dushanbe, ", bytes)),
        (
            "offset phrase",
            repeated("70 km south-east of Dushanbe. ", bytes),
        ),
        (
            "short lines",
            repeated("Gunmen killed two police officers in Kabul.\n", bytes),
        ),
        ("capitalised words", repeated(&capitalised, bytes)),
        ("captions", repeated(&captioned, bytes)),
        (
            "event sentences",
            repeated("Gunmen attacked a bus on Monday, killing 5 people. ", bytes),
        ),
    ]
}

/// One group, `scaling/{step}`: `run` over every shape at every size.
fn scaling_group(c: &mut Criterion, step: &str, run: impl Fn(&str)) {
    let mut group = c.benchmark_group(format!("scaling/{step}"));
    group
        .sample_size(SAMPLES)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(WARM_UP_SECS))
        .measurement_time(Duration::from_secs(MEASUREMENT_SECS));
    for &bytes in SIZES {
        for (shape, text) in shapes(bytes) {
            group.throughput(Throughput::Bytes(text.len() as u64));
            let id = BenchmarkId::new(shape, bytes / 1024);
            group.bench_with_input(id, &text, |b, text| b.iter(|| run(black_box(text))));
        }
    }
    group.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let gazetteer = Gazetteer::load().expect("the embedded gazetteer loads");
    let published = NaiveDate::from_ymd_opt(2019, 5, 20).expect("a valid date");
    scaling_group(c, "geoparse", |text| {
        black_box(geoparse(&gazetteer, text).expect("within MAX_TEXT_BYTES"));
    });
    scaling_group(c, "extract", |text| {
        black_box(extract(text, published, &gazetteer));
    });
}

criterion_group!(benches, bench_scaling);
criterion_main!(benches);
