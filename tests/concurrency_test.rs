//! Readers and writers in parallel against the real server: no errors, no hang (every request
//! has a deadline), and every read consistent with some committed state while only inserts
//! happen: counts never go down, listed ids are fetchable, near answers are sorted.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use common::load::{client, random_feature, try_get, try_post};
use common::{Server, temp_db};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SEED: u64 = 0x5eed_c0de;
const WRITERS: usize = 8;
const READERS: usize = 8;
/// How long the clients run.
const RUN_FOR: Duration = Duration::from_secs(5);
/// Features per listed page that are then fetched one by one.
const PAGE: usize = 20;

/// One reader's loop: list, fetch what was listed, ask near a random point; checks each answer.
fn read_until(server_base: String, seed: u64, stop: Arc<AtomicBool>) -> u64 {
    let agent = client();
    let mut rng = StdRng::seed_from_u64(seed);
    let url = |path: &str| format!("{server_base}{path}");
    let (mut last_count, mut reads) = (0, 0);
    while !stop.load(Ordering::Relaxed) {
        let (status, page) = try_get(&agent, &url(&format!("/api/incidents?limit={PAGE}")))
            .expect("a list answer in time");
        assert_eq!(status, 200, "{page}");
        let count = page["numberMatched"].as_u64().expect("numberMatched");
        assert!(
            count >= last_count,
            "numberMatched went from {last_count} down to {count}"
        );
        last_count = count;
        for f in page["features"].as_array().expect("features") {
            let id = f["id"].as_str().expect("id");
            let (status, _) =
                try_get(&agent, &url(&format!("/api/incidents/{id}"))).expect("a fetch in time");
            assert_eq!(status, 200, "listed id {id} is not fetchable");
        }
        let (lat, lon) = (
            rng.random_range(-90.0..90.0),
            rng.random_range(-180.0..180.0),
        );
        let (status, near) = try_get(
            &agent,
            &url(&format!("/api/incidents/near?lat={lat}&lon={lon}&limit=50")),
        )
        .expect("a near answer in time");
        assert_eq!(status, 200, "{near}");
        let distances: Vec<f64> = near["features"]
            .as_array()
            .expect("features")
            .iter()
            .map(|f| {
                f["properties"]["distance_km"]
                    .as_f64()
                    .expect("distance_km")
            })
            .collect();
        assert!(
            distances.windows(2).all(|w| w[0] <= w[1]),
            "near is not sorted: {distances:?}"
        );
        reads += 3 + page["features"].as_array().map_or(0, Vec::len) as u64;
    }
    reads
}

#[test]
fn parallel_readers_and_writers_see_consistent_states() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (url, stop, written) =
                (server.url("/api/incidents"), stop.clone(), written.clone());
            thread::spawn(move || {
                let agent = client();
                let mut rng = StdRng::seed_from_u64(SEED + w as u64);
                for seq in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let sent = random_feature(&mut rng, &format!("w{w}s{seq}"));
                    let (status, body) =
                        try_post(&agent, &url, &sent).expect("a write answer in time");
                    assert_eq!(status, 201, "{body}");
                    written.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    let readers: Vec<_> = (0..READERS)
        .map(|r| {
            let (base, stop) = (server.base.clone(), stop.clone());
            thread::spawn(move || read_until(base, SEED ^ r as u64, stop))
        })
        .collect();
    let started = Instant::now();
    thread::sleep(RUN_FOR);
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.join().expect("a writer finished without error");
    }
    let reads: u64 = readers
        .into_iter()
        .map(|r| r.join().expect("a reader finished without error"))
        .sum();
    let written = written.load(Ordering::Relaxed);
    let (_, all) = try_get(&client(), &server.url("/api/incidents?limit=1")).expect("an answer");
    assert_eq!(
        all["numberMatched"].as_u64(),
        Some(written),
        "a write is missing"
    );
    eprintln!(
        "concurrency: {written} writes and {reads} reads from {WRITERS}+{READERS} clients in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
