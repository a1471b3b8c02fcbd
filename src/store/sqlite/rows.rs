//! Mapping between incidents and SQL: the column list, row decoding, insert parameters and the
//! WHERE clause of a [`Filter`].

use chrono::{DateTime, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{Row, Transaction, params};

use std::sync::Arc;

use crate::incident::{Incident, LonLat};
use crate::index::IndexEntry;
use crate::location::Precision;
use crate::store::{Filter, StoreError};

/// The selected columns, in the order [`incident_from_row`] reads them.
pub const COLUMNS: &str = "id, title, category, occurred_on, fatalities, lon, lat, \
     uncertainty_km, precision, location_text, source_url, summary, created_at";

/// The columns the in-memory index needs, in the order [`index_entry_from_row`] reads them.
pub const INDEX_COLUMNS: &str = "id, category, occurred_on, lon, lat";

/// The order of every query: newest first, then by id, so paging is stable.
pub const ORDER: &str = "ORDER BY occurred_on DESC, id ASC";

fn corrupt(what: &str, e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("{what}: {e}").into(),
    )
}

/// Decodes a row selected with [`COLUMNS`].
pub fn incident_from_row(row: &Row<'_>) -> rusqlite::Result<Incident> {
    let category: String = row.get(2)?;
    let occurred_on: String = row.get(3)?;
    let precision: Option<String> = row.get(8)?;
    let created_at: String = row.get(12)?;
    let precision = precision
        .map(|p| serde_json::from_value::<Precision>(p.into()))
        .transpose()
        .map_err(|e| corrupt("precision", e))?;
    Ok(Incident {
        id: row.get(0)?,
        title: row.get(1)?,
        category: category.parse().map_err(|e| corrupt("category", e))?,
        occurred_on: NaiveDate::parse_from_str(&occurred_on, "%Y-%m-%d")
            .map_err(|e| corrupt("occurred_on", e))?,
        fatalities: row.get(4)?,
        point: LonLat::new(row.get(5)?, row.get(6)?).map_err(|e| corrupt("point", e))?,
        uncertainty_km: row.get(7)?,
        precision,
        location_text: row.get(9)?,
        source_url: row.get(10)?,
        summary: row.get(11)?,
        created_at: DateTime::parse_from_rfc3339(&created_at)
            .map_err(|e| corrupt("created_at", e))?
            .to_utc(),
    })
}

/// Decodes a row selected with [`INDEX_COLUMNS`]: only what the R-tree keeps, so start-up does
/// not decode titles, summaries and timestamps of every incident.
pub fn index_entry_from_row(row: &Row<'_>) -> rusqlite::Result<IndexEntry> {
    let id: String = row.get(0)?;
    let category = row.get_ref(1)?.as_str()?;
    let occurred_on = row.get_ref(2)?.as_str()?;
    Ok(IndexEntry {
        id: Arc::from(id),
        category: category.parse().map_err(|e| corrupt("category", e))?,
        occurred_on: NaiveDate::parse_from_str(occurred_on, "%Y-%m-%d")
            .map_err(|e| corrupt("occurred_on", e))?,
        point: LonLat::new(row.get(3)?, row.get(4)?).map_err(|e| corrupt("point", e))?,
    })
}

/// Turns a decoding failure into the store's error.
pub fn store_error(e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, msg) => {
            StoreError::Corrupt(msg.to_string())
        }
        other => StoreError::Sqlite(other),
    }
}

/// Inserts one row inside the caller's transaction; a duplicate id is [`StoreError::Duplicate`].
pub fn insert_row(tx: &Transaction<'_>, i: &Incident) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(&format!(
        "INSERT INTO incidents ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    ))?;
    let result = stmt.execute(params![
        i.id,
        i.title,
        i.category.as_str(),
        i.occurred_on.to_string(),
        i.fatalities,
        i.point.lon(),
        i.point.lat(),
        i.uncertainty_km,
        i.precision.map(Precision::as_str),
        i.location_text,
        i.source_url,
        i.summary,
        i.created_at.to_rfc3339(),
    ]);
    match result {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Err(StoreError::Duplicate(i.id.clone()))
        }
        Err(e) => Err(e.into()),
    }
}

/// The `WHERE ...` clause (empty when the filter selects everything) and its parameters. A box
/// crossing the antimeridian becomes `lon >= minLon OR lon <= maxLon`.
pub fn where_clause(filter: &Filter) -> (String, Vec<Value>) {
    let mut conditions: Vec<&str> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(c) = filter.category {
        conditions.push("category = ?");
        values.push(Value::Text(c.as_str().to_owned()));
    }
    if let Some(start) = filter.dates.start {
        conditions.push("occurred_on >= ?");
        values.push(Value::Text(start.to_string()));
    }
    if let Some(end) = filter.dates.end {
        conditions.push("occurred_on <= ?");
        values.push(Value::Text(end.to_string()));
    }
    if let Some(b) = filter.bbox {
        conditions.push("lat BETWEEN ? AND ?");
        values.extend([Value::Real(b.min_lat), Value::Real(b.max_lat)]);
        conditions.push(if b.crosses_antimeridian() {
            "(lon >= ? OR lon <= ?)"
        } else {
            "lon BETWEEN ? AND ?"
        });
        values.extend([Value::Real(b.min_lon), Value::Real(b.max_lon)]);
    }
    if conditions.is_empty() {
        (String::new(), values)
    } else {
        (format!("WHERE {}", conditions.join(" AND ")), values)
    }
}
