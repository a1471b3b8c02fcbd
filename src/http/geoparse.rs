//! `POST /api/geoparse` (body: plain UTF-8 text; optional `?hint=Tajikistan,Central Asia`,
//! the areas the text is known to be about): the text's place mentions, as an array of
//! *Mention*.
//!
//! A body sent as `application/json` is read as `{"text": ..., "hint": ...}` (`hint`
//! optional, as the query's), and the mentions' byte offsets are into `text`: a client that
//! posts JSON would otherwise get offsets into the JSON source, escapes and all.

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;

use super::body::media_type;
use super::{ApiError, AppState, run_blocking};
use crate::geoparse::{geoparse_with_context, hint_context};

/// The query string of `POST /api/geoparse`.
#[derive(Debug, Deserialize)]
struct GeoparseParams {
    /// Comma-separated country, admin region or region names; a name that is none is a 400.
    #[serde(default)]
    hint: String,
}

/// A JSON body of `POST /api/geoparse`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GeoparseBody {
    text: String,
    /// As the query's `hint`; when both are given, the body's.
    #[serde(default)]
    hint: Option<String>,
}

#[post("/api/geoparse")]
async fn geoparse(
    state: web::Data<AppState>,
    req: HttpRequest,
    params: web::Query<GeoparseParams>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let (text, hint) = if media_type(&req).as_deref() == Some("application/json") {
        let not_json = |why: String| {
            ApiError::BadRequest(format!(
                "the body is not a JSON object {{\"text\": ..., \"hint\": ...}}: {why}"
            ))
        };
        // An object only: serde would also read a struct from an array (["Kabul"]).
        let value: serde_json::Value =
            serde_json::from_slice(&body).map_err(|e| not_json(e.to_string()))?;
        let kind = match &value {
            serde_json::Value::Object(_) => None,
            serde_json::Value::Array(_) => Some("an array"),
            serde_json::Value::String(_) => Some("a string"),
            serde_json::Value::Number(_) => Some("a number"),
            serde_json::Value::Bool(_) => Some("a boolean"),
            serde_json::Value::Null => Some("null"),
        };
        if let Some(kind) = kind {
            return Err(not_json(format!("got {kind}")));
        }
        let body: GeoparseBody =
            serde_json::from_value(value).map_err(|e| not_json(e.to_string()))?;
        let hint = body.hint.unwrap_or_else(|| params.hint.clone());
        (body.text, hint)
    } else {
        let text = String::from_utf8(body.to_vec()).map_err(|e| {
            ApiError::BadRequest(format!(
                "the body is not valid UTF-8 text (byte {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        (text, params.hint.clone())
    };
    let hint = hint_context(&state.gazetteer, &hint)?;
    // Off the async workers: a long text must not stall the other connections of a worker.
    let gazetteer = state.gazetteer.clone();
    let mentions =
        run_blocking(move || Ok(geoparse_with_context(&gazetteer, &text, &hint)?)).await?;
    Ok(HttpResponse::Ok().json(mentions))
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(geoparse);
}
