//! Bringing a PostgreSQL database's schema up to date: the migrations kept as SQL files in
//! `src/store/migrations/postgis/`, applied in order and recorded in `schema_migrations`.
//!
//! Several replicas may start at once against one database, so the whole check-and-apply runs
//! in one transaction under a transaction-scoped advisory lock: the first replica migrates, the
//! others wait for it and then find nothing left to do.

use postgres::Client;

use super::PostgisError;

/// Every migration, in order; version N is the N-th entry.
const MIGRATIONS: [&str; 2] = [
    include_str!("../migrations/postgis/0001_incidents.sql"),
    include_str!("../migrations/postgis/0002_article_reporting.sql"),
];

/// The advisory lock key that serialises migrations (any constant shared by all replicas).
const MIGRATION_LOCK: i64 = 0x01A7_1A50;

/// Applies the migrations the database lacks.
pub fn migrate(client: &mut Client) -> Result<(), PostgisError> {
    let mut tx = client.transaction().map_err(PostgisError::Query)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(PostgisError::Query)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (\
             version integer PRIMARY KEY, \
             applied_at timestamptz NOT NULL DEFAULT now())",
    )
    .map_err(PostgisError::Query)?;
    let applied: i32 = tx
        .query_one(
            "SELECT COALESCE(max(version), 0) FROM schema_migrations",
            &[],
        )
        .and_then(|row| row.try_get(0))
        .map_err(PostgisError::Query)?;
    let applied = usize::try_from(applied).unwrap_or(0);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let version = i + 1;
        let err = |source| PostgisError::Migration { version, source };
        tx.batch_execute(sql).map_err(err)?;
        let v = i32::try_from(version).expect("few migrations");
        tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&v])
            .map_err(err)?;
    }
    tx.commit().map_err(PostgisError::Query)
}
