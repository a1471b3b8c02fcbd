//! `GET /api/geocode?q=TEXT`: one location description (a place name or a relative phrase such
//! as "70 km south-east of Dushanbe") resolved to a *Location*.

use actix_web::{HttpResponse, get, web};
use serde::Deserialize;

use super::{ApiError, AppState, run_blocking};

#[derive(Debug, Deserialize)]
struct GeocodeParams {
    q: String,
}

#[get("/api/geocode")]
async fn geocode(
    state: web::Data<AppState>,
    params: web::Query<GeocodeParams>,
) -> Result<HttpResponse, ApiError> {
    let (gazetteer, query) = (state.gazetteer.clone(), params.q.clone());
    match run_blocking(move || Ok(crate::geoparse::resolve(&gazetteer, &query)?)).await? {
        Some(location) => Ok(HttpResponse::Ok().json(location)),
        None => Err(ApiError::NotFound(format!(
            "no place matches {:?}",
            params.q.trim()
        ))),
    }
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(geocode);
}
