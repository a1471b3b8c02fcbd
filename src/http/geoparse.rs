//! `POST /api/geoparse` (body: plain UTF-8 text): the text's place mentions, as an array of
//! *Mention*.

use actix_web::{HttpResponse, post, web};

use super::{ApiError, AppState};

#[post("/api/geoparse")]
async fn geoparse(state: web::Data<AppState>, body: web::Bytes) -> Result<HttpResponse, ApiError> {
    let text = std::str::from_utf8(&body).map_err(|e| {
        ApiError::BadRequest(format!(
            "the body is not valid UTF-8 text (byte {})",
            e.valid_up_to()
        ))
    })?;
    let mentions = crate::geoparse::geoparse(&state.gazetteer, text)?;
    Ok(HttpResponse::Ok().json(mentions))
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(geoparse);
}
