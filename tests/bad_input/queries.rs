//! Bad query strings, paths and methods.

use super::{Case, INCIDENTS, LONG, case, get_case};
use crate::common::percent_encode;

pub(crate) fn query_cases() -> Vec<Case> {
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
        (
            "inverted datetimes",
            "?datetime=2019-05-19T00:00:00Z/2019-05-18T00:00:00Z",
        ),
        ("impossible date", "?datetime=2019-02-30"),
        ("prose date", "?datetime=yesterday"),
        (
            "three-part interval",
            "?datetime=2019-01-01/2019-02-01/2019-03-01",
        ),
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
        get_case(
            "OGC items 2-number bbox",
            "/collections/incidents/items?bbox=1,2",
            400,
        ),
        get_case(
            "SQL-looking id",
            &format!("{INCIDENTS}/{}", percent_encode("' OR '1'='1")),
            404,
        ),
        get_case("invalid UTF-8 id", &format!("{INCIDENTS}/%FF%FE"), 404),
        get_case(
            "path traversal layer",
            "/api/layers/..%2F..%2Fetc%2Fpasswd",
            404,
        ),
        get_case("unknown route", "/api/nope", 404),
        case(
            "SQL-looking delete",
            "DELETE",
            format!("{INCIDENTS}/{}", percent_encode("x' OR '1'='1")).as_bytes(),
            b"",
            404,
        ),
        case(
            "PUT on the collection",
            "PUT",
            INCIDENTS.as_bytes(),
            b"{}",
            405,
        ),
        case(
            "PATCH on an incident",
            "PATCH",
            b"/api/incidents/x",
            b"{}",
            405,
        ),
        case(
            "POST on geocode",
            "POST",
            b"/api/geocode?q=Paris",
            b"{}",
            404,
        ),
        case(
            "DELETE on the collection",
            "DELETE",
            INCIDENTS.as_bytes(),
            b"",
            404,
        ),
        case(
            "OPTIONS without CORS",
            "OPTIONS",
            INCIDENTS.as_bytes(),
            b"",
            405,
        ),
        case("unknown method", "BREW", b"/healthz", b"", 405),
    ]);
    cases
}
