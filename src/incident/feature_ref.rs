//! A borrowing GeoJSON serialiser for incidents: writes the same bytes as serialising
//! [`Incident::to_feature`], without building the intermediate `geojson::Feature` and its map of
//! owned `serde_json::Value`s (a dozen allocations per feature).
//!
//! Downloads of a million features and every query answer go through it, so it is the hot path
//! of the read side. Key order follows what `to_feature` produces (`type`, `geometry`,
//! `properties`, `id`; properties sorted by name, as `serde_json`'s map sorts them), so both
//! forms stay interchangeable; a test holds them byte-identical. Positions are `[lon, lat]`.
//!
//! # Runtime
//! One pass over the fields; the only allocation is the `created_at` timestamp text.

use std::fmt::Display;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::Incident;

/// An incident serialised as a GeoJSON Feature, optionally with a `distance_km` property (km).
#[derive(Debug, Clone, Copy)]
pub struct FeatureRef<'a> {
    pub incident: &'a Incident,
    /// Great-circle distance from a query point, km; added as the `distance_km` property.
    pub distance_km: Option<f64>,
}

impl<'a> FeatureRef<'a> {
    /// The plain feature of an incident.
    pub fn of(incident: &'a Incident) -> Self {
        FeatureRef {
            incident,
            distance_km: None,
        }
    }
}

/// A value serialised through its `Display` form, without an intermediate `String`.
struct Shown<T>(T);

impl<T: Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// `{"type":"Point","coordinates":[lon,lat]}` in the order `geojson` writes it.
struct PointRef([f64; 2]);

impl Serialize for PointRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("type", "Point")?;
        map.serialize_entry("coordinates", &self.0)?;
        map.end()
    }
}

/// The properties, sorted by key.
struct PropertiesRef<'a>(FeatureRef<'a>);

impl Serialize for PropertiesRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let i = self.0.incident;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("category", i.category.as_str())?;
        map.serialize_entry("created_at", &i.created_at.to_rfc3339())?;
        map.serialize_entry("date_precision", &i.reporting.date_precision)?;
        if let Some(d) = self.0.distance_km {
            map.serialize_entry("distance_km", &d)?;
        }
        map.serialize_entry("fatalities", &i.fatalities)?;
        map.serialize_entry("injuries", &i.reporting.injuries)?;
        map.serialize_entry("location_text", &i.location_text)?;
        map.serialize_entry("occurred_on", &Shown(i.occurred_on))?;
        map.serialize_entry("precision", &i.precision.map(|p| p.as_str()))?;
        map.serialize_entry("source_url", &i.source_url)?;
        map.serialize_entry("sources", &i.reporting.sources)?;
        map.serialize_entry("summary", &i.summary)?;
        map.serialize_entry("title", &i.title)?;
        map.serialize_entry("uncertainty_km", &i.uncertainty_km)?;
        map.end()
    }
}

impl Serialize for FeatureRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("type", "Feature")?;
        map.serialize_entry("geometry", &PointRef(self.incident.point.to_array()))?;
        map.serialize_entry("properties", &PropertiesRef(*self))?;
        map.serialize_entry("id", &self.incident.id)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};
    use serde_json::json;

    use super::*;
    use crate::incident::{Category, LonLat};
    use crate::location::Precision;

    fn incident(full: bool) -> Incident {
        Incident {
            id: "abc".into(),
            title: "Clash \"at\" the border".into(),
            category: Category::Clash,
            occurred_on: NaiveDate::from_ymd_opt(2019, 5, 19).unwrap(),
            fatalities: full.then_some(3),
            point: LonLat::new(69.02, -38.5).unwrap(),
            uncertainty_km: full.then_some(3.0),
            precision: full.then_some(Precision::Offset),
            location_text: full.then(|| "70 km south-east of Dushanbe".into()),
            source_url: full.then(|| "https://example.org/a?b=1&c=2".into()),
            summary: full.then(|| "Line one.\nLine two — ünïcode.".into()),
            created_at: Utc.with_ymd_and_hms(2019, 5, 20, 8, 30, 0).unwrap(),
            reporting: Default::default(),
        }
    }

    #[test]
    fn writes_the_same_bytes_as_the_geojson_feature() {
        for full in [true, false] {
            let i = incident(full);
            let fast = serde_json::to_string(&FeatureRef::of(&i)).unwrap();
            let slow = serde_json::to_string(&i.to_feature()).unwrap();
            assert_eq!(fast, slow);
            let fast = serde_json::to_string(&FeatureRef {
                incident: &i,
                distance_km: Some(1.25),
            })
            .unwrap();
            let slow = serde_json::to_string(&i.to_feature_with("distance_km", json!(1.25)));
            assert_eq!(fast, slow.unwrap());
        }
    }
}
