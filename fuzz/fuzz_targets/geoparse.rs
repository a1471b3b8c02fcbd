//! Fuzzes the geoparser and the geocoder with arbitrary UTF-8 text: no panic, mention offsets
//! on character boundaries that slice back to the mention text, and every location on Earth.
#![no_main]

use std::sync::OnceLock;

use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::geoparse::{geoparse, resolve};
use incident_atlas::location::Location;
use libfuzzer_sys::fuzz_target;

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::load().expect("the embedded gazetteer loads"))
}

fn check_location(location: &Location) {
    assert!(location.lat.is_finite() && location.lat.abs() <= 90.0, "{location:?}");
    assert!(location.lon.is_finite() && location.lon.abs() <= 180.0, "{location:?}");
    assert!(location.uncertainty_km.is_finite() && location.uncertainty_km >= 0.0, "{location:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(mentions) = geoparse(gazetteer(), text) {
        for m in &mentions {
            assert!(m.start <= m.end && m.end <= text.len(), "{m:?}");
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()), "{m:?}");
            check_location(&m.location);
        }
    }
    if let Ok(Some(location)) = resolve(gazetteer(), text) {
        check_location(&location);
    }
});
