//! `GET /`: the map page for browsers, the OGC API landing document (JSON) for
//! `Accept: application/json` or `?f=json`. The page's files are embedded (see `assets`).

use actix_web::http::header::ACCEPT;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;

use super::assets::index_page;
use super::ogc::landing;

#[derive(Debug, Deserialize)]
struct FormatParam {
    f: Option<String>,
}

#[get("/")]
async fn index(req: HttpRequest, params: web::Query<FormatParam>) -> HttpResponse {
    let accept = req
        .headers()
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let wants_json = match params.f.as_deref() {
        Some(f) => f.eq_ignore_ascii_case("json"),
        None => accept.contains("application/json") && !accept.contains("text/html"),
    };
    if wants_json {
        HttpResponse::Ok().json(landing(&req))
    } else {
        index_page()
    }
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(index);
}
