//! Reading a JSON request body: the media type must be JSON or GeoJSON (else 415) and the body
//! no longer than the configured limit (else 413, without reading past the limit).

use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;
use serde_json::Value;

use super::ApiError;

/// Media types a JSON body may be sent as.
const JSON_TYPES: [&str; 2] = ["application/json", "application/geo+json"];

/// The media type the request declares for its body, lower case, without parameters
/// ("application/json" for "Application/JSON; charset=utf-8").
pub fn media_type(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
}

/// Reads and parses the body as JSON, at most `limit` bytes.
pub async fn read_json(
    req: &HttpRequest,
    mut payload: web::Payload,
    limit: usize,
) -> Result<Value, ApiError> {
    if !media_type(req).is_some_and(|t| JSON_TYPES.contains(&t.as_str())) {
        return Err(ApiError::UnsupportedMediaType(
            "the body must be sent as application/json or application/geo+json".into(),
        ));
    }
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge(limit));
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::BadRequest(format!("cannot read the body: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    serde_json::from_slice(&body)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))
}
