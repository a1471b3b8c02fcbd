//! Refugee camps, townships, informal settlements and front-line towns that conflict and
//! crime reporting names but GeoNames' `cities500` lacks (curated in
//! `gazetteer/curated/places.tsv`), against the real gazetteer and geoparser.

mod common;

use common::gazetteer::{anchors, assert_holds, geocode};

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
    ];
    for (query, country, point) in places {
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
