//! Venues that news copy names by themselves, where shootings, attacks and crushes happen
//! ("a gunman opened fire at Virginia Tech", "the bombing at Manchester Arena"), against the
//! real gazetteer and geoparser: each is read as itself, near its host town's point, with an
//! uncertainty that reaches the venue's published position; and it holds a site named at it
//! ("St George's Chapel at Windsor Castle").

mod common;

use common::gazetteer::{GAZETTEER, anchors, assert_holds};
use incident_atlas::geoparse::{geoparse, resolve_spans};
use incident_atlas::location::Precision;

#[test]
fn venues_are_read_as_themselves_and_their_uncertainty_reaches_them() {
    // (text, venue, country, feature code, the venue's published position (lat, lon)).
    for (text, name, country, code, at) in [
        (
            "A gunman opened fire at Virginia Tech on Monday.",
            "Virginia Tech",
            "US",
            "UNIV",
            (37.228, -80.423),
        ),
        (
            "Students marched at Cambridge University.",
            "University of Cambridge",
            "GB",
            "UNIV",
            (52.205, 0.117),
        ),
        (
            "The suicide bomber struck at Manchester Arena.",
            "Manchester Arena",
            "GB",
            "STDM",
            (53.488, -2.244),
        ),
        (
            "Explosions were heard outside the Stade de France.",
            "Stade de France",
            "FR",
            "STDM",
            (48.924, 2.360),
        ),
        (
            "Families queued at Walt Disney World.",
            "Walt Disney World",
            "US",
            "AMUS",
            (28.385, -81.564),
        ),
        (
            "Gunmen stormed Garissa University College before dawn.",
            "Garissa University College",
            "KE",
            "UNIV",
            (-0.457, 39.657),
        ),
        (
            "Fans gathered at the Barclays Center.",
            "Barclays Center",
            "US",
            "STDM",
            (40.683, -73.975),
        ),
    ] {
        let owned = (name.to_owned(), country.to_owned(), code.to_owned());
        assert_eq!(anchors(text), [owned], "{text}");
        let mentions = geoparse(&GAZETTEER, text).unwrap();
        assert_holds(text, &mentions[0].location, &[at]);
        // At its host town's point, the venue is near the point, not at it.
        assert_eq!(mentions[0].location.precision, Precision::Near, "{text}");
    }
}

#[test]
fn a_site_named_at_a_venue_lies_there() {
    // Regression: the chapel was read through the saint in its name, St. George, Utah, and
    // the castle as Windsor, Ontario.
    let text = "The wedding takes place on 19 May in St George's Chapel at Windsor Castle.";
    let spans: Vec<_> = ["St George's Chapel", "Windsor Castle"]
        .iter()
        .map(|phrase| {
            let start = text.find(phrase).unwrap();
            start..start + phrase.len()
        })
        .collect();
    let resolved = resolve_spans(&GAZETTEER, text, &spans).unwrap();
    for location in resolved {
        let location = location.unwrap();
        assert_eq!(location.anchor.name, "Windsor Castle");
        assert_eq!(location.anchor.country_code.as_deref(), Some("GB"));
    }
}
