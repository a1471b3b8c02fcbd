//! k-nearest and radius queries on PostGIS with the contract's great-circle distance.
//!
//! Two index-backed steps in one snapshot:
//! 1. candidates: `ORDER BY geom <-> center LIMIT k` (GiST k-NN, planar degrees) gives `k` real
//!    incidents; the farthest of them on the sphere bounds the answer, since at least `k`
//!    incidents lie that close (`radius_km`, when smaller, bounds it instead);
//! 2. answer: every incident in the lon/lat envelopes of the cap of that radius
//!    ([`cap_envelopes`], split at the antimeridian, whole longitude bands at the poles), each
//!    measured with [`distance_km`], kept within the bound, ordered by distance then id.
//!
//! Distances are computed by the same function as on SQLite (haversine, 6,371.0088 km), so both
//! back ends give bit-identical `distance_km` values and the same order. PostGIS's own
//! `ST_Distance(geography, geography, false)` uses a 6,370.986 km sphere and would differ by
//! about 3.5 m per 1,000 km.

use postgres::Transaction;

use super::PostgisError;
use super::sql::{COLUMNS, Conditions, SRID, incident_from_row};
use crate::incident::LonLat;
use crate::index::{HALF_CIRCUMFERENCE_KM, cap_envelopes, distance_km};
use crate::store::{NearIncident, StoreError};

/// Up to `limit` incidents nearest to `center`, within `radius_km` when given, nearest first
/// (ties by id).
///
/// # Runtime
/// One GiST k-NN scan of `limit` rows, then one GiST envelope scan of the bounding cap; rows
/// read grow with the density around `center`, never with the table size.
pub fn nearest(
    tx: &mut Transaction<'_>,
    center: LonLat,
    radius_km: Option<f64>,
    limit: usize,
) -> Result<Vec<NearIncident>, StoreError> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let limit_km = radius_km.unwrap_or(HALF_CIRCUMFERENCE_KM);
    let bound_km = match farthest_of_nearest(tx, center, limit)? {
        Some(d) => d.min(limit_km),
        None => limit_km,
    };
    let mut c = Conditions::default();
    let parts: Vec<String> = cap_envelopes(center, bound_km)
        .iter()
        .map(|env| c.envelope(env.lower(), env.upper(), false))
        .collect();
    c.push(format!("({})", parts.join(" OR ")));
    let sql = format!("SELECT {COLUMNS} FROM incidents {}", c.clause());
    let rows = tx
        .query(sql.as_str(), &c.params())
        .map_err(PostgisError::Query)?;
    let mut found = Vec::new();
    for row in &rows {
        let incident = incident_from_row(row)?;
        let d = distance_km(center, incident.point);
        if d <= bound_km {
            found.push(NearIncident {
                incident,
                distance_km: d,
            });
        }
    }
    found.sort_by(|a, b| {
        a.distance_km
            .total_cmp(&b.distance_km)
            .then_with(|| a.incident.id.cmp(&b.incident.id))
    });
    found.truncate(limit);
    Ok(found)
}

/// The great-circle distance in km to the farthest of the `k` planar-nearest incidents, or
/// `None` when the table holds fewer than `k`.
fn farthest_of_nearest(
    tx: &mut Transaction<'_>,
    center: LonLat,
    k: usize,
) -> Result<Option<f64>, StoreError> {
    let sql = format!(
        "SELECT ST_X(geom), ST_Y(geom) FROM incidents \
         ORDER BY geom <-> ST_SetSRID(ST_MakePoint($1, $2), {SRID}) LIMIT $3"
    );
    let k_sql = i64::try_from(k).unwrap_or(i64::MAX);
    let rows = tx
        .query(sql.as_str(), &[&center.lon(), &center.lat(), &k_sql])
        .map_err(PostgisError::Query)?;
    if rows.len() < k {
        return Ok(None);
    }
    let mut farthest: f64 = 0.0;
    for row in &rows {
        let (lon, lat): (f64, f64) = (
            row.try_get(0).map_err(PostgisError::Query)?,
            row.try_get(1).map_err(PostgisError::Query)?,
        );
        let point =
            LonLat::new(lon, lat).map_err(|e| StoreError::Corrupt(format!("point: {e}")))?;
        farthest = farthest.max(distance_km(center, point));
    }
    Ok(Some(farthest))
}
