//! End-to-end tests of the map page in headless Chromium against the real server: markers and
//! counts, category filters kept in the URL, near-point lists, article extraction, downloads and
//! text-only rendering of incident fields. See `common/webdriver.rs` for the browser set-up;
//! the 50,000-incident figure is in `browser_bench.rs`.

mod common;
#[path = "common/webdriver.rs"]
mod webdriver;

use common::{Server, get, post_json, temp_db};
use serde_json::{Value, json};
use webdriver::{Browser, WAIT};

/// Where the seed article's incidents are, as `#view=lat,lon,zoom`.
const TAJIKISTAN_VIEW: &str = "#view=38.3,69.0,7";
/// Waits until an incident's popup is open and opaque: Leaflet fades popups in, and until the
/// fade ends WebDriver reads their text as empty (an element at opacity 0 is not shown).
async fn wait_popup(browser: &Browser) {
    browser
        .wait_until(
            "const popup = document.querySelector('.leaflet-popup');
             return popup !== null && document.querySelector('.popup h3') !== null
                 && getComputedStyle(popup).opacity === '1';",
            "the popup, opaque",
            WAIT,
        )
        .await;
}

/// A Feature with the properties the page shows.
fn incident(title: &str, category: &str, date: &str, lon: f64, lat: f64, extra: Value) -> Value {
    let mut f = json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"title": title, "category": category, "occurred_on": date,
                       "fatalities": 1, "location_text": title}
    });
    let props = f["properties"].as_object_mut().expect("properties");
    for (k, v) in extra.as_object().expect("an object of extra properties") {
        props.insert(k.clone(), v.clone());
    }
    f
}

/// Stores the seed article's three incidents: two riots and one attack.
fn seed_article_incidents(server: &Server) {
    let source = "https://news.example/2019/05/20/tajikistan-prison-riot";
    let riot = incident(
        "Prison riot in Vakhdat",
        "riot",
        "2019-05-19",
        69.0135,
        38.5563,
        json!({"fatalities": 32, "location_text": "Vakhdat", "precision": "exact",
               "uncertainty_km": 3.0, "source_url": source,
               "summary": "Three prison guards and 29 inmates died in a riot at the high-security prison in Vakhdat."}),
    );
    let attack = incident(
        "Car-ramming attack on cyclists",
        "attack",
        "2018-07-01",
        69.35,
        38.09,
        json!({"fatalities": 4, "location_text": "70 km south-east of Dushanbe",
               "precision": "offset", "uncertainty_km": 20.0, "date_precision": "month",
               "source_url": source,
               "summary": "In July last year, four foreign cyclists were killed by attackers 70 kilometres south-east of Dushanbe."}),
    );
    // No geometry: the server's gazetteer places it (country precision).
    let country_riot = json!({"title": "Prison riot in Tajikistan", "category": "riot",
        "occurred_on": "2018-11-01", "fatalities": 21, "location_text": "Tajikistan",
        "source_url": source, "summary": "In November last year, some 21 inmates died in a riot."});
    for body in [riot, attack, country_riot] {
        let r = post_json(&server.url("/api/incidents"), &body);
        assert_eq!(r.status, 201, "{}", r.body);
    }
}

