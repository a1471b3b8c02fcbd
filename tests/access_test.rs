//! Browser protections and write access against the real server: security headers on every
//! answer (JSON, HTML, errors), the page's Content-Security-Policy with the tile host, CORS off
//! by default and granted only to configured origins, and bearer-token checks on DELETE.

mod common;

use common::{Server, delete, feature, get, get_accepting, run, temp_db};

const TOKEN: &str = "reliability-token";
const ALLOWED: &str = "http://allowed.test:3000";

fn with_origin(url: &str, method: &str, origin: &str) -> common::Reply {
    let agent = common::load::client();
    let request = match method {
        "OPTIONS" => agent
            .options(url)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "content-type, authorization",
            ),
        _ => agent.get(url),
    };
    let mut response = request.header("Origin", origin).call().expect("an answer");
    common::Reply {
        status: response.status().as_u16(),
        headers: response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect(),
        body: response.body_mut().read_to_string().unwrap_or_default(),
    }
}

#[test]
fn every_answer_carries_the_security_headers() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &["--tiles", "https://{s}.tiles.test/{z}/{x}/{y}.png"]);
    for r in [
        get(&server.url("/healthz")),
        get(&server.url("/api/incidents")),
        get(&server.url("/no/such/route")),
        get(&server.url("/api/incidents?bbox=1,2,3")),
        get_accepting(&server.url("/"), "text/html"),
    ] {
        assert_eq!(r.header("x-content-type-options"), "nosniff");
        assert_eq!(r.header("x-frame-options"), "DENY");
        assert_eq!(
            r.header("referrer-policy"),
            "strict-origin-when-cross-origin"
        );
        let csp = r.header("content-security-policy");
        assert!(csp.contains("script-src 'self';"), "{csp}");
        assert!(csp.contains("style-src 'self';"), "{csp}");
        assert!(
            csp.contains("img-src 'self' data: https://*.tiles.test;"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    }
}

#[test]
fn cors_is_off_unless_an_origin_is_configured() {
    let (_dir, db) = temp_db();
    let closed = Server::start(&db, &[]);
    let r = with_origin(&closed.url("/api/incidents"), "GET", ALLOWED);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), "");
    drop(closed);

    let open = Server::start(
        &db,
        &["--cors-origin", ALLOWED, "--cors-origin", "https://b.test"],
    );
    let url = open.url("/api/incidents");
    let r = with_origin(&url, "GET", ALLOWED);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), ALLOWED);
    let preflight = with_origin(&url, "OPTIONS", ALLOWED);
    assert_eq!(preflight.status, 200, "{}", preflight.body);
    assert_eq!(preflight.header("access-control-allow-origin"), ALLOWED);
    let methods = preflight.header("access-control-allow-methods");
    assert!(
        methods.contains("POST") && methods.contains("DELETE"),
        "{methods}"
    );
    let stranger = with_origin(&url, "GET", "http://evil.test");
    assert_eq!(stranger.header("access-control-allow-origin"), "");
}

#[test]
fn a_malformed_cors_origin_or_tile_url_is_a_usage_error() {
    let (_dir, db) = temp_db();
    let db = db.to_str().unwrap();
    for bad in [
        ["--cors-origin", "allowed.test"],
        ["--cors-origin", "https://a.test/path"],
        ["--tiles", "ftp://tiles.test/{z}/{x}/{y}.png"],
    ] {
        let out = run(&[&["serve", "--addr", "127.0.0.1:0", "--db", db], &bad[..]].concat());
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("must"),
            "{bad:?}"
        );
    }
}

#[test]
fn deletes_need_the_token_and_leave_the_incident_otherwise() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &["--token", TOKEN]);
    let body = feature("x", "riot", "2019-05-19", 1.0, 2.0).to_string();
    let created = common::post(
        &server.url("/api/incidents"),
        "application/json",
        &body,
        Some(TOKEN),
    );
    assert_eq!(created.status, 201);
    let one = server.url(&format!(
        "/api/incidents/{}",
        created.json()["id"].as_str().unwrap()
    ));
    for token in [
        None,
        Some("wrong"),
        Some(""),
        Some("reliability-toke"),
        Some("reliability-token-"),
    ] {
        let r = delete(&one, token);
        assert_eq!(r.status, 401, "{token:?}");
        assert_eq!(r.header("www-authenticate"), "Bearer");
        r.error();
    }
    assert_eq!(get(&one).status, 200);
    assert_eq!(delete(&one, Some(TOKEN)).status, 204);
    assert_eq!(get(&one).status, 404);
}
