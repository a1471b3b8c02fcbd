//! Bulk-loading incidents from a GeoJSON FeatureCollection or a CSV file (the forms
//! [`crate::export`] writes). Input is read as a stream and stored in transactions of
//! [`BATCH_SIZE`] incidents, so a file of any size loads in constant memory and a failure
//! leaves only whole batches behind.

use std::io::Read;

use crate::export::Format;
use crate::gazetteer::Gazetteer;
use crate::incident::{FlatRecord, IncidentDraft, IncidentError};
use crate::store::{IncidentStore, StoreError};

/// Incidents per transaction: large enough that commits (each an fsync) do not dominate a
/// million-incident import, small enough that a batch stays a few tens of MB in memory.
pub const BATCH_SIZE: usize = 20_000;

/// Why an import stopped.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("record {record}: {source}")]
    Incident { record: u64, source: IncidentError },
    #[error("record {record}: {reason}")]
    Read { record: u64, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Reads drafts in `format` from `input`, completes them (resolving `location_text` when there is
/// no geometry) and stores them in batches; returns how many were stored.
pub fn import(
    store: &dyn IncidentStore,
    gazetteer: &Gazetteer,
    format: Format,
    input: impl Read,
) -> Result<u64, ImportError> {
    let drafts: Box<dyn Iterator<Item = Result<IncidentDraft, String>>> = match format {
        Format::GeoJson => Box::new(geojson::FeatureReader::from_reader(input).features().map(
            |f| {
                IncidentDraft::from_feature(f.map_err(|e| e.to_string())?)
                    .map_err(|e| e.to_string())
            },
        )),
        Format::Csv => Box::new(
            csv::Reader::from_reader(input)
                .into_deserialize::<FlatRecord>()
                .map(|r| {
                    IncidentDraft::try_from(r.map_err(|e| e.to_string())?)
                        .map_err(|e| e.to_string())
                }),
        ),
    };
    let mut stored = 0;
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    for (n, draft) in drafts.enumerate() {
        let record = n as u64 + 1;
        let draft = draft.map_err(|reason| ImportError::Read { record, reason })?;
        let incident = draft
            .into_incident(gazetteer)
            .map_err(|source| ImportError::Incident { record, source })?;
        batch.push(incident);
        if batch.len() == BATCH_SIZE {
            store.insert_batch(&batch)?;
            stored += batch.len() as u64;
            batch.clear();
        }
    }
    store.insert_batch(&batch)?;
    Ok(stored + batch.len() as u64)
}
