//! `GET /`: the map page for browsers, the OGC API landing document (JSON) for
//! `Accept: application/json` or `?f=json`. The HTML is a placeholder until the map page lands.

use actix_web::http::header::ACCEPT;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;

use super::ogc::landing;

/// Placeholder for browsers; links to what already works.
const PLACEHOLDER_HTML: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Incident Atlas</title></head>
<body><h1>Incident Atlas</h1>
<p>The map page is coming. Meanwhile: <a href="/api/incidents">incidents (GeoJSON)</a>,
<a href="/api/layers">layers</a>, <a href="/collections">OGC API collections</a>,
<a href="/api">API definition</a>.</p></body></html>
"#;

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
        HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(PLACEHOLDER_HTML)
    }
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(index);
}
