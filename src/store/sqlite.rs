//! The default back end: one SQLite file (WAL, `synchronous=FULL`) plus the in-memory R-tree,
//! bulk-loaded at open and updated under the writer lock after every commit.

mod rows;
mod schema;

use std::cmp::Reverse;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

use rusqlite::{Connection, OptionalExtension, params_from_iter};

use self::rows::{COLUMNS, ORDER, incident_from_row, insert_row, store_error, where_clause};
use super::{Filter, IncidentStore, NearIncident, Page, QueryPage, StoreError};
use crate::incident::{Incident, LonLat};
use crate::index::{IndexEntry, SpatialIndex};

/// SQLite storage with an R-tree for area and distance queries.
#[derive(Debug)]
pub struct SqliteStore {
    path: PathBuf,
    /// The writer connection; also serves point reads.
    conn: Mutex<Connection>,
    index: RwLock<SpatialIndex>,
}

impl SqliteStore {
    /// Opens or creates the database file, migrates it and loads the R-tree from it.
    ///
    /// # Runtime
    /// One scan of the table plus an O(n log n) bulk load.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = schema::open_writer(path)?;
        let entries = {
            let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM incidents"))?;
            stmt.query_map([], |row| incident_from_row(row).map(|i| IndexEntry::of(&i)))?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(store_error)?
        };
        Ok(SqliteStore {
            path: path.to_owned(),
            conn: Mutex::new(conn),
            index: RwLock::new(SpatialIndex::bulk_load(entries)),
        })
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

    /// Folds the write-ahead log into the database file and truncates it, so a clean shutdown
    /// leaves one self-contained file; `serve` calls it after the server has stopped.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        schema::checkpoint(&self.conn())
    }

    /// Fetches incidents by id, in the given order, skipping ids deleted meanwhile.
    fn get_many<'a>(
        &self,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<Vec<Incident>, StoreError> {
        let conn = self.conn();
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
        let mut index = self.index_mut();
        for incident in incidents {
            index.insert(IndexEntry::of(incident));
        }
        Ok(())
    }

    fn get(&self, id: &str) -> Result<Option<Incident>, StoreError> {
        Ok(self.get_many(std::iter::once(id))?.pop())
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
            // The R-tree selects the box; order and page the matches in memory, then read rows.
            let mut matches: Vec<IndexEntry> = self
                .index()
                .locate_in_bbox(bbox)
                .filter(|e| filter.admits(e))
                .cloned()
                .collect();
            matches.sort_by(|a, b| {
                (Reverse(a.occurred_on), &a.id).cmp(&(Reverse(b.occurred_on), &b.id))
            });
            let ids = matches.iter().skip(page.offset).take(page.limit);
            let incidents = self.get_many(ids.map(|e| &*e.id))?;
            return Ok(QueryPage {
                incidents,
                number_matched: matches.len() as u64,
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
mod tests {
    use chrono::{NaiveDate, Utc};

    use super::*;
    use crate::incident::Category;
    use crate::index::BBox;

    fn incident(id: &str, lon: f64, lat: f64) -> Incident {
        Incident {
            id: id.into(),
            title: format!("incident {id}"),
            category: Category::Clash,
            occurred_on: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            fatalities: None,
            point: LonLat::new(lon, lat).unwrap(),
            uncertainty_km: Some(1.5),
            precision: None,
            location_text: None,
            source_url: None,
            summary: None,
            created_at: Utc::now(),
        }
    }

    fn in_box(store: &SqliteStore, bbox: &str) -> u64 {
        let filter = Filter {
            bbox: Some(bbox.parse::<BBox>().unwrap()),
            ..Filter::default()
        };
        store.count(&filter).unwrap()
    }

    #[test]
    fn reopening_keeps_incidents_and_rebuilds_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let stored = incident("a", 179.9, 0.0);
        {
            let store = SqliteStore::open(&path).unwrap();
            store
                .insert_batch(&[stored.clone(), incident("b", -179.9, 0.0)])
                .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.get("a").unwrap(), Some(stored));
        assert_eq!(in_box(&store, "179,-1,-179,1"), 2);
        let near = store
            .near(LonLat::new(180.0, 0.0).unwrap(), None, 2)
            .unwrap();
        assert_eq!(near.len(), 2);
        assert!(near.iter().all(|n| n.distance_km < 12.0));
    }

    #[test]
    fn a_duplicate_id_fails_the_whole_batch() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
        store.insert(&incident("a", 1.0, 1.0)).unwrap();
        let result = store.insert_batch(&[incident("b", 2.0, 2.0), incident("a", 3.0, 3.0)]);
        assert!(matches!(result, Err(StoreError::Duplicate(id)) if id == "a"));
        assert_eq!(store.count(&Filter::default()).unwrap(), 1);
        assert_eq!(in_box(&store, "-180,-90,180,90"), 1);
    }

    #[test]
    fn delete_removes_the_row_and_its_index_entry() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
        store.insert(&incident("a", 10.0, 10.0)).unwrap();
        assert!(store.delete("a").unwrap());
        assert!(!store.delete("a").unwrap());
        assert_eq!(in_box(&store, "0,0,20,20"), 0);
        assert!(
            store
                .near(LonLat::new(10.0, 10.0).unwrap(), None, 1)
                .unwrap()
                .is_empty()
        );
    }
}
