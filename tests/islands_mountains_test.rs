//! Islands and mountain ranges that news about violence and disasters names, against the real
//! gazetteer and geoparser: each is a named region at its published centre with an extent (km)
//! that holds it, and a town of the same name ("Sinjar", "Jolo") keeps the bare name.

mod common;

use common::gazetteer::{GAZETTEER, anchors, assert_holds, geocode};

/// How far (degrees of latitude or longitude) a region's point may lie from the published
/// centre this test expects: about 10 km, the rounding of the curated points.
const CENTRE_TOLERANCE_DEG: f64 = 0.1;

/// GeoNames feature codes of an island, a group of islands, a range and a mountain.
const ISLAND_OR_MOUNTAIN_CODES: [&str; 4] = ["ISL", "ISLS", "MTS", "MT"];

/// Asserts that `query` is the named region `name` of country `iso2`, at the published
/// centre (lat, lon in degrees), with an extent that holds `inside` (a point on the feature,
/// lat, lon in degrees).
fn assert_region(query: &str, name: &str, iso2: &str, centre: (f64, f64), inside: (f64, f64)) {
    let location = geocode(query);
    assert_eq!(location.anchor.name, name, "{query}");
    assert!(
        ISLAND_OR_MOUNTAIN_CODES.contains(&location.anchor.feature_code.as_str()),
        "{query}: {location:?}"
    );
    assert!(
        (location.lat - centre.0).abs() < CENTRE_TOLERANCE_DEG
            && (location.lon - centre.1).abs() < CENTRE_TOLERANCE_DEG,
        "{query}: {location:?}"
    );
    assert_holds(query, &location, &[inside]);
    let region = GAZETTEER
        .regions()
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("{name} is a region"));
    assert!(region.contains_country(iso2), "{name}: {}", region.members);
}

#[test]
fn islands_are_regions_at_their_published_centre() {
    // Regression: "Oahu" and "Sumatra" resolved to nothing, "Lesbos" to Les Bois in
    // Switzerland, "Bali" to Paris (an alternate name), "Luzon" to a village in Mindanao and
    // "Long Island" to the Bahamian district.
    assert_region("Oahu", "Oahu", "US", (21.47, -157.98), (21.31, -157.65)); // Makapuu Point
    assert_region("Maui", "Maui", "US", (20.80, -156.33), (20.88, -156.68)); // Lahaina
    assert_region("Lesvos", "Lesbos", "GR", (39.17, 26.33), (39.21, 25.85)); // Sigri
    assert_region("Luzon", "Luzon", "PH", (16.0, 121.0), (12.58, 124.09)); // Matnog
    assert_region("Basilan", "Basilan", "PH", (6.57, 122.05), (6.70, 121.97)); // Isabela
    assert_region("Sumatra", "Sumatra", "ID", (-0.2, 101.0), (5.55, 95.32)); // Banda Aceh
    assert_region("Java", "Java", "ID", (-7.49, 110.0), (-6.75, 105.21)); // Ujung Kulon
    assert_region("Bali", "Bali", "ID", (-8.34, 115.09), (-8.17, 114.43)); // Gilimanuk
    assert_region("Borneo", "Borneo", "MY", (0.5, 114.0), (6.88, 116.85)); // Kudat
    assert_region("Socotra", "Socotra", "YE", (12.5, 53.83), (12.45, 54.5)); // Ras Momi
    // The archipelago, Unguja and Pemba; "Zanzibar City" stays the town.
    assert_region("Zanzibar", "Zanzibar", "TZ", (-6.13, 39.36), (-4.87, 39.68)); // Pemba's tip
    assert_eq!(geocode("Zanzibar City").anchor.feature_code, "PPLA");
    assert_region(
        "Long Island",
        "Long Island",
        "US",
        (40.8, -73.3),
        (41.07, -71.86),
    ); // Montauk
    // Regression: with its country named, the island lost to a village of its name in
    // Mindanao, as a region took no boost from the country that holds it.
    let luzon = geocode("Luzon, Philippines");
    assert_eq!(
        (
            luzon.anchor.name.as_str(),
            luzon.anchor.feature_code.as_str()
        ),
        ("Luzon", "ISL")
    );
    // The Bahamian district keeps its own context.
    assert_eq!(
        geocode("Long Island, Bahamas")
            .anchor
            .country_code
            .as_deref(),
        Some("BS")
    );
}

