//! `incident-atlas ingest` on the real binary with a temporary database: it prints the
//! FeatureCollection of what it stored, a second ingestion of the same article stores nothing
//! (and says so on stderr), the same riot reported by another outlet merges into the stored
//! incident with both sources, an article whose only places are its wire datelines is located
//! there, and invalid UTF-8 is a clear error with exit 1.

mod common;

use std::path::Path;
use std::process::Output;

use common::{data, run, run_with_stdin, temp_db};
use serde_json::Value;

const SEED_URL: &str = "https://news.example/2019/05/20/tajikistan-prison-riot";
const FOLLOW_UP_URL: &str = "https://wire.example/2019/05/21/tajik-prison-riot";

/// A second, shorter report of the Vakhdat riot, published a day later by another outlet.
const FOLLOW_UP: &str = "Tajik prison riot leaves 32 dead\n\n\
DUSHANBE (Wire) - Inmates rioted at a high-security prison in Vakhdat on Sunday, and 32 people \
were killed before security forces restored order, the justice ministry said. Five guards \
were injured.";

/// A bombing in Kabul filed from Washington, the dateline with a date of its own.
const FILED_ELSEWHERE: &str =
    "WASHINGTON, March 1 (AP) - A bombing in Kabul killed 12 people on Sunday, officials said.";

/// Kabul and Washington as [lon, lat], in degrees.
const KABUL: [f64; 2] = [69.17, 34.53];
const WASHINGTON: [f64; 2] = [-77.04, 38.90];
/// How far a stored point may lie from the expected one, in degrees of lon and of lat.
const TOLERANCE_DEG: f64 = 0.2;

fn ingest_seed(db: &Path) -> Output {
    let seed = data("vakhdat-prison-riot.txt");
    let (seed, db) = (seed.to_str().unwrap(), db.to_str().unwrap());
    run(&[
        "ingest",
        seed,
        "--published",
        "2019-05-20",
        "--source",
        SEED_URL,
        "--db",
        db,
    ])
}

fn features(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let collection: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(collection["type"], "FeatureCollection");
    collection["features"].as_array().unwrap().clone()
}

fn export(db: &Path) -> Vec<Value> {
    features(&run(&["export", "--db", db.to_str().unwrap()]))
}

#[test]
fn ingest_prints_what_it_stored_and_a_second_run_stores_nothing() {
    let (_dir, db) = temp_db();
    let first = features(&ingest_seed(&db));
    assert_eq!(first.len(), 3);
    assert_eq!(first[0]["properties"]["category"], "riot");
    assert_eq!(first[0]["properties"]["fatalities"], 32);

    let again = ingest_seed(&db);
    assert!(features(&again).is_empty());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("nothing new was stored"), "{stderr}");
    assert_eq!(export(&db).len(), 3);
}

#[test]
fn the_same_riot_from_another_article_merges_into_one_incident_with_two_sources() {
    let (_dir, db) = temp_db();
    features(&ingest_seed(&db));
    let args = [
        "ingest",
        "--published",
        "2019-05-21",
        "--source",
        FOLLOW_UP_URL,
        "--db",
        db.to_str().unwrap(),
    ];
    let merged = features(&run_with_stdin(&args, FOLLOW_UP.as_bytes()));
    assert_eq!(merged.len(), 1, "{merged:#?}");
    let riot = &merged[0]["properties"];
    assert_eq!(riot["occurred_on"], "2019-05-19");
    assert_eq!(riot["fatalities"], 32);
    assert_eq!(riot["injuries"], 5);
    let urls: Vec<&str> = riot["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source_url"].as_str().unwrap())
        .collect();
    assert_eq!(urls, [SEED_URL, FOLLOW_UP_URL]);
    assert_eq!(riot["sources"][1]["published"], "2019-05-21");

    let all = export(&db);
    assert_eq!(all.len(), 3, "merged, not added");
    let stored = all.iter().find(|f| f["id"] == merged[0]["id"]).unwrap();
    assert_eq!(stored["properties"]["sources"], riot["sources"]);

    let again = features(&run_with_stdin(&args, FOLLOW_UP.as_bytes()));
    assert!(again.is_empty(), "the follow-up is already recorded");
}

/// The point, place words, precision and date of a stored incident.
fn placed(feature: &Value) -> ([f64; 2], &str, &str, &str) {
    let at = &feature["geometry"]["coordinates"];
    let p = &feature["properties"];
    (
        [at[0].as_f64().unwrap(), at[1].as_f64().unwrap()],
        p["location_text"].as_str().unwrap(),
        p["precision"].as_str().unwrap(),
        p["occurred_on"].as_str().unwrap(),
    )
}

fn assert_near(got: [f64; 2], want: [f64; 2]) {
    let close = got
        .iter()
        .zip(want)
        .all(|(g, w)| (g - w).abs() < TOLERANCE_DEG);
    assert!(close, "{got:?} is not near {want:?}");
}

/// Regression (datelines): the geoparser finds the dateline's place, which the sentence leaves
/// out; an incident nothing else locates was skipped, and is now placed where it was filed.
#[test]
fn an_article_located_only_by_its_datelines_stores_its_incidents_there() {
    let (_dir, db) = temp_db();
    let article = data("dateline-only-places.txt");
    let args = [
        "ingest",
        article.to_str().unwrap(),
        "--published",
        "2024-03-06",
        "--db",
        db.to_str().unwrap(),
    ];
    let stored = features(&run(&args));
    assert_eq!(stored.len(), 2, "{stored:#?}");
    let (kabul, washington) = (placed(&stored[0]), placed(&stored[1]));
    assert_eq!(stored[0]["properties"]["category"], "bombing");
    assert_eq!(
        (kabul.1, kabul.2, kabul.3),
        ("KABUL", "exact", "2024-03-03")
    );
    assert_near(kabul.0, KABUL);
    assert_eq!(
        (washington.1, washington.2, washington.3),
        ("WASHINGTON", "exact", "2024-03-04")
    );
    assert_near(washington.0, WASHINGTON);
    assert_eq!(export(&db).len(), 2);

    let args = [
        "ingest",
        "--published",
        "2024-03-06",
        "--db",
        db.to_str().unwrap(),
    ];
    let stored = features(&run_with_stdin(&args, FILED_ELSEWHERE.as_bytes()));
    assert_eq!(stored.len(), 1, "{stored:#?}");
    let (at, text, precision, on) = placed(&stored[0]);
    assert_eq!(
        (text, precision, on),
        ("Kabul", "exact", "2024-03-03"),
        "not the dateline's"
    );
    assert_near(at, KABUL);
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let (_dir, db) = temp_db();
    let out = run_with_stdin(
        &["ingest", "--db", db.to_str().unwrap()],
        b"Riots broke out in \xff Vakhdat.",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_hint_that_names_no_area_is_a_clear_error() {
    let (_dir, db) = temp_db();
    let db = db.to_str().unwrap();
    let text = b"Gunmen killed three people at a market in Valencia on Monday.";
    let out = run_with_stdin(&["ingest", "--hint", "Atlantis", "--db", db], text);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Atlantis"), "{stderr}");

    let placed = features(&run_with_stdin(
        &["ingest", "--hint", "Spain", "--db", db],
        text,
    ));
    assert_eq!(placed.len(), 1, "{placed:?}");
    let lat = placed[0]["geometry"]["coordinates"][1].as_f64().unwrap();
    assert!((lat - 39.47).abs() < 0.2, "Valencia, Spain: {lat}");
}
