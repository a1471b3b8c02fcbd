//! The thin actix-web layer: parse the request, call the core, serialise the answer.
//!
//! [`router`] mounts every route; `main` and every HTTP test use it, so tests exercise the real
//! routes. The shared [`AppState`] must be registered with `App::app_data` (see [`bind`]).

mod error;
mod geocode;
mod geoparse;
mod server;

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};

pub use error::ApiError;
pub use server::{ServerConfig, bind};

use crate::gazetteer::Gazetteer;

/// What every handler shares.
#[derive(Debug, Clone)]
pub struct AppState {
    pub gazetteer: Arc<Gazetteer>,
}

/// Mounts every route of the service.
pub fn router(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::QueryConfig::default().error_handler(|err, _req| {
        let message = format!("invalid query parameters: {err}");
        actix_web::error::InternalError::from_response(
            err,
            error::json_error(StatusCode::BAD_REQUEST, &message),
        )
        .into()
    }))
    .service(healthz);
    geocode::routes(cfg);
    geoparse::routes(cfg);
    cfg.default_service(web::to(not_found));
}

#[get("/healthz")]
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

async fn not_found() -> HttpResponse {
    error::json_error(StatusCode::NOT_FOUND, "no such route")
}
