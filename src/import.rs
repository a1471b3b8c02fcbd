//! Bulk-loading incidents from a GeoJSON FeatureCollection or a CSV file (the forms
//! [`crate::export`] writes). Input is read as a stream and stored in transactions of
//! [`BATCH_SIZE`] incidents, so a file of any size loads in constant memory and a failure
//! leaves only whole batches behind.

mod feature_collection;

use std::io::Read;
use std::ops::ControlFlow;

use self::feature_collection::for_each_feature;
use crate::export::Format;
use crate::gazetteer::Gazetteer;
use crate::incident::{FlatRecord, Incident, IncidentDraft, IncidentError};
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
    let mut batches = Batches {
        store,
        gazetteer,
        batch: Vec::with_capacity(BATCH_SIZE),
        records: 0,
    };
    match format {
        Format::GeoJson => {
            let mut failure = None;
            let read = for_each_feature(input, |feature| {
                match batches.add(feature.into_draft().map_err(|e| e.to_string())) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(e) => {
                        failure = Some(e);
                        ControlFlow::Break(())
                    }
                }
            });
            if let Some(e) = failure {
                return Err(e);
            }
            read.map_err(|e| ImportError::Read {
                record: batches.records + 1,
                reason: e.to_string(),
            })?;
        }
        Format::Csv => {
            for record in csv::Reader::from_reader(input).into_deserialize::<FlatRecord>() {
                batches.add(
                    record
                        .map_err(|e| e.to_string())
                        .and_then(|r| IncidentDraft::try_from(r).map_err(|e| e.to_string())),
                )?;
            }
        }
    }
    batches.flush()?;
    Ok(batches.records)
}

/// Incidents on their way to the store, [`BATCH_SIZE`] per transaction.
struct Batches<'a> {
    store: &'a dyn IncidentStore,
    gazetteer: &'a Gazetteer,
    batch: Vec<Incident>,
    /// Records read so far, the one in hand included: the 1-based number of the last one.
    records: u64,
}

impl Batches<'_> {
    /// Completes the next record's draft and stores a full batch.
    fn add(&mut self, draft: Result<IncidentDraft, String>) -> Result<(), ImportError> {
        self.records += 1;
        let record = self.records;
        let draft = draft.map_err(|reason| ImportError::Read { record, reason })?;
        let incident = draft
            .into_incident(self.gazetteer)
            .map_err(|source| ImportError::Incident { record, source })?;
        self.batch.push(incident);
        if self.batch.len() == BATCH_SIZE {
            self.flush()?;
        }
        Ok(())
    }

    /// Stores the incidents in hand in one transaction.
    fn flush(&mut self) -> Result<(), ImportError> {
        self.store.insert_batch(&self.batch)?;
        self.batch.clear();
        Ok(())
    }
}
