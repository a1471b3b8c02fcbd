//! The answer to "where": a point (WGS84 lon/lat), how precisely it is known, and a radius in
//! km that honestly contains the true place. Both the gazetteer and the geoparser produce it, and
//! incidents store it. Its JSON form is the *Location* of the public contract.

use serde::{Deserialize, Serialize};

/// How a location was obtained, from the most to the least precise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A town or point feature.
    Exact,
    /// A distance and a direction from an anchor place.
    Offset,
    /// A distance without direction, or "near"/"outskirts of" a place.
    Near,
    /// A first-level administrative area or a named region smaller than a continent.
    Region,
    Country,
    Continent,
}

impl Precision {
    /// The lower-case name used in JSON, CSV and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Offset => "offset",
            Precision::Near => "near",
            Precision::Region => "region",
            Precision::Country => "country",
            Precision::Continent => "continent",
        }
    }
}

/// The gazetteer entry a location is built from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    pub name: String,
    /// GeoNames id, where the source has one (admin regions and named regions do not).
    pub geonameid: Option<u32>,
    /// ISO 3166-1 alpha-2, absent for regions spanning several countries.
    pub country_code: Option<String>,
    /// GeoNames feature code (`PPLC`, `PPLA2`, `PCLI` for a country, `ADM1`, `CONT`, `RGN`, and
    /// for natural features `STM` (a river), `LK`, `STRT`, `SEA`, `ISL`, `MTS` …).
    pub feature_code: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// A displacement from the anchor: a distance in km and, when the text gives one, a bearing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Offset {
    pub distance_km: f64,
    /// Degrees clockwise from true north; absent for "10 km from X".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bearing_deg: Option<f64>,
}

/// A resolved location description (the contract's *Location*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The description as given.
    pub query: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Radius in km around (lat, lon) that contains the true place.
    pub uncertainty_km: f64,
    pub precision: Precision,
    pub anchor: Anchor,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<Offset>,
}
