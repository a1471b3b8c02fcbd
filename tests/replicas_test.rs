//! Two replicas of the service, on different ports, sharing one PostGIS database: a write through
//! one is visible through the other at once, by id, in lists, in bbox (also across the
//! antimeridian) and near-point queries; concurrent writes through both all land. Runs only with
//! `INCIDENT_ATLAS_TEST_PG` set; in CI (`CI` set) a missing server fails the test.

mod common;

use std::path::Path;
use std::thread;

use common::pg::{TestDatabase, required_server_url};
use common::{Server, create, delete, feature, get, ids};
use serde_json::Value;

/// Incidents each replica writes in the concurrent phase.
const WRITES_PER_REPLICA: usize = 25;

fn json(server: &Server, path: &str) -> Value {
    let r = get(&server.url(path));
    assert_eq!(r.status, 200, "{path}: {}", r.body);
    r.json()
}

fn start_pair() -> Option<(TestDatabase, Server, Server)> {
    let base = required_server_url("replicas_test")?;
    let database = TestDatabase::create(&base);
    let url = database.url();
    let a = Server::start(Path::new(&url), &[]);
    let b = Server::start(Path::new(&url), &[]);
    assert_ne!(a.base, b.base, "the replicas listen on different ports");
    Some((database, a, b))
}

#[test]
fn a_write_through_one_replica_is_read_through_the_other() {
    let Some((_database, a, b)) = start_pair() else {
        return;
    };
    let suva = create(&a, &feature("Suva", "attack", "2020-03-01", 178.44, -18.14));
    let apia = create(
        &b,
        &feature("Apia", "protest", "2021-07-10", -171.77, -13.83),
    );

    for (server, other_id) in [(&a, &apia), (&b, &suva)] {
        let r = get(&server.url(&format!("/api/incidents/{other_id}")));
        assert_eq!(r.status, 200, "{}", r.body);
        let all = json(server, "/api/incidents");
        assert_eq!(ids(&all), vec![apia.clone(), suva.clone()]);
        assert_eq!(all["numberMatched"], 2);
        // The Pacific box crosses the antimeridian: both sides must be found.
        let pacific = json(server, "/api/incidents?bbox=170,-25,-165,-10");
        assert_eq!(ids(&pacific), vec![apia.clone(), suva.clone()]);
        let east = json(server, "/api/incidents?bbox=170,-25,180,-10");
        assert_eq!(ids(&east), vec![suva.clone()]);
        let near = json(server, "/api/incidents/near?lat=-16&lon=179.9&limit=2");
        assert_eq!(ids(&near), vec![suva.clone(), apia.clone()]);
        let within = json(server, "/api/incidents/near?lat=-18&lon=178.5&radius_km=50");
        assert_eq!(ids(&within), vec![suva.clone()]);
    }

    assert_eq!(
        delete(&b.url(&format!("/api/incidents/{suva}")), None).status,
        204
    );
    assert_eq!(get(&a.url(&format!("/api/incidents/{suva}"))).status, 404);
    let near = json(&a, "/api/incidents/near?lat=-16&lon=179.9&limit=2");
    assert_eq!(ids(&near), vec![apia.clone()]);
    assert_eq!(
        json(&a, "/api/incidents?bbox=170,-25,-165,-10")["numberMatched"],
        1
    );
}

#[test]
fn concurrent_writes_through_both_replicas_all_land() {
    let Some((_database, a, b)) = start_pair() else {
        return;
    };
    let written: Vec<String> = thread::scope(|s| {
        let writers: Vec<_> = [(&a, 10.0), (&b, 20.0)]
            .into_iter()
            .map(|(server, lon)| {
                s.spawn(move || {
                    (0..WRITES_PER_REPLICA)
                        .map(|i| {
                            let lat = i as f64 * 0.1;
                            create(server, &feature("x", "clash", "2022-02-02", lon, lat))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        writers
            .into_iter()
            .flat_map(|w| w.join().expect("a writer thread"))
            .collect()
    });
    let total = 2 * WRITES_PER_REPLICA;
    assert_eq!(written.len(), total);
    for server in [&a, &b] {
        let all = json(server, "/api/incidents?limit=1000");
        assert_eq!(all["numberMatched"], total);
        let west = json(server, "/api/incidents?bbox=9,-1,11,5&limit=1000");
        assert_eq!(west["numberMatched"], WRITES_PER_REPLICA);
        let near = json(
            server,
            "/api/incidents/near?lat=0&lon=20&radius_km=1&limit=5",
        );
        assert_eq!(near["features"].as_array().unwrap().len(), 1);
    }
}
