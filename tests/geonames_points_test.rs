//! Countries and first-level regions stand at the point of their own GeoNames feature, the
//! one GeoNames-coded gazetteers and news corpora give them, and their extent still holds
//! their towns; a part of one ("western Canada") lies where its towns in that part are; a
//! name shared by a state and its metropolis reads as the city unless the words around it
//! say the state. Against the real gazetteer and geoparser.

mod common;

use common::gazetteer::{GAZETTEER, anchors, assert_holds, geocode};
use incident_atlas::geoparse::{distance_km, resolve};

/// How far (km) a point may lie from the published one: the gazetteer keeps 5 decimals.
const SAME_POINT_KM: f64 = 1.0;

/// Asserts that `query` resolves within [`SAME_POINT_KM`] of (lat, lon).
fn assert_at(query: &str, lat: f64, lon: f64) {
    let location = geocode(query);
    let km = distance_km(location.lat, location.lon, lat, lon);
    assert!(
        km <= SAME_POINT_KM,
        "{query}: {km:.0} km from ({lat}, {lon}): {location:?}"
    );
}

#[test]
fn a_country_stands_at_its_geonames_point_and_holds_its_towns() {
    // Regression: world-countries' rounded points lay 1,031 km (Canada), 458 km (Somalia),
    // 304 km (India) and 162 km (Japan) from GeoNames' points for the same geonameid.
    assert_at("Canada", 60.10867, -113.64258);
    assert_at("Somalia", 6.0, 48.0);
    assert_at("India", 22.0, 79.0);
    assert_at("Japan", 35.68536, 139.75309);
    // Japan's point is Tokyo; its extent still reaches Hokkaido and Okinawa.
    assert_holds(
        "Japan",
        &geocode("Japan"),
        &[(43.06, 141.35), (26.21, 127.68)],
    );
    assert_holds(
        "Canada",
        &geocode("Canada"),
        &[(43.65, -79.38), (48.43, -123.37), (47.56, -52.71)],
    );
}

#[test]
fn a_first_level_region_stands_at_its_geonames_point_and_holds_its_towns() {
    // Regression: the centre of its towns put Ontario 630 km south of GeoNames' point (by
    // Toronto), British Columbia 510 km (by Vancouver) and Oregon 167 km.
    assert_at("Ontario", 49.25014, -84.49983);
    assert_at("British Columbia", 53.99983, -125.0032);
    assert_at("Oregon", 44.00013, -120.50139);
    assert_holds(
        "Ontario",
        &geocode("Ontario"),
        &[(43.65, -79.38), (45.42, -75.70), (48.38, -89.25)],
    );
    assert_holds(
        "British Columbia",
        &geocode("British Columbia"),
        &[(49.28, -123.12), (58.80, -122.70)],
    );
}

#[test]
fn a_part_of_an_area_lies_where_its_towns_are_and_holds_them() {
    // Regression: half the radius from the area's point put "western Canada" in the Pacific
    // (55.4 N, 147.3 W, 2,100 km from Calgary), "southern Japan" 900 km out to sea from
    // Tokyo and "southern Somalia" in the Indian Ocean, 300 km from Mogadishu.
    // (description, a town of the part, how near (km) the point lies to it, a town the
    // part holds)
    for (query, centre, within_km, held) in [
        ("western Canada", (51.05, -114.07), 500.0, (49.28, -123.12)), // Calgary; Vancouver
        ("southern Japan", (34.39, 132.46), 300.0, (33.59, 130.40)),   // Hiroshima; Fukuoka
        ("southern Somalia", (2.04, 45.34), 250.0, (-0.36, 42.55)),    // Mogadishu; Kismayo
        ("northeast Syria", (35.95, 39.01), 150.0, (36.50, 40.75)),    // Raqqa; Hasakah
    ] {
        let location = resolve(&GAZETTEER, query)
            .unwrap()
            .expect("a part resolves");
        let km = distance_km(location.lat, location.lon, centre.0, centre.1);
        assert!(
            km <= within_km,
            "{query}: {km:.0} km from {centre:?}: {location:?}"
        );
        assert_holds(query, &location, &[held]);
    }
}

#[test]
fn a_town_of_a_state_is_still_read_near_the_state_named() {
    // The state's point moved to the empty west of Texas; nearness is measured from the
    // centre of its towns, so Palestine, Texas (18,000 people) is still the one meant.
    let read = anchors("Police in Texas said the shooting happened in Palestine on Sunday.");
    assert_eq!(read[1].1, "US", "{read:?}");
}

#[test]
fn new_york_is_the_city_unless_the_words_around_it_say_the_state() {
    let first = |text: &str| {
        let read = anchors(text);
        (read[0].0.clone(), read[0].2.clone())
    };
    for text in [
        "He bought his ticket in New York on Thursday.",
        "The meatpacking district in New York has changed.",
        // Another state named in the text does not make it the state.
        "He grew up in New York; she moved from California.",
    ] {
        assert_eq!(
            first(text),
            ("New York City".to_string(), "PPL".to_string()),
            "{text}"
        );
    }
    for text in [
        "Snow fell across upstate New York on Monday.",
        "Flooding hit New York state.",
        "New York Gov. Andrew Cuomo said so.",
        "Voters in Iowa, New York and Ohio went to the polls.",
    ] {
        assert_eq!(first(text).1, "ADM1", "{text}: {:?}", anchors(text));
    }
    // A qualifier of a town beyond the city's reach is the state; Brooklyn's is the city.
    assert_eq!(
        anchors("Police in Florida, New York, arrested two men.")[1].2,
        "ADM1"
    );
    assert_eq!(
        anchors("He lives in Brooklyn, New York.")[1].0,
        "New York City"
    );
    // Lagos, whose state is governed from Ikeja, is the city too.
    assert_eq!(anchors("Gunmen attacked a bus in Lagos.")[0].2, "PPLA2");
}
