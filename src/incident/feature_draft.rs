//! A GeoJSON Feature read straight into an [`IncidentDraft`]: the properties deserialise into
//! the draft's fields as they are parsed, with no intermediate JSON tree or `geojson::Feature`
//! (a map of every property per feature, which dominated a million-feature import).
//!
//! The rules are RFC 7946's and the contract's: `type` must be `"Feature"`; `geometry` must be
//! present, either `null` (then `location_text` is resolved) or a Point `[lon, lat, ...]`
//! (degrees, WGS84); `properties` holds the incident; an `id`, when given, is a non-empty
//! string; `bbox` and foreign members are ignored.

use serde::Deserialize;
use serde_json::Value;

use super::{IncidentDraft, IncidentError, LonLat};

/// The GeoJSON type of a Feature object; any other `type` is refused while parsing.
#[derive(Debug, Deserialize)]
enum FeatureType {
    Feature,
}

/// A geometry object, kept only as far as telling a Point's position from anything else.
#[derive(Debug, Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    /// A Point's `[lon, lat]` (degrees); nested arrays for other types; absent for a
    /// GeometryCollection.
    #[serde(default)]
    coordinates: Value,
}

/// The name of the one geometry type an incident can have.
const POINT: &str = "Point";

/// A Feature whose properties are an incident draft.
#[derive(Debug, Deserialize)]
pub struct FeatureDraft {
    #[serde(rename = "type")]
    _kind: FeatureType,
    /// RFC 7946 allows strings and numbers; only a non-empty string names an incident.
    #[serde(default)]
    id: Option<Value>,
    /// Required by RFC 7946, but may be `null`.
    #[serde(deserialize_with = "Option::deserialize")]
    geometry: Option<Geometry>,
    #[serde(default)]
    properties: Option<IncidentDraft>,
}

impl FeatureDraft {
    /// The draft, with the Feature's id and point.
    ///
    /// # Errors
    /// [`IncidentError::Shape`] without properties, [`IncidentError::BadId`] for a number or
    /// empty id, [`IncidentError::NotAPoint`] for any geometry but a Point with two numbers,
    /// [`IncidentError::OutOfRange`] for impossible coordinates.
    pub fn into_draft(self) -> Result<IncidentDraft, IncidentError> {
        let mut draft = self.properties.ok_or_else(|| {
            IncidentError::Shape("a Feature needs properties: title, category, occurred_on".into())
        })?;
        if let Some(id) = self.id {
            draft.id = match id {
                Value::String(s) if !s.is_empty() => Some(s),
                _ => return Err(IncidentError::BadId),
            };
        }
        if let Some(geometry) = self.geometry {
            draft.point = Some(point_of(&geometry)?);
        }
        Ok(draft)
    }
}

/// The lon/lat of a Point geometry (a third coordinate, altitude, is ignored).
fn point_of(geometry: &Geometry) -> Result<LonLat, IncidentError> {
    let position = match &geometry.coordinates {
        Value::Array(position) if geometry.kind == POINT => position,
        _ => return Err(IncidentError::NotAPoint),
    };
    match position.as_slice() {
        [lon, lat, ..] => match (lon.as_f64(), lat.as_f64()) {
            (Some(lon), Some(lat)) => LonLat::new(lon, lat),
            _ => Err(IncidentError::NotAPoint),
        },
        _ => Err(IncidentError::NotAPoint),
    }
}

/// Reads a Feature from its parsed JSON (what the HTTP body reader has).
pub fn from_value(value: Value) -> Result<IncidentDraft, IncidentError> {
    FeatureDraft::deserialize(value)
        .map_err(|e| IncidentError::Shape(e.to_string()))?
        .into_draft()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::incident::Category;

    fn feature(geometry: Value, id: Value) -> Value {
        json!({"type": "Feature", "id": id, "geometry": geometry, "bbox": [0, 0, 1, 1],
               "properties": {"title": "Riot", "category": "riot", "occurred_on": "2019-05-19"}})
    }

    fn point(lon: f64, lat: f64) -> Value {
        json!({"type": "Point", "coordinates": [lon, lat]})
    }

    #[test]
    fn reads_the_point_id_and_properties() {
        let draft = from_value(feature(point(69.02, 38.55), json!("a-1"))).unwrap();
        assert_eq!(draft.point, Some(LonLat::new(69.02, 38.55).unwrap()));
        assert_eq!(draft.id.as_deref(), Some("a-1"));
        assert_eq!(draft.category, Category::Riot);
    }

    #[test]
    fn a_null_geometry_leaves_the_place_to_resolve() {
        let draft = from_value(feature(Value::Null, json!("a-1"))).unwrap();
        assert_eq!(draft.point, None);
    }

    #[test]
    fn refuses_what_is_not_a_feature_of_a_point_with_a_string_id() {
        let line = json!({"type": "LineString", "coordinates": [[0, 0], [1, 1]]});
        let cases = [
            (feature(line, json!("a")), "NotAPoint"),
            (
                feature(json!({"type": "Point", "coordinates": [1]}), json!("a")),
                "NotAPoint",
            ),
            (
                feature(
                    json!({"type": "Point", "coordinates": ["1", 2]}),
                    json!("a"),
                ),
                "NotAPoint",
            ),
            (feature(point(181.0, 0.0), json!("a")), "OutOfRange"),
            (feature(point(1.0, 2.0), json!(7)), "BadId"),
            (feature(point(1.0, 2.0), json!("")), "BadId"),
            (json!({"type": "Feature", "properties": {}}), "Shape"),
            (json!({"type": "Feature", "geometry": null}), "Shape"),
            (json!({"type": "Point", "coordinates": [1, 2]}), "Shape"),
        ];
        for (value, kind) in cases {
            let text = value.to_string();
            let error = from_value(value).expect_err(&text);
            assert!(format!("{error:?}").starts_with(kind), "{text}: {error:?}");
        }
    }
}
