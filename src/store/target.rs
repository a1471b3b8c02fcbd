//! Where the `--db` argument points: a SQLite file path (the default back end) or a
//! `postgres://` / `postgresql://` URL (the PostGIS back end). Every command that takes `--db`
//! opens its store through [`DbTarget::open`], so both back ends serve every command.

use std::convert::Infallible;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;

use super::postgis::{PostgisStore, is_postgres_url};
use super::{IncidentStore, SqliteStore, StoreError};

/// A database to open: a SQLite file or a PostgreSQL URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbTarget {
    Sqlite(PathBuf),
    Postgis(String),
}

impl DbTarget {
    /// Opens the store, creating and migrating its schema when needed.
    pub fn open(&self) -> Result<Arc<dyn IncidentStore>, StoreError> {
        Ok(match self {
            DbTarget::Sqlite(path) => Arc::new(SqliteStore::open(path)?),
            DbTarget::Postgis(url) => Arc::new(PostgisStore::connect(url)?),
        })
    }

    /// Whether the database exists already; a server is assumed to exist (connecting tells).
    pub fn exists(&self) -> bool {
        match self {
            DbTarget::Sqlite(path) => path.exists(),
            DbTarget::Postgis(_) => true,
        }
    }
}

impl FromStr for DbTarget {
    type Err = Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(if is_postgres_url(s) {
            DbTarget::Postgis(s.to_owned())
        } else {
            DbTarget::Sqlite(PathBuf::from(s))
        })
    }
}

impl fmt::Display for DbTarget {
    /// The path, or the URL without its password (`postgres://user:***@host/db`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbTarget::Sqlite(path) => write!(f, "{}", path.display()),
            DbTarget::Postgis(url) => f.write_str(&redact_password(url)),
        }
    }
}

/// The URL with the password between `user:` and `@` masked, so logs never show it.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_select_postgis_and_anything_else_a_file() {
        let pg: DbTarget = "postgresql://u@127.0.0.1:5433/atlas".parse().unwrap();
        assert!(matches!(pg, DbTarget::Postgis(_)));
        let file: DbTarget = "incident-atlas.db".parse().unwrap();
        assert_eq!(file, DbTarget::Sqlite(PathBuf::from("incident-atlas.db")));
    }

    #[test]
    fn display_hides_the_password() {
        let t: DbTarget = "postgres://atlas:s3cret@127.0.0.1/atlas".parse().unwrap();
        assert_eq!(t.to_string(), "postgres://atlas:***@127.0.0.1/atlas");
        let t: DbTarget = "postgres://atlas@127.0.0.1/atlas".parse().unwrap();
        assert_eq!(t.to_string(), "postgres://atlas@127.0.0.1/atlas");
    }
}
