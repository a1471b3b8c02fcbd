//! Throwaway PostgreSQL databases for running the integration suite against the PostGIS back
//! end: when `INCIDENT_ATLAS_TEST_PG` holds a server URL (`postgres://postgres@127.0.0.1:5433/`,
//! as `scripts/pg-test-server.sh` prints), every test gets its own database, created with
//! PostGIS enabled and dropped when the test ends.

use std::path::Path;

use postgres::{Client, NoTls};

/// The environment variable naming the test server.
pub const TEST_PG_VAR: &str = "INCIDENT_ATLAS_TEST_PG";

/// The maintenance database to connect to for CREATE and DROP DATABASE.
const ADMIN_DB: &str = "postgres";

/// The server URL from the environment, with a trailing slash, if set and not empty.
pub fn server_url() -> Option<String> {
    let url = std::env::var(TEST_PG_VAR).ok()?;
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    Some(format!("{}/", url.trim_end_matches('/')))
}

/// The server for a test that only makes sense on PostgreSQL, or `None` to skip it. In CI
/// (`CI` set) an unset variable fails the test rather than skipping it silently; setting it
/// empty (`INCIDENT_ATLAS_TEST_PG= cargo test`) declares a deliberate SQLite-only pass.
pub fn required_server_url(test: &str) -> Option<String> {
    let url = server_url();
    if url.is_none() {
        assert!(
            std::env::var_os("CI").is_none() || std::env::var_os(TEST_PG_VAR).is_some(),
            "{test} needs {TEST_PG_VAR} in CI (start a server with scripts/pg-test-server.sh, \
             or set it empty for a SQLite-only pass)"
        );
        eprintln!("skipping {test}: set {TEST_PG_VAR} to a PostgreSQL server URL to run it");
    }
    url
}

/// Whether the `--db` argument of a test is a SQLite file (not a PostgreSQL URL), for checks
/// that open the file itself (integrity, WAL).
pub fn is_sqlite_file(db: &Path) -> bool {
    !db.to_str().is_some_and(|s| s.starts_with("postgres"))
}

/// A database created for one test; dropped (connections and all) with the value.
pub struct TestDatabase {
    base: String,
    name: String,
}

impl TestDatabase {
    /// Creates a database with a unique name on the server at `base` and enables PostGIS in it.
    pub fn create(base: &str) -> TestDatabase {
        let name = format!("atlas_test_{}", uuid::Uuid::new_v4().simple());
        let database = TestDatabase {
            base: base.to_owned(),
            name,
        };
        off_async_runtime(|| {
            admin(base)
                .batch_execute(&format!("CREATE DATABASE {}", database.name))
                .expect("CREATE DATABASE on the test server");
            Client::connect(&database.url(), NoTls)
                .and_then(|mut c| c.batch_execute("CREATE EXTENSION IF NOT EXISTS postgis"))
                .expect("PostGIS is installed on the test server");
        });
        database
    }

    /// The database's URL, the `--db` argument of the binary.
    pub fn url(&self) -> String {
        format!("{}{}", self.base, self.name)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let dropped = off_async_runtime(|| {
            admin(&self.base).batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
        });
        if let Err(e) = dropped {
            eprintln!("could not drop test database {}: {e}", self.name);
        }
    }
}

/// Runs blocking `postgres` client work on a thread of its own: the client drives a private
/// tokio runtime, which panics when created or dropped inside an async test's runtime.
fn off_async_runtime<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(work).join().expect("PostgreSQL admin thread"))
}

fn admin(base: &str) -> Client {
    Client::connect(&format!("{base}{ADMIN_DB}"), NoTls)
        .expect("the test PostgreSQL server answers")
}

/// What a test keeps alive: a temporary directory and, on PostgreSQL, its database.
pub struct TestDb {
    dir: tempfile::TempDir,
    _database: Option<TestDatabase>,
}

impl TestDb {
    pub fn new(dir: tempfile::TempDir, database: Option<TestDatabase>) -> TestDb {
        TestDb {
            dir,
            _database: database,
        }
    }

    /// The temporary directory, for files besides the database.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}
