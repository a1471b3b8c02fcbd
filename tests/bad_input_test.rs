//! Table-driven bad input against the real server: every case gets the right 4xx and a JSON
//! `{"error": "..."}` sentence, never a 5xx; the server survives all of them; the database holds
//! exactly what it held before; hostile-looking text is stored and returned verbatim, as data.
//! (Complements `errors_test.rs`, which covers the basic 400/404/413/415 and access cases.)

mod bad_input;
mod common;

use bad_input::INCIDENTS;
use common::raw::raw_request;
use common::{Server, get, temp_db};
use serde_json::{Value, json};

/// How many incidents the server holds.
fn count(server: &Server) -> u64 {
    get(&server.url(INCIDENTS)).json()["numberMatched"]
        .as_u64()
        .expect("numberMatched")
}

#[test]
fn every_bad_request_gets_its_4xx_and_changes_nothing() {
    let (_dir, db) = temp_db();
    let mut server = Server::start(&db, &[]);
    common::create(
        &server,
        &common::feature("kept", "riot", "2019-05-19", 1.0, 2.0),
    );
    let before = count(&server);
    let cases = bad_input::all();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let r = raw_request(&server.base, c.method, &c.target, c.content_type, &c.body);
        let error = serde_json::from_str::<Value>(&r.body)
            .ok()
            .and_then(|v| v["error"].as_str().map(str::to_owned));
        let ok = r.status == c.status
            && r.header("content-type").starts_with("application/json")
            && error.is_some_and(|e| !e.is_empty());
        if !ok {
            let body: String = r.body.chars().take(200).collect();
            failures.push(format!(
                "{}: want {}, got {} {body}",
                c.name, c.status, r.status
            ));
        }
        assert!(server.is_alive(), "the server died on {}", c.name);
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert_eq!(
        count(&server),
        before,
        "a rejected request changed the database"
    );
    eprintln!("bad input: {} cases, all rejected cleanly", cases.len());
}

/// Text that looks like SQL, HTML or script, for every free-text field.
const HOSTILE: [&str; 5] = [
    "'; DROP TABLE incidents; --",
    "\" OR 1=1 --",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "Robert'); DELETE FROM incidents WHERE ('1'='1",
];

#[test]
fn hostile_text_is_stored_and_returned_verbatim_as_data() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    for text in HOSTILE {
        let sent = json!({"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [1.5, 2.5]},
            "properties": {"title": text, "category": "riot", "occurred_on": "2019-05-19",
                "location_text": text, "source_url": text, "summary": text}});
        let id = common::create(&server, &sent);
        let r = get(&server.url(&format!("{INCIDENTS}/{id}")));
        assert!(
            r.header("content-type").contains("json"),
            "{}",
            r.header("content-type")
        );
        assert_eq!(r.header("x-content-type-options"), "nosniff");
        let stored = r.json();
        for key in ["title", "location_text", "source_url", "summary"] {
            assert_eq!(stored["properties"][key], text, "{key}");
        }
    }
    assert_eq!(count(&server), HOSTILE.len() as u64, "the table is intact");
    let layer = get(&server.url("/api/layers/all.csv"));
    assert_eq!(layer.status, 200);
    assert!(layer.body.contains("<script>alert('x')</script>"));
}
