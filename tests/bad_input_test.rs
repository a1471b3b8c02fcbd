//! Table-driven bad input against the real server: every case gets the right 4xx and a JSON
//! `{"error": "..."}` sentence, never a 5xx; the server survives all of them; the database holds
//! exactly what it held before; hostile-looking text is stored and returned verbatim, as data.
//! (Complements `errors_test.rs`, which covers the basic 400/404/413/415 and access cases.)

mod common;

use common::raw::raw_request;
use common::{Server, get, percent_encode, temp_db};
use serde_json::{Value, json};

/// A body far over the default 1 MB limit, bytes.
const HUGE_BODY: usize = 10 * 1024 * 1024;
/// Nesting depth of the deeply nested JSON cases (far past serde_json's recursion limit).
const DEEP: usize = 100_000;
/// Length of the very long query-string and text cases, bytes.
const LONG: usize = 20_000;

const JSON: Option<&str> = Some("application/json");
const INCIDENTS: &str = "/api/incidents";

/// One bad request and the status it must get.
struct Case {
    name: String,
    method: &'static str,
    target: Vec<u8>,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    status: u16,
}

fn case(name: &str, method: &'static str, target: &[u8], body: &[u8], status: u16) -> Case {
    Case {
        name: name.to_owned(),
        method,
        target: target.to_vec(),
        content_type: JSON,
        body: body.to_vec(),
        status,
    }
}

/// A POST of `body` to `/api/incidents`.
fn post(name: &str, body: &str, status: u16) -> Case {
    case(name, "POST", INCIDENTS.as_bytes(), body.as_bytes(), status)
}

/// A GET of `target`.
fn get_case(name: &str, target: &str, status: u16) -> Case {
    case(name, "GET", target.as_bytes(), b"", status)
}

/// A valid Feature with one property or the geometry's coordinates replaced by raw JSON text.
fn feature_with(key: &str, raw: &str) -> String {
    let mut props = json!({"title": "t", "category": "riot", "occurred_on": "2019-05-19"});
    let mut coordinates = "[1.0, 2.0]".to_owned();
    if key == "coordinates" {
        coordinates = raw.to_owned();
    } else {
        props[key] = json!("__RAW__");
    }
    let props = props.to_string().replace("\"__RAW__\"", raw);
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":{coordinates}}},"properties":{props}}}"#
    )
}

