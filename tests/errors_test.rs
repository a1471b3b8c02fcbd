//! Every bad input gets a 4xx with `{"error": "..."}` (never plain text, never a 500), and
//! writes follow the access rules: a configured bearer token is required (401 otherwise).

mod common;

use std::net::{IpAddr, UdpSocket};

use common::{Server, delete, feature, get, post, post_json, temp_db};

/// Largest body the size-limit test server accepts, bytes.
const SMALL_BODY_LIMIT: usize = 1000;
const TOKEN: &str = "s3cret-token";

#[test]
fn bad_parameters_are_400_with_a_json_error() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    for query in [
        "/api/incidents?bbox=1,2,3",
        "/api/incidents?bbox=1,2,3,4,5",
        "/api/incidents?bbox=0,91,1,92",
        "/api/incidents?bbox=NaN,0,1,1",
        "/api/incidents?bbox=0,10,1,5",
        "/api/incidents?datetime=2020-02-01/2020-01-01",
        "/api/incidents?datetime=yesterday",
        "/api/incidents?category=war",
        "/api/incidents?limit=0",
        "/api/incidents?limit=10001",
        "/api/incidents?limit=ten",
        "/api/incidents?offset=-1",
        "/api/incidents/near?lat=91&lon=0",
        "/api/incidents/near?lat=NaN&lon=0",
        "/api/incidents/near?lat=0",
        "/api/incidents/near?lat=0&lon=0&radius_km=-5",
        "/api/incidents/near?lat=0&lon=0&limit=0",
        "/collections/incidents/items?bbox=1,2,3",
        "/collections/incidents/items?limit=10001",
        "/api/layers/all.geojson?bbox=1,2",
        "/api/layers/riot.csv?category=protest",
    ] {
        let r = get(&server.url(query));
        assert_eq!(r.status, 400, "{query}: {}", r.body);
        assert!(
            r.header("content-type").starts_with("application/json"),
            "{query}"
        );
        assert!(!r.error().is_empty());
    }
}

#[test]
fn missing_things_are_404_with_a_json_error() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    for path in [
        "/api/incidents/no-such-id",
        "/collections/incidents/items/no-such-id",
        "/collections/other",
        "/collections/other/items",
        "/api/layers/nope.geojson",
        "/api/layers/all.shp",
        "/no/such/route",
    ] {
        let r = get(&server.url(path));
        assert_eq!(r.status, 404, "{path}: {}", r.body);
        r.error();
    }
    assert_eq!(
        delete(&server.url("/api/incidents/no-such-id"), None).status,
        404
    );
}

#[test]
fn bad_bodies_are_400_415_or_413() {
    let (_dir, db) = temp_db();
    let limit = SMALL_BODY_LIMIT.to_string();
    let server = Server::start(&db, &["--max-body", &limit]);
    let url = server.url("/api/incidents");
    let good = feature("x", "riot", "2019-05-19", 1.0, 2.0).to_string();

    let r = post(&url, "text/plain", &good, None);
    assert_eq!(r.status, 415);
    r.error();
    let r = post(&url, "application/json", "{not json", None);
    assert_eq!(r.status, 400);
    r.error();
    let padded = format!(
        r#"{{"pad": "{}", "title": "x"}}"#,
        "x".repeat(SMALL_BODY_LIMIT)
    );
    let r = post(&url, "application/json", &padded, None);
    assert_eq!(r.status, 413);
    r.error();
    for bad in [
        feature("x", "war", "2019-05-19", 1.0, 2.0),
        feature("x", "riot", "19 May 2019", 1.0, 2.0),
        feature("x", "riot", "2019-05-19", 1.0, 91.0),
        serde_json::json!({"title": "no place", "category": "riot", "occurred_on": "2019-05-19"}),
        serde_json::json!({"type": "Feature", "geometry": {"type": "LineString",
            "coordinates": [[0, 0], [1, 1]]}, "properties": {"title": "x", "category": "riot",
            "occurred_on": "2019-05-19"}}),
    ] {
        let r = post_json(&url, &bad);
        assert_eq!(r.status, 400, "{bad}: {}", r.body);
        r.error();
    }
    assert_eq!(post(&url, "application/geo+json", &good, None).status, 201);
}

#[test]
fn a_configured_token_is_required_for_writes() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &["--token", TOKEN]);
    let url = server.url("/api/incidents");
    let body = feature("x", "riot", "2019-05-19", 1.0, 2.0).to_string();

    let r = post(&url, "application/json", &body, None);
    assert_eq!(r.status, 401);
    r.error();
    let r = post(&url, "application/json", &body, Some("wrong"));
    assert_eq!(r.status, 401);
    r.error();
    let r = post(&url, "application/json", &body, Some(TOKEN));
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_owned();

    // Reads stay open.
    assert_eq!(
        get(&server.url(&format!("/api/incidents/{id}"))).status,
        200
    );
    let one = server.url(&format!("/api/incidents/{id}"));
    assert_eq!(delete(&one, None).status, 401);
    assert_eq!(delete(&one, Some("wrong")).status, 401);
    assert_eq!(delete(&one, Some(TOKEN)).status, 204);
}

#[test]
fn the_token_can_come_from_the_environment() {
    let (_dir, db) = temp_db();
    let server = Server::start_at("127.0.0.1:0", &db, &[], &[("INCIDENT_ATLAS_TOKEN", TOKEN)]);
    let url = server.url("/api/incidents");
    let body = feature("x", "riot", "2019-05-19", 1.0, 2.0).to_string();
    assert_eq!(post(&url, "application/json", &body, None).status, 401);
    assert_eq!(
        post(&url, "application/json", &body, Some(TOKEN)).status,
        201
    );
}

/// This machine's address on its default route, if it has one that is not loopback.
fn non_loopback_address() -> Option<IpAddr> {
    // Connecting a UDP socket only picks a route; nothing is sent. 192.0.2.1 is TEST-NET-1.
    let socket = UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn without_a_token_only_loopback_clients_may_write() {
    let Some(ip) = non_loopback_address() else {
        eprintln!("note: no non-loopback address; skipping the remote-write check");
        return;
    };
    let (_dir, db) = temp_db();
    let server = Server::start_at("0.0.0.0:0", &db, &[], &[]);
    let port = server.base.rsplit(':').next().unwrap();
    let body = feature("x", "riot", "2019-05-19", 1.0, 2.0).to_string();
    let remote = post(
        &format!("http://{ip}:{port}/api/incidents"),
        "application/json",
        &body,
        None,
    );
    assert_eq!(remote.status, 403, "{}", remote.body);
    remote.error();
    let local = post(
        &format!("http://127.0.0.1:{port}/api/incidents"),
        "application/json",
        &body,
        None,
    );
    assert_eq!(local.status, 201);
    // Reads stay open to everyone.
    assert_eq!(
        get(&format!("http://{ip}:{port}/api/incidents")).status,
        200
    );
}
