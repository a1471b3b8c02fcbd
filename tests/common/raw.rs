//! A raw HTTP/1.1 client over a TCP socket, for requests a well-behaved client library will not
//! send: invalid UTF-8 in paths and bodies, odd methods, bodies far over the server's limit.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use super::Reply;

/// How long a raw request may take before the test fails (no deadlock goes unnoticed).
const RAW_TIMEOUT: Duration = Duration::from_secs(20);
/// Bytes written per `write` call, so a server that answers early can stop the upload.
const CHUNK: usize = 64 * 1024;

/// Sends one request (`Connection: close`) to `base` (`http://HOST:PORT`) and reads the answer.
/// A body upload the server cuts short (it may answer 413 before reading it) is not an error.
pub fn raw_request(
    base: &str,
    method: &str,
    target: &[u8],
    content_type: Option<&str>,
    body: &[u8],
) -> Reply {
    let host = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("the server accepts connections");
    stream.set_read_timeout(Some(RAW_TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(RAW_TIMEOUT)).unwrap();
    let mut head = Vec::new();
    head.extend_from_slice(method.as_bytes());
    head.push(b' ');
    head.extend_from_slice(target);
    head.extend_from_slice(
        format!(" HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n").as_bytes(),
    );
    if let Some(t) = content_type {
        head.extend_from_slice(format!("Content-Type: {t}\r\n").as_bytes());
    }
    head.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    stream.write_all(&head).expect("the head is sent");
    for chunk in body.chunks(CHUNK) {
        if stream.write_all(chunk).is_err() {
            break;
        }
    }
    let mut answer = Vec::new();
    // A reset after the answer arrived is fine; what was read is what counts.
    let _ = stream.read_to_end(&mut answer);
    parse_answer(&answer)
}

fn parse_answer(answer: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(answer);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no complete answer: {text:?}"));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_owned(),
    }
}
