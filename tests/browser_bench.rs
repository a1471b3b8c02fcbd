//! The page with 50,000 incidents: time from navigation to every cluster drawn, and to redraw
//! after a category filter. Ignored by default (it imports 50,000 incidents); run with
//! `cargo test --release --test browser_bench -- --ignored --nocapture`.

mod common;
#[path = "common/webdriver.rs"]
mod webdriver;

use std::time::{Duration, Instant};

use common::{Server, run, temp_db};
use serde_json::{Value, json};
use webdriver::Browser;

/// How many incidents the page must stay smooth with.
const INCIDENTS: usize = 50_000;
/// Seed of the generator, so the figure can be reproduced.
const SEED: u64 = 0x1AC1_DE17;
/// Dates span ten years from this one.
const FIRST_YEAR: u64 = 2015;
const YEARS: u64 = 10;
/// The first render may take this long before the test fails (the target is 2 s).
const LIMIT: Duration = Duration::from_secs(20);
/// A fixed CPU-bound script whose time says how loaded the machine is.
const BASELINE: &str = "const t = performance.now(); \
    const a = new Float64Array(1000000).map(Math.random); a.sort(); \
    return performance.now() - t;";
const CATEGORIES: [&str; 7] = [
    "attack", "bombing", "riot", "clash", "protest", "arrest", "other",
];

/// A small deterministic generator (SplitMix64), enough to scatter points.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[lo, hi)`.
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `n` incidents scattered over the inhabited latitudes, as a FeatureCollection.
fn generated(n: usize) -> Value {
    let mut rng = SplitMix(SEED);
    let features: Vec<Value> = (0..n)
        .map(|i| {
            let category = CATEGORIES[(rng.next() % CATEGORIES.len() as u64) as usize];
            let year = FIRST_YEAR + rng.next() % YEARS;
            let (month, day) = (1 + rng.next() % 12, 1 + rng.next() % 28);
            json!({"type": "Feature", "id": format!("gen-{i}"),
                   "geometry": {"type": "Point",
                                "coordinates": [rng.between(-170.0, 170.0), rng.between(-50.0, 65.0)]},
                   "properties": {"title": format!("Generated incident {i}"), "category": category,
                                  "occurred_on": format!("{year}-{month:02}-{day:02}"),
                                  "fatalities": rng.next() % 20, "location_text": "generated",
                                  "precision": "exact", "uncertainty_km": 1.0}})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

#[tokio::test]
#[ignore = "imports 50,000 incidents; run with --ignored --nocapture"]
async fn fifty_thousand_incidents_render_within_target() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let (dir, db) = temp_db();
    let file = dir.path().join("generated.geojson");
    std::fs::write(&file, generated(INCIDENTS).to_string()).expect("write the generated file");
    let out = run(&[
        "import",
        file.to_str().expect("a UTF-8 path"),
        "--db",
        db.to_str().expect("a UTF-8 path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{}", String::from_utf8_lossy(&out.stderr).trim());
    let server = Server::start(&db, &[]);
    let listed = common::get(&server.url("/api/incidents?limit=1"));
    eprintln!("numberMatched {}", listed.json()["numberMatched"]);

    // How fast this browser is right now (the machine may be shared): sort a million numbers.
    let baseline_ms = browser.eval(BASELINE).await.as_f64().expect("a number");
    println!("baseline: sorting 1,000,000 numbers took {baseline_ms:.0} ms");

    let started = Instant::now();
    browser.open(&server.url("/")).await;
    let wall = started.elapsed();
    assert_eq!(browser.count().await, INCIDENTS);
    let render_ms = browser
        .eval("return Number(document.body.dataset.renderMs);")
        .await;
    let render_ms = render_ms.as_f64().expect("a number");
    let mark = |name: &'static str| {
        let script = format!("return performance.getEntriesByName('{name}')[0].startTime;");
        let browser = &browser;
        async move { browser.eval(&script).await.as_f64().expect("a mark") }
    };
    let (fetched_ms, markers_ms) = (mark("atlas-fetched").await, mark("atlas-markers").await);
    println!(
        "first render of {INCIDENTS} incidents: {render_ms:.0} ms after navigation start \
         (data loaded and parsed at {fetched_ms:.0} ms, markers made at {markers_ms:.0} ms; \
         wall {} ms)",
        wall.as_millis()
    );

    let filtered = Instant::now();
    browser.click("#cat-riot").await;
    browser.wait_rendered().await;
    println!(
        "redraw after a category filter: {} ms",
        filtered.elapsed().as_millis()
    );
    assert!(browser.count().await < INCIDENTS);
    assert!(
        Duration::from_secs_f64(render_ms / 1000.0) < LIMIT,
        "first render took {render_ms} ms"
    );
    browser.close().await;
}
