//! `/api/incidents`: create (a Feature, or properties with a `location_text` the gazetteer
//! resolves), fetch, delete and list with `bbox`, `datetime`, `category`, `limit`, `offset`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};

use super::body::read_json;
use super::collection::{geojson_response, paged_collection};
use super::params::ListParams;
use super::{ApiError, AppState, run_blocking};
use crate::incident::{FeatureRef, IncidentDraft};

#[post("/api/incidents")]
async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    state.access.check(&req)?;
    let body = read_json(&req, payload, state.max_body).await?;
    let mut draft = IncidentDraft::from_json(body)?;
    // The service names and dates what it stores; a client id could shadow a route
    // (`/api/incidents/near`) or collide. Imports, by contrast, keep theirs.
    draft.id = None;
    draft.created_at = None;
    let (store, gazetteer) = (state.store.clone(), state.gazetteer.clone());
    let incident = run_blocking(move || {
        let incident = draft.into_incident(&gazetteer)?;
        store.insert(&incident)?;
        Ok(incident)
    })
    .await?;
    let body = serde_json::to_value(incident.to_feature())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut reply = geojson_response(StatusCode::CREATED, &body);
    if let Ok(location) = format!("/api/incidents/{}", incident.id).parse() {
        reply
            .headers_mut()
            .insert(actix_web::http::header::LOCATION, location);
    }
    Ok(reply)
}

/// One incident as a Feature, or 404; shared with the OGC item route.
pub(super) async fn one(state: &AppState, id: String) -> Result<HttpResponse, ApiError> {
    let store = state.store.clone();
    let wanted = id.clone();
    match run_blocking(move || Ok(store.get(&wanted)?)).await? {
        Some(incident) => {
            let body = serde_json::to_value(incident.to_feature())
                .map_err(|e| ApiError::Internal(e.to_string()))?;
            Ok(geojson_response(StatusCode::OK, &body))
        }
        None => Err(ApiError::NotFound(format!("no incident has id {id:?}"))),
    }
}

#[get("/api/incidents/{id}")]
async fn fetch(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    one(&state, id.into_inner()).await
}

#[delete("/api/incidents/{id}")]
async fn remove(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    state.access.check(&req)?;
    let id = id.into_inner();
    let store = state.store.clone();
    let wanted = id.clone();
    if run_blocking(move || Ok(store.delete(&wanted)?)).await? {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::NotFound(format!("no incident has id {id:?}")))
    }
}

/// One page of the selection as a FeatureCollection; shared with the OGC items route.
pub(super) async fn list_page(
    req: &HttpRequest,
    state: &AppState,
    params: &ListParams,
) -> Result<HttpResponse, ApiError> {
    let (filter, page) = (params.filter()?, params.page()?);
    let store = state.store.clone();
    let found = run_blocking(move || Ok(store.query(&filter, page)?)).await?;
    let features = found
        .incidents
        .iter()
        .map(|i| serde_json::to_value(FeatureRef::of(i)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let body = paged_collection(req, features, page, found.number_matched);
    Ok(geojson_response(StatusCode::OK, &body))
}

#[get("/api/incidents")]
async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    list_page(&req, &state, &params).await
}

/// Registers the routes; `near` must come before `{id}` so it is not taken for an id.
pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(create).service(list);
    super::near::routes(cfg);
    cfg.service(fetch).service(remove);
}
