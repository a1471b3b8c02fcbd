//! Layers and bulk data: the layer list, GeoJSON and CSV downloads (headers, filters,
//! streaming a large layer), and the `import` / `export` commands.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{Server, get, run, temp_db};
use serde_json::Value;

/// The fixture's incidents, one of each of five categories.
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/incidents.geojson");
const FIXTURE_COUNT: u64 = 5;
/// Enough incidents that a download spans many chunks.
const LARGE_LAYER: usize = 20_000;

fn import(file: &Path, db: &Path) {
    let out = run(&[
        "import",
        file.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn layer_count(layers: &Value, name: &str) -> u64 {
    layers
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == name)
        .unwrap_or_else(|| panic!("no layer {name}"))["count"]
        .as_u64()
        .unwrap()
}

#[test]
fn layers_list_and_download_as_geojson_and_csv() {
    let (_dir, db) = temp_db();
    import(Path::new(FIXTURE), &db);
    let server = Server::start(&db, &[]);

    let layers = get(&server.url("/api/layers")).json();
    assert_eq!(layer_count(&layers, "all"), FIXTURE_COUNT);
    assert_eq!(layer_count(&layers, "protest"), 2);
    assert_eq!(layer_count(&layers, "last-30-days"), 0);
    for l in layers.as_array().unwrap() {
        for key in ["name", "title", "count", "href"] {
            assert!(!l[key].is_null(), "{key} missing in {l}");
        }
    }

    let r = get(&server.url("/api/layers/all.geojson"));
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").starts_with("application/geo+json"));
    assert!(r.header("content-disposition").starts_with("attachment"));
    assert!(r.header("content-disposition").contains("filename="));
    let all = r.json();
    assert_eq!(all["type"], "FeatureCollection");
    assert_eq!(
        all["features"].as_array().unwrap().len() as u64,
        FIXTURE_COUNT
    );

    let r = get(&server.url("/api/layers/protest.csv?bbox=-180,-90,0,90"));
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").starts_with("text/csv"));
    assert!(r.header("content-disposition").contains(".csv"));
    let mut lines = r.body.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    for column in ["id", "lon", "lat", "wkt", "category", "occurred_on"] {
        assert!(header.contains(&column), "{column} missing from {header:?}");
    }
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 1, "only Apia is a protest west of Greenwich");
    assert!(rows[0].contains("POINT(-171.77 -13.83)"));

    let filtered = get(&server.url("/api/layers/all.geojson?datetime=2021-01-01/..")).json();
    assert_eq!(filtered["features"].as_array().unwrap().len(), 3);
}

#[test]
fn export_then_import_round_trips() {
    let (dir, db) = temp_db();
    import(Path::new(FIXTURE), &db);
    for (format, file) in [("geojson", "out.geojson"), ("csv", "out.csv")] {
        let out = run(&["export", "--format", format, "--db", db.to_str().unwrap()]);
        assert!(out.status.success());
        let path = dir.path().join(file);
        std::fs::write(&path, &out.stdout).unwrap();
        let copy = dir.path().join(format!("copy-{format}.db"));
        import(&path, &copy);
        let again = run(&["export", "--format", format, "--db", copy.to_str().unwrap()]);
        assert_eq!(
            String::from_utf8(again.stdout).unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            "{format} export of the re-imported copy differs"
        );
    }
    // Ids are kept, so importing the same file twice is refused rather than duplicated.
    let out = run(&["import", FIXTURE, "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
}

#[test]
fn a_large_layer_streams_in_chunks() {
    let (dir, db) = temp_db();
    let mut csv = String::from("title,category,occurred_on,lon,lat\n");
    for i in 0..LARGE_LAYER {
        let lon = (i % 360) as f64 - 179.5;
        let lat = (i % 170) as f64 - 84.5;
        writeln!(
            csv,
            "Incident {i},clash,2020-01-{:02},{lon},{lat}",
            i % 28 + 1
        )
        .unwrap();
    }
    let file = dir.path().join("large.csv");
    std::fs::write(&file, csv).unwrap();
    import(&file, &db);
    let server = Server::start(&db, &[]);

    let r = get(&server.url("/api/layers/clash.geojson"));
    assert_eq!(r.status, 200);
    assert_eq!(r.header("transfer-encoding"), "chunked");
    assert_eq!(r.json()["features"].as_array().unwrap().len(), LARGE_LAYER);
    let r = get(&server.url("/api/layers/all.csv"));
    assert_eq!(r.body.lines().count(), LARGE_LAYER + 1);
    let page = get(&server.url("/api/incidents?limit=10000")).json();
    assert_eq!(page["numberMatched"], LARGE_LAYER as u64);
    assert_eq!(page["numberReturned"], 10_000);
}
