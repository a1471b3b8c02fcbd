//! Binding the HTTP server: the state, the router, body limits, JSON errors everywhere, the
//! browser protections of [`super::security`], and the listening socket.
//!
//! Shutdown: on SIGTERM the server stops accepting, lets requests in flight finish (up to
//! [`SHUTDOWN_TIMEOUT`]) and then resolves the server future, after which `main` closes the
//! store; SIGINT and SIGQUIT stop it at once. [`super::shutdown`] says why we listen to the
//! signals ourselves.

use std::net::SocketAddr;
use std::time::Duration;

use actix_web::body::{BoxBody, EitherBody};
use actix_web::dev::{Server, ServiceResponse};
use actix_web::http::header::CONTENT_TYPE;
use actix_web::middleware::{Condition, ErrorHandlerResponse, ErrorHandlers};
use actix_web::{App, HttpServer, web};

use super::error::json_error;
use super::security::SecurityConfig;
use super::shutdown::{Gate, Signals, on_signal};
use super::{AppState, router};

/// How long a graceful shutdown waits for requests in flight (e.g. a large download).
pub const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(30);

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// `HOST:PORT`; port 0 picks a free one (see the addresses [`bind`] returns).
    pub addr: String,
    /// CORS, security headers and the Content-Security-Policy.
    pub security: SecurityConfig,
}

/// Replaces any error answer that is not JSON already (actix's own 404/405/413 bodies are
/// plain text) with `{"error": "..."}` and the same status.
fn json_error_body<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_json = res
        .response()
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    if is_json {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let message = format!(
        "the request failed: {}",
        status.canonical_reason().unwrap_or("error")
    );
    let (req, _) = res.into_parts();
    let reply: ServiceResponse<EitherBody<B, BoxBody>> =
        ServiceResponse::new(req, json_error(status, &message)).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(reply))
}

/// Binds the server to `config.addr` and listens for the stop signals; returns the server (not
/// yet running) and the bound addresses. Call inside the actix `System`.
pub fn bind(state: AppState, config: &ServerConfig) -> std::io::Result<(Server, Vec<SocketAddr>)> {
    let signals = Signals::listen()?;
    let gate = Gate::default();
    let worker_gate = gate.clone();
    let max_body = state.max_body;
    let data = web::Data::new(state);
    let security = config.security.clone();
    let server = HttpServer::new(move || {
        App::new()
            .wrap(ErrorHandlers::new().default_handler(json_error_body))
            .wrap(security.headers())
            .wrap(Condition::new(security.cors_enabled(), security.cors()))
            .app_data(data.clone())
            .app_data(web::PayloadConfig::new(max_body))
            .app_data(web::JsonConfig::default().limit(max_body))
            .configure(router)
            .wrap(worker_gate.clone())
    })
    .shutdown_timeout(SHUTDOWN_TIMEOUT.as_secs())
    .disable_signals()
    .bind(&config.addr)?;
    let addrs = server.addrs();
    let server = server.run();
    actix_web::rt::spawn(on_signal(signals, gate, server.handle()));
    Ok((server, addrs))
}
