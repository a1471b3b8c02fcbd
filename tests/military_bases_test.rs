//! Air and military bases that conflict reporting names by themselves ("missiles struck Ain
//! al-Asad", "flew out of Incirlik"), against the real gazetteer and geoparser: each is a
//! landmark (`AIRB` air base, `MILB` military base) near the town it is known by, and an
//! anchor for offsets ("12 miles northeast of Bagram air base").

mod common;

use common::gazetteer::{GAZETTEER, anchors};
use incident_atlas::geoparse::{distance_km, geoparse};

/// Farthest a base lies from the town it is known by (km): Ain al-Asad is 39 km from Hīt.
const NEAR_ITS_TOWN_KM: f64 = 45.0;

#[test]
fn bases_are_read_as_themselves_near_their_towns() {
    // Regression: "Bagram", "Ain al-Asad", "Incirlik", "Hmeimim" found nothing, or a
    // look-alike ("Bagram" was Bahrām, Iran).
    for (text, name, country, code, town) in [
        (
            "US troops flew out of Bagram on Monday.",
            "Bagram Air Base",
            "AF",
            "AIRB",
            (35.01, 69.17),
        ), // Charikar
        (
            "Iranian missiles struck Ain al-Asad.",
            "Ain al-Asad Air Base",
            "IQ",
            "AIRB",
            (33.64, 42.83),
        ), // Hīt
        (
            "Jets took off from Incirlik.",
            "Incirlik Air Base",
            "TR",
            "AIRB",
            (36.99, 35.33),
        ), // Adana
        (
            "Russian jets left Hmeimim.",
            "Hmeimim Air Base",
            "SY",
            "AIRB",
            (35.36, 35.93),
        ), // Jableh
        (
            "Marines landed at Camp Lemonnier.",
            "Camp Lemonnier",
            "DJ",
            "MILB",
            (11.59, 43.15),
        ), // Djibouti
    ] {
        let mentions = geoparse(&GAZETTEER, text).unwrap();
        let anchor = &mentions[0].location.anchor;
        assert_eq!(
            (
                anchor.name.as_str(),
                anchor.country_code.as_deref(),
                anchor.feature_code.as_str()
            ),
            (name, Some(country), code),
            "{text}"
        );
        let km = distance_km(anchor.lat, anchor.lon, town.0, town.1);
        assert!(
            km < NEAR_ITS_TOWN_KM,
            "{name} lies {km:.0} km from its town"
        );
    }
}

#[test]
fn a_base_anchors_an_offset() {
    let mentions = geoparse(
        &GAZETTEER,
        "The attack happened 12 miles northeast of Bagram air base.",
    )
    .unwrap();
    let location = &mentions[0].location;
    assert_eq!(location.anchor.name, "Bagram Air Base");
    // 12 miles is 19.3 km.
    let km = distance_km(
        location.anchor.lat,
        location.anchor.lon,
        location.lat,
        location.lon,
    );
    assert!((km - 19.3).abs() < 0.5, "{km} km from the base");
}

#[test]
fn a_base_named_after_a_town_leaves_the_town_and_persons_alone() {
    // A person named like a base ("Ramstein") is no mention.
    assert!(anchors("Mary Ramstein said she would run again.").is_empty());
    // The town of Engels stays the town; its base is "Engels air base" in full.
    assert_eq!(
        anchors("Ukrainian drones hit Engels overnight.")[0].2,
        "PPL"
    );
}
