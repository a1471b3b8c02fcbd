//! Load helpers for the crash and concurrency tests: a client whose every request has a
//! deadline and which reports a dropped connection as `None` instead of panicking, and seeded
//! random incidents.

use std::time::Duration;

use rand::Rng;
use serde_json::{Value, json};

/// The deadline of every request: a hang is a failure, never a stuck test.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// Categories the generated incidents draw from.
const CATEGORIES: [&str; 7] = [
    "attack", "bombing", "riot", "clash", "protest", "arrest", "other",
];

/// A client that never turns a status into an error and gives up after [`REQUEST_TIMEOUT`].
pub fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(REQUEST_TIMEOUT))
        .build()
        .new_agent()
}

fn answer(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Option<(u16, Value)> {
    let mut response = result.ok()?;
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(u64::MAX)
        .read_to_string()
        .ok()?;
    Some((status, serde_json::from_str(&body).unwrap_or(Value::Null)))
}

/// POSTs JSON; `None` when the connection failed (e.g. the server was killed).
pub fn try_post(agent: &ureq::Agent, url: &str, body: &Value) -> Option<(u16, Value)> {
    answer(
        agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(body.to_string()),
    )
}

/// GETs JSON; `None` when the connection failed.
pub fn try_get(agent: &ureq::Agent, url: &str) -> Option<(u16, Value)> {
    answer(agent.get(url).call())
}

/// A random incident Feature tagged `tag` (in its title), anywhere on Earth.
pub fn random_feature(rng: &mut impl Rng, tag: &str) -> Value {
    let lon = rng.random_range(-180.0..=180.0);
    let lat = rng.random_range(-90.0..=90.0);
    json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "title": format!("incident {tag}"),
            "category": CATEGORIES[rng.random_range(0..CATEGORIES.len())],
            "occurred_on": format!("20{:02}-{:02}-{:02}", rng.random_range(0..25),
                rng.random_range(1..=12), rng.random_range(1..=28)),
            "fatalities": rng.random_range(0..1000),
            "summary": format!("summary of {tag} with 'quotes' and <b>tags</b>"),
        }
    })
}

/// Whether a stored Feature carries what was sent: properties and exact coordinates.
pub fn same_incident(sent: &Value, stored: &Value) -> bool {
    let keys = ["title", "category", "occurred_on", "fatalities", "summary"];
    sent["geometry"]["coordinates"] == stored["geometry"]["coordinates"]
        && keys
            .iter()
            .all(|k| sent["properties"][k] == stored["properties"][k])
}
