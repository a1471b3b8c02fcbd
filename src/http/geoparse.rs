//! `POST /api/geoparse` (body: plain UTF-8 text): the text's place mentions, as an array of
//! *Mention*.

use actix_web::{HttpResponse, post, web};

use super::{ApiError, AppState, run_blocking};

#[post("/api/geoparse")]
async fn geoparse(state: web::Data<AppState>, body: web::Bytes) -> Result<HttpResponse, ApiError> {
    let text = String::from_utf8(body.to_vec()).map_err(|e| {
        ApiError::BadRequest(format!(
            "the body is not valid UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    // Off the async workers: a long text must not stall the other connections of a worker.
    let gazetteer = state.gazetteer.clone();
    let mentions = run_blocking(move || Ok(crate::geoparse::geoparse(&gazetteer, &text)?)).await?;
    Ok(HttpResponse::Ok().json(mentions))
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(geoparse);
}
