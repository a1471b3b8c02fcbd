//! Chunked download bodies: a blocking thread walks the store and writes the layer into a
//! bounded channel of chunks, which actix sends as they come. Memory stays at a few chunks
//! whatever the layer size, and a client that hangs up stops the walk.

use std::io::{self, Write};
use std::sync::Arc;

use actix_web::web::Bytes;
use futures_util::Stream;
use tokio::sync::mpsc;

use crate::export::{Format, write_selection};
use crate::store::{Filter, IncidentStore};

/// Bytes gathered before a chunk is sent.
const CHUNK_BYTES: usize = 64 * 1024;
/// Chunks that may wait in the channel before the writer blocks.
const CHANNEL_CHUNKS: usize = 4;

type Chunk = Result<Bytes, io::Error>;

/// An `io::Write` that sends full chunks down the channel.
struct ChunkSender {
    tx: mpsc::Sender<Chunk>,
    buffer: Vec<u8>,
}

impl ChunkSender {
    fn send_buffer(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK_BYTES),
        ));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for ChunkSender {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(data);
        if self.buffer.len() >= CHUNK_BYTES {
            self.send_buffer()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send_buffer()
    }
}

/// The selection in `format` as a stream of chunks. A failure mid-way ends the stream with an
/// error, so the client sees a truncated (not a silently short) download.
pub fn layer_body(
    store: Arc<dyn IncidentStore>,
    filter: Filter,
    format: Format,
) -> impl Stream<Item = Chunk> {
    let (tx, rx) = mpsc::channel::<Chunk>(CHANNEL_CHUNKS);
    actix_web::rt::task::spawn_blocking(move || {
        let errors = tx.clone();
        let sink = ChunkSender {
            tx,
            buffer: Vec::with_capacity(CHUNK_BYTES),
        };
        if let Err(e) = write_selection(store.as_ref(), &filter, format, sink) {
            tracing::warn!("layer download stopped: {e}");
            // The receiver may be gone already; then there is no one to tell.
            let _ = errors.blocking_send(Err(io::Error::other(e.to_string())));
        }
    });
    futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    })
}
