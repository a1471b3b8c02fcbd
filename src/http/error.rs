//! How the HTTP layer answers failures: `{"error": "one clear sentence"}` with a 4xx status for
//! anything the client can fix, and never a 500 for bad input.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::gazetteer::GazetteerError;
use crate::geoparse::GeoparseError;

/// An error answer of the API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter or body the client must correct.
    #[error("{0}")]
    BadRequest(String),
    /// The resource or the answer does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Something on our side failed; the message is safe to show.
    #[error("{0}")]
    Internal(String),
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.status_code()).json(ErrorBody {
            error: &self.to_string(),
        })
    }
}

impl From<GazetteerError> for ApiError {
    fn from(e: GazetteerError) -> Self {
        match e {
            GazetteerError::Table { .. } | GazetteerError::Index(_) => {
                ApiError::Internal(e.to_string())
            }
            GazetteerError::EmptyQuery
            | GazetteerError::QueryTooLong { .. }
            | GazetteerError::ControlCharacters => ApiError::BadRequest(e.to_string()),
        }
    }
}

impl From<GeoparseError> for ApiError {
    fn from(e: GeoparseError) -> Self {
        match e {
            GeoparseError::Query(inner) => inner.into(),
            GeoparseError::TextTooLong { .. } => ApiError::BadRequest(e.to_string()),
        }
    }
}

/// The JSON error body for a status and sentence, for handlers outside `ApiError`.
pub(crate) fn json_error(status: StatusCode, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(ErrorBody { error: message })
}
