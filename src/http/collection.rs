//! FeatureCollection answers with paging, as OGC API – Features and GDAL expect:
//! `numberMatched`, `numberReturned`, `timeStamp` and `self`/`next`/`prev` links with absolute
//! URLs, served as `application/geo+json`.

use actix_web::{HttpRequest, HttpResponse, http::StatusCode};
use serde_json::{Value, json};

use crate::store::Page;

/// Media type of GeoJSON answers.
pub const GEOJSON: &str = "application/geo+json";

/// `scheme://host` of the request, for absolute links.
pub fn base_url(req: &HttpRequest) -> String {
    let info = req.connection_info();
    format!("{}://{}", info.scheme(), info.host())
}

/// The request's own URL with `offset` (and `limit`) replaced, keeping every other parameter.
fn url_with_page(req: &HttpRequest, page: Page) -> String {
    let mut pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(req.query_string()).unwrap_or_default();
    pairs.retain(|(k, _)| k != "offset" && k != "limit");
    pairs.push(("limit".into(), page.limit.to_string()));
    pairs.push(("offset".into(), page.offset.to_string()));
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("{}{}?{query}", base_url(req), req.path())
}

/// A link object.
pub fn link(href: String, rel: &str, media_type: &str, title: &str) -> Value {
    json!({"href": href, "rel": rel, "type": media_type, "title": title})
}

/// The FeatureCollection of one page of a query.
pub fn paged_collection(
    req: &HttpRequest,
    features: Vec<Value>,
    page: Page,
    number_matched: u64,
) -> Value {
    let returned = features.len();
    let self_url = format!("{}{}", base_url(req), req.uri());
    let mut links = vec![link(self_url, "self", GEOJSON, "this page")];
    if ((page.offset + returned) as u64) < number_matched {
        let next = Page {
            offset: page.offset + returned.max(1),
            ..page
        };
        links.push(link(url_with_page(req, next), "next", GEOJSON, "next page"));
    }
    if page.offset > 0 {
        let prev = Page {
            offset: page.offset.saturating_sub(page.limit),
            ..page
        };
        links.push(link(
            url_with_page(req, prev),
            "prev",
            GEOJSON,
            "previous page",
        ));
    }
    json!({
        "type": "FeatureCollection",
        "features": features,
        "numberMatched": number_matched,
        "numberReturned": returned,
        "timeStamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "links": links,
    })
}

/// A GeoJSON answer with the right media type.
pub fn geojson_response(status: StatusCode, body: &Value) -> HttpResponse {
    HttpResponse::build(status)
        .content_type(GEOJSON)
        .body(body.to_string())
}
