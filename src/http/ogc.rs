//! OGC API – Features Part 1 core, so QGIS and GDAL (`OAPIF:http://HOST:PORT/`) add the
//! incidents as a layer: landing document, `/conformance`, `/collections`,
//! `/collections/incidents`, its `items` (paged, `numberMatched`, `next` links) and single items.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde_json::{Value, json};

use super::collection::{GEOJSON, base_url, link};
use super::incidents::{list_page, one};
use super::params::ListParams;
use super::{ApiError, AppState, run_blocking};
use crate::incident::{MAX_LAT, MAX_LON};

/// The one collection this service publishes.
const COLLECTION_ID: &str = "incidents";
const JSON: &str = "application/json";
/// Media type of the OpenAPI document.
pub const OPENAPI: &str = "application/vnd.oai.openapi+json;version=3.0";
/// The coordinate reference system of every answer: WGS84, lon/lat order.
const CRS84: &str = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
const CONFORMANCE: [&str; 3] = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
];

/// The landing document (`GET /` with JSON negotiated).
pub fn landing(req: &HttpRequest) -> Value {
    let base = base_url(req);
    json!({
        "title": "Incident Atlas",
        "description": "News reports of violent incidents, mapped.",
        "links": [
            link(format!("{base}/?f=json"), "self", JSON, "this document"),
            link(format!("{base}/api"), "service-desc", OPENAPI, "the API definition"),
            link(format!("{base}/conformance"), "conformance", JSON, "conformance classes"),
            link(format!("{base}/collections"), "data", JSON, "collections"),
        ]
    })
}

#[get("/conformance")]
async fn conformance() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "conformsTo": CONFORMANCE }))
}

async fn collection_doc(req: &HttpRequest, state: &AppState) -> Result<Value, ApiError> {
    let store = state.store.clone();
    let extent = run_blocking(move || Ok(store.extent()?))
        .await?
        .unwrap_or([-MAX_LON, -MAX_LAT, MAX_LON, MAX_LAT]);
    let base = format!("{}/collections/{COLLECTION_ID}", base_url(req));
    Ok(json!({
        "id": COLLECTION_ID,
        "title": "Incidents",
        "description": "Violent incidents extracted from news reports.",
        "itemType": "feature",
        "crs": [CRS84],
        "extent": {
            "spatial": {"bbox": [extent], "crs": CRS84},
            "temporal": {"interval": [[null, null]]}
        },
        "links": [
            link(base.clone(), "self", JSON, "this collection"),
            link(format!("{base}/items"), "items", GEOJSON, "the incidents"),
        ]
    }))
}

#[get("/collections")]
async fn collections(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let base = base_url(&req);
    Ok(HttpResponse::Ok().json(json!({
        "collections": [collection_doc(&req, &state).await?],
        "links": [link(format!("{base}/collections"), "self", JSON, "collections")]
    })))
}

fn check_collection(id: &str) -> Result<(), ApiError> {
    if id == COLLECTION_ID {
        Ok(())
    } else {
        Err(ApiError::NotFound(format!("no collection is named {id:?}")))
    }
}

#[get("/collections/{collection}")]
async fn collection(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    check_collection(&id)?;
    Ok(HttpResponse::Ok().json(collection_doc(&req, &state).await?))
}

#[get("/collections/{collection}/items")]
async fn items(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    check_collection(&id)?;
    list_page(&req, &state, &params).await
}

#[get("/collections/{collection}/items/{id}")]
async fn item(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (collection_id, id) = path.into_inner();
    check_collection(&collection_id)?;
    one(&state, id).await
}

/// `GET /api`: the hand-written OpenAPI 3 document of the service.
#[get("/api")]
async fn openapi() -> HttpResponse {
    HttpResponse::build(StatusCode::OK)
        .content_type(OPENAPI)
        .body(include_str!("openapi.json"))
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(conformance)
        .service(collections)
        .service(collection)
        .service(items)
        .service(item)
        .service(openapi);
}
