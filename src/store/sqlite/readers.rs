//! A small pool of read-only connections for point reads (rows by id), so concurrent HTTP
//! requests do not queue behind the one writer connection.
//!
//! WAL readers see the last committed state and never block the writer. Each connection keeps
//! its prepared statements cached, so a look-up by id is a bind and a step.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

use super::schema;
use crate::store::StoreError;

/// Read connections kept open: a few per core of a small server is plenty, since each read
/// holds its connection for microseconds.
const READERS: usize = 4;

/// The pool; connections are handed out round-robin, a free one preferred.
#[derive(Debug)]
pub struct Readers {
    connections: Vec<Mutex<Connection>>,
    next: AtomicUsize,
}

impl Readers {
    /// Opens the read connections on an existing database (the writer has created it).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let connections = (0..READERS)
            .map(|_| schema::open_reader(path).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Readers {
            connections,
            next: AtomicUsize::new(0),
        })
    }

    /// A connection: the first free one from a rotating start, else wait for the next in turn.
    // A panic while a reader was held cannot corrupt it (reads only), so poison is ignored.
    pub fn get(&self) -> MutexGuard<'_, Connection> {
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let n = self.connections.len();
        (0..n)
            .find_map(|i| self.connections[(start + i) % n].try_lock().ok())
            .unwrap_or_else(|| {
                self.connections[start % n]
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
            })
    }
}
