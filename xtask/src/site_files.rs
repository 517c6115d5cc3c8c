//! What the static server answers for a path: the file, or a redirect to the directory's slash,
//! or a 404. Served as deployed, a file is brotli-compressed when the request accepts it
//! (README's `brotli -q 11` precompression, done once per file and kept), with README's Deploy
//! cache headers and an ETag, or a 304; served plain, it is sent raw and `no-cache`.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

/// One answer: status, headers (Content-Length is the server's) and body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }
}

/// Brotli output per file, with the length and modification time it was made from.
type Compressed = HashMap<PathBuf, (u64, u128, Vec<u8>)>;

/// A directory served under a path prefix.
pub struct Files {
    root: PathBuf,
    prefix: String,
    /// Brotli output per file, kept while the file's length and modification time stay the same
    /// (compressing the app's wasm at quality 11 takes seconds; every test would pay it).
    compressed: Mutex<Compressed>,
    /// As a deployment sends it (compressed, cached, ETags), or plain.
    deployed: bool,
}

impl Files {
    pub fn new(root: PathBuf, prefix: &str, deployed: bool) -> Files {
        Files {
            root,
            prefix: prefix.to_owned(),
            compressed: Mutex::default(),
            deployed,
        }
    }

    /// The answer for a request target (path and query) and the request's two relevant headers.
    pub fn reply(&self, target: &str, accept_encoding: &str, if_none_match: &str) -> Reply {
        let url = target.split(['?', '#']).next().unwrap_or("/");
        if format!("{url}/") == self.prefix {
            // A host sends the directory without its slash to the slash, or relative URLs break.
            let mut reply = Reply::status(301);
            reply.headers.push(("Location", self.prefix.clone()));
            return reply;
        }
        let Some(path) = url
            .strip_prefix(&self.prefix)
            .and_then(|relative| resolve(&self.root, relative))
        else {
            return Reply::status(404);
        };
        if path.is_dir() {
            // MkDocs links to directories; a host sends the slash-less form to the slash.
            let mut reply = Reply::status(301);
            reply.headers.push(("Location", format!("{url}/")));
            return reply;
        }
        if !self.deployed {
            return plain(&path).unwrap_or_else(|| Reply::status(404));
        }
        let brotli = accept_encoding
            .split(',')
            .any(|e| e.trim().split(';').next() == Some("br"));
        self.file(&path, brotli, if_none_match)
            .unwrap_or_else(|| Reply::status(404))
    }

    fn file(&self, path: &Path, brotli: bool, if_none_match: &str) -> Option<Reply> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        let encode = brotli && compressible(path);
        let etag = format!(
            "\"{:x}-{modified:x}{}\"",
            meta.len(),
            if encode { "-br" } else { "" }
        );
        let name = path.file_name()?.to_string_lossy();
        let cache_control = if hashed(&name) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        let mut reply = Reply::status(200);
        reply.headers.push(("Cache-Control", cache_control.into()));
        reply.headers.push(("ETag", etag.clone()));
        reply.headers.push(("Vary", "Accept-Encoding".into()));
        if if_none_match.split(',').any(|tag| tag.trim() == etag) {
            reply.status = 304;
            return Some(reply);
        }
        reply.headers.push((
            "Content-Type",
            crate::static_server::content_type(path).into(),
        ));
        reply.body = if encode {
            reply.headers.push(("Content-Encoding", "br".into()));
            self.brotli(path, meta.len(), modified)?
        } else {
            std::fs::read(path).ok()?
        };
        Some(reply)
    }

    fn brotli(&self, path: &Path, len: u64, modified: u128) -> Option<Vec<u8>> {
        if let Some((l, m, body)) = self.compressed.lock().ok()?.get(path) {
            if (*l, *m) == (len, modified) {
                return Some(body.clone());
            }
        }
        let raw = std::fs::read(path).ok()?;
        let mut out = Vec::new();
        // The size report's settings (`sizes::brotli_len`): README's `brotli -q 11`.
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut raw.as_slice(), &mut out, &params).ok()?;
        self.compressed
            .lock()
            .ok()?
            .insert(path.to_owned(), (len, modified, out.clone()));
        Some(out)
    }
}

/// README's hashed files, `(app|style|pwa)-<hex>[_bg].(js|wasm|css)`, which it says to cache for a year.
fn hashed(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    matches!(ext, "js" | "wasm" | "css")
        && ["app-", "style-", "pwa-"].iter().any(|p| {
            stem.strip_prefix(p)
                .is_some_and(|hex| !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()))
        })
}

/// Maps a URL path to a file or directory under `root`, refusing anything that would leave it;
/// a directory asked for with its slash is its index.html.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let relative = Path::new(url.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let full = root.join(relative);
    if full.is_dir() && (url.is_empty() || url.ends_with('/')) {
        let index = full.join("index.html");
        return index.is_file().then_some(index);
    }
    full.exists().then_some(full)
}

/// The file raw and uncached, as the end-to-end tests want it: a test that redeploys a file
/// sees the new one at once.
fn plain(path: &Path) -> Option<Reply> {
    let mut reply = Reply::status(200);
    reply.headers.push(("Cache-Control", "no-cache".into()));
    reply.headers.push((
        "Content-Type",
        crate::static_server::content_type(path).into(),
    ));
    reply.body = std::fs::read(path).ok()?;
    Some(reply)
}

/// Images and fonts are compressed already; brotli would only cost time.
fn compressible(path: &Path) -> bool {
    !matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("png" | "jpg" | "jpeg" | "gif" | "webp" | "woff" | "woff2" | "ico")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hashed_names_are_readmes_and_nothing_else() {
        assert!(hashed("app-4237982cbb4cd4c8_bg.wasm"));
        assert!(hashed("app-4237982cbb4cd4c8.js"));
        assert!(hashed("style-60fa2b2dc9b659aa.css"));
        assert!(!hashed("report_worker_bg.wasm"));
        assert!(!hashed("embed.js"));
        assert!(!hashed("app-.js"));
    }

    #[test]
    fn paths_that_climb_out_are_refused_and_a_revalidation_gets_304() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(resolve(&root, "../Cargo.toml"), None);
        let files = Files::new(root, "/x/", true);
        assert_eq!(files.reply("/Cargo.toml", "br", "").status, 404);
        let first = files.reply("/x/Cargo.toml?v=1", "gzip, br", "");
        assert_eq!(first.status, 200);
        assert!(first.headers.contains(&("Content-Encoding", "br".into())));
        let etag = first
            .headers
            .iter()
            .find(|(n, _)| *n == "ETag")
            .unwrap()
            .1
            .clone();
        assert_eq!(files.reply("/x/Cargo.toml", "br", &etag).status, 304);
        assert_eq!(files.reply("/x/src", "br", "").status, 301);
    }

    #[test]
    fn paths_that_climb_out_are_refused() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(resolve(root, "/../Cargo.toml"), None);
        assert_eq!(resolve(root, "/src/../../Cargo.toml"), None);
        assert!(resolve(root, "/Cargo.toml").is_some());
        assert_eq!(resolve(root, "/missing.txt"), None);
        let files = Files::new(root.to_path_buf(), "/", false);
        assert_eq!(files.reply("/../Cargo.toml", "", "").status, 404);
        let plain = files.reply("/Cargo.toml?x=1", "br", "");
        assert_eq!(plain.status, 200);
        assert!(!plain
            .headers
            .iter()
            .any(|(name, _)| *name == "Content-Encoding"));
    }
}
