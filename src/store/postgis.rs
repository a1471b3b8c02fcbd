//! The PostgreSQL + PostGIS back end, selected by `--db postgres://...`: the same
//! [`IncidentStore`] contract as SQLite, for several service replicas sharing one database.
//!
//! Why there is no in-memory R-tree here, unlike [`super::SqliteStore`]: replicas are stateless
//! and share one database, so any write through one must be visible through every other at
//! once. A per-process tree would go stale the moment another replica wrote; the GiST index on
//! `geom` is the one index all replicas see, kept consistent by PostgreSQL's transactions.
//!
//! Every query is pushed down:
//! - boxes: `geom && ST_MakeEnvelope(...)` on geometry (GiST), antimeridian-crossing boxes split
//!   in two, plus exact `ST_X`/`ST_Y` bounds (see [`sql`]);
//! - dates, category, order, `LIMIT`/`OFFSET` and `numberMatched`: btree indexes, one
//!   repeatable-read snapshot per page so the count and the page agree;
//! - near-point: see [`near`]; distances are the contract's haversine on the 6,371.0088 km sphere
//!   (PostGIS's sphere is 6,370.986 km and `ST_DWithin` on geography uses the spheroid, so
//!   neither is used to decide an answer).

mod near;
mod pool;
mod schema;
mod sql;

use std::ops::ControlFlow;
use std::time::Duration;

use postgres::{Config, IsolationLevel, Transaction};

use self::pool::Pool;
use self::sql::{COLUMNS, Conditions, ORDER, incident_from_row, insert_all, update_one};
use super::{Filter, IncidentStore, NearIncident, Page, QueryPage, StoreError};
use crate::incident::{Incident, LonLat};

/// URL schemes that select this back end.
pub const URL_SCHEMES: [&str; 2] = ["postgres://", "postgresql://"];

/// Rows fetched per round trip when streaming a selection.
const STREAM_CHUNK: i32 = 1000;

/// How long opening a connection may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a PostgreSQL operation failed.
#[derive(Debug, thiserror::Error)]
pub enum PostgisError {
    #[error("invalid PostgreSQL URL: {0}")]
    Url(postgres::Error),
    #[error("cannot connect to PostgreSQL: {0}")]
    Connect(postgres::Error),
    #[error("cannot apply PostGIS migration {version}: {source}")]
    Migration {
        version: usize,
        source: postgres::Error,
    },
    #[error("every PostgreSQL connection stayed busy for {0:?}")]
    PoolExhausted(Duration),
    #[error("PostgreSQL error: {0}")]
    Query(postgres::Error),
}

/// Whether `db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    URL_SCHEMES.iter().any(|s| db.starts_with(s))
}

/// Incidents in PostgreSQL + PostGIS, reached through a small connection pool.
#[derive(Debug)]
pub struct PostgisStore {
    pool: Pool,
}

impl PostgisStore {
    /// Connects to the database at `url` (`postgres://user@host:port/db`) and migrates it.
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        let mut config: Config = url.parse().map_err(PostgisError::Url)?;
        config.connect_timeout(CONNECT_TIMEOUT);
        let pool = Pool::new(config);
        schema::migrate(&mut *pool.get()?)?;
        Ok(PostgisStore { pool })
    }

    /// Runs `work` in one read-only repeatable-read transaction: one consistent snapshot.
    fn read<T>(
        &self,
        work: impl FnOnce(&mut Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut client = self.pool.get()?;
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(PostgisError::Query)?;
        let out = work(&mut tx)?;
        tx.commit().map_err(PostgisError::Query)?;
        Ok(out)
    }
}

/// Runs a query and decodes every row as an incident.
fn select(
    tx: &mut Transaction<'_>,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
) -> Result<Vec<Incident>, StoreError> {
    tx.query(sql, params)
        .map_err(PostgisError::Query)?
        .iter()
        .map(incident_from_row)
        .collect()
}

fn count_in(tx: &mut Transaction<'_>, filter: &Filter) -> Result<u64, StoreError> {
    let c = Conditions::of(filter);
    let sql = format!("SELECT count(*) FROM incidents {}", c.clause());
    let n: i64 = tx
        .query_one(sql.as_str(), &c.params())
        .and_then(|row| row.try_get(0))
        .map_err(PostgisError::Query)?;
    Ok(u64::try_from(n).unwrap_or(0))
}

