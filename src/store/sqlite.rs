//! The default back end: one SQLite file (WAL, `synchronous=FULL`) plus the in-memory R-tree,
//! bulk-loaded at open and updated under the writer lock after every commit.

mod bulk;
mod readers;
mod rows;
mod schema;

use std::cmp::Reverse;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

use rusqlite::{Connection, OptionalExtension, params_from_iter};

use self::readers::Readers;
use self::rows::{
    COLUMNS, INDEX_COLUMNS, ORDER, incident_from_row, index_entry_from_row, insert_row,
    store_error, update_row, where_clause,
};
use super::{Filter, IncidentStore, NearIncident, Page, QueryPage, StoreError};
use crate::incident::{Incident, LonLat};
use crate::index::{IndexEntry, SpatialIndex};

/// SQLite storage with an R-tree for area and distance queries.
#[derive(Debug)]
pub struct SqliteStore {
    path: PathBuf,
    /// The writer connection.
    conn: Mutex<Connection>,
    /// Read-only connections for rows by id.
    readers: Readers,
    index: RwLock<SpatialIndex>,
    /// Bulk-load mode (see `IncidentStore::begin_bulk_load`): the index is rebuilt at the end.
    bulk: AtomicBool,
}

impl SqliteStore {
    /// Opens or creates the database file, migrates it and loads the R-tree from it.
    ///
    /// # Runtime
    /// One scan of the table's index columns plus an O(n log n) bulk load.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let store = SqliteStore {
            path: path.to_owned(),
            conn: Mutex::new(schema::open_writer(path)?),
            readers: Readers::open(path)?,
            index: RwLock::new(SpatialIndex::default()),
            bulk: AtomicBool::new(false),
        };
        *store.index_mut() = store.load_index()?;
        Ok(store)
    }

    /// The R-tree of every stored incident, read from the index columns only.
    fn load_index(&self) -> Result<SpatialIndex, StoreError> {
        let conn = self.readers.get();
        let mut stmt = conn.prepare(&format!("SELECT {INDEX_COLUMNS} FROM incidents"))?;
        let entries = stmt
            .query_map([], index_entry_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(store_error)?;
        Ok(SpatialIndex::bulk_load(entries))
    }

    // A panic while holding a lock cannot leave SQLite inconsistent (transactions roll back),
    // so a poisoned lock is still safe to use.
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn index(&self) -> RwLockReadGuard<'_, SpatialIndex> {
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    fn index_mut(&self) -> RwLockWriteGuard<'_, SpatialIndex> {
        self.index.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Fetches incidents by id, in the given order, skipping ids deleted meanwhile.
    fn get_many<'a>(
        &self,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<Vec<Incident>, StoreError> {
        let conn = self.readers.get();
        let mut stmt =
            conn.prepare_cached(&format!("SELECT {COLUMNS} FROM incidents WHERE id = ?1"))?;
        let mut out = Vec::new();
        for id in ids {
            if let Some(i) = stmt
                .query_row([id], incident_from_row)
                .optional()
                .map_err(store_error)?
            {
                out.push(i);
            }
        }
        Ok(out)
    }
}

impl IncidentStore for SqliteStore {
    /// Folds the write-ahead log into the database file and truncates it, so a clean shutdown
    /// leaves one self-contained file; `serve` calls it after the server has stopped.
    fn checkpoint(&self) -> Result<(), StoreError> {
        schema::checkpoint(&self.conn())
    }

    fn begin_bulk_load(&self) -> Result<(), StoreError> {
        self.begin_bulk_mode()
    }

    fn end_bulk_load(&self) -> Result<(), StoreError> {
        self.end_bulk_mode()
    }

    fn insert(&self, incident: &Incident) -> Result<(), StoreError> {
        self.insert_batch(std::slice::from_ref(incident))
    }

