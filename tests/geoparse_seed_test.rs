//! The seed article through the real binary: `incident-atlas geoparse tests/data/vakhdat-prison-riot.txt`,
//! and the binary's `--hint`.

mod common;

use std::process::Command;

use common::run_with_stdin;

use serde_json::Value;

const ARTICLE: &str = "tests/data/vakhdat-prison-riot.txt";
/// Dushanbe's GeoNames point and the sphere of the contract, to check the offset independently.
const DUSHANBE: (f64, f64) = (38.53575, 68.77905);
const EARTH_RADIUS_KM: f64 = 6371.0088;

fn mentions() -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_incident-atlas"))
        .args(["geoparse", ARTICLE])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn find<'a>(mentions: &'a [Value], text: &str) -> &'a Value {
    mentions
        .iter()
        .find(|m| m["text"] == text)
        .unwrap_or_else(|| panic!("no mention {text:?}"))
}

/// The point `km` from (lat, lon) on `bearing` degrees, on the contract's sphere.
fn destination(lat: f64, lon: f64, bearing: f64, km: f64) -> (f64, f64) {
    let (p1, l1, b, d) = (
        lat.to_radians(),
        lon.to_radians(),
        bearing.to_radians(),
        km / EARTH_RADIUS_KM,
    );
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).asin();
    let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    (p2.to_degrees(), l2.to_degrees())
}

#[test]
fn seed_article_places_are_found_and_resolved() {
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let mentions = mentions();
    for m in &mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], m["text"].as_str().unwrap());
    }
    let vakhdat = find(&mentions, "Vakhdat");
    assert_eq!(vakhdat["location"]["precision"], "exact");
    assert_eq!(vakhdat["location"]["anchor"]["country_code"], "TJ");
    let near = find(&mentions, "10 kilometres from the capital Dushanbe");
    assert_eq!(near["location"]["precision"], "near");
    assert_eq!(near["location"]["anchor"]["name"], "Dushanbe");
    let offset = &find(&mentions, "70 kilometres sound-east of Dushanbe")["location"];
    assert_eq!(offset["precision"], "offset");
    let (lat, lon) = destination(DUSHANBE.0, DUSHANBE.1, 135.0, 70.0);
    let (dlat, dlon) = (
        offset["lat"].as_f64().unwrap() - lat,
        offset["lon"].as_f64().unwrap() - lon,
    );
    let error_km = (dlat.powi(2) + (dlon * lat.to_radians().cos()).powi(2)).sqrt() * 111.195;
    assert!(
        error_km < 10.0,
        "offset point {error_km} km from the expected point"
    );
    assert_eq!(offset["offset"]["bearing_deg"], 135.0);
    for (name, precision) in [
        ("Tajikistan", "country"),
        ("Iraq", "country"),
        ("Syria", "country"),
        ("Russia", "country"),
        ("United States", "country"),
        ("Central Asia", "region"),
    ] {
        assert_eq!(
            find(&mentions, name)["location"]["precision"],
            precision,
            "{name}"
        );
    }
}

#[test]
fn seed_article_persons_organisations_and_demonyms_are_not_places() {
    let mentions = mentions();
    for m in &mentions {
        let t = m["text"].as_str().unwrap();
        for not_a_place in [
            "Baghdadi", "Abu", "Bakr", "Gulmurod", "Khalimov", "Soufan", "Justice", "Ministry",
            "Islamic", "State", "Swiss", "Dutch", "Kurdish", "Aamaq", "ISIS", "IS", "Western",
            "Sunday", "US", "Russian",
        ] {
            assert!(
                t.split(|c: char| !c.is_alphanumeric())
                    .all(|w| w != not_a_place),
                "{t:?} is not a place"
            );
        }
    }
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, b"in Kabul \xff\xfe").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_incident-atlas"))
        .arg("geoparse")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

#[test]
fn geocode_accepts_offset_descriptions() {
    let out = Command::new(env!("CARGO_BIN_EXE_incident-atlas"))
        .args(["geocode", "70 km south-east of Dushanbe"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let location: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(location["precision"], "offset");
    assert!((location["lat"].as_f64().unwrap() - 38.09).abs() < 0.02);
    assert!((location["lon"].as_f64().unwrap() - 69.35).abs() < 0.02);
}

#[test]
fn the_hint_constrains_same_named_towns_and_rejects_unknown_areas() {
    let text = "Clashes broke out in Valencia on Monday.";
    let out = run_with_stdin(&["geoparse", "--hint", "Spain"], text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mentions: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(mentions[0]["location"]["anchor"]["country_code"], "ES");

    let out = run_with_stdin(&["geoparse", "--hint", "Spain,Atlantis"], text.as_bytes());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Atlantis"));
}
