//! Refugee camps, townships, informal settlements, city quarters and front-line towns that
//! conflict and crime reporting names but GeoNames' `cities500` lacks (curated in
//! `gazetteer/curated/places.tsv`), against the real gazetteer and geoparser.

mod common;

use common::gazetteer::{anchors, assert_holds, geocode};

/// Asserts that each query geocodes to a place of its country (ISO code) whose radius holds
/// its point (lat, lon in degrees).
fn assert_resolve_in(places: &[(&str, &str, (f64, f64))]) {
    for &(query, country, point) in places {
        let location = geocode(query);
        assert_eq!(
            location.anchor.country_code.as_deref(),
            Some(country),
            "{query}"
        );
        assert_holds(query, &location, &[point]);
    }
}

#[test]
fn camps_and_townships_resolve_where_they_are() {
    // Regression: "Kibera" was Kibara in Tanzania, "Mathare" Metahara in Ethiopia, "al-Hol"
    // Hol in Norway; "Khayelitsha", "Zaatari", "Kutupalong", "Cite Soleil", "Maungdaw" were
    // nothing.
    let places = [
        ("Kibera", "KE", (-1.31, 36.79)),
        ("Mathare", "KE", (-1.26, 36.86)),
        ("al-Hol", "SY", (36.38, 41.15)),
        ("Khayelitsha", "ZA", (-34.04, 18.68)),
        ("Za'atari", "JO", (32.29, 36.32)),
        ("Kutupalong", "BD", (21.21, 92.16)),
        ("Cite Soleil", "HT", (18.58, -72.33)),
        ("Ain el-Hilweh", "LB", (33.545, 35.385)),
        ("Maungdaw", "MM", (20.82, 92.37)),
        ("KwaMashu", "ZA", (-29.74, 30.98)),
        ("Zamzam camp", "SD", (13.50, 25.29)),
    ];
    assert_resolve_in(&places);
}

#[test]
fn camps_and_townships_are_found_in_news_sentences() {
    assert_eq!(
        anchors("A fire swept through Kutupalong camp near Cox's Bazar on Sunday."),
        [
            ("Kutupalong".into(), "BD".into(), "PPL".into()),
            ("Cox’s Bāzār".into(), "BD".into(), "PPL".into()),
        ]
    );
    assert_eq!(
        anchors("Police raided homes in Khayelitsha and Mitchells Plain, Cape Town."),
        [
            ("Khayelitsha".into(), "ZA".into(), "PPL".into()),
            ("Mitchells Plain".into(), "ZA".into(), "PPL".into()),
            ("Cape Town".into(), "ZA".into(), "PPLA".into()),
        ]
    );
    // Regression: "Delft" was the Dutch city and "Nyanga" a province of Gabon beside Cape
    // Town; "Manenberg", "Hanover Park" (Illinois) and "Umlazi" were nothing or abroad.
    assert_eq!(
        anchors("Gang violence in Manenberg, Hanover Park and Delft, Cape Town, left five dead."),
        [
            ("Manenberg".into(), "ZA".into(), "PPL".into()),
            ("Hanover Park".into(), "ZA".into(), "PPL".into()),
            ("Delft".into(), "ZA".into(), "PPL".into()),
            ("Cape Town".into(), "ZA".into(), "PPLA".into()),
        ]
    );
    assert_eq!(
        anchors("A taxi driver was shot dead in Umlazi, Durban."),
        [
            ("Umlazi".into(), "ZA".into(), "PPL".into()),
            ("Durban".into(), "ZA".into(), "PPLA2".into()),
        ]
    );
    // The bare names elsewhere stay the towns copy there means.
    assert_eq!(
        anchors("She studied engineering in Delft before moving to Rotterdam."),
        [
            ("Delft".into(), "NL".into(), "PPL".into()),
            ("Rotterdam".into(), "NL".into(), "PPL".into()),
        ]
    );
    // A curated place is known by its name alone, without a preposition or a neighbour.
    assert_eq!(
        anchors("M23 rebels took Masisi."),
        [("Masisi".into(), "CD".into(), "PPL".into())]
    );
    // Regression: "Masisi" was Maxixe in Mozambique; Minova was nothing.
    assert_eq!(
        anchors("M23 rebels seized Minova and Masisi, north of Goma."),
        [
            ("Minova".into(), "CD".into(), "PPL".into()),
            ("Masisi".into(), "CD".into(), "PPL".into()),
            ("Goma".into(), "CD".into(), "PPLA".into()),
        ]
    );
}

