//! Bulk-load mode for large imports: fewer fsyncs, a larger page cache, and, at the end, one
//! sort per secondary SQL index and one R-tree bulk load instead of a million single inserts.
//!
//! While it is on, commits are durable at the next checkpoint rather than at once
//! (`synchronous=NORMAL` in WAL mode: a power cut may lose the last batches, never corrupt the
//! file; re-running the import restores them), the date and category SQL indexes are dropped
//! (the unique id index stays, so duplicates are still refused), and the in-memory index is not
//! kept up to date. `end_bulk_load` rebuilds the SQL indexes, checkpoints,
//! restores full durability and rebuilds the R-tree; if it never runs, the next open rebuilds
//! the SQL indexes.

use std::sync::atomic::Ordering;

use super::{SqliteStore, schema};
use crate::store::StoreError;

/// Page cache of the writer during a bulk load, KiB (negative `cache_size` means KiB): big
/// enough to hold the id index and the rebuilt secondary indexes of a million incidents.
const BULK_CACHE_KIB: i64 = 512 * 1024;
/// The page cache outside bulk loads, KiB (SQLite's default).
const DEFAULT_CACHE_KIB: i64 = 2000;

impl SqliteStore {
    /// Switches to bulk-load mode (see the module docs). Only for a store that serves nothing
    /// else meanwhile, such as the `import` command's.
    pub(super) fn begin_bulk_mode(&self) -> Result<(), StoreError> {
        let conn = self.conn();
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        schema::drop_secondary_indexes(&conn)?;
        self.bulk.store(true, Ordering::Release);
        Ok(())
    }

    /// Leaves bulk-load mode: rebuilds the secondary SQL indexes, checkpoints the WAL into the
    /// database file with a full sync, restores `synchronous=FULL` and rebuilds the R-tree from
    /// the table.
    ///
    /// # Runtime
    /// One scan and O(n log n) sort of the table per SQL index; the checkpoint writes every
    /// page the load touched once; then one scan of the index columns and an O(n log n) bulk
    /// load.
    pub(super) fn end_bulk_mode(&self) -> Result<(), StoreError> {
        {
            let conn = self.conn();
            schema::create_secondary_indexes(&conn)?;
            conn.pragma_update(None, "synchronous", "FULL")?;
            conn.pragma_update(None, "cache_size", -DEFAULT_CACHE_KIB)?;
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        let index = self.load_index()?;
        *self.index_mut() = index;
        self.bulk.store(false, Ordering::Release);
        Ok(())
    }
}
