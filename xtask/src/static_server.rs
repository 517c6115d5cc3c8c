//! The static servers of the end-to-end tests and of looking at a release build (`serve-dist`):
//! one directory on loopback, each file raw and `no-cache` (`site_server`'s plain mode), and the
//! helpers the mock cloud's tiny_http server shares.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{anyhow, Result};
use tiny_http::{Header, Server};

use crate::site_server::Site;

/// A server for one directory, running on its own thread until dropped.
pub struct StaticServer {
    site: Site,
}

impl StaticServer {
    /// Serves `root` on 127.0.0.1:`port` (0 picks a free port).
    pub fn start(root: PathBuf, port: u16) -> Result<Self> {
        Self::start_at(root, port, "/")
    }

    /// Serves `root` under a path prefix such as `/tools/advisor/`, as a host that puts the app
    /// in a sub-directory does; everything outside the prefix is not found.
    pub fn start_at(root: PathBuf, port: u16, prefix: &'static str) -> Result<Self> {
        Ok(Self {
            site: Site::start_on(root, prefix, port, false)?,
        })
    }

    pub fn url(&self) -> String {
        self.site.url()
    }

    /// Blocks until the server stops (for the interactive `serve-dist` command).
    pub fn wait(self) {
        self.site.wait();
    }
}

/// A tiny_http server on 127.0.0.1:`port` (0 picks a free port), and the port it got: the mock
/// cloud's, which streams its answers.
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

/// The media type of a file the loopback servers send, from its extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

/// A header from ASCII constants, which is always valid.
pub fn header(name: &str, value: &str) -> Header {
    // Callers pass ASCII constants (or the loopback servers' own paths), so this cannot fail.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}
