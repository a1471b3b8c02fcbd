//! `POST /api/articles` (body `{"text", "published", "source_url"}`, and optionally `"hint"`,
//! the areas the article is about, comma-separated): extracts the incidents
//! an article reports, stores or merges them, and answers 201 with a FeatureCollection of
//! what changed, or 200 with an empty one when the article was already ingested. Writes
//! follow the access rules of `POST /api/incidents`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;

use super::body::read_json;
use super::collection::geojson_response;
use super::{ApiError, AppState, run_blocking};
use crate::gazetteer::Gazetteer;
use crate::geoparse::hint_context;
use crate::ingest::{Article, IngestError, ingest};

/// The date format of `published`.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// The request body; every field is checked by hand for one clear error sentence.
#[derive(Debug, Deserialize)]
struct ArticleBody {
    text: Option<String>,
    published: Option<String>,
    source_url: Option<String>,
    hint: Option<String>,
}

impl From<IngestError> for ApiError {
    fn from(e: IngestError) -> Self {
        match e {
            IngestError::EmptyText | IngestError::TextTooLong { .. } => {
                ApiError::BadRequest(e.to_string())
            }
            IngestError::Place(_) => ApiError::Internal(e.to_string()),
            IngestError::Store(s) => s.into(),
        }
    }
}

/// Reads the body into an article: `text` required, `published` a date (default today, UTC),
/// `source_url` optional (an empty one counts as absent), `hint` optional (an unknown area is
/// a 400).
fn article_of(gazetteer: &Gazetteer, body: serde_json::Value) -> Result<Article, ApiError> {
    let body: ArticleBody = serde_json::from_value(body).map_err(|e| {
        ApiError::BadRequest(format!(
            "the body must be {{\"text\", \"published\", \"source_url\", \"hint\"}} with \
             string values: {e}"
        ))
    })?;
    let text = body
        .text
        .ok_or_else(|| ApiError::BadRequest("the body needs the article as \"text\"".into()))?;
    let published = match body.published {
        None => Utc::now().date_naive(),
        Some(p) => NaiveDate::parse_from_str(&p, DATE_FORMAT).map_err(|_| {
            ApiError::BadRequest(format!("published {p:?} is not a date (YYYY-MM-DD)"))
        })?,
    };
    Ok(Article {
        text,
        published,
        source_url: body.source_url.filter(|u| !u.trim().is_empty()),
        hint: hint_context(gazetteer, body.hint.as_deref().unwrap_or_default())?,
    })
}

#[post("/api/articles")]
async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    state.access.check(&req)?;
    let article = article_of(
        &state.gazetteer,
        read_json(&req, payload, state.max_body).await?,
    )?;
    let (store, gazetteer) = (state.store.clone(), state.gazetteer.clone());
    let outcome = run_blocking(move || Ok(ingest(store.as_ref(), &gazetteer, &article)?)).await?;
    let status = if outcome.is_unchanged() {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let body = serde_json::to_value(outcome.feature_collection())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(geojson_response(status, &body))
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(create);
}
