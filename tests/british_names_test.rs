//! British county names in news copy, against the real gazetteer and geoparser: the nations
//! of the United Kingdom and its counties as areas, the short forms of addresses ("Hemel
//! Hempstead, Herts"), the counties that have no council of their own (Yorkshire, Berkshire,
//! the metropolitan counties), and the Sahara, which a Yemeni village's alternate name used to
//! take.

mod common;

use common::gazetteer::{anchors, geocode};

/// How far (degrees of latitude or longitude) a named area's point may lie from the point
/// this test expects: about 50 km, well under a county's size.
const AREA_TOLERANCE_DEG: f64 = 0.5;

fn county(name: &str) -> (String, String, String) {
    (name.into(), "GB".into(), "ADM2".into())
}

#[test]
fn the_nations_of_the_united_kingdom_and_its_counties_are_areas_of_their_own() {
    let text = "Storms hit Wales and Scotland; in England, Kent and Essex lost power.";
    // Wales is not the whole United Kingdom, and Kent is not Kent, Washington.
    assert_eq!(
        anchors(text),
        [
            ("Wales".into(), "GB".into(), "ADM1".into()),
            ("Scotland".into(), "GB".into(), "ADM1".into()),
            ("England".into(), "GB".into(), "ADM1".into()),
            county("Kent"),
            county("Essex"),
        ]
    );
}

#[test]
fn county_short_forms_name_their_british_counties() {
    let short_forms = [
        ("Herts", "Hertfordshire"),
        ("Beds", "Bedfordshire"),
        ("Berks", "Berkshire"),
        ("Bucks", "Buckinghamshire"),
        ("Cambs", "Cambridgeshire"),
        ("Glos", "Gloucestershire"),
        ("Hants", "Hampshire"),
        ("Lancs", "Lancashire"),
        ("Leics", "Leicestershire"),
        ("Lincs", "Lincolnshire"),
        ("Northants", "Northamptonshire"),
        ("Notts", "Nottinghamshire"),
        ("Oxon", "Oxfordshire"),
        ("Staffs", "Staffordshire"),
        ("Wilts", "Wiltshire"),
        ("Worcs", "Worcestershire"),
        ("Yorks", "Yorkshire"),
    ];
    for (short, name) in short_forms {
        // "Glos", "Cambs" and "Oxon" are also villages in France and Germany and a suburb of
        // Washington; in England the county wins.
        let location = geocode(&format!("{short}, England"));
        assert_eq!(location.anchor.name, name, "{short}");
        assert_eq!(
            location.anchor.country_code.as_deref(),
            Some("GB"),
            "{short}"
        );
    }
    // Regression: "Herts" alone was Harts, West Virginia.
    assert_eq!(geocode("Herts").anchor.name, "Hertfordshire");
}

#[test]
fn a_county_short_form_that_is_a_word_is_a_place_only_in_an_address() {
    assert_eq!(anchors("He bought two beds."), []);
    assert_eq!(anchors("Beds were in short supply at the hospital."), []);
    assert_eq!(
        anchors("Police in Luton, Beds, said a man was arrested."),
        [
            ("Luton".into(), "GB".into(), "PPLA2".into()),
            county("Bedfordshire")
        ]
    );
    assert_eq!(
        anchors("A fire in High Wycombe, Bucks, destroyed a warehouse."),
        [
            ("High Wycombe".into(), "GB".into(), "PPL".into()),
            county("Buckinghamshire")
        ]
    );
}

#[test]
fn yorkshire_is_the_english_county_and_its_parts_are_counties_too() {
    // Regression: "Yorkshire" and "East Yorkshire" were Yorkshire, Virginia.
    assert_eq!(
        anchors("In England, floods hit Yorkshire, East Yorkshire and South Yorkshire."),
        [
            ("England".into(), "GB".into(), "ADM1".into()),
            county("Yorkshire"),
            county("East Riding of Yorkshire"),
            county("South Yorkshire"),
        ]
    );
    // Between Leeds, York and Hull: the centre of its towns (53.9° N, 1.2° W).
    let yorkshire = geocode("Yorkshire");
    assert!(
        (yorkshire.lat - 53.9).abs() < AREA_TOLERANCE_DEG
            && (yorkshire.lon + 1.2).abs() < AREA_TOLERANCE_DEG,
        "{yorkshire:?}"
    );
    // The Virginian place keeps its American context.
    assert_eq!(
        anchors("In Virginia, the Yorkshire volunteer fire company responded."),
        [
            ("Virginia".into(), "US".into(), "ADM1".into()),
            ("Yorkshire".into(), "US".into(), "PPL".into()),
        ]
    );
}

#[test]
fn ceremonial_counties_without_a_council_are_english_areas() {
    // Regression: Berkshire was Berkshire County, Massachusetts.
    assert_eq!(
        anchors(
            "Police in Berkshire, Cheshire, Greater Manchester, Merseyside, the West Midlands \
             and Tyne and Wear searched homes across England."
        ),
        [
            county("Berkshire"),
            county("Cheshire"),
            county("Greater Manchester"),
            county("Merseyside"),
            county("West Midlands"),
            county("Tyne and Wear"),
            ("England".into(), "GB".into(), "ADM1".into()),
        ]
    );
    // Around Reading, Slough and Bracknell (51.5° N, 1.0° W).
    let berkshire = geocode("Berkshire, England");
    assert!(
        (berkshire.lat - 51.5).abs() < AREA_TOLERANCE_DEG
            && (berkshire.lon + 1.0).abs() < AREA_TOLERANCE_DEG,
        "{berkshire:?}"
    );
}

#[test]
fn the_sahara_is_the_desert_not_a_yemeni_village() {
    assert_eq!(
        anchors("Migrants crossing the Sahara died of thirst."),
        [("Sahara".into(), String::new(), "DSRT".into())]
    );
    // Its published centre, 23° N, 13° E.
    let sahara = geocode("Sahara");
    assert!(
        (sahara.lat - 23.0).abs() < AREA_TOLERANCE_DEG
            && (sahara.lon - 13.0).abs() < AREA_TOLERANCE_DEG,
        "{sahara:?}"
    );
    assert_eq!(
        geocode("Western Sahara").anchor.country_code.as_deref(),
        Some("EH")
    );
}
