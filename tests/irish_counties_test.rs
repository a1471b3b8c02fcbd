//! The counties of Ireland as Irish copy names them ("Co Mayo", "Co. Clare", "County Cork",
//! "Mayo"), against the real gazetteer and geoparser: each is an area (feature code `ADM2`)
//! that holds its county town, and a town of the county's name keeps the bare name. The six
//! counties of Northern Ireland, no admin areas of GeoNames, are named regions.

mod common;

use common::gazetteer::{anchors, assert_holds, geocode};

/// Asserts that `query` is the Irish county `name`, an area that holds `town` (lat, lon in
/// degrees: its county town).
fn assert_county(query: &str, name: &str, town: (f64, f64)) {
    let location = geocode(query);
    assert_eq!(
        (
            location.anchor.name.as_str(),
            location.anchor.country_code.as_deref(),
            location.anchor.feature_code.as_str()
        ),
        (name, Some("IE"), "ADM2"),
        "{query}"
    );
    assert_holds(query, &location, &[town]);
}

#[test]
fn every_form_of_a_county_name_reads_as_the_county() {
    // Regression: "County Mayo" resolved to nothing, "Mayo County" to Maui County in Hawaii,
    // "Laois" to Laos and "Clare" to a town in South Australia.
    let castlebar = (53.86, -9.3);
    for query in [
        "County Mayo",
        "Co Mayo",
        "Co. Mayo",
        "Mayo County",
        "Mayo, Ireland",
    ] {
        assert_county(query, "Mayo", castlebar);
    }
    assert_county("Laois", "Laois", (53.03, -7.3)); // Portlaoise
    assert_county("Co Clare", "Clare", (52.84, -8.98)); // Ennis
    assert_county("County Cork", "County Cork", (51.9, -8.47)); // Cork
    assert_county("Co. Dublin", "County Dublin", (53.46, -6.22)); // Swords
}

#[test]
fn a_town_named_like_its_county_keeps_the_bare_name() {
    assert_eq!(geocode("Cork").anchor.feature_code, "PPLA2");
    assert_eq!(geocode("Galway").anchor.feature_code, "PPLA");
    assert_eq!(geocode("County Galway").anchor.feature_code, "ADM2");
}

#[test]
fn irish_counties_are_found_in_news_sentences() {
    assert_eq!(
        anchors("A man was arrested in Castlebar, Co. Mayo, on Friday."),
        [
            ("Castlebar".into(), "IE".into(), "PPLA2".into()),
            ("Mayo".into(), "IE".into(), "ADM2".into()),
        ]
    );
    assert_eq!(
        anchors("Farmers in County Cork and Kerry protested; John Kerry said nothing."),
        [
            ("County Cork".into(), "IE".into(), "ADM2".into()),
            ("Kerry".into(), "IE".into(), "ADM2".into()),
        ]
    );
}

#[test]
fn the_counties_of_northern_ireland_are_regions_of_the_united_kingdom() {
    // Regression: "Co Tyrone", "County Armagh" and "Co. Down" resolved to nothing, and
    // Lurgan (not in cities500) to a village of Iran.
    assert_eq!(
        anchors("Dissident republicans left a bomb in Co Tyrone, near Omagh."),
        [
            ("County Tyrone".into(), "GB".into(), "RGN".into()),
            ("Omagh".into(), "GB".into(), "PPLA2".into()),
        ]
    );
    assert_eq!(
        anchors(
            "A man was shot in Lurgan, County Armagh; police in Co. Down and Co Derry were told."
        ),
        [
            ("Lurgan".into(), "GB".into(), "PPL".into()),
            ("County Armagh".into(), "GB".into(), "RGN".into()),
            ("County Down".into(), "GB".into(), "RGN".into()),
            ("County Londonderry".into(), "GB".into(), "RGN".into()),
        ]
    );
    // A town of the county's name keeps it; a first name is no county.
    assert_eq!(geocode("Antrim").anchor.feature_code, "PPLA2");
    assert!(anchors("Tyrone said he was fine.").is_empty());
}
