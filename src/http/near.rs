//! `GET /api/incidents/near?lat&lon&radius_km&limit`: incidents nearest to a point by
//! great-circle distance (km, sphere of 6,371.0088 km), each with a `distance_km` property.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use serde_json::json;

use super::collection::geojson_response;
use super::params::{parse_limit, parse_number};
use super::{ApiError, AppState, run_blocking};
use crate::incident::LonLat;

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
    let features = found
        .iter()
        .map(|n| {
            serde_json::to_value(
                n.incident
                    .to_feature_with("distance_km", json!(n.distance_km)),
            )
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let body = json!({
        "type": "FeatureCollection",
        "features": features,
        "numberReturned": found.len(),
    });
    Ok(geojson_response(StatusCode::OK, &body))
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(near);
}
