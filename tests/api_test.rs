//! The incidents API against the real server: create, fetch, delete, filters (bbox across the
//! antimeridian, datetime, category), paging, near-point queries and persistence over a restart.

mod common;

use std::collections::HashSet;

use common::{Server, create, delete, feature, get, ids, post_json, temp_db};
use serde_json::{Value, json};

/// The five fixture incidents, newest first (the API's order).
fn seed(server: &Server) -> Vec<(String, &'static str)> {
    let rows = [
        ("Paris", "protest", "2023-01-15", 2.35, 48.86),
        ("Kabul", "bombing", "2021-08-26", 69.17, 34.53),
        ("Apia", "protest", "2021-07-10", -171.77, -13.83),
        ("Suva", "attack", "2020-03-01", 178.44, -18.14),
        ("Dushanbe", "riot", "2019-05-19", 68.78, 38.54),
    ];
    rows.iter()
        .map(|(t, c, d, lon, lat)| (create(server, &feature(t, c, d, *lon, *lat)), *t))
        .collect()
}

fn titles(collection: &Value) -> Vec<String> {
    collection["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["title"].as_str().unwrap().to_owned())
        .collect()
}

fn list(server: &Server, query: &str) -> Value {
    let r = get(&server.url(&format!("/api/incidents?{query}")));
    assert_eq!(r.status, 200, "{query}: {}", r.body);
    assert!(r.header("content-type").starts_with("application/geo+json"));
    r.json()
}

#[test]
fn create_fetch_delete() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let id = create(
        &server,
        &feature("Dushanbe", "riot", "2019-05-19", 68.78, 38.54),
    );
    let r = get(&server.url(&format!("/api/incidents/{id}")));
    assert_eq!(r.status, 200);
    let f = r.json();
    assert_eq!(f["type"], "Feature");
    assert_eq!(
        f["geometry"],
        json!({"type": "Point", "coordinates": [68.78, 38.54]})
    );
    assert_eq!(f["properties"]["category"], "riot");
    assert_eq!(f["properties"]["occurred_on"], "2019-05-19");
    assert_eq!(f["properties"]["fatalities"], 1);

    let other = create(
        &server,
        &feature("Dushanbe", "riot", "2019-05-19", 68.78, 38.54),
    );
    assert_ne!(id, other, "ids are unique");

    assert_eq!(
        delete(&server.url(&format!("/api/incidents/{id}")), None).status,
        204
    );
    let gone = get(&server.url(&format!("/api/incidents/{id}")));
    assert_eq!(gone.status, 404);
    gone.error();
    assert_eq!(
        delete(&server.url(&format!("/api/incidents/{id}")), None).status,
        404
    );
    assert_eq!(list(&server, "")["numberMatched"], 1);
    assert_eq!(
        get(&server.url(&format!("/api/incidents/{other}"))).status,
        200
    );
}

#[test]
fn location_text_without_geometry_is_resolved_by_the_gazetteer() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let body = json!({"title": "Clash", "category": "clash", "occurred_on": "2019-05-19",
                      "fatalities": 3, "location_text": "Dushanbe"});
    let r = post_json(&server.url("/api/incidents"), &body);
    assert_eq!(r.status, 201, "{}", r.body);
    let f = r.json();
    let [lon, lat] = [0, 1].map(|i| f["geometry"]["coordinates"][i].as_f64().unwrap());
    assert!(
        (lon - 68.78).abs() < 0.1 && (lat - 38.54).abs() < 0.1,
        "{lon} {lat}"
    );
    assert_eq!(f["properties"]["precision"], "exact");
    assert!(f["properties"]["uncertainty_km"].as_f64().unwrap() > 0.0);

    let nowhere = json!({"title": "x", "category": "clash", "occurred_on": "2019-05-19",
                         "location_text": "Qwzxqwzx Qwzx"});
    let r = post_json(&server.url("/api/incidents"), &nowhere);
    assert_eq!(r.status, 422);
    r.error();
}

