//! Ingestion: a news article turned into stored incidents, each mapped with its honest
//! uncertainty (km) and traceable to the sentence that reports it. This is the core of
//! `POST /api/articles` and `incident-atlas ingest`; it knows nothing of HTTP.
//!
//! Steps: extraction with the geoparser as place finder (`crate::extract`) → one [`Incident`]
//! per extracted event → already stored? (`identity`) → the same event from another article?
//! (`merge`) → insert or update.
//!
//! Policies:
//! - An event without a place is skipped: it cannot be mapped. It is counted in
//!   [`Ingested::unplaced`].
//! - An event without a date is stored with `occurred_on` = the publication date (it happened
//!   by then) and `date_precision` `null`, which marks it as undated: it is never merged with
//!   another article's report, since nothing shows they are the same event.
//! - Ingesting the same article again (same URL, or same text without URL) stores nothing:
//!   ids derive from the article and the summary sentence's byte span, and merged incidents
//!   record that span among their `sources`.

mod identity;
mod merge;

use chrono::NaiveDate;

use crate::extract::{ExtractedEvent, HintedGazetteer, PlaceMention, extract};
use crate::gazetteer::{Context, Gazetteer};
use crate::geoparse::MAX_TEXT_BYTES;
use crate::incident::{Incident, LonLat, Reporting, Source};
use crate::store::{IncidentStore, StoreError};

pub use identity::{article_digest, incident_id};

/// Why an article could not be ingested.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("the article text is empty")]
    EmptyText,
    #[error("the article is {len} bytes long, over the limit of {max} bytes")]
    TextTooLong { len: usize, max: usize },
    #[error("an extracted place has invalid coordinates: {0}")]
    Place(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A news report to ingest.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The article text, headline first.
    pub text: String,
    /// Publication date: relative dates ("on Sunday", "last year") are resolved against it.
    pub published: NaiveDate,
    /// Where it was published, when known; recorded as provenance.
    pub source_url: Option<String>,
    /// Areas the article is known to be about (see [`crate::geoparse::hint_context`]);
    /// empty when the text must speak for itself.
    pub hint: Context,
}

/// What an ingestion changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ingested {
    /// Incidents stored for the first time.
    pub stored: Vec<Incident>,
    /// Stored incidents this article reports too, with its source added.
    pub merged: Vec<Incident>,
    /// Events already recorded from this article (a repeated ingestion).
    pub unchanged: usize,
    /// Events skipped because the article names no place for them.
    pub unplaced: usize,
}

impl Ingested {
    /// Every incident stored or updated, stored ones first.
    pub fn changed(&self) -> impl Iterator<Item = &Incident> {
        self.stored.iter().chain(&self.merged)
    }

    /// True when the store did not change.
    pub fn is_unchanged(&self) -> bool {
        self.stored.is_empty() && self.merged.is_empty()
    }

    /// The incidents stored or updated, as a GeoJSON FeatureCollection.
    pub fn feature_collection(&self) -> geojson::FeatureCollection {
        geojson::FeatureCollection {
            bbox: None,
            features: self.changed().map(Incident::to_feature).collect(),
            foreign_members: None,
        }
    }
}

/// Extracts the incidents of `article` and stores them: new ones inserted, reports of stored
/// incidents merged into them, repeated ones left alone.
///
/// # Errors
/// [`IngestError::EmptyText`], [`IngestError::TextTooLong`] (over the geoparser's
/// [`MAX_TEXT_BYTES`]), and store failures.
///
/// # Runtime
/// Linear in the text for extraction and geoparsing, plus one id lookup and one candidate
/// query (category and date window) per extracted event.
pub fn ingest(
    store: &dyn IncidentStore,
    gazetteer: &Gazetteer,
    article: &Article,
) -> Result<Ingested, IngestError> {
    let text = article.text.as_str();
    if text.trim().is_empty() {
        return Err(IngestError::EmptyText);
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(IngestError::TextTooLong {
            len: text.len(),
            max: MAX_TEXT_BYTES,
        });
    }
    let digest = article_digest(text);
    let mut outcome = Ingested::default();
    let places = HintedGazetteer {
        gazetteer,
        hint: &article.hint,
    };
    for event in extract(text, article.published, &places) {
        let Some(place) = &event.place else {
            outcome.unplaced += 1;
            continue;
        };
        let source = identity::source_of(
            article.source_url.as_deref(),
            article.published,
            &digest,
            &event.sentence,
        );
        let report = incident_of(&event, place, article, source.clone())?;
        if store.get(&report.id)?.is_some() {
            outcome.unchanged += 1;
            continue;
        }
        match merge::find_same(store, &report, &source)? {
            Some(stored) if stored.reporting.has_source(&source) => outcome.unchanged += 1,
            Some(mut stored) => {
                merge::absorb(&mut stored, report);
                store.update(&stored)?;
                outcome.merged.push(stored);
            }
            None => match store.insert(&report) {
                Ok(()) => outcome.stored.push(report),
                // A concurrent ingestion of the same article stored it first.
                Err(StoreError::Duplicate(_)) => outcome.unchanged += 1,
                Err(e) => return Err(e.into()),
            },
        }
    }
    Ok(outcome)
}

/// The incident of one extracted event located at `place`, reported by `source`.
fn incident_of(
    event: &ExtractedEvent,
    place: &PlaceMention,
    article: &Article,
    source: Source,
) -> Result<Incident, IngestError> {
    let location = &place.location;
    let point =
        LonLat::new(location.lon, location.lat).map_err(|e| IngestError::Place(e.to_string()))?;
    let (occurred_on, date_precision) = match event.occurred_on {
        Some(on) => (on.date, Some(on.precision)),
        None => (article.published, None),
    };
    Ok(Incident {
        id: incident_id(&source),
        title: event.title.clone(),
        category: event.category,
        occurred_on,
        fatalities: Some(event.fatalities),
        point,
        uncertainty_km: Some(location.uncertainty_km),
        precision: Some(location.precision),
        location_text: event.location_text.clone(),
        source_url: article.source_url.clone(),
        summary: Some(event.summary.clone()),
        created_at: chrono::Utc::now(),
        reporting: Reporting {
            date_precision,
            injuries: Some(event.injuries),
            sources: vec![source],
        },
    })
}
