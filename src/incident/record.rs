//! The tabular (CSV) form of an incident: one flat row with `lon`/`lat` columns and a WKT
//! point, the shape spreadsheet and GIS users expect from a download.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Category, Incident, IncidentDraft, IncidentError, LonLat};
use crate::location::Precision;

/// One CSV row. Column order is the header order; `wkt` repeats lon/lat as `POINT(lon lat)`
/// for tools that read geometry from WKT. Article provenance (`Reporting`) is GeoJSON-only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlatRecord {
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    pub category: Category,
    pub occurred_on: NaiveDate,
    #[serde(default)]
    pub fatalities: Option<u32>,
    /// Longitude, degrees.
    pub lon: f64,
    /// Latitude, degrees.
    pub lat: f64,
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
    #[serde(default)]
    pub wkt: Option<String>,
}

impl FlatRecord {
    /// The header row, in column order.
    pub const HEADER: [&'static str; 14] = [
        "id",
        "title",
        "category",
        "occurred_on",
        "fatalities",
        "lon",
        "lat",
        "uncertainty_km",
        "precision",
        "location_text",
        "source_url",
        "summary",
        "created_at",
        "wkt",
    ];
}

impl From<&Incident> for FlatRecord {
    fn from(i: &Incident) -> Self {
        FlatRecord {
            id: Some(i.id.clone()),
            title: i.title.clone(),
            category: i.category,
            occurred_on: i.occurred_on,
            fatalities: i.fatalities,
            lon: i.point.lon(),
            lat: i.point.lat(),
            uncertainty_km: i.uncertainty_km,
            precision: i.precision,
            location_text: i.location_text.clone(),
            source_url: i.source_url.clone(),
            summary: i.summary.clone(),
            created_at: Some(i.created_at),
            wkt: Some(format!("POINT({} {})", i.point.lon(), i.point.lat())),
        }
    }
}

impl TryFrom<FlatRecord> for IncidentDraft {
    type Error = IncidentError;

    /// A row becomes a draft with a geometry; its `wkt` column is ignored in favour of lon/lat.
    fn try_from(r: FlatRecord) -> Result<Self, Self::Error> {
        Ok(IncidentDraft {
            id: r.id.filter(|id| !id.is_empty()),
            title: r.title,
            category: r.category,
            occurred_on: r.occurred_on,
            fatalities: r.fatalities,
            point: Some(LonLat::new(r.lon, r.lat)?),
            uncertainty_km: r.uncertainty_km,
            precision: r.precision,
            location_text: r.location_text,
            source_url: r.source_url,
            summary: r.summary,
            created_at: r.created_at,
            reporting: Default::default(),
        })
    }
}
