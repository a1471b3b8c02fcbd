//! Regions that conflict reporting names and no admin area answers (deserts, valleys, historic
//! provinces, border zones), against the real gazetteer and geoparser: each is a named region
//! (`RGN`, or a desert `DSRT`, a valley `VAL`) whose extent (km) holds the towns it is known
//! for.

mod common;

use common::gazetteer::{anchors, assert_holds, geocode};

/// Asserts that `query` is the region `name` of `country` (empty: several countries) with
/// GeoNames feature code `code`, and an extent that holds every point of `towns` (lat, lon in
/// degrees).
fn assert_region(query: &str, name: &str, country: &str, code: &str, towns: &[(f64, f64)]) {
    let location = geocode(query);
    assert_eq!(
        (
            location.anchor.name.as_str(),
            location.anchor.country_code.as_deref().unwrap_or_default(),
            location.anchor.feature_code.as_str()
        ),
        (name, country, code),
        "{query}"
    );
    assert_holds(query, &location, towns);
}

#[test]
fn conflict_regions_hold_their_towns() {
    // Regression: "Ogaden" was Ogden, Utah, "Galilee" Galilea in Spain, "Patagonia" a town of
    // Arizona; "Negev", "Bekaa Valley", "Rojava", "Casamance", "Darien Gap" were nothing.
    assert_region("Ogaden", "Ogaden", "ET", "RGN", &[(5.95, 43.55)]); // Gode
    assert_region(
        "Galilee",
        "Galilee",
        "IL",
        "RGN",
        &[(32.70, 35.30), (32.96, 35.50)],
    ); // Nazareth, Safed
    assert_region("Patagonia", "Patagonia", "", "RGN", &[(-54.81, -68.31)]); // Ushuaia
    // "Arabia" and "the Arabian Peninsula" were nothing.
    assert_region(
        "the Arabian Peninsula",
        "Arabian Peninsula",
        "",
        "PEN",
        &[(15.37, 44.19), (24.47, 54.37), (29.37, 47.98)],
    ); // Sanaa, Abu Dhabi, Kuwait City
    assert_region(
        "Negev",
        "Negev",
        "IL",
        "DSRT",
        &[(31.25, 34.79), (29.56, 34.95)],
    ); // Beersheba, Eilat
    assert_region(
        "Bekaa Valley",
        "Bekaa Valley",
        "LB",
        "VAL",
        &[(34.01, 36.22)],
    ); // Baalbek
    assert_region(
        "Rojava",
        "Rojava",
        "SY",
        "RGN",
        &[(37.05, 41.22), (36.89, 38.35)],
    ); // Qamishli, Kobani
    assert_region("Casamance", "Casamance", "SN", "RGN", &[(12.57, -16.27)]); // Ziguinchor
    assert_region("Darien Gap", "Darien Gap", "", "RGN", &[(8.16, -77.69)]); // Yaviza
    // Regression: the four countries' centre, 216 km west of the lake and 1,221 km wide.
    let lake_chad_towns = [
        (11.85, 13.16),
        (13.32, 12.61),
        (12.11, 15.04),
        (13.46, 14.71),
    ];
    assert_region(
        "Lake Chad region",
        "Lake Chad Basin",
        "",
        "RGN",
        &lake_chad_towns,
    ); // Maiduguri, Diffa, N'Djamena, Bol
    assert!(geocode("Lake Chad Basin").uncertainty_km <= 300.0);
    // The Bekaa governorate keeps its bare name; the lake keeps "Sea of Galilee".
    assert_eq!(geocode("Bekaa").anchor.feature_code, "ADM1");
    assert_eq!(geocode("Sea of Galilee").anchor.feature_code, "LK");
}

#[test]
fn conflict_regions_are_found_in_news_sentences() {
    assert_eq!(
        anchors("Israeli jets struck targets in the Bekaa Valley overnight."),
        [("Bekaa Valley".into(), "LB".into(), "VAL".into())]
    );
    assert_eq!(
        anchors("Rebels in the Ogaden ambushed a convoy near Gode."),
        [
            ("Ogaden".into(), "ET".into(), "RGN".into()),
            ("Gode".into(), "ET".into(), "PPL".into()),
        ]
    );
    assert_eq!(
        anchors("Drought spread across Arabia."),
        [("Arabian Peninsula".into(), String::new(), "PEN".into())]
    );
}

#[test]
fn a_region_named_with_a_compass_adjective_reads_with_its_noun_too() {
    // GeoNames names Sudan's states "Northern Darfur", "Southern Darfur"; copy writes "North
    // Darfur". Regression: both read as the whole of Darfur (637 km).
    assert_eq!(
        anchors("Fighting spread from North Darfur to South Darfur."),
        [
            ("Northern Darfur".into(), "SD".into(), "ADM1".into()),
            ("Southern Darfur".into(), "SD".into(), "ADM1".into()),
        ]
    );
}

#[test]
fn the_member_states_of_somalia_are_regions_of_somalia() {
    // Regression: "Galmudug", "Hirshabelle" and "South West State" resolved to nothing, as
    // Jubaland and Puntland did once.
    assert_eq!(
        anchors("Troops retook towns in Galmudug, Hirshabelle and South West State."),
        [
            ("Galmudug".into(), "SO".into(), "RGN".into()),
            ("Hirshabelle".into(), "SO".into(), "RGN".into()),
            ("South West State".into(), "SO".into(), "RGN".into()),
        ]
    );
}

#[test]
fn provinces_of_burkina_faso_hold_their_towns() {
    // Regression: "in Soum province" and "in Namentenga province" made no mention (GeoNames
    // spells its admin2 areas "Province du Djelgodji", "Province du Namentenga").
    assert_region(
        "Soum province",
        "Soum",
        "BF",
        "RGN",
        &[(14.10, -1.63), (14.23, -0.87)],
    ); // Djibo, Aribinda
    assert_region("Namentenga", "Namentenga", "BF", "RGN", &[(12.67, -0.57)]); // Boulsa
    assert_region("Oudalan", "Oudalan", "BF", "RGN", &[(14.44, -0.23)]); // Gorom-Gorom
    assert_eq!(
        anchors("Jihadists attacked a convoy in the Loroum province of northern Burkina Faso."),
        [
            ("Loroum".into(), "BF".into(), "RGN".into()),
            ("Burkina Faso".into(), "BF".into(), "PCLI".into()),
        ]
    );
}