#[test]
fn towns_cities500_lacks_resolve_near_their_neighbours() {
    // Regression: "El Alto, Bolivia" read Bolivia (the gazetteer knew El Altos in Peru,
    // Panama and Argentina only); "Makhmur", "Hsipaw", "Paletwa", "Humera", "Mahagi", "Fizi"
    // and "Mir Ali" were nothing; "Baga, Nigeria" was Nigeria, "Baga" Bagà, Spain.
    for (query, country, neighbour, km) in [
        ("El Alto", "BO", (-16.50, -68.15), 10.0),     // La Paz
        ("Makhmur", "IQ", (36.19, 44.01), 70.0),       // Erbil
        ("Hsipaw", "MM", (22.94, 97.75), 70.0),        // Lashio
        ("Paletwa", "MM", (20.15, 92.90), 140.0),      // Sittwe
        ("Humera", "ET", (14.07, 36.56), 30.0),        // May Cadera
        ("Mahagi", "CD", (1.56, 30.25), 130.0),        // Bunia
        ("Fizi", "CD", (-3.37, 29.14), 115.0),         // Uvira
        ("Baraawe", "SO", (1.71, 44.77), 120.0),       // Marka
        ("Baga, Nigeria", "NG", (12.92, 13.57), 45.0), // Kukawa
        ("Mir Ali", "PK", (33.00, 70.07), 25.0),       // Miran Shah
    ] {
        let location = geocode(query);
        assert_eq!(
            location.anchor.country_code.as_deref(),
            Some(country),
            "{query}"
        );
        let d = incident_atlas::geoparse::distance_km(
            location.lat,
            location.lon,
            neighbour.0,
            neighbour.1,
        );
        assert!(d < km, "{query} lies {d:.0} km from its neighbour");
    }
    // The short names copy writes for Rio de Janeiro and Addis Ababa.
    assert_eq!(
        anchors("Police raided a favela in Rio on Tuesday.")[0].0,
        "Rio de Janeiro"
    );
    assert_eq!(
        anchors("Protests spread to Addis on Monday.")[0].0,
        "Addis Ababa"
    );
    assert_eq!(
        anchors("Police clashed with protesters in El Alto, Bolivia.")[0],
        ("El Alto".into(), "BO".into(), "PPL".into())
    );
}

#[test]
fn front_line_villages_and_spellings_of_copy_resolve_where_they_are() {
    // Regression: every one of these was no mention at all ("Kitchanga", "Torkham", "Khiam",
    // "Yirgou", "al-Tanf": cities500 lacks them; "Hawija", "Qalqilya", "Kyaukphyu": GeoNames
    // spells them otherwise; "Tajoura", "Janzour" too).
    let places = [
        ("Kitchanga", "CD", (-1.25, 29.06)),
        ("Bunagana", "CD", (-1.30, 29.60)),
        ("Torkham", "AF", (34.11, 71.08)),
        ("Khiam", "LB", (33.33, 35.61)),
        ("Yirgou", "BF", (13.85, -0.99)),
        ("Inates", "NE", (15.23, 1.31)),
        ("al-Tanf", "SY", (33.51, 38.62)),
        ("Hawija", "IQ", (35.33, 43.77)),
        ("Qalqilya", "PS", (32.19, 34.97)),
        ("Kyaukphyu", "MM", (19.43, 93.55)),
        ("Tajoura", "LY", (32.88, 13.35)),
        ("Janzour", "LY", (32.82, 13.02)),
    ];
    assert_resolve_in(&places);
    assert_eq!(
        anchors("M23 rebels seized Kitchanga and Bunagana in North Kivu."),
        [
            ("Kitchanga".into(), "CD".into(), "PPL".into()),
            ("Bunagana".into(), "CD".into(), "PPL".into()),
            ("North Kivu".into(), "CD".into(), "ADM1".into()),
        ]
    );
    // A curated village of the country the text names beats a seat of its name abroad:
    // GeoNames records no population for it, and Moura, Portugal (9,360) led it.
    for text in [
        "In Mali, soldiers killed 300 people in Moura.",
        "Malian soldiers killed 300 people in Moura.",
    ] {
        let read = anchors(text);
        assert_eq!(
            read.last().map(|a| a.1.as_str()),
            Some("ML"),
            "{text}: {read:?}"
        );
    }
    // "Shire", the Tigray town's common name, is left out: "the Shire horse" is no town.
    assert_eq!(anchors("The Shire horse is a British breed."), []);
}

#[test]
fn city_quarters_that_conflict_copy_names_alone_resolve_where_they_are() {
    // Regression: "Clashes erupted in Karrada" made no mention (no quarter word followed).
    let places = [
        ("Karrada", "IQ", (33.30, 44.43)),
        ("Kadhimiya", "IQ", (33.38, 44.35)),
        ("Jobar", "SY", (33.53, 36.34)),
        ("Sheikh Maqsoud", "SY", (36.24, 37.15)),
        ("Haret Hreik", "LB", (33.85, 35.52)),
        ("Lyari", "PK", (24.87, 66.99)),
        ("Complexo do Alemão", "BR", (-22.86, -43.27)),
    ];
    assert_resolve_in(&places);
    assert_eq!(
        anchors("Tanks entered Tel al-Hawa and Rimal."),
        [
            ("Tel al-Hawa".into(), "PS".into(), "PPLX".into()),
            ("Rimal".into(), "PS".into(), "PPLX".into()),
        ]
    );
}
