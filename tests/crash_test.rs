//! Crash safety: concurrent writers, the server killed with SIGKILL at seeded random moments
//! and restarted on the same database, again and again. Every write that got a 201 must be
//! there afterwards, intact; the R-tree must agree with the table; ids must be unique; and
//! SQLite's own integrity check must pass on the file.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use common::load::{client, random_feature, same_incident, try_get, try_post};
use common::{Server, haversine_km, temp_db};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::Value;

/// Seed of the kill moments and the generated incidents.
const SEED: u64 = 0x0c0f_fee8;
/// How many times the server is killed.
const KILLS: usize = 20;
/// Concurrent writing clients.
const WRITERS: usize = 4;
/// Bounds of how long the server runs before each kill, milliseconds.
const RUN_MS: std::ops::Range<u64> = 50..600;
/// Near-point queries compared with brute force.
const NEAR_SAMPLES: usize = 25;
/// Radius of those queries, km.
const NEAR_RADIUS_KM: f64 = 2000.0;
/// Page size used to read the whole table back.
const PAGE: usize = 10_000;
/// The whole run must finish within this (debug build).
const BUDGET: Duration = Duration::from_secs(60);

/// The acknowledged writes: id -> the Feature that was sent.
type Acked = HashMap<String, Value>;

/// Writes from `WRITERS` threads until the server dies or `stop` is set; returns the 201s.
fn write_until_killed(
    server: &Server,
    round: usize,
    stop: &Arc<AtomicBool>,
) -> Vec<thread::JoinHandle<Acked>> {
    (0..WRITERS)
        .map(|w| {
            let (url, stop) = (server.url("/api/incidents"), stop.clone());
            thread::spawn(move || {
                let agent = client();
                let mut rng = StdRng::seed_from_u64(SEED ^ ((round * WRITERS + w) as u64));
                let mut acked = Acked::new();
                for seq in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let sent = random_feature(&mut rng, &format!("r{round}w{w}s{seq}"));
                    match try_post(&agent, &url, &sent) {
                        Some((201, stored)) => {
                            let id = stored["id"].as_str().expect("an id").to_owned();
                            assert!(acked.insert(id, sent).is_none(), "an id was given twice");
                        }
                        Some((status, body)) => panic!("a write got {status}: {body}"),
                        None => break,
                    }
                }
                acked
            })
        })
        .collect()
}

/// Every stored Feature, read page by page through the SQL path.
fn all_features(server: &Server) -> Vec<Value> {
    let agent = client();
    let mut out = Vec::new();
    loop {
        let url = server.url(&format!("/api/incidents?limit={PAGE}&offset={}", out.len()));
        let (status, page) = try_get(&agent, &url).expect("the server answers");
        assert_eq!(status, 200);
        let features = page["features"].as_array().expect("features").clone();
        let done = features.len() < PAGE;
        out.extend(features);
        if done {
            return out;
        }
    }
}

fn lon_lat(feature: &Value) -> (f64, f64) {
    let c = &feature["geometry"]["coordinates"];
    (c[0].as_f64().expect("lon"), c[1].as_f64().expect("lat"))
}

/// The acknowledged set is intact, ids are unique, and the R-tree agrees with the table.
fn check(server: &Server, acked: &Acked, rng: &mut StdRng) {
    let agent = client();
    for (id, sent) in acked {
        let (status, stored) = try_get(&agent, &server.url(&format!("/api/incidents/{id}")))
            .expect("the server answers");
        assert_eq!(status, 200, "acknowledged incident {id} was lost");
        assert!(
            same_incident(sent, &stored),
            "{id} changed: sent {sent}, stored {stored}"
        );
    }
    let all = all_features(server);
    let ids: HashSet<&str> = all.iter().map(|f| f["id"].as_str().expect("id")).collect();
    assert_eq!(ids.len(), all.len(), "duplicate ids in the table");
    let (_, everything) = try_get(&agent, &server.url("/api/incidents?limit=1")).unwrap();
    let (_, boxed) = try_get(
        &agent,
        &server.url("/api/incidents?limit=1&bbox=-180,-90,180,90"),
    )
    .unwrap();
    assert_eq!(everything["numberMatched"].as_u64(), Some(all.len() as u64));
    assert_eq!(
        boxed["numberMatched"], everything["numberMatched"],
        "R-tree and table disagree"
    );
    let acked_points: Vec<(f64, f64)> = acked.values().map(lon_lat).collect();
    for _ in 0..NEAR_SAMPLES {
        let (lon, lat) = acked_points[rng.random_range(0..acked_points.len())];
        let url = server.url(&format!(
            "/api/incidents/near?lat={lat}&lon={lon}&radius_km={NEAR_RADIUS_KM}&limit={PAGE}"
        ));
        let (_, near) = try_get(&agent, &url).expect("the server answers");
        let found = near["features"].as_array().expect("features");
        let within = |&(x, y): &(f64, f64)| haversine_km(lat, lon, y, x) <= NEAR_RADIUS_KM - 1e-6;
        let brute_all = all.iter().map(lon_lat).filter(within).count();
        let brute_acked = acked_points.iter().filter(|p| within(p)).count();
        assert!(
            found.len() >= brute_all.min(PAGE),
            "near found {} of {brute_all}",
            found.len()
        );
        assert!(
            found.len() >= brute_acked,
            "near misses acknowledged incidents"
        );
    }
}

#[test]
fn acknowledged_writes_survive_repeated_sigkill() {
    let started = Instant::now();
    let (_dir, db) = temp_db();
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut acked = Acked::new();
    for round in 0..KILLS {
        let mut server = Server::start(&db, &[]);
        let stop = Arc::new(AtomicBool::new(false));
        let writers = write_until_killed(&server, round, &stop);
        thread::sleep(Duration::from_millis(rng.random_range(RUN_MS)));
        server.kill_now();
        stop.store(true, Ordering::Relaxed);
        for w in writers {
            for (id, sent) in w.join().expect("a writer thread") {
                assert!(
                    acked.insert(id, sent).is_none(),
                    "an id was acknowledged twice"
                );
            }
        }
    }
    let mut server = Server::start(&db, &[]);
    assert!(!acked.is_empty(), "no write was acknowledged");
    check(&server, &acked, &mut rng);
    server.kill_now();
    if common::pg::is_sqlite_file(&db) {
        let conn = rusqlite::Connection::open(&db).expect("the database opens");
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check runs");
        assert_eq!(integrity, "ok");
    }
    eprintln!(
        "crash: {} writes acknowledged, {KILLS} kills survived, in {:.1} s",
        acked.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(started.elapsed() < BUDGET, "the crash test took too long");
}
