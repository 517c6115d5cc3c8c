//! A small static file server on loopback, for the end-to-end tests and for looking at a release build.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use anyhow::{anyhow, Result};
use tiny_http::{Header, Request, Response, Server};

/// A server for one directory, running on its own thread until dropped.
pub struct StaticServer {
    server: Arc<Server>,
    port: u16,
    thread: Option<JoinHandle<()>>,
    prefix: &'static str,
}

impl StaticServer {
    /// Serves `root` on 127.0.0.1:`port` (0 picks a free port).
    pub fn start(root: PathBuf, port: u16) -> Result<Self> {
        Self::start_at(root, port, "/")
    }

    /// Serves `root` under a path prefix such as `/tools/advisor/`, as a host that puts the app
    /// in a sub-directory does; everything outside the prefix is not found.
    pub fn start_at(root: PathBuf, port: u16, prefix: &'static str) -> Result<Self> {
        let (server, port) = listen(port)?;
        let thread = {
            let server = server.clone();
            std::thread::spawn(move || {
                // One thread per request: a response is written in full before the next one
                // would start, so a client that stops reading (a page closed halfway through
                // the 8 MB worker) held every later request until the socket gave up, and a
                // test waiting on the manifest timed out after 90 s.
                for request in server.incoming_requests() {
                    let root = root.clone();
                    std::thread::spawn(move || serve(&root, prefix, request));
                }
            })
        };
        Ok(Self {
            server,
            port,
            thread: Some(thread),
            prefix,
        })
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.prefix)
    }

    /// Blocks until the server stops (for the interactive `serve-dist` command).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A tiny_http server on 127.0.0.1:`port` (0 picks a free port), and the port it got.
pub fn listen(port: u16) -> Result<(Arc<Server>, u16)> {
    let server =
        Arc::new(Server::http(("127.0.0.1", port)).map_err(|e| anyhow!("cannot listen: {e}"))?);
    let port = server
        .server_addr()
        .to_ip()
        .map(|addr| addr.port())
        .ok_or_else(|| anyhow!("the server has no IP address"))?;
    Ok((server, port))
}

fn serve(root: &Path, prefix: &str, request: Request) {
    let url = request.url();
    if format!("{url}/") == prefix {
        // Hosts send the directory without its slash to the slash, or relative URLs would break.
        let _ = request.respond(Response::empty(301).with_header(header("Location", prefix)));
        return;
    }
    let Some(path) = url.strip_prefix(prefix) else {
        let _ = request.respond(not_found());
        return;
    };
    let response = match resolve(root, path) {
        Some(path) => match std::fs::read(&path) {
            Ok(bytes) => Response::from_data(bytes)
                .with_header(header("Content-Type", content_type(&path)))
                .with_header(header("Cache-Control", "no-cache")),
            Err(_) => not_found(),
        },
        None => not_found(),
    };
    let _ = request.respond(response);
}

fn not_found() -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string("not found").with_status_code(404)
}

/// Maps a URL path to a file under `root`, refusing anything that would leave it.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut full = root.join(relative);
    if full.is_dir() {
        full.push("index.html");
    }
    full.is_file().then_some(full)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// A header from ASCII constants, which is always valid.
pub fn header(name: &str, value: &str) -> Header {
    // Callers pass ASCII constants (or the loopback servers' own paths), so this cannot fail.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_climb_out_are_refused() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(resolve(root, "/../Cargo.toml"), None);
        assert_eq!(resolve(root, "/src/../../Cargo.toml"), None);
        assert!(resolve(root, "/Cargo.toml?x=1").is_some());
        assert_eq!(resolve(root, "/missing.txt"), None);
    }
}
