//! The names conflict copy writes for first-level regions besides GeoNames' own, against the
//! real gazetteer and geoparser: other transliterations and former names
//! (`gazetteer/curated/admin1_aliases.tsv`), the hyphenated form of a region named after two
//! ("Sistan-Baluchestan"), kind words ("oblast", "department"), a region name that several
//! countries share ("North-West"), and Pakistan's former tribal agencies.

mod common;

use common::gazetteer::{anchors, assert_holds, geocode};

/// A town's point, (lat, lon) in degrees.
type Town = (f64, f64);

/// (name, country code, feature code) of an anchor, as `anchors` gives them.
fn anchor(name: &str, country: &str, code: &str) -> (String, String, String) {
    (name.into(), country.into(), code.into())
}

#[test]
fn other_names_of_a_region_read_as_the_region() {
    // Regression: "Ninawa province", "Salahuddin province", "Oromia region", "Karen state"
    // found nothing; "Dohuk province" was the town of Dihok, "Hiran region" a village in Iraq.
    for (text, name, country) in [
        (
            "Gunmen attacked a checkpoint in Ninawa province.",
            "Nineveh",
            "IQ",
        ),
        (
            "Gunmen attacked a checkpoint in Salahuddin province.",
            "Salah ad Din",
            "IQ",
        ),
        (
            "Gunmen attacked a checkpoint in Dohuk province.",
            "Duhok",
            "IQ",
        ),
        (
            "Gunmen attacked a checkpoint in Deir al-Zor province.",
            "Deir ez-Zor",
            "SY",
        ),
        (
            "Gunmen attacked a checkpoint in Hasakah province.",
            "Al-Hasakah",
            "SY",
        ),
        (
            "Gunmen attacked a checkpoint in Oromia region.",
            "Oromiya",
            "ET",
        ),
        (
            "Gunmen attacked a checkpoint in Hiran region.",
            "Hiiraan",
            "SO",
        ),
        (
            "Gunmen attacked a checkpoint in Uruzgan province.",
            "Oruzgan",
            "AF",
        ),
        (
            "Gunmen attacked a checkpoint in Karen state.",
            "Kayin State",
            "MM",
        ),
        (
            "Gunmen attacked a checkpoint in Karenni state.",
            "Kayah State",
            "MM",
        ),
        (
            "Gunmen attacked a checkpoint in Gezira state.",
            "Al Jazirah",
            "SD",
        ),
    ] {
        assert_eq!(anchors(text), [anchor(name, country, "ADM1")], "{text}");
    }
    // An alias that is also a name of the region's seat is the seat when bare, as the
    // region's own name is ("Raqqa"), and the region with a kind word.
    assert_eq!(geocode("Hodeidah").anchor.feature_code, "PPLA");
    assert_eq!(geocode("Hodeidah governorate").anchor.name, "Al Hudaydah");
    assert_eq!(geocode("Hodeidah governorate").anchor.feature_code, "ADM1");
    // The alias's bare stem is no name: "Karen" is not Kayin State.
    assert!(
        anchors("Karen said the roads were closed.")
            .iter()
            .all(|(name, ..)| name != "Kayin State")
    );
}

#[test]
fn a_region_named_after_two_is_also_written_with_a_hyphen() {
    // Regression: "Sistan-Baluchestan province" found nothing.
    assert_eq!(
        anchors("A bomb exploded outside a mosque in Zahedan, in Sistan-Baluchestan province."),
        [
            anchor("Zahedan", "IR", "PPLA"),
            anchor("Sistan and Baluchestan", "IR", "ADM1"),
        ]
    );
    assert_eq!(
        geocode("Kohgiluyeh-Boyer-Ahmad").anchor.name,
        "Kohgiluyeh and Boyer-Ahmad"
    );
    // Regression: "Jammu and Kashmir" was the whole disputed region, Indian and Pakistani
    // (350 km wide), not the Indian union territory of that name; "Kashmir" still is it.
    assert_eq!(
        anchors("Militants attacked an army camp in Jammu and Kashmir. Kashmir is disputed."),
        [
            anchor("Jammu and Kashmir", "IN", "ADM1"),
            ("Kashmir".into(), String::new(), "RGN".into()),
        ]
    );
}

#[test]
fn kind_words_oblast_and_department_name_the_region() {
    // Regression: "the Zaporizhzhia oblast" was the city.
    assert_eq!(
        anchors("Shelling hit the Zaporizhzhia oblast overnight."),
        [anchor("Zaporizhzhia", "UA", "ADM1")]
    );
    assert_eq!(
        anchors("Gangs attacked villages in Artibonite department."),
        [anchor("Artibonite", "HT", "ADM1")]
    );
}

#[test]
fn a_region_name_several_countries_share_is_the_named_country_s() {
    // Regression: only Botswana's North-West was indexed as "North-West Region", so
    // "Cameroon's Northwest region" was in Botswana.
    assert_eq!(
        anchors("Troops clashed with rebels near Bamenda in Cameroon's Northwest region.")[2],
        anchor("North-West", "CM", "ADM1")
    );
    // Regression: "Anglophone" read as a first name, so "North" was its surname and only
    // "West region" (Cameroon's French-speaking West) was left.
    assert_eq!(
        anchors("Two soldiers died in Cameroon's Anglophone North-West region.")[1],
        anchor("North-West", "CM", "ADM1")
    );
    assert_eq!(
        anchors("Police fired on miners in South Africa's North West region.")[1],
        anchor("North West", "ZA", "ADM1")
    );
}

#[test]
fn pakistan_s_former_tribal_agencies_hold_their_headquarters() {
    // Regression: "Kurram district", "Bajaur", "Orakzai", "Mohmand" found nothing.
    let towns: [(&str, &str, &[Town]); 5] = [
        (
            "Kurram district",
            "Kurram",
            &[(33.90, 70.10), (33.37, 70.55)],
        ), // Parachinar, Thal
        ("Bajaur", "Bajaur", &[(34.74, 71.53)]), // Khar
        (
            "Khyber district",
            "Khyber District",
            &[(34.10, 71.14), (34.00, 71.38)],
        ), // Landi Kotal, Jamrud
        ("Orakzai", "Orakzai", &[]),
        ("Mohmand Agency", "Mohmand", &[]),
    ];
    for (query, name, towns) in towns {
        let location = geocode(query);
        assert_eq!(
            (
                location.anchor.name.as_str(),
                location.anchor.country_code.as_deref()
            ),
            (name, Some("PK")),
            "{query}"
        );
        assert_holds(query, &location, towns);
    }
    assert_eq!(
        anchors("Tribal clashes in Kurram district killed 40 people."),
        [anchor("Kurram", "PK", "RGN")]
    );
}
