//! Shared by the integration tests: the real binary started as a server on a free loopback
//! port with a database in a temporary directory, and a small HTTP client that never turns a
//! 4xx into an error (the tests check statuses themselves).

// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Output, Stdio};

use serde_json::{Value, json};

pub mod articles;
pub mod gazetteer;
pub mod load;
pub mod pg;
pub mod process;
pub mod raw;

/// The line the server prints once it listens, followed by its base URL.
const LISTENING: &str = "listening on ";

/// The binary under test.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_incident-atlas")
}

/// A running server; killed when dropped.
pub struct Server {
    child: Child,
    pub base: String,
    /// Kept open so the server never writes into a closed pipe.
    _stdout: BufReader<ChildStdout>,
}

impl Server {
    /// Starts `serve --addr 127.0.0.1:0 --db DB` plus `extra` arguments and waits until it
    /// listens.
    pub fn start(db: &Path, extra: &[&str]) -> Server {
        Server::start_at("127.0.0.1:0", db, extra, &[])
    }

    /// Starts `serve --addr ADDR --db DB` plus `extra` arguments with extra environment
    /// variables (the test's own `INCIDENT_ATLAS_TOKEN` is never inherited).
    pub fn start_at(addr: &str, db: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        Server::spawn(addr, db, extra, env, Stdio::inherit())
    }

    /// Starts `serve --addr 127.0.0.1:0 --db DB` with its standard error written to `log`,
    /// for a test that reads what the server said (a panic on a worker thread does not
    /// change the exit status).
    pub fn start_logged(db: &Path, log: &Path) -> Server {
        let file = std::fs::File::create(log).expect("the log file");
        Server::spawn("127.0.0.1:0", db, &[], &[], Stdio::from(file))
    }

    fn spawn(addr: &str, db: &Path, extra: &[&str], env: &[(&str, &str)], stderr: Stdio) -> Server {
        let mut child = Command::new(binary())
            .args(["serve", "--addr", addr, "--db"])
            .arg(db)
            .args(extra)
            .env_remove("INCIDENT_ATLAS_TOKEN")
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("the binary starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("the server prints a line");
        let base = line
            .trim()
            .strip_prefix(LISTENING)
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_owned();
        Server {
            child,
            base,
            _stdout: stdout,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh database for one test and its `--db` argument: a SQLite file in a temporary
/// directory, or, when `INCIDENT_ATLAS_TEST_PG` holds a server URL, a new PostgreSQL database
/// there (see [`pg::TestDb`]). The guard also holds a temporary directory for other files.
pub fn temp_db() -> (pg::TestDb, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    match pg::server_url() {
        Some(base) => {
            let database = pg::TestDatabase::create(&base);
            let db = PathBuf::from(database.url());
            (pg::TestDb::new(dir, Some(database)), db)
        }
        None => {
            let db = dir.path().join("x.db");
            (pg::TestDb::new(dir, None), db)
        }
    }
}

/// Runs the binary with `args` to completion.
pub fn run(args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .output()
        .expect("the binary runs")
}

/// An HTTP answer.
pub struct Reply {
    pub status: u16,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }

    /// The JSON error sentence, asserting the error shape.
    pub fn error(&self) -> String {
        let v = self.json();
        v["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no error field in {v}"))
            .to_owned()
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent()
}

fn reply(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = result.expect("the server answers");
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let body = response
        .body_mut()
        .with_config()
        .limit(u64::MAX)
        .read_to_string()
        .expect("a text body");
    Reply {
        status: response.status().as_u16(),
        headers,
        body,
    }
}

pub fn get(url: &str) -> Reply {
    reply(agent().get(url).call())
}

pub fn get_accepting(url: &str, accept: &str) -> Reply {
    reply(agent().get(url).header("Accept", accept).call())
}

/// POSTs `body` with a content type and optional bearer token.
pub fn post(url: &str, content_type: &str, body: &str, token: Option<&str>) -> Reply {
    let mut request = agent().post(url).header("Content-Type", content_type);
    if let Some(t) = token {
        request = request.header("Authorization", format!("Bearer {t}"));
    }
    reply(request.send(body))
}

pub fn post_json(url: &str, body: &Value) -> Reply {
    post(url, "application/json", &body.to_string(), None)
}

pub fn delete(url: &str, token: Option<&str>) -> Reply {
    let mut request = agent().delete(url);
    if let Some(t) = token {
        request = request.header("Authorization", format!("Bearer {t}"));
    }
    reply(request.call())
}

/// An incident Feature at `[lon, lat]`.
pub fn feature(title: &str, category: &str, date: &str, lon: f64, lat: f64) -> Value {
    json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"title": title, "category": category, "occurred_on": date,
                       "fatalities": 1, "location_text": title}
    })
}

/// Creates the incident and returns its id.
pub fn create(server: &Server, feature: &Value) -> String {
    let r = post_json(&server.url("/api/incidents"), feature);
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()["id"].as_str().expect("a string id").to_owned()
}

/// The ids of a FeatureCollection, in order.
pub fn ids(collection: &Value) -> Vec<String> {
    collection["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| f["id"].as_str().expect("id").to_owned())
        .collect()
}

/// Mean Earth radius in km, as the contract fixes it.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Runs the binary with `args`, feeding `stdin`, to completion.
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A binary that rejects its arguments may exit before reading: ignore a broken pipe.
    let _ = child.stdin.take().expect("piped stdin").write_all(stdin);
    child.wait_with_output().expect("the binary finishes")
}

/// Path of a file under `tests/data/`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Great-circle distance in km between two (lat, lon) points in degrees.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// Percent-encodes a query-string value (RFC 3986 unreserved characters kept).
pub fn percent_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