/// A server with the seed incidents and a browser on its page at `hash`.
async fn page_with_seed(hash: &str) -> Option<(Browser, Server, common::pg::TestDb)> {
    let browser = Browser::start().await?;
    let (dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    seed_article_incidents(&server);
    browser.open(&server.url(&format!("/{hash}"))).await;
    Some((browser, server, dir))
}

#[tokio::test]
async fn the_page_shows_every_incident_and_filters_by_category() {
    let Some((browser, server, _dir)) = page_with_seed(TAJIKISTAN_VIEW).await else {
        return;
    };
    assert_eq!(browser.count().await, 3);
    let markers = browser
        .eval("return document.querySelectorAll('.pin, .marker-cluster').length;")
        .await;
    assert!(
        markers.as_u64().unwrap_or(0) >= 1,
        "no marker or cluster drawn"
    );

    browser.click("#cat-riot").await;
    browser.wait_rendered().await;
    assert_eq!(browser.count().await, 1, "only the attack is left");
    let url = browser.client.current_url().await.expect("the URL");
    assert!(
        url.fragment().unwrap_or("").contains("cat=attack"),
        "filter not in the URL: {url}"
    );

    // The link restores the filter, and its download holds only what the page shows.
    browser
        .client
        .refresh()
        .await
        .expect("reload the shared link");
    browser.wait_rendered().await;
    assert_eq!(browser.count().await, 1, "the shared link keeps the filter");
    let href = browser
        .eval("return document.querySelector('a[data-category=attack][data-format=geojson]').href;")
        .await;
    let download = get(href.as_str().expect("a link"));
    assert_eq!(download.status, 200);
    let features = download.json()["features"]
        .as_array()
        .expect("features")
        .clone();
    assert_eq!(features.len(), 1, "{}", download.body);
    assert_eq!(features[0]["properties"]["category"], "attack");
    drop(server);
    browser.close().await;
}

#[tokio::test]
async fn a_click_lists_the_nearest_incidents_by_distance() {
    let Some((browser, _server, _dir)) = page_with_seed(TAJIKISTAN_VIEW).await else {
        return;
    };
    browser.fill("#radius", "1000").await;
    browser.click("#map").await;
    browser
        .wait_until(
            "return document.querySelectorAll('#near-list li').length === 3;",
            "3 near results",
            WAIT,
        )
        .await;
    let distances = browser
        .eval("return [...document.querySelectorAll('#near-list li')].map(li => Number(li.dataset.distanceKm));")
        .await;
    let d: Vec<f64> = serde_json::from_value(distances).expect("numbers");
    assert!(
        d.windows(2).all(|w| w[0] <= w[1]),
        "not nearest first: {d:?}"
    );
    assert!(
        browser
            .eval("return document.querySelector('.near-circle') !== null;")
            .await
            == true
    );
    browser.close().await;
}

#[tokio::test]
async fn a_search_for_an_offset_place_lists_the_incident_there_first() {
    let Some((browser, _server, _dir)) = page_with_seed(TAJIKISTAN_VIEW).await else {
        return;
    };
    browser.fill("#radius", "60").await;
    browser
        .fill("#search", "70 km south-east of Dushanbe")
        .await;
    browser.click("#search-form button[type=submit]").await;
    browser
        .wait_until(
            "return document.querySelectorAll('#near-list li').length >= 1;",
            "a near result",
            WAIT,
        )
        .await;
    let first = browser.text("#near-list li .title").await;
    assert_eq!(first, "Car-ramming attack on cyclists");
    browser.close().await;
}

#[tokio::test]
async fn pasting_the_seed_article_adds_its_incidents() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    browser.open(&server.url("/")).await;
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vakhdat-prison-riot.txt"),
    )
    .expect("fixture");
    let fill = "document.getElementById('article-text').value = arguments[0];\
                document.getElementById('article-published').value = '2019-05-20';\
                document.getElementById('article-source').value = 'https://news.example/vakhdat';";
    browser
        .client
        .execute(fill, vec![json!(text)])
        .await
        .expect("fill the form");
    browser.click("#article-form button[type=submit]").await;
    browser
        .wait_until(
            "return document.querySelectorAll('#article-list li').length >= 3;",
            "the extracted incidents",
            WAIT,
        )
        .await;
    browser.wait_rendered().await;
    assert_eq!(browser.count().await, 3);
    assert!(browser.text("#article-list").await.contains("Vakhdat"));
    browser.close().await;
}

#[tokio::test]
async fn incident_text_is_shown_as_text_never_as_html() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let title = "<script>window.injected = true</script><b>bold</b>";
    let f = incident(
        title,
        "protest",
        "2020-01-02",
        10.0,
        50.0,
        json!({"summary": "<img src=x onerror=\"window.injected = true\">"}),
    );
    assert_eq!(post_json(&server.url("/api/incidents"), &f).status, 201);
    browser.open(&server.url("/#view=50,10,6")).await;
    browser.click(".pin").await;
    wait_popup(&browser).await;
    assert_eq!(browser.text(".popup h3").await, title);
    let injected = browser
        .eval("return window.injected === true || document.querySelector('.popup b, .popup img, .popup script') !== null;")
        .await;
    assert_eq!(injected, false, "incident text was parsed as HTML");
    browser.close().await;
}

/// Writes `web/screenshot.png` of the seed incidents; run with
/// `cargo test --test browser -- --ignored screenshot`.
#[tokio::test]
#[ignore = "writes web/screenshot.png"]
async fn screenshot_of_the_seed_incidents() {
    let Some((browser, _server, _dir)) = page_with_seed("#view=38.4,69.8,7").await else {
        return;
    };
    browser.fill("#radius", "400").await;
    browser.fill("#search", "Vakhdat").await;
    browser.click("#search-form button[type=submit]").await;
    browser
        .wait_until(
            "return document.querySelectorAll('#near-list li').length === 3;",
            "3 near results",
            WAIT,
        )
        .await;
    browser.click("#near-list li").await;
    wait_popup(&browser).await;
    let png = browser.client.screenshot().await.expect("a screenshot");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("web/screenshot.png");
    std::fs::write(&path, png).expect("write the screenshot");
    eprintln!("wrote {}", path.display());
    browser.close().await;
}
