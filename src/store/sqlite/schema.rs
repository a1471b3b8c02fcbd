//! Opening a SQLite database for the store: durability pragmas and the migrations kept as SQL
//! files in `src/store/migrations/`, applied in order and recorded in `PRAGMA user_version`.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::store::StoreError;

/// Every migration, in order; the database's `user_version` is how many have been applied.
const MIGRATIONS: [&str; 2] = [
    include_str!("../migrations/0001_incidents.sql"),
    include_str!("../migrations/0002_article_reporting.sql"),
];

/// The secondary indexes of `incidents`, as migration 0001 creates them: `(name, CREATE
/// statement)`. A bulk load drops them and builds them again at its end (one sort instead of a
/// million inserts at random places), and every writer open creates any that are missing, so an
/// import killed half-way leaves a database that is whole again at the next open.
const SECONDARY_INDEXES: [(&str, &str); 2] = [
    (
        "incidents_by_date",
        "CREATE INDEX IF NOT EXISTS incidents_by_date ON incidents (occurred_on DESC, id)",
    ),
    (
        "incidents_by_category",
        "CREATE INDEX IF NOT EXISTS incidents_by_category \
         ON incidents (category, occurred_on DESC, id)",
    ),
];

/// How long a connection waits for another one's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens (creating it if needed) the database for reading and writing and brings its schema
/// up to date.
///
/// Durability: WAL journal with `synchronous=FULL`, so the WAL is fsynced at every commit and
/// a write the API has acknowledged survives a power cut, not just a crash of the process
/// (`NORMAL` with WAL would only guarantee consistency, possibly losing the last commits).
pub fn open_writer(path: &Path) -> Result<Connection, StoreError> {
    let open_err = |source| StoreError::Open {
        path: path.to_owned(),
        source,
    };
    let mut conn = Connection::open(path).map_err(open_err)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(open_err)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(open_err)?;
    migrate(&mut conn)?;
    create_secondary_indexes(&conn)?;
    Ok(conn)
}

/// Opens a read-only connection, used to stream a large selection while writers go on (WAL
/// readers see a consistent snapshot and never block the writer).
pub fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let open_err = |source| StoreError::Open {
        path: path.to_owned(),
        source,
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
    Ok(conn)
}

/// Checkpoints the WAL into the database file and truncates it.
///
/// # Errors
/// [`StoreError::Sqlite`] if SQLite cannot checkpoint (e.g. another process holds a reader).
pub fn checkpoint(conn: &Connection) -> Result<(), StoreError> {
    // Columns: busy flag, WAL frames, frames checkpointed; busy = 1 means it was blocked.
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
    if busy != 0 {
        return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("the WAL checkpoint was blocked by a reader".into()),
        )));
    }
    Ok(())
}

/// Drops the secondary indexes (see [`SECONDARY_INDEXES`]) before a bulk load.
pub fn drop_secondary_indexes(conn: &Connection) -> Result<(), StoreError> {
    for (name, _) in SECONDARY_INDEXES {
        conn.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
    }
    Ok(())
}

/// Creates whichever secondary indexes are missing.
///
/// # Runtime
/// Nothing when they exist; otherwise one scan and sort of the table per index.
pub fn create_secondary_indexes(conn: &Connection) -> Result<(), StoreError> {
    for (_, create) in SECONDARY_INDEXES {
        conn.execute_batch(create)?;
    }
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let applied: usize = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let version = i + 1;
        let err = |source| StoreError::Migration { version, source };
        let tx = conn.transaction().map_err(err)?;
        tx.execute_batch(sql).map_err(err)?;
        tx.pragma_update(None, "user_version", version)
            .map_err(err)?;
        tx.commit().map_err(err)?;
    }
    Ok(())
}
