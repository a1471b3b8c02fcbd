//! Rivers, lakes, straits, canals and seas that conflict reporting names as places ("east of
//! the Euphrates", "the Strait of Hormuz"), against the real gazetteer and geoparser: each is
//! a named region with its GeoNames feature code; a river lies at its mouth, as GeoNames puts a
//! stream, with an extent (km) that reaches its source, and a still water at its middle.

mod common;

use common::gazetteer::{anchors, assert_holds, geocode};

/// How far (degrees of latitude or longitude) a water's point may lie from the place this
/// test expects: about 20 km, a river's mouths and a lake's middle are no sharper.
const POINT_TOLERANCE_DEG: f64 = 0.2;

/// Asserts that `query` is the water `name` with feature code `code`, near `point` (lat, lon
/// in degrees), with an extent that holds every point of `along` (lat, lon in degrees: towns
/// on its banks or shores, up to its source).
fn assert_water(query: &str, name: &str, code: &str, point: (f64, f64), along: &[(f64, f64)]) {
    let location = geocode(query);
    assert_eq!(
        (
            location.anchor.name.as_str(),
            location.anchor.feature_code.as_str()
        ),
        (name, code),
        "{query}"
    );
    assert!(
        (location.lat - point.0).abs() < POINT_TOLERANCE_DEG
            && (location.lon - point.1).abs() < POINT_TOLERANCE_DEG,
        "{query}: {location:?}"
    );
    assert_holds(query, &location, along);
}

#[test]
fn a_river_lies_at_its_mouth_and_reaches_its_source() {
    // Regression: "Euphrates" resolved to nothing, "Mekong" to Mâcon (a Chinese transcription
    // among its alternate names), "Seine" to Sanandaj, "Vistula" to Toledo, Ohio, "Nile" to
    // Niellé in Côte d'Ivoire, "Rhine" to Rheine and "Litani" to Liteni in Romania.
    let deir_ez_zor = (35.34, 40.14);
    assert_water(
        "Euphrates",
        "Euphrates",
        "STM",
        (31.0, 47.44),
        &[deir_ez_zor],
    );
    let phnom_penh = (11.56, 104.92);
    assert_water("Mekong", "Mekong", "STM", (10.0, 106.65), &[phnom_penh]);
    let paris = (48.86, 2.35);
    assert_water("Seine", "Seine", "STM", (49.46, 0.15), &[paris]);
    let warsaw = (52.23, 21.01);
    assert_water("Vistula", "Vistula", "STM", (54.36, 18.95), &[warsaw]);
    let khartoum = (15.6, 32.53);
    assert_water("Nile", "Nile", "STM", (30.18, 31.12), &[khartoum]);
    let basel = (47.56, 7.59);
    assert_water("Rhine", "Rhine", "STM", (51.98, 4.13), &[basel]);
    let baalbek = (34.0, 36.21);
    assert_water("Litani River", "Litani", "STM", (33.34, 35.25), &[baalbek]);
    let kyiv = (50.45, 30.52);
    assert_water("Dnipro River", "Dnieper", "STM", (46.5, 32.25), &[kyiv]);
    let oxford = (51.75, -1.26);
    assert_water("River Thames", "Thames", "STM", (51.5, 0.8), &[oxford]);
    let tiruchirappalli = (10.8, 78.69);
    assert_water(
        "Cauvery",
        "Kaveri",
        "STM",
        (11.14, 79.86),
        &[tiruchirappalli],
    );
}

#[test]
fn lakes_straits_and_canals_lie_at_their_middle() {
    let (kukawa, bol) = ((12.92, 13.57), (13.47, 14.71));
    assert_water("Lake Chad", "Lake Chad", "LK", (13.0, 14.3), &[kukawa, bol]);
    let (goma, bukavu) = ((-1.67, 29.23), (-2.49, 28.84));
    assert_water(
        "Lake Kivu",
        "Lake Kivu",
        "LK",
        (-2.05, 29.15),
        &[goma, bukavu],
    );
    let bandar_abbas = (27.18, 56.27);
    assert_water(
        "Strait of Hormuz",
        "Strait of Hormuz",
        "STRT",
        (26.57, 56.25),
        &[bandar_abbas],
    );
    let (port_said, suez) = ((31.26, 32.3), (29.97, 32.55));
    assert_water(
        "Suez Canal",
        "Suez Canal",
        "CNL",
        (30.6, 32.33),
        &[port_said, suez],
    );
}

#[test]
fn waters_are_found_in_news_sentences_and_people_are_not() {
    assert_eq!(
        anchors("Kurdish-led forces hold the land east of the Euphrates."),
        [("Euphrates".into(), String::new(), "STM".into())]
    );
    assert_eq!(
        anchors("Boko Haram fighters attacked an island on Lake Chad, near Kukawa."),
        [
            ("Lake Chad".into(), String::new(), "LK".into()),
            ("Kukawa".into(), "NG".into(), "PPLA2".into()),
        ]
    );
    // A first name and a company are no rivers.
    assert!(anchors("Nile Rodgers said the tour would go on.").is_empty());
    assert_eq!(
        anchors("Indus Towers shares rose in Mumbai."),
        [("Mumbai".into(), "IN".into(), "PPLA".into())]
    );
}

#[test]
fn a_state_or_country_named_like_a_river_keeps_its_name() {
    // Only "the Mississippi River" and "the River Jordan" are the rivers; "River Nile" is the
    // Sudanese state, "Blue Nile" another.
    assert_eq!(geocode("Mississippi").anchor.feature_code, "ADM1");
    assert_eq!(geocode("Jordan").anchor.feature_code, "PCLI");
    assert_eq!(geocode("River Nile").anchor.feature_code, "ADM1");
    assert_eq!(geocode("Blue Nile").anchor.feature_code, "ADM1");
    assert_eq!(geocode("Mississippi River").anchor.feature_code, "STM");
    assert_eq!(geocode("River Jordan").anchor.name, "Jordan River");
}

#[test]
fn a_kind_word_in_lower_case_still_ends_the_name() {
    // Regression: "the Hudson river" stopped at "Hudson" (a town), "Jolo island" at the town.
    assert_eq!(
        anchors("Barges plied the Hudson river; troops landed on Jolo island."),
        [
            ("Hudson River".into(), "US".into(), "STM".into()),
            ("Jolo Island".into(), "PH".into(), "ISL".into()),
        ]
    );
    assert_eq!(
        anchors("Shells fell south of the Litani river."),
        [("Litani".into(), "LB".into(), "STM".into())]
    );
}
