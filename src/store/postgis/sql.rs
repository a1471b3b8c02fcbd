//! Mapping between incidents and PostgreSQL: the column list, row decoding, the batched insert
//! and the WHERE clause of a [`Filter`] with its numbered parameters.
//!
//! Boxes use `geom && ST_MakeEnvelope(...)` so the GiST index answers them, then compare
//! `ST_X`/`ST_Y` exactly: the index compares float4-rounded boxes, which would admit points a
//! hair outside the box that SQLite excludes.

use chrono::{DateTime, NaiveDate};
use postgres::types::ToSql;
use postgres::{GenericClient, Row};

use super::PostgisError;
use crate::extract::DatePrecision;
use crate::incident::{Incident, LonLat, Reporting};
use crate::location::Precision;
use crate::store::{Filter, StoreError};

/// The selected columns, in the order [`incident_from_row`] reads them; the point as lon, lat.
pub const COLUMNS: &str = "id, title, category, occurred_on, fatalities, ST_X(geom), ST_Y(geom), \
     uncertainty_km, precision, location_text, source_url, summary, created_at, date_precision, \
     injuries, sources";

/// The order of every query: newest first, then by id (byte order), as on SQLite.
pub const ORDER: &str = "ORDER BY occurred_on DESC, id ASC";

/// WGS84 lon/lat, the SRID of every geometry.
pub const SRID: i32 = 4326;

/// SQLSTATE of a unique-constraint violation.
const UNIQUE_VIOLATION: &str = "23505";

/// Inserts a whole batch in one statement (arrays unnested server-side): one round trip per
/// batch instead of one per incident.
const INSERT: &str = "INSERT INTO incidents (id, title, category, occurred_on, fatalities, geom, \
     uncertainty_km, precision, location_text, source_url, summary, created_at, date_precision, \
     injuries, sources) \
     SELECT id, title, category, occurred_on, fatalities, ST_SetSRID(ST_MakePoint(lon, lat), 4326), \
     uncertainty_km, precision, location_text, source_url, summary, created_at, date_precision, \
     injuries, sources \
     FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::int8[], $6::float8[], \
     $7::float8[], $8::float8[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], \
     $14::text[], $15::int8[], $16::text[]) \
     AS t(id, title, category, occurred_on, fatalities, lon, lat, uncertainty_km, precision, \
     location_text, source_url, summary, created_at, date_precision, injuries, sources)";

/// Replaces every column of the row with id `$1` (same parameter order as one row of
/// [`INSERT`]), in place, so the GiST index follows the new point in the same transaction.
const UPDATE: &str = "UPDATE incidents SET title = $2, category = $3, occurred_on = $4, \
     fatalities = $5, geom = ST_SetSRID(ST_MakePoint($6, $7), 4326), uncertainty_km = $8, \
     precision = $9, location_text = $10, source_url = $11, summary = $12, created_at = $13, \
     date_precision = $14, injuries = $15, sources = $16 WHERE id = $1";

/// Decodes a row selected with [`COLUMNS`].
pub fn incident_from_row(row: &Row) -> Result<Incident, StoreError> {
    let corrupt =
        |what: &str, e: &dyn std::fmt::Display| StoreError::Corrupt(format!("{what}: {e}"));
    let pg = |e: postgres::Error| StoreError::from(PostgisError::Query(e));
    let category: String = row.try_get(2).map_err(pg)?;
    let fatalities: Option<i64> = row.try_get(4).map_err(pg)?;
    let precision: Option<String> = row.try_get(8).map_err(pg)?;
    let created_at: String = row.try_get(12).map_err(pg)?;
    let date_precision: Option<String> = row.try_get(13).map_err(pg)?;
    let injuries: Option<i64> = row.try_get(14).map_err(pg)?;
    let sources: String = row.try_get(15).map_err(pg)?;
    Ok(Incident {
        id: row.try_get(0).map_err(pg)?,
        title: row.try_get(1).map_err(pg)?,
        category: category.parse().map_err(|e| corrupt("category", &e))?,
        occurred_on: row.try_get::<_, NaiveDate>(3).map_err(pg)?,
        fatalities: fatalities
            .map(u32::try_from)
            .transpose()
            .map_err(|e| corrupt("fatalities", &e))?,
        point: LonLat::new(row.try_get(5).map_err(pg)?, row.try_get(6).map_err(pg)?)
            .map_err(|e| corrupt("point", &e))?,
        uncertainty_km: row.try_get(7).map_err(pg)?,
        precision: precision
            .map(|p| serde_json::from_value::<Precision>(p.into()))
            .transpose()
            .map_err(|e| corrupt("precision", &e))?,
        location_text: row.try_get(9).map_err(pg)?,
        source_url: row.try_get(10).map_err(pg)?,
        summary: row.try_get(11).map_err(pg)?,
        created_at: DateTime::parse_from_rfc3339(&created_at)
            .map_err(|e| corrupt("created_at", &e))?
            .to_utc(),
        reporting: Reporting {
            date_precision: date_precision
                .map(|p| serde_json::from_value::<DatePrecision>(p.into()))
                .transpose()
                .map_err(|e| corrupt("date_precision", &e))?,
            injuries: injuries
                .map(u32::try_from)
                .transpose()
                .map_err(|e| corrupt("injuries", &e))?,
            sources: serde_json::from_str(&sources).map_err(|e| corrupt("sources", &e))?,
        },
    })
}

/// The text stored for a date precision: its JSON name (`"month"` is stored as `month`), as
/// on SQLite.
fn date_precision_text(p: Option<DatePrecision>) -> Option<String> {
    let value = serde_json::to_value(p?).ok()?;
    value.as_str().map(str::to_owned)
}

