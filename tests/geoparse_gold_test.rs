//! The geoparser against a hand-annotated gold set (`tests/data/geoparse-gold.jsonl`): news-style
//! sentences from every continent with offsets, near/outskirts phrases, ambiguous towns and
//! non-places. True points are the places' coordinates; offset points are the geodesic
//! destination from the true anchor.

use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::geoparse::{ACCURACY_KM, GoldMention, Score, distance_km, geoparse};
use serde::Deserialize;

const MIN_F1: f64 = 0.90;
const MIN_ACCURACY: f64 = 0.95;
/// Offsets must land within this share of the stated distance of the gold point...
const OFFSET_TOLERANCE: f64 = 0.15;
/// ...for at least this share of the offset mentions.
const MIN_OFFSET_SHARE: f64 = 0.90;

#[derive(Deserialize)]
struct GoldRecord {
    start: usize,
    end: usize,
    lat: f64,
    lon: f64,
    offset_km: Option<f64>,
}

#[derive(Deserialize)]
struct Sentence {
    text: String,
    mentions: Vec<GoldRecord>,
}

#[test]
fn gold_set_meets_detection_resolution_and_offset_targets() {
    let gazetteer = Gazetteer::load().unwrap();
    let data = include_str!("data/geoparse-gold.jsonl");
    let mut score = Score::default();
    let (mut offsets, mut offsets_ok) = (0, 0);
    let mut report = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let sentence: Sentence = serde_json::from_str(line).unwrap();
        let predicted = geoparse(&gazetteer, &sentence.text).unwrap();
        let gold: Vec<GoldMention> = sentence
            .mentions
            .iter()
            .map(|g| GoldMention {
                start: g.start,
                end: g.end,
                lat: g.lat,
                lon: g.lon,
            })
            .collect();
        let before = (score.false_positives, score.false_negatives);
        let matches = score.add(&predicted, &gold);
        for m in &matches {
            let g = &sentence.mentions[m.gold];
            if let Some(km) = g.offset_km {
                offsets += 1;
                let p = &predicted[m.predicted].location;
                if distance_km(p.lat, p.lon, g.lat, g.lon) <= OFFSET_TOLERANCE * km {
                    offsets_ok += 1;
                } else {
                    report.push(format!(
                        "offset off: {:?} in {:?}",
                        predicted[m.predicted].text, sentence.text
                    ));
                }
            }
            if m.error_km > ACCURACY_KM {
                report.push(format!(
                    "{:.0} km off: {:?}",
                    m.error_km, predicted[m.predicted].text
                ));
            }
        }
        if (score.false_positives, score.false_negatives) != before {
            let found: Vec<&str> = predicted.iter().map(|m| m.text.as_str()).collect();
            report.push(format!("detection: {:?} -> {found:?}", sentence.text));
        }
    }
    let offset_share = offsets_ok as f64 / offsets.max(1) as f64;
    let summary = format!(
        "P {:.3} R {:.3} F1 {:.3} acc@161 {:.3} offsets {offsets_ok}/{offsets}\n{}",
        score.precision(),
        score.recall(),
        score.f1(),
        score.accuracy_within(ACCURACY_KM),
        report.join("\n")
    );
    println!("{summary}");
    assert!(
        score.true_positives + score.false_negatives >= 150,
        "gold set too small"
    );
    assert!(score.f1() >= MIN_F1, "{summary}");
    assert!(
        score.accuracy_within(ACCURACY_KM) >= MIN_ACCURACY,
        "{summary}"
    );
    assert!(
        offsets >= 20 && offset_share >= MIN_OFFSET_SHARE,
        "{summary}"
    );
}
