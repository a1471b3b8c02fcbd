//! The thin actix-web layer: parse the request, call the core, serialise the answer.
//!
//! [`router`] mounts every route; `main` and every HTTP test use it, so tests exercise the real
//! routes. The shared [`AppState`] must be registered with `App::app_data` (see [`bind`]).

mod articles;
mod assets;
mod auth;
mod body;
mod collection;
mod error;
mod geocode;
mod geoparse;
mod incidents;
mod layers;
mod near;
mod ogc;
mod page;
mod params;
mod security;
mod server;
mod shutdown;
mod stream;

use std::sync::Arc;

use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, get, web};

pub use assets::TileConfig;
pub use auth::WriteAccess;
pub use error::ApiError;
pub use security::{SecurityConfig, SecurityError};
pub use server::{SHUTDOWN_TIMEOUT, ServerConfig, bind};

use crate::gazetteer::Gazetteer;
use crate::store::IncidentStore;

/// The methods some route answers; any other method gets 405 on every path.
const ALLOWED_METHODS: [Method; 4] = [Method::GET, Method::HEAD, Method::POST, Method::DELETE];

/// Default largest request body, bytes (1 MB).
pub const DEFAULT_MAX_BODY: usize = 1_000_000;

/// What every handler shares.
#[derive(Debug, Clone)]
pub struct AppState {
    pub gazetteer: Arc<Gazetteer>,
    /// Where incidents live; any back end.
    pub store: Arc<dyn IncidentStore>,
    /// Who may write.
    pub access: WriteAccess,
    /// Largest accepted request body, bytes; longer bodies get 413.
    pub max_body: usize,
    /// The base map the page draws (none: the embedded world outline only).
    pub tiles: TileConfig,
}

/// Runs blocking core work (store, gazetteer) off the async workers.
async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    web::block(work)
        .await
        .map_err(|e| ApiError::Internal(format!("a worker thread failed: {e}")))?
}

/// The JSON answer for a request that actix could not extract (query, path, JSON body): the
/// extractor's own 4xx status (413, 415...) or 400, never a 500.
fn bad_request<E>(err: E, what: &str) -> actix_web::Error
where
    E: actix_web::ResponseError + 'static,
{
    let status = match err.status_code() {
        s if s.is_client_error() => s,
        _ => StatusCode::BAD_REQUEST,
    };
    let message = format!("invalid {what}: {err}");
    actix_web::error::InternalError::from_response(err, error::json_error(status, &message)).into()
}

/// Mounts every route of the service.
pub fn router(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::QueryConfig::default().error_handler(|err, _req| bad_request(err, "query parameters")),
    )
    .app_data(web::PathConfig::default().error_handler(|err, _req| bad_request(err, "path")))
    .app_data(web::JsonConfig::default().error_handler(|err, _req| bad_request(err, "JSON body")))
    .service(healthz);
    geocode::routes(cfg);
    page::routes(cfg);
    assets::routes(cfg);
    incidents::routes(cfg);
    layers::routes(cfg);
    ogc::routes(cfg);
    geoparse::routes(cfg);
    articles::routes(cfg);
    cfg.default_service(web::to(not_found));
}

#[get("/healthz")]
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

async fn not_found(req: HttpRequest) -> HttpResponse {
    if ALLOWED_METHODS.contains(req.method()) {
        return error::json_error(StatusCode::NOT_FOUND, "no such route");
    }
    let message = format!("the method {} is not allowed here", req.method());
    let mut reply = error::json_error(StatusCode::METHOD_NOT_ALLOWED, &message);
    reply.headers_mut().insert(
        actix_web::http::header::ALLOW,
        actix_web::http::header::HeaderValue::from_static("GET, HEAD, POST, DELETE"),
    );
    reply
}
