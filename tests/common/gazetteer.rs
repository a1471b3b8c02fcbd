//! The embedded gazetteer and geoparser, read in process: the mentions a text gives and the
//! *Location* a description resolves to, for tests of what the gazetteer's data says.

use std::sync::LazyLock;

use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::geoparse::geoparse;
use incident_atlas::location::Location;

/// Loaded once per test binary: a load takes about 60 ms.
pub static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::load().expect("the embedded gazetteer loads"));

/// (name, country code, feature code) of each mention geoparsed from `text`.
pub fn anchors(text: &str) -> Vec<(String, String, String)> {
    geoparse(&GAZETTEER, text)
        .unwrap()
        .into_iter()
        .map(|m| {
            let anchor = m.location.anchor;
            let cc = anchor.country_code.unwrap_or_default();
            (anchor.name, cc, anchor.feature_code)
        })
        .collect()
}

/// The *Location* `query` resolves to; panics when nothing does.
pub fn geocode(query: &str) -> Location {
    GAZETTEER
        .geocode(query)
        .unwrap()
        .unwrap_or_else(|| panic!("{query:?} resolves"))
}

/// Asserts that every point of `inside` (lat, lon in degrees) lies within `location`'s
/// uncertainty radius (km): an area's extent holds the towns it is known for.
pub fn assert_holds(query: &str, location: &Location, inside: &[(f64, f64)]) {
    for &(lat, lon) in inside {
        assert!(
            incident_atlas::geoparse::distance_km(location.lat, location.lon, lat, lon)
                <= location.uncertainty_km,
            "{query}: ({lat}, {lon}) lies outside {location:?}"
        );
    }
}
