//! Copying every incident from one store to another (`incident-atlas migrate`, e.g. the embedded
//! SQLite file to PostGIS) and proving the copy lossless with a [`Checksum`] computed on each
//! side by reading it back through its own back end.
//!
//! The checksum is SHA-256 over every incident in the stores' common query order (newest first,
//! then id), each as its GeoJSON Feature (id, every property including `created_at`, and the
//! coordinates with shortest round-trip float formatting) followed by a newline. Equal
//! checksums mean every field of every incident reads back bit-identical.

use std::ops::ControlFlow;

use sha2::{Digest, Sha256};

use super::{Filter, IncidentStore, StoreError};

/// Incidents per destination transaction.
pub const COPY_BATCH: usize = 1000;

/// Why a copy stopped or failed its verification.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("the destination already holds {0} incidents; migrate into an empty database")]
    DestinationNotEmpty(u64),
    #[error("the copy differs from the source: source {source_sum}, destination {destination}")]
    Mismatch {
        source_sum: Checksum,
        destination: Checksum,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How many incidents a store holds and the SHA-256 of all of them (hex).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checksum {
    pub count: u64,
    pub sha256: String,
}

impl std::fmt::Display for Checksum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} incidents, sha256 {}", self.count, self.sha256)
    }
}

/// The checksum of every incident in `store`.
///
/// # Runtime
/// One streamed pass over the store, constant memory.
pub fn checksum(store: &dyn IncidentStore) -> Result<Checksum, StoreError> {
    let mut hasher = Sha256::new();
    let mut count = 0u64;
    store.for_each(&Filter::default(), &mut |incident| {
        hasher.update(serde_json::to_string(&incident.to_feature()).unwrap_or_default());
        hasher.update(b"\n");
        count += 1;
        ControlFlow::Continue(())
    })?;
    let sha256 = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Checksum { count, sha256 })
}

/// Copies every incident of `from` into the empty store `to` in batches of `COPY_BATCH`,
/// calling `progress` with the number copied after each batch; then checks that both stores
/// have the same [`Checksum`] and returns both (source, destination).
pub fn copy_all(
    from: &dyn IncidentStore,
    to: &dyn IncidentStore,
    progress: &mut dyn FnMut(u64),
) -> Result<(Checksum, Checksum), CopyError> {
    let already = to.count(&Filter::default())?;
    if already > 0 {
        return Err(CopyError::DestinationNotEmpty(already));
    }
    let mut batch = Vec::with_capacity(COPY_BATCH);
    let mut copied = 0u64;
    let mut failure = None;
    from.for_each(&Filter::default(), &mut |incident| {
        batch.push(incident);
        if batch.len() == COPY_BATCH {
            if let Err(e) = to.insert_batch(&batch) {
                failure = Some(e);
                return ControlFlow::Break(());
            }
            copied += batch.len() as u64;
            batch.clear();
            progress(copied);
        }
        ControlFlow::Continue(())
    })?;
    if let Some(e) = failure {
        return Err(e.into());
    }
    to.insert_batch(&batch)?;
    progress(copied + batch.len() as u64);
    let source_sum = checksum(from)?;
    let destination = checksum(to)?;
    if source_sum != destination {
        return Err(CopyError::Mismatch {
            source_sum,
            destination,
        });
    }
    Ok((source_sum, destination))
}
