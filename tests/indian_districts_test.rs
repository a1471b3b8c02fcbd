//! The districts of India (GeoNames admin2 areas), which Indian copy names for every incident,
//! against the real gazetteer and geoparser: each is an `ADM2` area of India whose extent (km)
//! holds its headquarters, a district named after its headquarters stays the town, and no
//! district is named by compass words alone.

mod common;

use common::gazetteer::{GAZETTEER, anchors, assert_holds, geocode};

#[test]
fn districts_hold_their_headquarters() {
    // Regression: "Wayanad", "Kutch", "Chamoli", "Birbhum", "Sonitpur", "Kandhamal" found
    // nothing; "Narmada district" was a village in Indonesia.
    for (query, headquarters) in [
        ("Wayanad", (11.61, 76.08)),             // Kalpetta
        ("Kutch", (23.24, 69.67)),               // Bhuj
        ("Chamoli", (30.40, 79.32)),             // Gopeshwar
        ("Birbhum", (23.91, 87.53)),             // Suri
        ("Sonitpur", (26.63, 92.80)),            // Tezpur
        ("Kandhamal", (20.47, 84.23)),           // Phulbani
        ("Narmada district", (21.87, 73.50)),    // Rajpipla
        ("Gautam Buddha Nagar", (28.47, 77.51)), // Greater Noida
    ] {
        let location = geocode(query);
        assert_eq!(
            (
                location.anchor.country_code.as_deref(),
                location.anchor.feature_code.as_str()
            ),
            (Some("IN"), "ADM2"),
            "{query}"
        );
        assert_holds(query, &location, &[headquarters]);
    }
}

#[test]
fn districts_are_found_in_news_sentences() {
    assert_eq!(
        anchors("Floods hit Wayanad in Kerala."),
        [
            ("Wayanad".into(), "IN".into(), "ADM2".into()),
            ("Kerala".into(), "IN".into(), "ADM1".into()),
        ]
    );
}

#[test]
fn a_district_named_after_its_headquarters_is_the_town() {
    // Nuh district's headquarters is Nūh: the town answers the name.
    assert_eq!(geocode("Nuh").anchor.feature_code, "PPL");
    // "South East", a district of Delhi, is no place a reader takes for one area.
    assert!(
        GAZETTEER
            .places()
            .iter()
            .all(|p| !(p.country_code == "IN" && p.name == "South East"))
    );
}
