//! The incident: one violent event at one place and date, as stored, indexed and served.
//!
//! It sits between extraction (which produces [`IncidentDraft`]s) and the store, index and HTTP
//! layers (which keep and serve [`Incident`]s). Its public form is a GeoJSON Feature
//! (RFC 7946, `[lon, lat]`) whose property names are fixed by the contract; its tabular form is
//! a [`FlatRecord`] (CSV). Incidents ingested from articles also carry [`Reporting`]: date
//! precision, injuries and the sentences that report them.

mod category;
mod draft;
mod feature;
mod feature_draft;
mod feature_ref;
mod lonlat;
mod record;
mod reporting;

use chrono::{DateTime, NaiveDate, Utc};

pub use category::Category;
pub use draft::IncidentDraft;
pub use feature_draft::FeatureDraft;
pub use feature_ref::FeatureRef;
pub use lonlat::{LonLat, MAX_LAT, MAX_LON};
pub use record::FlatRecord;
pub use reporting::{Reporting, Source};

use crate::gazetteer::GazetteerError;
use crate::location::Precision;

/// Why an incident could not be built from what was given.
#[derive(Debug, thiserror::Error)]
pub enum IncidentError {
    #[error(
        "unknown category {0:?} (expected attack, bombing, riot, clash, protest, arrest or other)"
    )]
    UnknownCategory(String),
    #[error("coordinates lon {lon}, lat {lat} are outside lon -180..180, lat -90..90")]
    OutOfRange { lon: f64, lat: f64 },
    #[error("the body is not a GeoJSON Feature or incident object: {0}")]
    Shape(String),
    #[error("the geometry must be a GeoJSON Point with [lon, lat]")]
    NotAPoint,
    #[error("the incident has neither a geometry nor a location_text to resolve")]
    NoLocation,
    #[error("location_text {0:?} does not match any known place")]
    Unresolved(String),
    #[error("the incident id must be a non-empty string")]
    BadId,
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
}

/// A stored incident. Ids are strings (UUID v4 when the service assigns them).
#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub id: String,
    pub title: String,
    pub category: Category,
    /// Calendar date of the event (ISO 8601 in every serialised form).
    pub occurred_on: NaiveDate,
    /// Number of people killed, when reported.
    pub fatalities: Option<u32>,
    /// Where it happened, WGS84 degrees, lon/lat order.
    pub point: LonLat,
    /// Radius in km around `point` that contains the true place, when known.
    pub uncertainty_km: Option<f64>,
    pub precision: Option<Precision>,
    /// The place as the source described it ("70 km south-east of Dushanbe").
    pub location_text: Option<String>,
    pub source_url: Option<String>,
    pub summary: Option<String>,
    /// When the service stored it (UTC).
    pub created_at: DateTime<Utc>,
    /// Date precision, injuries and provenance from the articles that report it.
    pub reporting: Reporting,
}

/// A fresh, unique incident id (UUID v4, hyphenated lower case).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
