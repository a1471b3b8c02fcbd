//! Durable incident storage behind one trait, so the HTTP layer never knows the back end.
//!
//! [`IncidentStore`] is the whole contract a back end fulfils: writes acknowledged after commit,
//! filtered and paged queries ordered newest first (then by id), great-circle near-point
//! queries on the contract's sphere, and a streaming visit of a selection for downloads and
//! exports. [`SqliteStore`] is the default back end (one file, WAL, in-memory R-tree);
//! [`PostgisStore`] keeps incidents in PostgreSQL + PostGIS for replicas sharing one database.
//! [`DbTarget`] picks one from the `--db` argument.

mod copy;
mod filter;
mod postgis;
mod sqlite;
mod target;

use std::ops::ControlFlow;
use std::path::PathBuf;

pub use copy::{Checksum, CopyError, checksum, copy_all};
pub use filter::{DateInterval, Filter, Page};
pub use postgis::{PostgisError, PostgisStore};
pub use sqlite::SqliteStore;
pub use target::DbTarget;

use crate::incident::{Incident, LonLat};

/// Why a storage operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot apply database migration {version}: {source}")]
    Migration {
        version: usize,
        source: rusqlite::Error,
    },
    #[error("an incident with id {0:?} already exists")]
    Duplicate(String),
    #[error("the database holds an unreadable incident: {0}")]
    Corrupt(String),
    #[error("invalid datetime {given:?}: {reason}")]
    BadDatetime { given: String, reason: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Postgis(#[from] PostgisError),
}

/// One page of a query, with how many incidents match in all.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryPage {
    pub incidents: Vec<Incident>,
    pub number_matched: u64,
}

/// An incident and its great-circle distance in km from the query point.
#[derive(Debug, Clone, PartialEq)]
pub struct NearIncident {
    pub incident: Incident,
    pub distance_km: f64,
}

/// A durable store of incidents. Every method is blocking; async callers run it on a blocking
/// thread. Orders are deterministic: queries newest `occurred_on` first, then by id; near-point
/// answers nearest first, then by id.
pub trait IncidentStore: Send + Sync + std::fmt::Debug {
    /// Stores one incident; returns only after the write is committed.
    fn insert(&self, incident: &Incident) -> Result<(), StoreError>;

    /// Stores all incidents in one transaction (all or none), committed before returning.
    fn insert_batch(&self, incidents: &[Incident]) -> Result<(), StoreError>;

    fn get(&self, id: &str) -> Result<Option<Incident>, StoreError>;

    /// Replaces the stored incident that has `incident.id` (its point too, so the spatial index
    /// follows); returns whether it existed. Committed before returning. The default deletes
    /// and re-inserts, which is not atomic; back ends override it with one transaction.
    fn update(&self, incident: &Incident) -> Result<bool, StoreError> {
        if !self.delete(&incident.id)? {
            return Ok(false);
        }
        self.insert(incident)?;
        Ok(true)
    }

    /// Deletes the incident; returns whether it existed. Committed before returning.
    fn delete(&self, id: &str) -> Result<bool, StoreError>;

    /// How many incidents the filter selects.
    fn count(&self, filter: &Filter) -> Result<u64, StoreError>;

    /// One page of the selection and the total number matched.
    fn query(&self, filter: &Filter, page: Page) -> Result<QueryPage, StoreError>;

    /// Up to `limit` incidents nearest to `center` (great-circle km on the 6,371.0088 km
    /// sphere), within `radius_km` when given.
    fn near(
        &self,
        center: LonLat,
        radius_km: Option<f64>,
        limit: usize,
    ) -> Result<Vec<NearIncident>, StoreError>;

    /// Visits the selection in query order without holding it in memory; the visitor stops the
    /// walk by returning `ControlFlow::Break`.
    fn for_each(
        &self,
        filter: &Filter,
        visit: &mut dyn FnMut(Incident) -> ControlFlow<()>,
    ) -> Result<(), StoreError>;

    /// The lon/lat extent `[minLon, minLat, maxLon, maxLat]` of all incidents, if any.
    fn extent(&self) -> Result<Option<[f64; 4]>, StoreError>;

    /// Leaves the database self-contained before the process exits (SQLite folds its
    /// write-ahead log into the main file). Back ends whose server owns durability have
    /// nothing to do.
    fn checkpoint(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Enters a mode for loading many incidents at once, where the back end may trade
    /// per-commit durability for speed until [`IncidentStore::end_bulk_load`]; a crash during
    /// the load may lose the load, never earlier data. Back ends without such a mode do
    /// nothing.
    fn begin_bulk_load(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Leaves the bulk-load mode, making everything loaded durable before returning.
    fn end_bulk_load(&self) -> Result<(), StoreError> {
        Ok(())
    }
}