    fn insert_batch(&self, incidents: &[Incident]) -> Result<(), StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for incident in incidents {
            insert_row(&tx, incident)?;
        }
        tx.commit()?;
        if self.bulk.load(Ordering::Acquire) {
            return Ok(());
        }
        let mut index = self.index_mut();
        for incident in incidents {
            index.insert(IndexEntry::of(incident));
        }
        Ok(())
    }

    fn get(&self, id: &str) -> Result<Option<Incident>, StoreError> {
        Ok(self.get_many(std::iter::once(id))?.pop())
    }

    fn update(&self, incident: &Incident) -> Result<bool, StoreError> {
        let Some(old) = self.get(&incident.id)? else {
            return Ok(false);
        };
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let updated = update_row(&tx, incident)?;
        tx.commit()?;
        if updated {
            let mut index = self.index_mut();
            index.remove(&IndexEntry::of(&old));
            index.insert(IndexEntry::of(incident));
        }
        Ok(updated)
    }

    fn delete(&self, id: &str) -> Result<bool, StoreError> {
        let Some(incident) = self.get(id)? else {
            return Ok(false);
        };
        let conn = self.conn();
        let deleted = conn.execute("DELETE FROM incidents WHERE id = ?1", [id])? > 0;
        if deleted {
            self.index_mut().remove(&IndexEntry::of(&incident));
        }
        Ok(deleted)
    }

    fn count(&self, filter: &Filter) -> Result<u64, StoreError> {
        if let Some(bbox) = &filter.bbox {
            let index = self.index();
            let n = index
                .locate_in_bbox(bbox)
                .filter(|e| filter.admits(e))
                .count();
            return Ok(n as u64);
        }
        let (clause, values) = where_clause(filter);
        let sql = format!("SELECT COUNT(*) FROM incidents {clause}");
        Ok(self
            .conn()
            .query_row(&sql, params_from_iter(values), |r| r.get(0))?)
    }

    fn query(&self, filter: &Filter, page: Page) -> Result<QueryPage, StoreError> {
        if let Some(bbox) = &filter.bbox {
            // The R-tree selects the box; order and page the matches in memory (by reference,
            // under the read lock), then read the page's rows.
            let (ids, number_matched) = {
                let index = self.index();
                let mut matches: Vec<&IndexEntry> = index
                    .locate_in_bbox(bbox)
                    .filter(|e| filter.admits(e))
                    .collect();
                matches.sort_unstable_by(|a, b| {
                    (Reverse(a.occurred_on), &a.id).cmp(&(Reverse(b.occurred_on), &b.id))
                });
                let page_ids: Vec<Arc<str>> = matches
                    .iter()
                    .skip(page.offset)
                    .take(page.limit)
                    .map(|e| e.id.clone())
                    .collect();
                (page_ids, matches.len())
            };
            let incidents = self.get_many(ids.iter().map(|id| &**id))?;
            return Ok(QueryPage {
                incidents,
                number_matched: number_matched as u64,
            });
        }
        let number_matched = self.count(filter)?;
        let (clause, mut values) = where_clause(filter);
        values.extend(
            [page.limit, page.offset]
                .map(|n| rusqlite::types::Value::Integer(i64::try_from(n).unwrap_or(i64::MAX))),
        );
        let sql = format!("SELECT {COLUMNS} FROM incidents {clause} {ORDER} LIMIT ? OFFSET ?");
        let conn = self.conn();
        let mut stmt = conn.prepare(&sql)?;
        let incidents = stmt
            .query_map(params_from_iter(values), incident_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(store_error)?;
        Ok(QueryPage {
            incidents,
            number_matched,
        })
    }

    fn near(
        &self,
        center: LonLat,
        radius_km: Option<f64>,
        limit: usize,
    ) -> Result<Vec<NearIncident>, StoreError> {
        let neighbours = self.index().nearest(center, limit, radius_km);
        let incidents = self.get_many(neighbours.iter().map(|n| &*n.entry.id))?;
        // Rows deleted meanwhile are skipped, so match by id rather than position.
        Ok(neighbours
            .iter()
            .filter_map(|n| {
                let incident = incidents.iter().find(|i| *i.id == *n.entry.id)?;
                Some(NearIncident {
                    incident: incident.clone(),
                    distance_km: n.distance_km,
                })
            })
            .collect())
    }

    fn for_each(
        &self,
        filter: &Filter,
        visit: &mut dyn FnMut(Incident) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let conn = schema::open_reader(&self.path)?;
        let (clause, values) = where_clause(filter);
        let mut stmt =
            conn.prepare(&format!("SELECT {COLUMNS} FROM incidents {clause} {ORDER}"))?;
        let mut rows = stmt.query(params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            let incident = incident_from_row(row).map_err(store_error)?;
            if visit(incident).is_break() {
                break;
            }
        }
        Ok(())
    }

    fn extent(&self) -> Result<Option<[f64; 4]>, StoreError> {
        Ok(self.index().extent())
    }
}

#[cfg(test)]
mod tests;