#[test]
fn mountain_ranges_are_regions_at_their_published_centre() {
    // Regression: each resolved to nothing, and "Andes" to a Colombian town.
    let ranges = [
        (
            "the Appalachians",
            "Appalachian Mountains",
            "US",
            (40.2, -76.6),
            (33.5, -86.8),
        ),
        (
            "the Rockies",
            "Rocky Mountains",
            "CA",
            (47.5, -113.0),
            (59.4, -126.1),
        ),
        ("the Alps", "Alps", "AT", (46.5, 10.0), (48.21, 16.37)),
        ("Andes", "Andes", "CL", (-22.0, -67.0), (-55.98, -67.27)),
        ("Himalayas", "Himalayas", "NP", (30.0, 84.5), (35.24, 74.59)),
        (
            "Hindu Kush",
            "Hindu Kush",
            "AF",
            (35.5, 70.0),
            (36.25, 71.84),
        ),
        (
            "Tora Bora",
            "Tora Bora",
            "AF",
            (34.12, 70.22),
            (34.12, 70.22),
        ),
        (
            "Mount Sinjar",
            "Sinjar Mountains",
            "IQ",
            (36.37, 41.72),
            (36.32, 41.88),
        ),
        (
            "Qandil Mountains",
            "Qandil Mountains",
            "IQ",
            (36.4, 45.05),
            (36.18, 45.12),
        ),
        (
            "Mount Chaambi",
            "Mount Chaambi",
            "TN",
            (35.2, 8.67),
            (35.17, 8.83),
        ),
        (
            "Jebel Chaambi",
            "Mount Chaambi",
            "TN",
            (35.2, 8.67),
            (35.17, 8.83),
        ),
        (
            "High Atlas",
            "High Atlas",
            "MA",
            (31.5, -6.0),
            (31.06, -7.92),
        ),
        (
            "Zagros",
            "Zagros Mountains",
            "IR",
            (32.5, 50.0),
            (27.18, 56.27),
        ),
        ("Urals", "Ural Mountains", "RU", (59.0, 59.5), (56.84, 60.6)),
    ];
    for (query, name, iso2, centre, inside) in ranges {
        assert_region(query, name, iso2, centre, inside);
    }
}

#[test]
fn a_town_named_like_a_range_or_island_keeps_its_bare_name() {
    // Sinjar is the Iraqi town at the foot of the range; only "Mount Sinjar" is the range.
    assert_eq!(
        anchors("Fighting continued in Sinjar on Monday."),
        [("Sinjār".into(), "IQ".into(), "PPLA2".into())]
    );
    assert_eq!(
        anchors("Yazidis fled to Mount Sinjar."),
        [("Sinjar Mountains".into(), "IQ".into(), "MTS".into())]
    );
    // Jolo is the town of Sulu province; the island is "Jolo island".
    assert_eq!(
        anchors("Abu Sayyaf militants attacked troops in Jolo, Sulu."),
        [
            ("Jolo".into(), "PH".into(), "PPLA3".into()),
            ("Sulu".into(), "PH".into(), "ADM2".into())
        ]
    );
    assert_eq!(geocode("Jolo island").anchor.name, "Jolo Island");
    // "Ural" alone is a Siberian village; "Andes, Colombia" the Colombian town.
    assert_eq!(geocode("Ural").anchor.feature_code, "PPL");
    assert_eq!(
        geocode("Andes, Colombia").anchor.country_code.as_deref(),
        Some("CO")
    );
}

#[test]
fn ranges_and_islands_are_found_in_news_sentences() {
    assert_eq!(
        anchors("Soldiers were killed by a landmine on Mount Chaambi."),
        [("Mount Chaambi".into(), "TN".into(), "MT".into())]
    );
    assert_eq!(
        anchors("Floods swept through the Appalachians and a wildfire burned on Maui."),
        [
            ("Appalachian Mountains".into(), String::new(), "MTS".into()),
            ("Maui".into(), "US".into(), "ISL".into()),
        ]
    );
}
