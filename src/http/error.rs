//! How the HTTP layer answers failures: `{"error": "one clear sentence"}` with a 4xx status for
//! anything the client can fix, and never a 500 for bad input.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::export::ExportError;
use crate::gazetteer::GazetteerError;
use crate::geoparse::GeoparseError;
use crate::incident::IncidentError;
use crate::index::IndexError;
use crate::layer::LayerError;
use crate::store::StoreError;

/// An error answer of the API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter or body the client must correct.
    #[error("{0}")]
    BadRequest(String),
    /// The resource or the answer does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A write without the right bearer token.
    #[error("{0}")]
    Unauthorized(String),
    /// A write the server accepts from no one in the client's position (no token configured
    /// and the client is not on loopback).
    #[error("{0}")]
    Forbidden(String),
    /// The resource exists already.
    #[error("{0}")]
    Conflict(String),
    /// The body is longer than the configured limit, in bytes.
    #[error("the request body exceeds the limit of {0} bytes")]
    PayloadTooLarge(usize),
    /// The body's media type is not one the endpoint reads.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Well-formed, but its content cannot be used (e.g. a place that does not resolve).
    #[error("{0}")]
    Unprocessable(String),
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
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut reply = HttpResponse::build(self.status_code());
        if let ApiError::Unauthorized(_) = self {
            reply.insert_header(("WWW-Authenticate", "Bearer"));
        }
        reply.json(ErrorBody {
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

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Duplicate(_) => ApiError::Conflict(e.to_string()),
            StoreError::BadDatetime { .. } => ApiError::BadRequest(e.to_string()),
            StoreError::Open { .. }
            | StoreError::Migration { .. }
            | StoreError::Corrupt(_)
            | StoreError::Sqlite(_)
            | StoreError::Postgis(_) => {
                tracing::error!("store failure: {e}");
                ApiError::Internal("the incident store failed; see the server log".to_owned())
            }
        }
    }
}

impl From<IncidentError> for ApiError {
    fn from(e: IncidentError) -> Self {
        match e {
            IncidentError::Gazetteer(g) => g.into(),
            IncidentError::Unresolved(_) => ApiError::Unprocessable(e.to_string()),
            IncidentError::UnknownCategory(_)
            | IncidentError::OutOfRange { .. }
            | IncidentError::Shape(_)
            | IncidentError::NotAPoint
            | IncidentError::NoLocation
            | IncidentError::BadId => ApiError::BadRequest(e.to_string()),
        }
    }
}

impl From<IndexError> for ApiError {
    fn from(e: IndexError) -> Self {
        ApiError::BadRequest(e.to_string())
    }
}

impl From<LayerError> for ApiError {
    fn from(e: LayerError) -> Self {
        match e {
            LayerError::Unknown(_) => ApiError::NotFound(e.to_string()),
            LayerError::CategoryConflict { .. } => ApiError::BadRequest(e.to_string()),
        }
    }
}

impl From<ExportError> for ApiError {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::UnknownFormat(_) => ApiError::NotFound(e.to_string()),
            ExportError::Store(s) => s.into(),
            ExportError::Io(_) | ExportError::Csv(_) | ExportError::Json(_) => {
                ApiError::Internal(e.to_string())
            }
        }
    }
}

impl From<GeoparseError> for ApiError {
    fn from(e: GeoparseError) -> Self {
        match e {
            GeoparseError::Query(inner) => inner.into(),
            GeoparseError::TextTooLong { .. } | GeoparseError::UnknownHintArea { .. } => {
                ApiError::BadRequest(e.to_string())
            }
        }
    }
}

/// The JSON error body for a status and sentence, for handlers outside `ApiError`.
pub(crate) fn json_error(status: StatusCode, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(ErrorBody { error: message })
}