fn body_cases() -> Vec<Case> {
    let mut cases = vec![
        post("empty body", "", 400),
        post("truncated object", r#"{"title": "x", "category": "ri"#, 400),
        post("truncated feature", &feature_with("title", "\"t\"")[..40], 400),
        post("lone brace", "{", 400),
        post("null", "null", 400),
        post("array", "[]", 400),
        post("number", "42", 400),
        post("string", "\"riot\"", 400),
        post("empty object", "{}", 400),
        post("trailing garbage", r#"{"title":"t"} x"#, 400),
        post("single quotes", "{'title': 't'}", 400),
        post("missing title", r#"{"category":"riot","occurred_on":"2019-05-19","location_text":"Paris"}"#, 400),
        post("missing category", r#"{"title":"t","occurred_on":"2019-05-19","location_text":"Paris"}"#, 400),
        post("missing date", r#"{"title":"t","category":"riot","location_text":"Paris"}"#, 400),
        post("no place at all", r#"{"title":"t","category":"riot","occurred_on":"2019-05-19"}"#, 400),
        post("unresolvable place", r#"{"title":"t","category":"riot","occurred_on":"2019-05-19","location_text":"Qxzvwplk Jrrnq"}"#, 422),
        post("empty place", r#"{"title":"t","category":"riot","occurred_on":"2019-05-19","location_text":""}"#, 400),
        post("control characters in place", r#"{"title":"t","category":"riot","occurred_on":"2019-05-19","location_text":"Par\u0000is"}"#, 400),
        post("feature without properties", r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":null}"#, 400),
        post("feature with a string geometry", r#"{"type":"Feature","geometry":"POINT(1 2)","properties":{}}"#, 400),
        post("polygon geometry", r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{"title":"t","category":"riot","occurred_on":"2019-05-19"}}"#, 400),
        post("numeric feature id", r#"{"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":"t","category":"riot","occurred_on":"2019-05-19"}}"#, 400),
        post("UTF-8 byte order mark", &format!("\u{feff}{}", feature_with("title", "\"t\"")), 400),
    ];
    for (name, key, raw, status) in [
        ("numeric title", "title", "5", 400),
        ("object title", "title", "{}", 400),
        ("numeric category", "category", "3", 400),
        ("unknown category", "category", "\"war\"", 400),
        ("upper-case category", "category", "\"RIOT\"", 400),
        ("empty category", "category", "\"\"", 400),
        ("fatalities as text", "fatalities", "\"3\"", 400),
        ("negative fatalities", "fatalities", "-1", 400),
        ("fractional fatalities", "fatalities", "1.5", 400),
        ("fatalities over u32", "fatalities", "4294967296", 400),
        ("huge fatalities", "fatalities", "1e300", 400),
        ("fatalities out of f64", "fatalities", "1e999", 400),
        ("impossible date", "occurred_on", "\"2019-02-30\"", 400),
        ("month 13", "occurred_on", "\"2019-13-01\"", 400),
        ("empty date", "occurred_on", "\"\"", 400),
        ("numeric date", "occurred_on", "20190519", 400),
        ("prose date", "occurred_on", "\"19 May 2019\"", 400),
        ("negative uncertainty", "uncertainty_km", "-1", 400),
        ("NaN uncertainty as text", "uncertainty_km", "\"NaN\"", 400),
        ("bare NaN", "uncertainty_km", "NaN", 400),
        ("bare Infinity", "uncertainty_km", "Infinity", 400),
        ("unknown precision", "precision", "\"vague\"", 400),
        ("latitude 91", "coordinates", "[1, 91]", 400),
        ("latitude -91", "coordinates", "[1, -91]", 400),
        ("longitude 181", "coordinates", "[181, 1]", 400),
        ("longitude -180.0001", "coordinates", "[-180.0001, 1]", 400),
        ("coordinates as text", "coordinates", "[\"1\", \"2\"]", 400),
        ("NaN coordinates as text", "coordinates", "[\"NaN\", \"NaN\"]", 400),
        ("bare NaN coordinates", "coordinates", "[NaN, 1]", 400),
        ("infinite coordinate", "coordinates", "[1e999, 1]", 400),
        ("one coordinate", "coordinates", "[1]", 400),
        ("no coordinates", "coordinates", "[]", 400),
        ("nested coordinates", "coordinates", "[[1, 2]]", 400),
        ("null coordinates", "coordinates", "null", 400),
    ] {
        cases.push(post(name, &feature_with(key, raw), status));
    }
    let deep = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    cases.push(post("deeply nested array", &deep, 400));
    cases.push(post("deeply nested summary", &feature_with("summary", &deep), 400));
    let mut invalid_utf8 = feature_with("title", "\"t\"").into_bytes();
    invalid_utf8.splice(30..30, [0xff, 0xfe, 0xc3]);
    cases.push(case("invalid UTF-8 body", "POST", INCIDENTS.as_bytes(), &invalid_utf8, 400));
    let mut huge = feature_with("summary", "\"\"").into_bytes();
    huge.resize(HUGE_BODY, b' ');
    cases.push(case("10 MB body", "POST", INCIDENTS.as_bytes(), &huge, 413));
    cases.push(case("10 MB geoparse body", "POST", b"/api/geoparse", &huge, 413));
    cases.push(case("invalid UTF-8 geoparse body", "POST", b"/api/geoparse", b"in \xff\xfe Paris", 400));
    for (name, content_type) in [
        ("text/plain body", Some("text/plain")),
        ("form body", Some("application/x-www-form-urlencoded")),
        ("no content type", None),
    ] {
        let mut c = post(name, &feature_with("title", "\"t\""), 415);
        c.content_type = content_type;
        cases.push(c);
    }
    cases
}

fn query_cases() -> Vec<Case> {
    let long_bbox = format!("{INCIDENTS}?bbox={}", "1,".repeat(LONG / 2));
    let long_place = format!("/api/geocode?q={}", "a".repeat(LONG));
    let mut cases: Vec<Case> = [
        ("3-number bbox", "?bbox=1,2,3"),
        ("5-number bbox", "?bbox=1,2,3,4,5"),
        ("bbox latitude 91", "?bbox=0,0,1,91"),
        ("bbox longitude 181", "?bbox=0,0,181,1"),
        ("NaN bbox", "?bbox=NaN,0,1,1"),
        ("infinite bbox", "?bbox=-inf,0,inf,1"),
        ("Infinity bbox", "?bbox=-Infinity,0,Infinity,1"),
        ("empty bbox", "?bbox="),
        ("south above north", "?bbox=0,10,1,5"),
        ("inverted dates", "?datetime=2020-02-01/2020-01-01"),
        ("inverted datetimes", "?datetime=2019-05-19T00:00:00Z/2019-05-18T00:00:00Z"),
        ("impossible date", "?datetime=2019-02-30"),
        ("prose date", "?datetime=yesterday"),
        ("three-part interval", "?datetime=2019-01-01/2019-02-01/2019-03-01"),
        ("unknown category", "?category=war"),
        ("SQL category", "?category=riot'%20OR%20'1'='1"),
        ("invalid UTF-8 category", "?category=%FF%FE"),
        ("negative limit", "?limit=-1"),
        ("exponent limit", "?limit=1e3"),
        ("overflowing offset", "?offset=99999999999999999999999999"),
        ("text offset", "?offset=abc"),
        ("broken escape", "?bbox=%ZZ"),
    ]
    .into_iter()
    .map(|(name, query)| get_case(name, &format!("{INCIDENTS}{query}"), 400))
    .collect();
    for (name, query) in [
        ("near latitude 91", "lat=91&lon=0"),
        ("near longitude 181", "lat=0&lon=181"),
        ("near Infinity", "lat=Infinity&lon=0"),
        ("near NaN", "lat=NaN&lon=0"),
        ("near without lon", "lat=0"),
        ("near negative radius", "lat=0&lon=0&radius_km=-1"),
        ("near NaN radius", "lat=0&lon=0&radius_km=NaN"),
        ("near zero limit", "lat=0&lon=0&limit=0"),
        ("near huge limit", "lat=0&lon=0&limit=99999999999"),
    ] {
        cases.push(get_case(name, &format!("{INCIDENTS}/near?{query}"), 400));
    }
    cases.extend([
        get_case("very long bbox", &long_bbox, 400),
        get_case("very long geocode query", &long_place, 400),
        get_case("empty geocode query", "/api/geocode?q=", 400),
        get_case("OGC items 2-number bbox", "/collections/incidents/items?bbox=1,2", 400),
        get_case("SQL-looking id", &format!("{INCIDENTS}/{}", percent_encode("' OR '1'='1")), 404),
        get_case("invalid UTF-8 id", &format!("{INCIDENTS}/%FF%FE"), 404),
        get_case("path traversal layer", "/api/layers/..%2F..%2Fetc%2Fpasswd", 404),
        get_case("unknown route", "/api/nope", 404),
        case("SQL-looking delete", "DELETE", format!("{INCIDENTS}/{}", percent_encode("x' OR '1'='1")).as_bytes(), b"", 404),
        case("PUT on the collection", "PUT", INCIDENTS.as_bytes(), b"{}", 405),
        case("PATCH on an incident", "PATCH", b"/api/incidents/x", b"{}", 405),
        case("POST on geocode", "POST", b"/api/geocode?q=Paris", b"{}", 404),
        case("DELETE on the collection", "DELETE", INCIDENTS.as_bytes(), b"", 404),
        case("OPTIONS without CORS", "OPTIONS", INCIDENTS.as_bytes(), b"", 405),
        case("unknown method", "BREW", b"/healthz", b"", 405),
    ]);
    cases
}

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
    common::create(&server, &common::feature("kept", "riot", "2019-05-19", 1.0, 2.0));
    let before = count(&server);
    let cases: Vec<Case> = body_cases().into_iter().chain(query_cases()).collect();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let r = raw_request(&server.base, c.method, &c.target, c.content_type, &c.body);
        let error = serde_json::from_str::<Value>(&r.body).ok().and_then(|v| {
            v["error"].as_str().map(str::to_owned)
        });
        let ok = r.status == c.status
            && r.header("content-type").starts_with("application/json")
            && error.is_some_and(|e| !e.is_empty());
        if !ok {
            let body: String = r.body.chars().take(200).collect();
            failures.push(format!("{}: want {}, got {} {body}", c.name, c.status, r.status));
        }
        assert!(server.is_alive(), "the server died on {}", c.name);
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
    assert_eq!(count(&server), before, "a rejected request changed the database");
    eprintln!("bad input: {} cases, all rejected cleanly", cases.len());
}
