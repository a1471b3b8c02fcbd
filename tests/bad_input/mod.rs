//! The bad-input table: requests with broken, mistyped, out-of-range, oversized or hostile
//! content, each with the 4xx status the server must answer.

mod bodies;
mod queries;

use serde_json::json;

/// A body far over the default 1 MB limit, bytes.
pub(crate) const HUGE_BODY: usize = 10 * 1024 * 1024;
/// Nesting depth of the deeply nested JSON cases (far past serde_json's recursion limit).
pub(crate) const DEEP: usize = 100_000;
/// Length of the very long query-string and text cases, bytes.
pub(crate) const LONG: usize = 20_000;

pub(crate) const JSON: Option<&str> = Some("application/json");
pub(crate) const INCIDENTS: &str = "/api/incidents";

/// One bad request and the status it must get.
pub struct Case {
    pub name: String,
    pub method: &'static str,
    pub target: Vec<u8>,
    pub content_type: Option<&'static str>,
    pub body: Vec<u8>,
    pub status: u16,
}

pub(crate) fn case(
    name: &str,
    method: &'static str,
    target: &[u8],
    body: &[u8],
    status: u16,
) -> Case {
    Case {
        name: name.to_owned(),
        method,
        target: target.to_vec(),
        content_type: JSON,
        body: body.to_vec(),
        status,
    }
}

/// A POST of `body` to `/api/incidents`.
pub(crate) fn post(name: &str, body: &str, status: u16) -> Case {
    case(name, "POST", INCIDENTS.as_bytes(), body.as_bytes(), status)
}

/// A GET of `target`.
pub(crate) fn get_case(name: &str, target: &str, status: u16) -> Case {
    case(name, "GET", target.as_bytes(), b"", status)
}

/// A valid Feature with one property or the geometry's coordinates replaced by raw JSON text.
pub(crate) fn feature_with(key: &str, raw: &str) -> String {
    let mut props = json!({"title": "t", "category": "riot", "occurred_on": "2019-05-19"});
    let mut coordinates = "[1.0, 2.0]".to_owned();
    if key == "coordinates" {
        coordinates = raw.to_owned();
    } else {
        props[key] = json!("__RAW__");
    }
    let props = props.to_string().replace("\"__RAW__\"", raw);
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":{coordinates}}},"properties":{props}}}"#
    )
}

/// Every case of the table.
pub fn all() -> Vec<Case> {
    bodies::body_cases()
        .into_iter()
        .chain(queries::query_cases())
        .collect()
}
