//! The loopback static server: one directory under a path prefix, either as a real deployment
//! sends it (brotli when the request accepts it, README's Deploy cache headers, ETags that answer
//! 304: the docs-site judge measures a first view and a second embed's cache with it) or plain
//! (every file raw and `no-cache`: the end-to-end tests and `serve-dist`).
//!
//! Plain `std::net`, not tiny_http: under tiny_http 0.12 about one fresh server in four left two
//! of a page's first parallel requests unanswered (the response was written, the browser never
//! got it; strace showed the sockets closed under it). That was the end-to-end suite's flaky
//! service worker tests: an install or a "Make available offline" whose parallel fetches never
//! all came back. HTTP/1.1 with keep-alive and Content-Length is all a browser needs.
//! `DOCS_SITES_LOG=1` prints every request; a request slower than 5 s is always printed.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::site_files::{Files, Reply};

/// A server for one directory, running on its own thread until dropped.
pub struct Site {
    port: u16,
    prefix: String,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Site {
    /// Serves `root` under `prefix` (such as `/tools/advisor/`) on 127.0.0.1 at a free port, as
    /// a deployment does. The directory may be filled after the start: files are looked up per
    /// request.
    pub fn start(root: PathBuf, prefix: &str) -> Result<Self> {
        Self::start_on(root, prefix, 0, true)
    }

    /// Serves `root` under `prefix` on 127.0.0.1:`port` (0 picks a free port), as a deployment
    /// does when `deployed`, else plain.
    pub fn start_on(root: PathBuf, prefix: &str, port: u16, deployed: bool) -> Result<Self> {
        let listener =
            TcpListener::bind(("127.0.0.1", port)).context("cannot listen on loopback")?;
        let port = listener.local_addr()?.port();
        let stop = Arc::new(AtomicBool::new(false));
        let files = Arc::new(Files::new(root, prefix, deployed));
        let thread = {
            let stop = stop.clone();
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        let files = files.clone();
                        // One thread per connection: a slow reader must not hold the others.
                        std::thread::spawn(move || connection(stream, &files));
                    }
                }
            })
        };
        Ok(Self {
            port,
            prefix: prefix.to_owned(),
            stop,
            thread: Some(thread),
        })
    }

    /// The origin, without a path (`http://127.0.0.1:PORT`).
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The served directory's address, with its prefix and trailing slash.
    pub fn url(&self) -> String {
        format!("{}{}", self.origin(), self.prefix)
    }

    /// Blocks until the server stops (for the interactive `serve-dist` command).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // The accept loop is blocked in accept(): one last connection lets it see the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A request as far as a static server cares: method, target and the headers it reads.
struct Request {
    method: String,
    target: String,
    accept_encoding: String,
    if_none_match: String,
    close: bool,
}

/// Answers the requests of one keep-alive connection until the client closes it or goes quiet.
fn connection(stream: TcpStream, files: &Files) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader) {
        let started = std::time::Instant::now();
        let reply = if matches!(request.method.as_str(), "GET" | "HEAD") {
            files.reply(
                &request.target,
                &request.accept_encoding,
                &request.if_none_match,
            )
        } else {
            Reply::status(405)
        };
        let sent = write_reply(&mut writer, &reply, request.method == "HEAD", request.close);
        // A page that never settles is easier to explain when a slow answer says so.
        let seconds = started.elapsed().as_secs_f64();
        if seconds > 5.0 || std::env::var_os("DOCS_SITES_LOG").is_some() {
            eprintln!(
                "static server: {} {} -> {} in {seconds:.1} s",
                request.method, request.target, reply.status
            );
        }
        if sent.is_err() || request.close {
            break;
        }
    }
}

/// Reads one request's head; None at the end of the connection or on anything malformed.
fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut line = String::new();
    // Browsers may send an empty line between requests; skip it.
    while line.trim().is_empty() {
        line.clear();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
    }
    let mut parts = line.split_whitespace();
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    let mut request = Request {
        method: method.to_owned(),
        target: target.to_owned(),
        accept_encoding: String::new(),
        if_none_match: String::new(),
        close: version == "HTTP/1.0",
    };
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            return Some(request);
        }
        let (name, value) = header.split_once(':')?;
        let value = value.trim().to_owned();
        match name.trim().to_ascii_lowercase().as_str() {
            "accept-encoding" => request.accept_encoding = value,
            "if-none-match" => request.if_none_match = value,
            "connection" => request.close = value.eq_ignore_ascii_case("close"),
            // The judge's browsers send no request bodies; refuse rather than misread one.
            "content-length" if value != "0" => return None,
            _ => {}
        }
    }
}

fn write_reply(
    writer: &mut TcpStream,
    reply: &Reply,
    head: bool,
    close: bool,
) -> std::io::Result<()> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (name, value) in &reply.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    if close {
        out.push_str("Connection: close\r\n");
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head {
        bytes.extend_from_slice(&reply.body);
    }
    writer.write_all(&bytes)?;
    writer.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    }
}
