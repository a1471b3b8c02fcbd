//! `GET /api/incidents/near?lat&lon&radius_km&limit`: incidents nearest to a point by
//! great-circle distance (km, sphere of 6,371.0088 km), each with a `distance_km` property.

use actix_web::{HttpResponse, get, web};
use serde::{Deserialize, Serialize};

use super::collection::GEOJSON;
use super::params::{parse_limit, parse_number};
use super::{ApiError, AppState, run_blocking};
use crate::incident::{FeatureRef, LonLat};

#[derive(Debug, Deserialize)]
struct NearParams {
    lat: Option<String>,
    lon: Option<String>,
    radius_km: Option<String>,
    limit: Option<String>,
}

#[get("/api/incidents/near")]
async fn near(
    state: web::Data<AppState>,
    params: web::Query<NearParams>,
) -> Result<HttpResponse, ApiError> {
    let lat = parse_number("lat", params.lat.as_deref())?;
    let lon = parse_number("lon", params.lon.as_deref())?;
    let (Some(lat), Some(lon)) = (lat, lon) else {
        return Err(ApiError::BadRequest(
            "near needs both lat and lon (degrees)".into(),
        ));
    };
    let center = LonLat::new(lon, lat)?;
    let radius_km = parse_number("radius_km", params.radius_km.as_deref())?;
    if radius_km.is_some_and(|r| r < 0.0) {
        return Err(ApiError::BadRequest(
            "radius_km must not be negative".into(),
        ));
    }
    let limit = parse_limit(params.limit.as_deref())?;
    let store = state.store.clone();
    let found = run_blocking(move || Ok(store.near(center, radius_km, limit)?)).await?;
    // Serialised straight from the incidents: no intermediate JSON values.
    let body = serde_json::to_vec(&NearCollection {
        features: found
            .iter()
            .map(|n| FeatureRef {
                incident: &n.incident,
                distance_km: Some(n.distance_km),
            })
            .collect(),
        number_returned: found.len(),
        kind: "FeatureCollection",
    })
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok().content_type(GEOJSON).body(body))
}

/// The answer, keys in the order earlier versions wrote them.
#[derive(Serialize)]
struct NearCollection<'a> {
    features: Vec<FeatureRef<'a>>,
    #[serde(rename = "numberReturned")]
    number_returned: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(near);
}
