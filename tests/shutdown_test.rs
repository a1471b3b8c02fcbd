//! Graceful shutdown: SIGTERM during a large streamed download lets it finish, the process
//! exits 0 without a panic, the WAL is checkpointed away and the database reopens cleanly.

mod common;

use std::io::Read;
use std::time::Duration;

use common::load::client;
use common::{Server, run, temp_db};
use serde_json::{Value, json};

/// Incidents in the database: enough that the download outlasts the socket buffers.
const INCIDENTS: usize = 40_000;
/// Bytes read before the server is told to stop.
const FIRST_READ: usize = 64 * 1024;
/// How long the client dawdles after SIGTERM before reading on.
const DAWDLE: Duration = Duration::from_millis(500);
/// How long the server may take to exit once the download is done.
const EXIT_WITHIN: Duration = Duration::from_secs(20);

/// A FeatureCollection of `n` incidents along the equator.
fn collection(n: usize) -> Value {
    let features: Vec<Value> = (0..n)
        .map(|i| {
            json!({"type": "Feature", "id": format!("i{i}"),
                "geometry": {"type": "Point", "coordinates": [(i % 360) as f64 - 179.5, 0.5]},
                "properties": {"title": format!("incident {i}"), "category": "riot",
                    "occurred_on": "2020-01-01", "fatalities": 1}})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

#[test]
fn sigterm_lets_a_download_finish_and_closes_the_database() {
    let (dir, db) = temp_db();
    let file = dir.path().join("many.geojson");
    std::fs::write(&file, collection(INCIDENTS).to_string()).unwrap();
    let db_arg = db.to_str().unwrap();
    let imported = run(&["import", file.to_str().unwrap(), "--db", db_arg]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );

    let log = dir.path().join("server.log");
    let mut server = Server::start_logged(&db, &log);
    let response = client()
        .get(&server.url("/api/layers/all.geojson"))
        .call()
        .expect("the download starts");
    assert_eq!(response.status().as_u16(), 200);
    let mut reader = response
        .into_body()
        .into_with_config()
        .limit(u64::MAX)
        .reader();
    let mut body = vec![0; FIRST_READ];
    reader
        .read_exact(&mut body)
        .expect("the first bytes arrive");

    server.signal("TERM");
    std::thread::sleep(DAWDLE);
    reader
        .read_to_end(&mut body)
        .expect("the download completes after SIGTERM");
    let layer: Value = serde_json::from_slice(&body).expect("a complete GeoJSON document");
    assert_eq!(layer["features"].as_array().map(Vec::len), Some(INCIDENTS));

    let status = server
        .wait_exit(EXIT_WITHIN)
        .expect("the server exits after SIGTERM");
    assert!(status.success(), "exit status {status}");
    // Regression: on PostGIS, closing the pool's connections on an actix worker panicked
    // ("Cannot start a runtime from within a runtime") without changing the exit status.
    let said = std::fs::read_to_string(&log).expect("the server's log");
    assert!(!said.contains("panicked"), "the server panicked:\n{said}");
    if !common::pg::is_sqlite_file(&db) {
        // PostgreSQL owns durability; the complete download above is the check.
        return;
    }
    let wal = dir.path().join("x.db-wal");
    let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal_len, 0, "the WAL was not checkpointed at shutdown");
    let conn = rusqlite::Connection::open(&db).expect("the database reopens");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let n: usize = conn
        .query_row("SELECT COUNT(*) FROM incidents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, INCIDENTS);
}
