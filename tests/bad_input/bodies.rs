//! Bad request bodies for `POST /api/incidents` and `POST /api/geoparse`.

use super::{Case, DEEP, HUGE_BODY, INCIDENTS, case, feature_with, post};

pub(crate) fn body_cases() -> Vec<Case> {
    let mut cases = vec![
        post("empty body", "", 400),
        post("truncated object", r#"{"title": "x", "category": "ri"#, 400),
        post(
            "truncated feature",
            &feature_with("title", "\"t\"")[..40],
            400,
        ),
        post("lone brace", "{", 400),
        post("null", "null", 400),
        post("array", "[]", 400),
        post("number", "42", 400),
        post("string", "\"riot\"", 400),
        post("empty object", "{}", 400),
        post("trailing garbage", r#"{"title":"t"} x"#, 400),
        post("single quotes", "{'title': 't'}", 400),
        post(
            "missing title",
            r#"{"category":"riot","occurred_on":"2019-05-19","location_text":"Paris"}"#,
            400,
        ),
        post(
            "missing category",
            r#"{"title":"t","occurred_on":"2019-05-19","location_text":"Paris"}"#,
            400,
        ),
        post(
            "missing date",
            r#"{"title":"t","category":"riot","location_text":"Paris"}"#,
            400,
        ),
        post(
            "no place at all",
            r#"{"title":"t","category":"riot","occurred_on":"2019-05-19"}"#,
            400,
        ),
        post(
            "unresolvable place",
            r#"{"title":"t","category":"riot","occurred_on":"2019-05-19","location_text":"Qxzvwplk Jrrnq"}"#,
            422,
        ),
        post(
            "empty place",
            r#"{"title":"t","category":"riot","occurred_on":"2019-05-19","location_text":""}"#,
            400,
        ),
        post(
            "control characters in place",
            r#"{"title":"t","category":"riot","occurred_on":"2019-05-19","location_text":"Par\u0000is"}"#,
            400,
        ),
        post(
            "feature without properties",
            r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":null}"#,
            400,
        ),
        post(
            "feature with a string geometry",
            r#"{"type":"Feature","geometry":"POINT(1 2)","properties":{}}"#,
            400,
        ),
        post(
            "polygon geometry",
            r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{"title":"t","category":"riot","occurred_on":"2019-05-19"}}"#,
            400,
        ),
        post(
            "numeric feature id",
            r#"{"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":"t","category":"riot","occurred_on":"2019-05-19"}}"#,
            400,
        ),
        post(
            "UTF-8 byte order mark",
            &format!("\u{feff}{}", feature_with("title", "\"t\"")),
            400,
        ),
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
        (
            "NaN coordinates as text",
            "coordinates",
            "[\"NaN\", \"NaN\"]",
            400,
        ),
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
    cases.push(post(
        "deeply nested summary",
        &feature_with("summary", &deep),
        400,
    ));
    let mut invalid_utf8 = feature_with("title", "\"t\"").into_bytes();
    invalid_utf8.splice(30..30, [0xff, 0xfe, 0xc3]);
    cases.push(case(
        "invalid UTF-8 body",
        "POST",
        INCIDENTS.as_bytes(),
        &invalid_utf8,
        400,
    ));
    let mut huge = feature_with("summary", "\"\"").into_bytes();
    huge.resize(HUGE_BODY, b' ');
    cases.push(case("10 MB body", "POST", INCIDENTS.as_bytes(), &huge, 413));
    cases.push(case(
        "10 MB geoparse body",
        "POST",
        b"/api/geoparse",
        &huge,
        413,
    ));
    cases.push(case(
        "invalid UTF-8 geoparse body",
        "POST",
        b"/api/geoparse",
        b"in \xff\xfe Paris",
        400,
    ));
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
