//! `POST /api/articles` end to end on the real server: the seed article yields exactly its
//! three incidents, each of the sixteen wire-style articles yields the incidents its sidecar
//! lists (category, date and precision, counts, place within the incident's uncertainty), a
//! repeated article stores nothing, and bad bodies get 400 with a JSON error.

mod common;

use std::fs;

use chrono::NaiveDate;
use common::articles::{ExpectedIncident, TestArticle, test_articles};
use common::{Server, get, haversine_km, post, post_json, temp_db};
use serde_json::{Value, json};

/// Slack in km added to an incident's own uncertainty radius: the sidecars round their
/// coordinates, and a town's centre in the gazetteer is not the reporter's.
const SLACK_KM: f64 = 10.0;
/// Mean Earth radius in km, as the contract fixes it.
const EARTH_RADIUS_KM: f64 = 6371.0088;

fn ingest(server: &Server, text: &str, published: &str, url: &str) -> (u16, Vec<Value>) {
    let body = json!({"text": text, "published": published, "source_url": url});
    let r = post_json(&server.url("/api/articles"), &body);
    assert!(
        r.status == 201 || r.status == 200,
        "{}: {}",
        r.status,
        r.body
    );
    let collection = r.json();
    assert_eq!(collection["type"], "FeatureCollection");
    (r.status, collection["features"].as_array().unwrap().clone())
}

/// The feature's (lat, lon).
fn lat_lon(f: &Value) -> (f64, f64) {
    let c = &f["geometry"]["coordinates"];
    (c[1].as_f64().unwrap(), c[0].as_f64().unwrap())
}

/// The point `distance_km` from (lat, lon) at `bearing_deg`, on the contract's sphere.
fn destination(lat: f64, lon: f64, distance_km: f64, bearing_deg: f64) -> (f64, f64) {
    let (p1, l1, b) = (lat.to_radians(), lon.to_radians(), bearing_deg.to_radians());
    let d = distance_km / EARTH_RADIUS_KM;
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).asin();
    let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    (p2.to_degrees(), l2.to_degrees())
}

fn within(f: &Value, lat: f64, lon: f64, km: f64) -> bool {
    let (flat, flon) = lat_lon(f);
    haversine_km(flat, flon, lat, lon) <= km
}

const SEED_URL: &str = "https://news.example/2019/05/20/tajikistan-prison-riot";

#[test]
fn the_seed_article_yields_exactly_its_three_incidents() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let text = fs::read_to_string(common::data("vakhdat-prison-riot.txt")).unwrap();
    let (status, features) = ingest(&server, &text, "2019-05-20", SEED_URL);
    assert_eq!(status, 201);
    let p: Vec<&Value> = features.iter().map(|f| &f["properties"]).collect();
    assert_eq!(features.len(), 3, "{features:#?}");

    let riot = p[0];
    assert_eq!(riot["category"], "riot");
    assert_eq!(riot["occurred_on"], "2019-05-19");
    assert_eq!(riot["date_precision"], "day");
    assert_eq!(riot["fatalities"], 32);
    assert_eq!(riot["precision"], "exact");
    assert!(
        within(&features[0], 38.556, 69.014, 10.0),
        "{:?}",
        lat_lon(&features[0])
    );

    let attack = p[1];
    assert_eq!(attack["category"], "attack");
    assert_eq!(attack["occurred_on"], "2018-07-01");
    assert_eq!(attack["date_precision"], "month");
    assert_eq!(attack["fatalities"], 4);
    assert_eq!(attack["precision"], "offset");
    let (lat, lon) = destination(38.536, 68.780, 70.0, 135.0);
    assert!(
        within(&features[1], lat, lon, 10.0),
        "{:?}",
        lat_lon(&features[1])
    );

    let earlier = p[2];
    assert_eq!(earlier["category"], "riot");
    assert_eq!(earlier["occurred_on"], "2018-11-01");
    assert_eq!(earlier["date_precision"], "month");
    assert_eq!(earlier["fatalities"], 21);
    assert_eq!(earlier["precision"], "country");

    for props in &p {
        let sources = props["sources"].as_array().unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0]["source_url"], SEED_URL);
        assert_eq!(sources[0]["published"], "2019-05-20");
        let start = sources[0]["sentence_start"].as_u64().unwrap() as usize;
        let end = sources[0]["sentence_end"].as_u64().unwrap() as usize;
        assert_eq!(
            props["summary"],
            text[start..end],
            "the span is the sentence"
        );
    }
    let all = get(&server.url("/api/incidents")).json();
    assert_eq!(all["features"].as_array().unwrap().len(), 3, "nothing else");

    let (status, again) = ingest(&server, &text, "2019-05-20", SEED_URL);
    assert_eq!(
        (status, again.len()),
        (200, 0),
        "a repeated article stores nothing"
    );
    let all = get(&server.url("/api/incidents")).json();
    assert_eq!(all["features"].as_array().unwrap().len(), 3);
}

