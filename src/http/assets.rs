//! The map page's own files, embedded in the binary so the page works with no network at all:
//! `web/index.html` (served at `/` by [`super::page`]), `/web/app.js`, `/web/style.css`, the
//! vendored Leaflet, Leaflet.markercluster and world outline under `/web/vendor/`, and
//! `GET /config.json`, which tells the page which base-map tiles to draw.

use actix_web::http::header::CACHE_CONTROL;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;

use super::{ApiError, AppState};

/// How long browsers may keep the embedded files, seconds (they change only with the binary).
const MAX_AGE_SECS: u32 = 3600;

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const PNG: &str = "image/png";
const GEOJSON: &str = "application/geo+json";
const TEXT: &str = "text/plain; charset=utf-8";

/// One embedded file.
struct Asset {
    /// Path under `web/`, as requested after `/web/`.
    path: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

/// Embeds `web/$path` with its content type.
macro_rules! asset {
    ($path:literal, $content_type:expr) => {
        Asset {
            path: $path,
            content_type: $content_type,
            body: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/", $path)),
        }
    };
}

/// Every file the page loads; `web/vendor.sh` refreshes the vendored ones.
const ASSETS: &[Asset] = &[
    asset!("app.js", JS),
    asset!("style.css", CSS),
    asset!("vendor/VERSIONS", TEXT),
    asset!("vendor/leaflet/leaflet.js", JS),
    asset!("vendor/leaflet/leaflet.css", CSS),
    asset!("vendor/leaflet/LICENSE", TEXT),
    asset!("vendor/leaflet/images/layers.png", PNG),
    asset!("vendor/leaflet/images/layers-2x.png", PNG),
    asset!("vendor/leaflet/images/marker-icon.png", PNG),
    asset!("vendor/leaflet/images/marker-icon-2x.png", PNG),
    asset!("vendor/leaflet/images/marker-shadow.png", PNG),
    asset!("vendor/markercluster/leaflet.markercluster.js", JS),
    asset!("vendor/markercluster/MarkerCluster.css", CSS),
    asset!("vendor/markercluster/MarkerCluster.Default.css", CSS),
    asset!("vendor/markercluster/MIT-LICENCE.txt", TEXT),
    asset!("vendor/world/countries-110m.geojson", GEOJSON),
    asset!("vendor/world/LICENSE", TEXT),
];

/// The map page itself.
const INDEX_HTML: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/index.html"));

/// The base map under the incidents: a tile URL template (`{z}/{x}/{y}`, as Leaflet takes it)
/// and its attribution text. Without a URL the page draws only the embedded world outline.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TileConfig {
    pub url: Option<String>,
    pub attribution: Option<String>,
}

fn cached(content_type: &str) -> actix_web::HttpResponseBuilder {
    let mut reply = HttpResponse::Ok();
    reply
        .content_type(content_type)
        .insert_header((CACHE_CONTROL, format!("public, max-age={MAX_AGE_SECS}")));
    reply
}

/// The map page; its Content-Security-Policy comes from the security headers (`security.rs`).
pub(super) fn index_page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type(HTML)
        .insert_header((CACHE_CONTROL, "no-cache"))
        .body(INDEX_HTML)
}

#[get("/web/{path:.*}")]
async fn file(path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let wanted = path.into_inner();
    ASSETS
        .iter()
        .find(|a| a.path == wanted)
        .map(|a| cached(a.content_type).body(a.body))
        .ok_or_else(|| ApiError::NotFound(format!("no page file {wanted:?}")))
}

/// `GET /config.json`: what the page needs to know that is not data (the base-map tiles).
#[get("/config.json")]
async fn config(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CACHE_CONTROL, "no-cache"))
        .json(serde_json::json!({ "tiles": state.tiles }))
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(file).service(config);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_is_embedded_and_non_empty() {
        for a in ASSETS {
            assert!(!a.body.is_empty(), "{} is empty", a.path);
        }
    }

    #[test]
    fn the_page_loads_only_embedded_files_and_no_inline_script() {
        for needed in ["app.js", "style.css", "vendor/leaflet/leaflet.js"] {
            assert!(INDEX_HTML.contains(&format!("/web/{needed}")), "{needed}");
            assert!(ASSETS.iter().any(|a| a.path == needed), "{needed}");
        }
        assert!(
            !INDEX_HTML.contains("<script>"),
            "inline script in index.html"
        );
        assert!(!INDEX_HTML.contains("http"), "a remote URL in index.html");
    }
}
