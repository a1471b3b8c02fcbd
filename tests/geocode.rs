//! `incident-atlas geocode` and `GET /api/geocode` against the real binary: place names from
//! every continent resolve within 10 km of the true town centre, ambiguous names follow their
//! context, and bad input gets a clear error and exit code, never a panic.

mod common;

use std::thread;

use common::{Server, data, get, haversine_km, percent_encode, run_with_stdin, temp_db};
use serde_json::Value;

/// How far (km) a resolved town may lie from its true centre.
const TOWN_TOLERANCE_KM: f64 = 10.0;
/// Threads running the binary at once (the CI machine has 2 cores).
const WORKERS: usize = 4;

struct Expected {
    query: String,
    lat: f64,
    lon: f64,
    country: String,
    precision: String,
}

fn expected_names() -> Vec<Expected> {
    let text = std::fs::read_to_string(data("geocode-names.tsv")).expect("read name table");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Expected {
                query: f[0].to_owned(),
                lat: f[1].parse().expect("lat"),
                lon: f[2].parse().expect("lon"),
                country: f[3].to_owned(),
                precision: f[4].to_owned(),
            }
        })
        .collect()
}

/// The mismatch between a Location answer and what was expected, if any.
fn mismatch(e: &Expected, location: &Value) -> Option<String> {
    let lat = location["lat"].as_f64()?;
    let lon = location["lon"].as_f64()?;
    let km = haversine_km(e.lat, e.lon, lat, lon);
    let country = location["anchor"]["country_code"].as_str().unwrap_or("");
    let precision = location["precision"].as_str().unwrap_or("");
    (km > TOWN_TOLERANCE_KM || country != e.country || precision != e.precision).then(|| {
        format!(
            "{:?}: got {} ({country}, {precision}) {km:.1} km from the true place",
            e.query, location["anchor"]["name"]
        )
    })
}

#[test]
fn cli_resolves_names_from_every_continent_within_10_km() {
    let names = expected_names();
    assert!(names.len() >= 60, "the table must hold at least 60 names");
    let failures: Vec<String> = thread::scope(|s| {
        let chunks: Vec<_> = names
            .chunks(names.len().div_ceil(WORKERS))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|e| {
                            let out = run_with_stdin(&["geocode", &e.query], b"");
                            if !out.status.success() {
                                return Some(format!(
                                    "{:?}: exit {:?}, {}",
                                    e.query,
                                    out.status.code(),
                                    String::from_utf8_lossy(&out.stderr)
                                ));
                            }
                            let v: Value = serde_json::from_slice(&out.stdout).ok()?;
                            mismatch(e, &v)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        chunks
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} misplaced:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn http_geocode_answers_like_the_cli() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let geocode = |q: &str| {
        get(&format!(
            "{}?q={}",
            server.url("/api/geocode"),
            percent_encode(q)
        ))
    };
    for e in expected_names().iter().step_by(7) {
        let reply = geocode(&e.query);
        assert_eq!(reply.status, 200, "{}: {}", e.query, reply.body);
        let v = reply.json();
        assert_eq!(mismatch(e, &v), None);
        assert_eq!(v["query"], e.query.as_str());
    }
    assert_eq!(geocode("Qwxzvbnm").status, 404);
    let empty = geocode("");
    assert_eq!(empty.status, 400);
    assert!(!empty.error().is_empty());
    assert_eq!(
        get(&server.url("/api/geocode")).status,
        400,
        "a missing q is a bad request"
    );
    // "Halfway between X and Y": the geodesic midpoint, an offset from X. Kabul (34.528,
    // 69.172) and Jalalabad (34.427, 70.456) are 118 km apart.
    let midway = geocode("halfway between Kabul and Jalalabad").json();
    assert_eq!(midway["precision"], "offset");
    assert_eq!(midway["anchor"]["name"], "Kabul");
    let lat = midway["lat"].as_f64().expect("lat");
    let lon = midway["lon"].as_f64().expect("lon");
    let (to_kabul, to_jalalabad) = (
        haversine_km(lat, lon, 34.528, 69.172),
        haversine_km(lat, lon, 34.427, 70.456),
    );
    assert!(
        (to_kabul - to_jalalabad).abs() < 2.0 && (to_kabul - 59.0).abs() < 2.0,
        "{to_kabul} {to_jalalabad}"
    );
    // "40 km from Timbuktu on the road to Goundam": the distance on the bearing from Timbuktu
    // (16.773, -3.007) to Goundam (16.415, -3.671), 81 km away.
    let road = geocode("40 km from Timbuktu on the road to Goundam").json();
    assert_eq!(road["precision"], "offset");
    assert_eq!(road["offset"]["distance_km"], 40.0);
    let lat = road["lat"].as_f64().expect("lat");
    let lon = road["lon"].as_f64().expect("lon");
    let (to_timbuktu, to_goundam) = (
        haversine_km(lat, lon, 16.773, -3.007),
        haversine_km(lat, lon, 16.415, -3.671),
    );
    assert!(
        (to_timbuktu - 40.0).abs() < 1.0 && (to_goundam - 41.0).abs() < 2.0,
        "{to_timbuktu} {to_goundam}"
    );
    assert_eq!(get(&server.url("/healthz")).status, 200);
}

#[test]
fn countries_regions_and_continents_resolve_with_their_precision() {
    for (query, precision, code) in [
        ("Tajikistan", "country", Some("TJ")),
        ("U.S.", "country", Some("US")),
        ("United States", "country", Some("US")),
        ("America", "country", Some("US")),
        ("Syria", "country", Some("SY")),
        ("Central Asia", "region", None),
        ("Sahel", "region", None),
        ("Horn of Africa", "region", None),
        ("Khatlon", "region", Some("TJ")),
        ("Africa", "continent", None),
    ] {
        let out = run_with_stdin(&["geocode", query], b"");
        assert!(
            out.status.success(),
            "{query}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(v["precision"], precision, "{query}");
        assert_eq!(v["anchor"]["country_code"].as_str(), code, "{query}");
        let radius = v["uncertainty_km"].as_f64().expect("uncertainty");
        assert!(
            radius > TOWN_TOLERANCE_KM,
            "{query}: an area is wider than a town ({radius} km)"
        );
    }
}

#[test]
fn bad_input_is_a_clear_error_never_a_panic() {
    let long = "Dushanbe ".repeat(100 * 1024 / 9);
    let cases: Vec<(Vec<&str>, Vec<u8>)> = vec![
        (vec!["geocode", ""], vec![]),
        (vec!["geocode", "   "], vec![]),
        (vec!["geocode", &long], vec![]),
        (vec!["geocode", "Dush\u{7}anbe"], vec![]),
        (vec!["geocode"], vec![0xff, 0xfe, b'a']),
        (vec!["geocode"], vec![]),
        (vec!["geocode", "Qwxzvbnm"], vec![]),
    ];
    for (args, stdin) in cases {
        let out = run_with_stdin(&args, &stdin);
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(matches!(code, Some(1 | 2)), "{args:?}: exit {code:?}");
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        assert!(
            stderr.trim().starts_with("error"),
            "{args:?}: unclear error {stderr:?}"
        );
        assert!(
            out.stdout.is_empty(),
            "{args:?}: printed a result on failure"
        );
    }
    let out = run_with_stdin(&["geocode", "--no-such-flag"], b"");
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
}
