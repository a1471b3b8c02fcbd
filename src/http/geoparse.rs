//! `POST /api/geoparse` (body: plain UTF-8 text; optional `?hint=Tajikistan,Central Asia`,
//! the areas the text is known to be about): the text's place mentions, as an array of
//! *Mention*.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;

use super::{ApiError, AppState, run_blocking};
use crate::geoparse::{geoparse_with_context, hint_context};

/// The query string of `POST /api/geoparse`.
#[derive(Debug, Deserialize)]
struct GeoparseParams {
    /// Comma-separated country, admin region or region names; a name that is none is a 400.
    #[serde(default)]
    hint: String,
}

#[post("/api/geoparse")]
async fn geoparse(
    state: web::Data<AppState>,
    params: web::Query<GeoparseParams>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let text = String::from_utf8(body.to_vec()).map_err(|e| {
        ApiError::BadRequest(format!(
            "the body is not valid UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let hint = hint_context(&state.gazetteer, &params.hint)?;
    // Off the async workers: a long text must not stall the other connections of a worker.
    let gazetteer = state.gazetteer.clone();
    let mentions =
        run_blocking(move || Ok(geoparse_with_context(&gazetteer, &text, &hint)?)).await?;
    Ok(HttpResponse::Ok().json(mentions))
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(geoparse);
}
