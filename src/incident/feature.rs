//! The GeoJSON Feature form of an incident (RFC 7946): a Point geometry in `[lon, lat]`, the
//! contract's property names, and nothing foreign in the geometry.

use geojson::{Feature, Geometry, JsonObject, feature::Id};
use serde_json::Value;

use super::Incident;

impl Incident {
    /// The contract properties plus `created_at` and the [`Reporting`](super::Reporting) ones
    /// (`date_precision`, `injuries`, `sources`); absent optional values are `null` (`sources`
    /// `[]`) so every feature of a collection has the same keys.
    pub fn properties(&self) -> JsonObject {
        let mut p = JsonObject::new();
        p.insert("title".into(), self.title.clone().into());
        p.insert("category".into(), self.category.as_str().into());
        p.insert("occurred_on".into(), self.occurred_on.to_string().into());
        p.insert("fatalities".into(), self.fatalities.into());
        p.insert("location_text".into(), self.location_text.clone().into());
        p.insert("uncertainty_km".into(), self.uncertainty_km.into());
        p.insert(
            "precision".into(),
            self.precision.map(|p| p.as_str()).into(),
        );
        p.insert("source_url".into(), self.source_url.clone().into());
        p.insert("summary".into(), self.summary.clone().into());
        p.insert("created_at".into(), self.created_at.to_rfc3339().into());
        let r = &self.reporting;
        p.insert(
            "date_precision".into(),
            serde_json::to_value(r.date_precision).unwrap_or(Value::Null),
        );
        p.insert("injuries".into(), r.injuries.into());
        p.insert(
            "sources".into(),
            serde_json::to_value(&r.sources).unwrap_or_else(|_| Value::Array(Vec::new())),
        );
        p
    }

    /// The incident as a GeoJSON Feature with a string id.
    pub fn to_feature(&self) -> Feature {
        let position = vec![self.point.lon(), self.point.lat()];
        Feature {
            bbox: None,
            geometry: Some(Geometry::new(geojson::Value::Point(position))),
            id: Some(Id::String(self.id.clone())),
            properties: Some(self.properties()),
            foreign_members: None,
        }
    }

    /// The feature with one more property, e.g. `distance_km` for near-point answers.
    pub fn to_feature_with(&self, key: &str, value: Value) -> Feature {
        let mut feature = self.to_feature();
        if let Some(p) = feature.properties.as_mut() {
            p.insert(key.to_owned(), value);
        }
        feature
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Utc};

    use super::*;
    use crate::incident::{Category, LonLat};

    #[test]
    fn geometry_is_lon_lat_and_id_is_a_string() {
        let incident = Incident {
            id: "abc".into(),
            title: "Clash at the border".into(),
            category: Category::Clash,
            occurred_on: NaiveDate::from_ymd_opt(2019, 5, 19).unwrap(),
            fatalities: Some(3),
            point: LonLat::new(69.02, 38.55).unwrap(),
            uncertainty_km: Some(3.0),
            precision: None,
            location_text: None,
            source_url: None,
            summary: None,
            created_at: Utc::now(),
            reporting: Default::default(),
        };
        let json = serde_json::to_value(incident.to_feature()).unwrap();
        assert_eq!(
            json["geometry"]["coordinates"],
            serde_json::json!([69.02, 38.55])
        );
        assert_eq!(json["id"], "abc");
        assert_eq!(json["properties"]["category"], "clash");
        assert_eq!(json["properties"]["occurred_on"], "2019-05-19");
    }
}
