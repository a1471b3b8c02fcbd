//! Mapping between incidents and SQL: the column list, row decoding, insert parameters and the
//! WHERE clause of a [`Filter`].

use chrono::{DateTime, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{Row, Transaction, params_from_iter};
use serde::de::{DeserializeOwned, IntoDeserializer};

use std::sync::{Arc, LazyLock};

use crate::incident::{Incident, LonLat, Reporting};
use crate::index::IndexEntry;
use crate::location::Precision;
use crate::store::{Filter, StoreError};

/// The selected columns, in the order [`incident_from_row`] reads them.
pub const COLUMNS: &str = "id, title, category, occurred_on, fatalities, lon, lat, \
     uncertainty_km, precision, location_text, source_url, summary, created_at, \
     date_precision, injuries, sources";

/// How many columns [`COLUMNS`] lists.
const COLUMN_COUNT: usize = 16;

/// The assignments of an update of every column but `id` (parameters `?2`.. in
/// [`COLUMNS`] order, `?1` the id).
const UPDATE_SET: &str = "title = ?2, category = ?3, occurred_on = ?4, fatalities = ?5, \
     lon = ?6, lat = ?7, uncertainty_km = ?8, precision = ?9, location_text = ?10, \
     source_url = ?11, summary = ?12, created_at = ?13, date_precision = ?14, injuries = ?15, \
     sources = ?16";

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

/// A lower-case name stored as text (`precision`, `date_precision`), read through the type's
/// serde names without allocating; `NULL` is `None`.
fn named<T: DeserializeOwned>(
    row: &Row<'_>,
    column: usize,
    what: &str,
) -> rusqlite::Result<Option<T>> {
    row.get_ref(column)?
        .as_str_or_null()?
        .map(|name| {
            T::deserialize(name.into_deserializer())
                .map_err(|e: serde::de::value::Error| corrupt(what, e))
        })
        .transpose()
}

/// Decodes a row selected with [`COLUMNS`]; text that only selects a value (category, dates,
/// precisions) is read in place rather than copied into a `String` first, since a layer
/// download decodes a million rows.
pub fn incident_from_row(row: &Row<'_>) -> rusqlite::Result<Incident> {
    let category = row.get_ref(2)?.as_str()?;
    let occurred_on = row.get_ref(3)?.as_str()?;
    let created_at = row.get_ref(12)?.as_str()?;
    let sources = row.get_ref(15)?.as_str()?;
    Ok(Incident {
        id: row.get(0)?,
        title: row.get(1)?,
        category: category.parse().map_err(|e| corrupt("category", e))?,
        occurred_on: occurred_on
            .parse::<NaiveDate>()
            .map_err(|e| corrupt("occurred_on", e))?,
        fatalities: row.get(4)?,
        point: LonLat::new(row.get(5)?, row.get(6)?).map_err(|e| corrupt("point", e))?,
        uncertainty_km: row.get(7)?,
        precision: named(row, 8, "precision")?,
        location_text: row.get(9)?,
        source_url: row.get(10)?,
        summary: row.get(11)?,
        created_at: DateTime::parse_from_rfc3339(created_at)
            .map_err(|e| corrupt("created_at", e))?
            .to_utc(),
        reporting: Reporting {
            date_precision: named(row, 13, "date_precision")?,
            injuries: row.get(14)?,
            sources: serde_json::from_str(sources).map_err(|e| corrupt("sources", e))?,
        },
    })
}

/// Decodes a row selected with [`INDEX_COLUMNS`]: only what the R-tree keeps, so start-up does
/// not decode titles, summaries and timestamps of every incident.
///
/// The id is copied once, from SQLite's buffer into its `Arc`; the date goes through
/// `NaiveDate`'s ISO 8601 `FromStr` (the form [`values`] writes), which, unlike
/// `parse_from_str`, does not interpret a format string for each of a million rows.
pub fn index_entry_from_row(row: &Row<'_>) -> rusqlite::Result<IndexEntry> {
    let id = row.get_ref(0)?.as_str()?;
    let category = row.get_ref(1)?.as_str()?;
    let occurred_on = row.get_ref(2)?.as_str()?;
    Ok(IndexEntry {
        id: Arc::from(id),
        category: category.parse().map_err(|e| corrupt("category", e))?,
        occurred_on: occurred_on
            .parse::<NaiveDate>()
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

/// The values of every column of `i`, in [`COLUMNS`] order.
fn values(i: &Incident) -> Result<[Value; COLUMN_COUNT], StoreError> {
    let text = |s: Option<&str>| s.map_or(Value::Null, |s| Value::Text(s.to_owned()));
    let count = |n: Option<u32>| n.map_or(Value::Null, |n| Value::Integer(n.into()));
    let real = |x: Option<f64>| x.map_or(Value::Null, Value::Real);
    let date_precision = serde_json::to_value(i.reporting.date_precision)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let sources = serde_json::to_string(&i.reporting.sources)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok([
        Value::Text(i.id.clone()),
        Value::Text(i.title.clone()),
        Value::Text(i.category.as_str().to_owned()),
        Value::Text(i.occurred_on.to_string()),
        count(i.fatalities),
        Value::Real(i.point.lon()),
        Value::Real(i.point.lat()),
        real(i.uncertainty_km),
        text(i.precision.map(Precision::as_str)),
        text(i.location_text.as_deref()),
        text(i.source_url.as_deref()),
        text(i.summary.as_deref()),
        Value::Text(i.created_at.to_rfc3339()),
        text(date_precision.as_str()),
        count(i.reporting.injuries),
        Value::Text(sources),
    ])
}

/// The insert of one row, parameters `?1`.. in [`COLUMNS`] order; built once, so an import
/// does not format it a million times before finding it in the statement cache.
static INSERT: LazyLock<String> = LazyLock::new(|| {
    let placeholders = (1..=COLUMN_COUNT)
        .map(|n| format!("?{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("INSERT INTO incidents ({COLUMNS}) VALUES ({placeholders})")
});

/// Inserts one row inside the caller's transaction; a duplicate id is [`StoreError::Duplicate`].
pub fn insert_row(tx: &Transaction<'_>, i: &Incident) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(&INSERT)?;
    match stmt.execute(params_from_iter(values(i)?)) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Err(StoreError::Duplicate(i.id.clone()))
        }
        Err(e) => Err(e.into()),
    }
}

/// Replaces every column of the row with `i`'s id inside the caller's transaction; returns
/// whether there was such a row.
pub fn update_row(tx: &Transaction<'_>, i: &Incident) -> Result<bool, StoreError> {
    let mut stmt =
        tx.prepare_cached(&format!("UPDATE incidents SET {UPDATE_SET} WHERE id = ?1"))?;
    Ok(stmt.execute(params_from_iter(values(i)?))? > 0)
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