#[test]
fn every_test_article_yields_its_expected_incidents() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let articles = test_articles();
    assert_eq!(articles.len(), 16);
    let mut failures = Vec::new();
    for TestArticle {
        name,
        text,
        expected,
    } in &articles
    {
        let url = format!("https://wire.example/{name}");
        let (_, features) = ingest(&server, text, &expected.published.to_string(), &url);
        if features.len() != expected.incidents.len() {
            failures.push(format!(
                "{name}: {} incidents, want {}",
                features.len(),
                expected.incidents.len()
            ));
            continue;
        }
        for (f, want) in features.iter().zip(&expected.incidents) {
            if let Err(why) = check_facts(f, want, expected.published) {
                failures.push(format!("{name} ({}): {why}", want.location_text));
            }
            if let Err(why) = check_place(f, want) {
                failures.push(format!("{name} ({}): {why}", want.location_text));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Compares one stored feature's category, date and counts with its sidecar entry; an
/// undated incident is stored on the publication date with `date_precision` null.
fn check_facts(f: &Value, want: &ExpectedIncident, published: NaiveDate) -> Result<(), String> {
    let p = &f["properties"];
    let date = want.date.unwrap_or(published).to_string();
    let got = (
        p["category"].clone(),
        p["occurred_on"].clone(),
        p["date_precision"].clone(),
        p["fatalities"].clone(),
        p["injuries"].clone(),
    );
    let wanted = (
        json!(want.category),
        json!(date),
        json!(want.precision),
        json!(want.fatalities),
        json!(want.injuries),
    );
    if got != wanted {
        return Err(format!("got {got:?}, want {wanted:?}"));
    }
    Ok(())
}

/// Checks that the expected point lies within the feature's uncertainty radius plus slack.
fn check_place(f: &Value, want: &ExpectedIncident) -> Result<(), String> {
    let p = &f["properties"];
    let radius = p["uncertainty_km"].as_f64().ok_or("no uncertainty_km")?;
    let (lat, lon) = lat_lon(f);
    let d = haversine_km(lat, lon, want.lat, want.lon);
    if d > radius + SLACK_KM {
        return Err(format!(
            "{:?} at ({lat}, {lon}) is {d:.0} km from the expected point, radius {radius} km",
            p["location_text"]
        ));
    }
    Ok(())
}

#[test]
fn a_hint_places_an_article_in_the_areas_it_is_about() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let text = "Gunmen killed three people at a market in Valencia on Monday.";
    let place = |hint: Option<&str>, url: &str| {
        let mut body = json!({"text": text, "published": "2024-03-06", "source_url": url});
        if let Some(hint) = hint {
            body["hint"] = json!(hint);
        }
        let r = post_json(&server.url("/api/articles"), &body);
        assert_eq!(r.status, 201, "{}", r.body);
        let features = r.json()["features"].as_array().unwrap().clone();
        assert_eq!(features.len(), 1, "{features:?}");
        lat_lon(&features[0])
    };
    // Valencia, Spain (39.47 N, 0.38 W) with the hint; the larger Valencia, Venezuela
    // (10.16 N, 68.0 W) without.
    let (lat, lon) = place(Some("Spain"), "https://news.example/es");
    assert!(haversine_km(lat, lon, 39.47, -0.38) < 20.0, "{lat},{lon}");
    let (lat, lon) = place(None, "https://news.example/ve");
    assert!(haversine_km(lat, lon, 10.16, -68.0) < 20.0, "{lat},{lon}");
}

#[test]
fn bad_article_bodies_get_400_with_a_json_error() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let url = server.url("/api/articles");
    for body in [
        json!({"published": "2019-05-20"}),
        json!({"text": "Riots broke out.", "published": "20 May 2019"}),
        json!({"text": 42}),
        json!({"text": "   "}),
        json!({"text": "Riots broke out in Valencia.", "hint": "Atlantis"}),
    ] {
        let r = post_json(&url, &body);
        assert_eq!(r.status, 400, "{body}: {}", r.body);
        assert!(!r.error().is_empty());
    }
    let r = post(&url, "application/json", "{not json", None);
    assert_eq!(r.status, 400);
    let r = post(&url, "text/plain", "Riots broke out.", None);
    assert_eq!(r.status, 415);
}

#[test]
fn article_writes_need_the_token_when_the_server_has_one() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &["--token", "s3cret"]);
    let body = json!({"text": "Riots broke out in Vakhdat on Sunday.", "published": "2019-05-20"});
    let url = server.url("/api/articles");
    assert_eq!(post_json(&url, &body).status, 401);
    let r = post(&url, "application/json", &body.to_string(), Some("s3cret"));
    assert_eq!(r.status, 201, "{}", r.body);
}
