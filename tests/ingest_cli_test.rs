//! `incident-atlas ingest` on the real binary with a temporary database: it prints the
//! FeatureCollection of what it stored, a second ingestion of the same article stores nothing
//! (and says so on stderr), the same riot reported by another outlet merges into the stored
//! incident with both sources, and invalid UTF-8 is a clear error with exit 1.

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