#[test]
fn filters_by_bbox_datetime_and_category() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    seed(&server);
    assert_eq!(
        titles(&list(&server, "bbox=60,30,75,40")),
        ["Kabul", "Dushanbe"]
    );
    // A box across the antimeridian (minLon > maxLon) holds Fiji and Samoa.
    let pacific = list(&server, "bbox=170,-25,-165,-10");
    assert_eq!(titles(&pacific), ["Apia", "Suva"]);
    assert_eq!(pacific["numberMatched"], 2);
    assert_eq!(
        titles(&list(&server, "datetime=2021-01-01/..")),
        ["Paris", "Kabul", "Apia"]
    );
    assert_eq!(
        titles(&list(&server, "datetime=../2019-12-31")),
        ["Dushanbe"]
    );
    assert_eq!(titles(&list(&server, "datetime=2020-03-01")), ["Suva"]);
    assert_eq!(
        titles(&list(&server, "datetime=2020-01-01T00:00:00Z/2021-08-26")),
        ["Kabul", "Apia", "Suva"]
    );
    assert_eq!(
        titles(&list(&server, "category=protest")),
        ["Paris", "Apia"]
    );
    assert_eq!(
        titles(&list(&server, "category=protest&bbox=170,-25,-165,-10")),
        ["Apia"]
    );
}

#[test]
fn pages_follow_next_links_to_the_end() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let all: Vec<String> = seed(&server).into_iter().map(|(id, _)| id).collect();
    let mut url = server.url("/api/incidents?limit=2");
    let mut seen = Vec::new();
    loop {
        let page = get(&url).json();
        assert_eq!(page["numberMatched"], 5);
        assert!(page["numberReturned"].as_u64().unwrap() <= 2);
        seen.extend(ids(&page));
        let next = page["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["rel"] == "next");
        match next {
            Some(l) => url = l["href"].as_str().unwrap().to_owned(),
            None => break,
        }
    }
    assert_eq!(seen, all);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 5);
    let last = list(&server, "limit=2&offset=4");
    assert_eq!(last["numberReturned"], 1);
}

#[test]
fn near_orders_by_great_circle_distance() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    seed(&server);
    let r = get(&server.url("/api/incidents/near?lat=38.5&lon=68.8&limit=3"));
    assert_eq!(r.status, 200, "{}", r.body);
    let near = r.json();
    assert_eq!(titles(&near), ["Dushanbe", "Kabul", "Paris"]);
    let d: Vec<f64> = near["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["distance_km"].as_f64().unwrap())
        .collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]), "{d:?}");
    assert!(d[0] < 5.0);
    let within = get(&server.url("/api/incidents/near?lat=38.5&lon=68.8&radius_km=100")).json();
    assert_eq!(titles(&within), ["Dushanbe"]);
    // Across the antimeridian: Suva (Fiji) then Apia (Samoa), not anything in Asia.
    let pacific = get(&server.url("/api/incidents/near?lat=-16&lon=179.9&limit=2")).json();
    assert_eq!(titles(&pacific), ["Suva", "Apia"]);
}

#[test]
fn restart_on_the_same_file_gives_the_same_answers() {
    let (_dir, db) = temp_db();
    let queries = [
        "/api/incidents?limit=3",
        "/api/incidents?bbox=170,-25,-165,-10",
        "/api/incidents/near?lat=-16&lon=179.9&limit=2",
        "/api/layers",
    ];
    let strip = |mut v: Value| {
        if let Some(o) = v.as_object_mut() {
            o.remove("timeStamp");
            o.remove("links");
        }
        v
    };
    let before: Vec<Value> = {
        let server = Server::start(&db, &[]);
        let ids = seed(&server);
        delete(&server.url(&format!("/api/incidents/{}", ids[0].0)), None);
        queries
            .iter()
            .map(|q| strip(get(&server.url(q)).json()))
            .collect()
    };
    let server = Server::start(&db, &[]);
    let after: Vec<Value> = queries
        .iter()
        .map(|q| strip(get(&server.url(q)).json()))
        .collect();
    assert_eq!(before, after);
    assert_eq!(after[0]["numberMatched"], 4);
}
