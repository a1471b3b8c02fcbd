//! A small blocking connection pool for the PostGIS store: at most [`MAX_CONNECTIONS`] open
//! connections, handed out one per store call and returned when the guard drops.
//!
//! Why not `r2d2`: its current release pulls a `parking_lot` that needs a newer Rust than the
//! crate's `rust-version`, and the store needs only "borrow, use, give back, wait when all are
//! busy", which a mutex and a condition variable give in a few lines.

use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use postgres::{Client, Config, NoTls};

use super::PostgisError;

/// Most connections one process opens; a replica never holds more, whatever its thread count.
pub const MAX_CONNECTIONS: usize = 8;

/// How long a caller waits for a busy pool before failing.
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(30);

/// Connections for one database.
pub struct Pool {
    config: Config,
    slots: Mutex<Slots>,
    returned: Condvar,
}

#[derive(Default)]
struct Slots {
    idle: Vec<Client>,
    /// Connections open, idle or lent.
    open: usize,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let slots = self.slots();
        f.debug_struct("Pool")
            .field("idle", &slots.idle.len())
            .field("open", &slots.open)
            .finish()
    }
}

impl Pool {
    /// A pool for `config`; connects lazily.
    pub fn new(config: Config) -> Self {
        Pool {
            config,
            slots: Mutex::new(Slots::default()),
            returned: Condvar::new(),
        }
    }

    // A panic while holding the lock leaves only a counter and a list of clients behind.
    fn slots(&self) -> MutexGuard<'_, Slots> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Lends an idle connection, opens a new one below the limit, or waits for one.
    pub fn get(&self) -> Result<Pooled<'_>, PostgisError> {
        let mut slots = self.slots();
        loop {
            while let Some(client) = slots.idle.pop() {
                if client.is_closed() {
                    slots.open -= 1;
                    continue;
                }
                return Ok(Pooled::new(self, client));
            }
            if slots.open < MAX_CONNECTIONS {
                slots.open += 1;
                drop(slots);
                return match self.config.connect(NoTls) {
                    Ok(client) => Ok(Pooled::new(self, client)),
                    Err(source) => {
                        self.slots().open -= 1;
                        self.returned.notify_one();
                        Err(PostgisError::Connect(source))
                    }
                };
            }
            let (guard, wait) = self
                .returned
                .wait_timeout(slots, CHECKOUT_TIMEOUT)
                .unwrap_or_else(|e| e.into_inner());
            slots = guard;
            if wait.timed_out() && slots.idle.is_empty() && slots.open >= MAX_CONNECTIONS {
                return Err(PostgisError::PoolExhausted(CHECKOUT_TIMEOUT));
            }
        }
    }

    fn give_back(&self, client: Client) {
        let mut slots = self.slots();
        if client.is_closed() {
            slots.open -= 1;
        } else {
            slots.idle.push(client);
        }
        self.returned.notify_one();
    }
}

impl Drop for Pool {
    /// Closes the idle connections on a thread of their own: `postgres`'s blocking client
    /// closes on a runtime it starts, which panics inside another runtime, and the last
    /// handle to the store is dropped on an actix worker when the server stops.
    fn drop(&mut self) {
        let idle =
            std::mem::take(&mut self.slots.get_mut().unwrap_or_else(|e| e.into_inner()).idle);
        if idle.is_empty() {
            return;
        }
        // A panic while closing leaves nothing to clean up; the connections are gone either way.
        let _ = std::thread::spawn(move || drop(idle)).join();
    }
}

/// A lent connection; goes back to the pool when dropped.
pub struct Pooled<'a> {
    pool: &'a Pool,
    client: Option<Client>,
}

impl<'a> Pooled<'a> {
    fn new(pool: &'a Pool, client: Client) -> Self {
        Pooled {
            pool,
            client: Some(client),
        }
    }
}

impl Deref for Pooled<'_> {
    type Target = Client;

    fn deref(&self) -> &Client {
        self.client.as_ref().expect("present until dropped")
    }
}

impl DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut Client {
        self.client.as_mut().expect("present until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            self.pool.give_back(client);
        }
    }
}
