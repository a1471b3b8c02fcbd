//! Stopping the server on a signal without cutting off the requests in flight: the signals we
//! listen to, and the [`Gate`] every worker takes new connections through.
//!
//! Why we listen to the signals ourselves instead of leaving them to actix: actix-server 2.6 (the
//! last release for our `rust-version`) stops its accept thread first and only then sends each
//! worker its stop command. A worker that runs in between sees its connection channel close,
//! takes that for the end of the server and drops its runtime with every connection on it, so a
//! download in flight ends in an early EOF instead of finishing (it happened in about one
//! SIGTERM in five on the PostGIS back end). A worker whose service is not ready never reads
//! that channel, so [`on_signal`] closes the gate before it asks the server to stop: the worker
//! then waits for its stop command and finishes its connections.

use std::future::{Future, Ready, ready};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};

/// Whether workers still take new connections; closed once, when a stop signal arrives.
///
/// As middleware (`App::wrap`) it reports the app not ready once closed. Connections already
/// open are served on (actix asks for readiness only before it hands a worker a new connection).
#[derive(Debug, Clone, Default)]
pub struct Gate {
    closed: Arc<AtomicBool>,
}

impl Gate {
    /// Stops every worker from taking new connections.
    fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
    }

    fn is_closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }
}

impl<S, B> Transform<S, ServiceRequest> for Gate
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Transform = GatedService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(GatedService {
            gate: self.clone(),
            service,
        }))
    }
}

/// The app behind a [`Gate`].
#[derive(Debug)]
pub struct GatedService<S> {
    gate: Gate,
    service: S,
}

impl<S, B> Service<ServiceRequest> for GatedService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Future = S::Future;

    /// Pending for good once the gate is closed. No waker is kept: the stop command that
    /// [`on_signal`] sends right after closing the gate wakes the worker.
    fn poll_ready(&self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        if self.gate.is_closed() {
            return Poll::Pending;
        }
        self.service.poll_ready(cx)
    }

    fn call(&self, req: ServiceRequest) -> Self::Future {
        self.service.call(req)
    }
}

/// How a signal stops the server; the same choices actix-server makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// Finish the requests in flight (up to the shutdown timeout), then stop.
    Graceful,
    /// Drop the connections at once.
    Forced,
}

/// The stop signals, registered when made, so none arrives unheard once the server listens.
#[derive(Debug)]
pub struct Signals {
    #[cfg(unix)]
    listeners: Vec<(actix_web::rt::signal::unix::Signal, Stop)>,
}

impl Signals {
    /// SIGTERM stops gracefully; SIGINT and SIGQUIT (Ctrl-C elsewhere) force the stop.
    ///
    /// # Errors
    /// When a signal handler cannot be installed. Call inside the actix `System`.
    pub fn listen() -> std::io::Result<Signals> {
        #[cfg(unix)]
        {
            use actix_web::rt::signal::unix::{SignalKind, signal};
            let kinds = [
                (SignalKind::terminate(), Stop::Graceful),
                (SignalKind::interrupt(), Stop::Forced),
                (SignalKind::quit(), Stop::Forced),
            ];
            let listeners = kinds
                .into_iter()
                .map(|(kind, stop)| Ok((signal(kind)?, stop)))
                .collect::<std::io::Result<_>>()?;
            Ok(Signals { listeners })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    /// The next stop signal.
    fn next(mut self) -> impl Future<Output = Stop> {
        #[cfg(unix)]
        let next = std::future::poll_fn(move |cx| {
            for (listener, stop) in &mut self.listeners {
                if listener.poll_recv(cx).is_ready() {
                    return Poll::Ready(*stop);
                }
            }
            Poll::Pending
        });
        #[cfg(not(unix))]
        let next = async {
            let _ = actix_web::rt::signal::ctrl_c().await;
            Stop::Forced
        };
        next
    }
}

/// Waits for a stop signal, closes `gate`, then stops `server` (see the module docs for why in
/// that order).
pub async fn on_signal(signals: Signals, gate: Gate, server: actix_web::dev::ServerHandle) {
    let stop = signals.next().await;
    tracing::info!("stop signal received; stopping {stop:?}");
    gate.close();
    server.stop(stop == Stop::Graceful).await;
}

#[cfg(test)]
mod tests {
    use actix_web::test::ok_service;

    use super::*;

    fn readiness(gate: &Gate) -> Poll<Result<(), actix_web::Error>> {
        let service = futures_util::FutureExt::now_or_never(gate.new_transform(ok_service()))
            .expect("ready at once")
            .expect("no init error");
        service.poll_ready(&mut Context::from_waker(std::task::Waker::noop()))
    }

    #[test]
    fn an_open_gate_passes_the_readiness_of_the_app() {
        assert!(matches!(readiness(&Gate::default()), Poll::Ready(Ok(()))));
    }

    #[test]
    fn a_closed_gate_keeps_the_worker_from_taking_connections() {
        let gate = Gate::default();
        gate.clone().close();
        assert!(readiness(&gate).is_pending());
    }
}
