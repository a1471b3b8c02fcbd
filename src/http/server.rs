//! Binding the HTTP server: the state, the router and the listening socket.

use std::net::SocketAddr;

use actix_web::dev::Server;
use actix_web::{App, HttpServer, web};

use super::{AppState, router};

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// `HOST:PORT`; port 0 picks a free one (see the addresses [`bind`] returns).
    pub addr: String,
}

/// Binds the server to `config.addr`; returns it (not yet running) and the bound addresses.
pub fn bind(state: AppState, config: &ServerConfig) -> std::io::Result<(Server, Vec<SocketAddr>)> {
    let data = web::Data::new(state);
    let server = HttpServer::new(move || App::new().app_data(data.clone()).configure(router))
        .bind(&config.addr)?;
    let addrs = server.addrs();
    Ok((server.run(), addrs))
}