/// The reporting sentences as stored: their JSON array.
fn sources_text(i: &Incident) -> Result<String, StoreError> {
    serde_json::to_string(&i.reporting.sources).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Replaces the stored incident with `incident.id` inside the caller's transaction; returns
/// whether it existed.
pub fn update_one(client: &mut impl GenericClient, i: &Incident) -> Result<bool, StoreError> {
    let sources = sources_text(i)?;
    let updated = client
        .execute(
            UPDATE,
            &[
                &i.id,
                &i.title,
                &i.category.as_str(),
                &i.occurred_on,
                &i.fatalities.map(i64::from),
                &i.point.lon(),
                &i.point.lat(),
                &i.uncertainty_km,
                &i.precision.map(Precision::as_str),
                &i.location_text,
                &i.source_url,
                &i.summary,
                &i.created_at.to_rfc3339(),
                &date_precision_text(i.reporting.date_precision),
                &i.reporting.injuries.map(i64::from),
                &sources,
            ],
        )
        .map_err(PostgisError::Query)?;
    Ok(updated > 0)
}

/// Inserts every incident with one statement inside the caller's transaction; a duplicate id
/// (stored already, or twice in the batch) is [`StoreError::Duplicate`].
pub fn insert_all(client: &mut impl GenericClient, all: &[Incident]) -> Result<(), StoreError> {
    fn column<'a, T>(all: &'a [Incident], f: impl Fn(&'a Incident) -> T) -> Vec<T> {
        all.iter().map(f).collect()
    }
    let sources = all
        .iter()
        .map(sources_text)
        .collect::<Result<Vec<_>, _>>()?;
    let result = client.execute(
        INSERT,
        &[
            &column(all, |i| i.id.as_str()),
            &column(all, |i| i.title.as_str()),
            &column(all, |i| i.category.as_str()),
            &column(all, |i| i.occurred_on),
            &column(all, |i| i.fatalities.map(i64::from)),
            &column(all, |i| i.point.lon()),
            &column(all, |i| i.point.lat()),
            &column(all, |i| i.uncertainty_km),
            &column(all, |i| i.precision.map(Precision::as_str)),
            &column(all, |i| i.location_text.as_deref()),
            &column(all, |i| i.source_url.as_deref()),
            &column(all, |i| i.summary.as_deref()),
            &column(all, |i| i.created_at.to_rfc3339()),
            &column(all, |i| date_precision_text(i.reporting.date_precision)),
            &column(all, |i| i.reporting.injuries.map(i64::from)),
            &sources,
        ],
    );
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.code().is_some_and(|c| c.code() == UNIQUE_VIOLATION) => {
            Err(StoreError::Duplicate(duplicate_id(&e).unwrap_or_default()))
        }
        Err(e) => Err(PostgisError::Query(e).into()),
    }
}

/// The id in a unique violation's detail, `Key (id)=(ID) already exists.`
fn duplicate_id(e: &postgres::Error) -> Option<String> {
    let detail = e.as_db_error()?.detail()?;
    let id = detail.strip_prefix("Key (id)=(")?;
    Some(id.strip_suffix(") already exists.")?.to_owned())
}

/// A WHERE clause under construction and its parameters, numbered `$1..` in order.
#[derive(Default)]
pub struct Conditions {
    conditions: Vec<String>,
    params: Vec<Box<dyn ToSql + Sync + Send>>,
}

impl Conditions {
    /// The conditions of `filter`.
    pub fn of(filter: &Filter) -> Self {
        let mut c = Conditions::default();
        if let Some(category) = filter.category {
            let p = c.param(category.as_str());
            c.conditions.push(format!("category = {p}"));
        }
        if let Some(start) = filter.dates.start {
            let p = c.param(start);
            c.conditions.push(format!("occurred_on >= {p}"));
        }
        if let Some(end) = filter.dates.end {
            let p = c.param(end);
            c.conditions.push(format!("occurred_on <= {p}"));
        }
        if let Some(bbox) = filter.bbox {
            let parts: Vec<String> = bbox
                .envelopes()
                .iter()
                .map(|env| c.envelope(env.lower(), env.upper(), true))
                .collect();
            c.conditions.push(format!("({})", parts.join(" OR ")));
        }
        c
    }

    /// Adds a parameter; returns its placeholder.
    pub fn param(&mut self, value: impl ToSql + Sync + Send + 'static) -> String {
        self.params.push(Box::new(value));
        format!("${}", self.params.len())
    }

    /// The index-backed test for a lon/lat envelope, exact on its edges when `exact`.
    pub fn envelope(&mut self, lower: [f64; 2], upper: [f64; 2], exact: bool) -> String {
        let [x0, y0, x1, y1] = [lower[0], lower[1], upper[0], upper[1]].map(|v| self.param(v));
        let index = format!("geom && ST_MakeEnvelope({x0}, {y0}, {x1}, {y1}, {SRID})");
        if exact {
            format!(
                "({index} AND ST_X(geom) BETWEEN {x0} AND {x1} AND ST_Y(geom) BETWEEN {y0} AND {y1})"
            )
        } else {
            index
        }
    }

    /// Adds a ready condition.
    pub fn push(&mut self, condition: String) {
        self.conditions.push(condition);
    }

    /// `WHERE ...`, or nothing when there is no condition.
    pub fn clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join(" AND "))
        }
    }

    /// The parameters in placeholder order.
    pub fn params(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.params
            .iter()
            .map(|p| p.as_ref() as &(dyn ToSql + Sync))
            .collect()
    }
}
