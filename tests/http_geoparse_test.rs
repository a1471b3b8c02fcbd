//! `POST /api/geoparse` and `GET /api/geocode` with offsets, against the real server.

mod common;

use common::{Server, get, percent_encode, post, temp_db};
use serde_json::Value;

#[test]
fn geoparse_returns_mentions_with_byte_spans() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let body =
        "A blast hit Kabul\u{2019}s old town (Afghanistan), then 70 km south-east of Dushanbe.";
    let reply = post(&server.url("/api/geoparse"), "text/plain", body, None);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let mentions: Vec<Value> = serde_json::from_str(&reply.body).expect("a JSON array");
    let texts: Vec<&str> = mentions
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["Kabul", "Afghanistan", "70 km south-east of Dushanbe"]
    );
    let (s, e) = (
        mentions[0]["start"].as_u64().unwrap() as usize,
        mentions[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&body[s..e], "Kabul");
    assert_eq!(mentions[2]["location"]["precision"], "offset");
}

#[test]
fn a_json_body_is_read_as_its_text_with_offsets_into_it() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let text = "Clashes broke out in Valencia,\nthen \"near Kabul\".";
    let body = serde_json::json!({ "text": text, "hint": "Spain" }).to_string();
    let reply = post(
        &server.url("/api/geoparse"),
        "application/json; charset=utf-8",
        &body,
        None,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let mentions = reply.json();
    let spans: Vec<&str> = mentions
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            &text[s as usize..e as usize]
        })
        .collect();
    assert_eq!(spans, ["Valencia", "near Kabul"]);
    // The body's hint counts: Valencia, Spain rather than Venezuela's larger city.
    assert_eq!(mentions[0]["location"]["anchor"]["country_code"], "ES");

    for bad in [r#"{"txt": "Kabul"}"#, r#"["Kabul"]"#, r#"{"text": "Kabul""#] {
        let reply = post(&server.url("/api/geoparse"), "application/json", bad, None);
        assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        assert!(reply.json()["error"].as_str().unwrap().contains("JSON"));
    }
}

#[test]
fn geoparse_rejects_invalid_utf8_with_400() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let reply = post_bytes(&server.url("/api/geoparse"), b"in Kabul \xff");
    assert_eq!(reply.0, 400);
    let body: Value = serde_json::from_slice(&reply.1).expect("a JSON error");
    assert!(body["error"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn a_hint_names_the_areas_the_text_is_about() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let body = "Clashes broke out in Valencia on Monday.";
    let country = |query: &str| {
        let reply = post(
            &server.url(&format!("/api/geoparse{query}")),
            "text/plain",
            body,
            None,
        );
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()[0]["location"]["anchor"]["country_code"].clone()
    };
    // Alone, the larger Valencia (Venezuela); with Europe or Spain as the hint, Spain's.
    assert_eq!(country(""), "VE");
    assert_eq!(country("?hint=Europe"), "ES");
    assert_eq!(
        country(&format!("?hint={}", percent_encode("Spain, Europe"))),
        "ES"
    );

    let reply = post(
        &server.url("/api/geoparse?hint=Atlantis"),
        "text/plain",
        body,
        None,
    );
    assert_eq!(reply.status, 400, "{}", reply.body);
    assert!(reply.json()["error"].as_str().unwrap().contains("Atlantis"));
}

#[test]
fn geocode_reads_offset_descriptions() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let q = percent_encode("70 km south-east of Dushanbe");
    let reply = get(&format!("{}?q={q}", server.url("/api/geocode")));
    assert_eq!(reply.status, 200, "{}", reply.body);
    let location = reply.json();
    assert_eq!(location["precision"], "offset");
    assert_eq!(location["anchor"]["name"], "Dushanbe");
    assert_eq!(location["offset"]["distance_km"], 70.0);
    assert!((location["lat"].as_f64().unwrap() - 38.09).abs() < 0.02);
    assert!((location["lon"].as_f64().unwrap() - 69.35).abs() < 0.02);
}

/// POSTs raw bytes as text/plain; returns the status and body bytes.
fn post_bytes(url: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .post(url)
        .header("Content-Type", "text/plain")
        .send(body)
        .expect("the server answers");
    let bytes = response.body_mut().read_to_vec().expect("a body");
    (response.status().as_u16(), bytes)
}