impl IncidentStore for PostgisStore {
    fn insert(&self, incident: &Incident) -> Result<(), StoreError> {
        self.insert_batch(std::slice::from_ref(incident))
    }

    fn insert_batch(&self, incidents: &[Incident]) -> Result<(), StoreError> {
        let mut client = self.pool.get()?;
        let mut tx = client.transaction().map_err(PostgisError::Query)?;
        insert_all(&mut tx, incidents)?;
        tx.commit().map_err(PostgisError::Query)?;
        Ok(())
    }

    fn get(&self, id: &str) -> Result<Option<Incident>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM incidents WHERE id = $1");
        self.read(|tx| Ok(select(tx, &sql, &[&id])?.pop()))
    }

    fn update(&self, incident: &Incident) -> Result<bool, StoreError> {
        let mut client = self.pool.get()?;
        let mut tx = client.transaction().map_err(PostgisError::Query)?;
        let existed = update_one(&mut tx, incident)?;
        tx.commit().map_err(PostgisError::Query)?;
        Ok(existed)
    }

    fn delete(&self, id: &str) -> Result<bool, StoreError> {
        let deleted = self
            .pool
            .get()?
            .execute("DELETE FROM incidents WHERE id = $1", &[&id])
            .map_err(PostgisError::Query)?;
        Ok(deleted > 0)
    }

    fn count(&self, filter: &Filter) -> Result<u64, StoreError> {
        self.read(|tx| count_in(tx, filter))
    }

    fn query(&self, filter: &Filter, page: Page) -> Result<QueryPage, StoreError> {
        self.read(|tx| {
            let number_matched = count_in(tx, filter)?;
            let mut c = Conditions::of(filter);
            let limit = c.param(i64::try_from(page.limit).unwrap_or(i64::MAX));
            let offset = c.param(i64::try_from(page.offset).unwrap_or(i64::MAX));
            let sql = format!(
                "SELECT {COLUMNS} FROM incidents {} {ORDER} LIMIT {limit} OFFSET {offset}",
                c.clause()
            );
            let incidents = select(tx, &sql, &c.params())?;
            Ok(QueryPage {
                incidents,
                number_matched,
            })
        })
    }

    fn near(
        &self,
        center: LonLat,
        radius_km: Option<f64>,
        limit: usize,
    ) -> Result<Vec<NearIncident>, StoreError> {
        self.read(|tx| near::nearest(tx, center, radius_km, limit))
    }

    /// Streams through a portal (a server-side cursor) `STREAM_CHUNK` rows at a time, so a
    /// selection of any size is walked in constant memory.
    fn for_each(
        &self,
        filter: &Filter,
        visit: &mut dyn FnMut(Incident) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        self.read(|tx| {
            let c = Conditions::of(filter);
            let sql = format!("SELECT {COLUMNS} FROM incidents {} {ORDER}", c.clause());
            let portal = tx
                .bind(sql.as_str(), &c.params())
                .map_err(PostgisError::Query)?;
            loop {
                let rows = tx
                    .query_portal(&portal, STREAM_CHUNK)
                    .map_err(PostgisError::Query)?;
                for row in &rows {
                    if visit(incident_from_row(row)?).is_break() {
                        return Ok(());
                    }
                }
                if rows.len() < STREAM_CHUNK as usize {
                    return Ok(());
                }
            }
        })
    }

    /// # Runtime
    /// One scan of the table (exact bounds; the GiST index's boxes are float4-rounded).
    fn extent(&self) -> Result<Option<[f64; 4]>, StoreError> {
        self.read(|tx| {
            let row = tx
                .query_one(
                    "SELECT min(ST_X(geom)), min(ST_Y(geom)), max(ST_X(geom)), max(ST_Y(geom)) \
                     FROM incidents",
                    &[],
                )
                .map_err(PostgisError::Query)?;
            let get = |i: usize| {
                row.try_get::<_, Option<f64>>(i)
                    .map_err(PostgisError::Query)
            };
            Ok(match [get(0)?, get(1)?, get(2)?, get(3)?] {
                [Some(a), Some(b), Some(c), Some(d)] => Some([a, b, c, d]),
                _ => None,
            })
        })
    }
}
