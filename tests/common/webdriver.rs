//! Headless Chromium for the browser tests, driven over WebDriver by `fantoccini`: finds
//! Chromium and ChromeDriver, spawns ChromeDriver on a free loopback port, opens a session with
//! a fresh profile, and offers small waits on the page's DOM.
//!
//! Without Chromium the tests fail when `CI` is set (CI must install the Debian packages
//! `chromium` and `chromium-driver`) and are skipped with a note otherwise.

// Each browser test binary uses a different subset of these helpers.
#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Where Debian installs them; override with `CHROMIUM` and `CHROMEDRIVER`.
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long ChromeDriver may take to listen.
const DRIVER_START: Duration = Duration::from_secs(20);
/// Attempts at opening a WebDriver session, and the pause between them.
const SESSION_ATTEMPTS: usize = 3;
const SESSION_RETRY_PAUSE: Duration = Duration::from_millis(500);
/// How often waits look again.
const POLL: Duration = Duration::from_millis(50);
/// The default wait for the page to reach a state.
pub const WAIT: Duration = Duration::from_secs(30);
/// Window size: a laptop screen, so the side panel is beside the map.
const WINDOW: &str = "--window-size=1280,800";

/// A running ChromeDriver and one browser session; both end when dropped (call [`close`]).
///
/// [`close`]: Browser::close
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

fn tool(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from)
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    listener.local_addr().expect("its address").port()
}

impl Browser {
    /// Starts ChromeDriver and a headless Chromium session; `None` (with a note) when they are
    /// not installed outside CI.
    pub async fn start() -> Option<Browser> {
        let (chromium, chromedriver) = (
            tool("CHROMIUM", CHROMIUM),
            tool("CHROMEDRIVER", CHROMEDRIVER),
        );
        if !chromium.exists() || !chromedriver.exists() {
            let note = format!(
                "browser tests need {} and {} (apt-get install -y chromium chromium-driver)",
                chromium.display(),
                chromedriver.display()
            );
            assert!(std::env::var_os("CI").is_none(), "{note}");
            eprintln!("skipped: {note}");
            return None;
        }
        let port = free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < DRIVER_START,
                "chromedriver never listened"
            );
            std::thread::sleep(POLL);
        }
        let profile = tempfile::tempdir().expect("a profile dir");
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            WINDOW,
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({"binary": chromium, "args": args}),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let url = format!("http://127.0.0.1:{port}");
        // ChromeDriver listens before it serves: on a busy machine it has reset the first
        // session request ("Connection reset by peer"). A few attempts, then fail.
        let mut attempt = 1;
        let client = loop {
            let session = ClientBuilder::new(connector.clone())
                .capabilities(caps.clone())
                .connect(&url)
                .await;
            match session {
                Ok(client) => break client,
                Err(e) if attempt < SESSION_ATTEMPTS => {
                    eprintln!("WebDriver session attempt {attempt} failed ({e}); retrying");
                    attempt += 1;
                    tokio::time::sleep(SESSION_RETRY_PAUSE).await;
                }
                Err(e) => panic!("a WebDriver session after {attempt} attempts: {e}"),
            }
        };
        Some(Browser {
            client,
            driver,
            _profile: profile,
        })
    }

    /// Ends the session (the driver is killed on drop).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    /// Runs `script` (a function body with `return`) and returns its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits until `script` returns `true`, failing with `what` after `timeout`.
    pub async fn wait_until(&self, script: &str, what: &str, timeout: Duration) {
        let started = Instant::now();
        while self.eval(script).await != Value::Bool(true) {
            assert!(started.elapsed() < timeout, "timed out waiting for {what}");
            tokio::time::sleep(POLL).await;
        }
    }

    /// Loads the page at `url` and waits until its markers are drawn.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("the page loads");
        self.wait_rendered().await;
    }

    /// Waits until every marker and cluster of the current filters is on the map.
    pub async fn wait_rendered(&self) {
        self.wait_until(
            "return document.body.dataset.ready === 'true';",
            "the markers to render",
            WAIT,
        )
        .await;
    }

    /// The text of the element `css`.
    pub async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .text()
            .await
            .expect("its text")
    }

    /// The number of incidents the page says it shows (`#count`).
    pub async fn count(&self) -> usize {
        self.text("#count")
            .await
            .trim()
            .parse()
            .expect("a number in #count")
    }

    /// Replaces the value of the input `css` with `text`, as typed.
    pub async fn fill(&self, css: &str, text: &str) {
        let input = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"));
        input.clear().await.expect("clear the input");
        input.send_keys(text).await.expect("type into the input");
    }

    /// Clicks the element `css`.
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
