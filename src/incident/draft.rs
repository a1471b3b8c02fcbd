//! An incident before it is stored: what a client, an import file or the extractor supplies.
//! It may lack a geometry, in which case its `location_text` is resolved by the gazetteer.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::{Category, Incident, IncidentError, LonLat, Reporting, feature_draft, new_id};
use crate::gazetteer::Gazetteer;
use crate::location::Precision;

/// The incident fields a caller supplies; `id` and `created_at` are kept when given (imports
/// round-trip exports) and assigned otherwise.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct IncidentDraft {
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    pub category: Category,
    pub occurred_on: NaiveDate,
    #[serde(default)]
    pub fatalities: Option<u32>,
    /// Where it happened (lon/lat degrees); `None` means "resolve `location_text`".
    #[serde(skip)]
    pub point: Option<LonLat>,
    /// Radius in km that contains the true place.
    #[serde(default)]
    pub uncertainty_km: Option<f64>,
    #[serde(default)]
    pub precision: Option<Precision>,
    #[serde(default)]
    pub location_text: Option<String>,
    #[serde(default)]
    pub source_url: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// `date_precision`, `injuries` and `sources`, kept so exports re-import whole.
    #[serde(flatten, default)]
    pub reporting: Reporting,
}

impl IncidentDraft {
    /// Reads a GeoJSON Feature (Point geometry, contract properties) or a bare object of the
    /// same properties without geometry.
    ///
    /// # Errors
    /// [`IncidentError::Shape`] for missing or mistyped fields (including an unknown category
    /// or a malformed date), [`IncidentError::NotAPoint`] and [`IncidentError::OutOfRange`]
    /// for a bad geometry.
    pub fn from_json(value: Value) -> Result<Self, IncidentError> {
        let is_feature = value.get("type").and_then(Value::as_str) == Some("Feature");
        if !is_feature {
            return serde_json::from_value(value).map_err(|e| IncidentError::Shape(e.to_string()));
        }
        feature_draft::from_value(value)
    }

    /// Completes the draft into an incident, resolving `location_text` with the gazetteer when
    /// there is no geometry (the gazetteer's precision and uncertainty are then stored).
    ///
    /// # Errors
    /// [`IncidentError::NoLocation`] without geometry and text, [`IncidentError::Unresolved`]
    /// when the text matches no place, [`IncidentError::Shape`] for a negative uncertainty.
    pub fn into_incident(self, gazetteer: &Gazetteer) -> Result<Incident, IncidentError> {
        if self
            .uncertainty_km
            .is_some_and(|u| !u.is_finite() || u < 0.0)
        {
            return Err(IncidentError::Shape(
                "uncertainty_km must be a distance in km, 0 or more".into(),
            ));
        }
        let (point, precision, uncertainty_km) = match (self.point, &self.location_text) {
            (Some(point), _) => (point, self.precision, self.uncertainty_km),
            (None, None) => return Err(IncidentError::NoLocation),
            (None, Some(text)) => match gazetteer.geocode(text)? {
                Some(loc) => (
                    LonLat::new(loc.lon, loc.lat)?,
                    Some(loc.precision),
                    Some(loc.uncertainty_km),
                ),
                None => return Err(IncidentError::Unresolved(text.clone())),
            },
        };
        let id = match self.id {
            Some(id) if id.trim().is_empty() => return Err(IncidentError::BadId),
            Some(id) => id,
            None => new_id(),
        };
        Ok(Incident {
            id,
            title: self.title,
            category: self.category,
            occurred_on: self.occurred_on,
            fatalities: self.fatalities,
            point,
            uncertainty_km,
            precision,
            location_text: self.location_text,
            source_url: self.source_url,
            summary: self.summary,
            created_at: self.created_at.unwrap_or_else(Utc::now),
            reporting: self.reporting,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reads_a_feature_with_its_point() {
        let draft = IncidentDraft::from_json(json!({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [69.02, 38.55]},
            "properties": {"title": "Riot", "category": "riot", "occurred_on": "2019-05-19",
                           "fatalities": 32, "location_text": "Vakhdat"}
        }))
        .unwrap();
        assert_eq!(draft.point, Some(LonLat::new(69.02, 38.55).unwrap()));
        assert_eq!(draft.category, Category::Riot);
        assert_eq!(draft.fatalities, Some(32));
    }

    #[test]
    fn rejects_unknown_categories_and_bad_geometry() {
        let bad_category = json!({"title": "x", "category": "war", "occurred_on": "2019-05-19"});
        assert!(IncidentDraft::from_json(bad_category).is_err());
        let line = json!({"type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
            "properties": {"title": "x", "category": "riot", "occurred_on": "2019-05-19"}});
        assert!(matches!(
            IncidentDraft::from_json(line),
            Err(IncidentError::NotAPoint)
        ));
    }
}
