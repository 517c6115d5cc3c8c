//! `cargo xtask precache [DIR]`: writes the service worker's list of files and its cache version.
//!
//! Trunk runs this as a post_build hook on its staging directory, so the list always names the
//! hashed files of the build being made and nobody keeps it by hand. The end-to-end tests run it
//! on a copy of dist/ to stand for a new deployment.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// The service worker's file name in the build.
const SERVICE_WORKER: &str = "sw.js";

/// Rewrites `sw.js` in the build directory: from the argument, else Trunk's staging directory.
/// A debug build (`trunk serve`) gets no list, so its service worker clears itself away instead
/// of serving a stale development build from a cache.
pub fn run(args: &[String]) -> Result<()> {
    let (dir, release) = match args.first() {
        Some(dir) => (PathBuf::from(dir), true),
        None => (
            std::env::var_os("TRUNK_STAGING_DIR")
                .map(PathBuf::from)
                .context("no directory given and TRUNK_STAGING_DIR is not set")?,
            std::env::var("TRUNK_PROFILE").as_deref() != Ok("debug"),
        ),
    };
    let worker = dir.join(SERVICE_WORKER);
    let script = std::fs::read_to_string(&worker)
        .with_context(|| format!("reading {}", worker.display()))?;
    let files = if release {
        build_files(&dir)?
    } else {
        Vec::new()
    };
    let version = version(&dir, &files)?;
    let list = release.then_some(files.as_slice());
    std::fs::write(&worker, rewrite(&script, &version, list)?)?;
    println!(
        "precache: {} files, version {version}{}",
        files.len(),
        if release {
            ""
        } else {
            " (debug build: no cache)"
        }
    );
    Ok(())
}

/// Every file under `dir` but the service worker itself, as sorted `/`-separated relative paths.
fn build_files(dir: &Path) -> Result<Vec<String>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            let relative = path.strip_prefix(dir)?;
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if name.starts_with('.') || name == SERVICE_WORKER {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(name);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A short hash of every file's name and bytes: any change to the build is a new version, which
/// is what makes browsers install the new service worker and offer the reload.
fn version(dir: &Path, files: &[String]) -> Result<String> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for file in files {
        feed(file.as_bytes());
        feed(&[0]);
        feed(&std::fs::read(dir.join(file))?);
    }
    Ok(format!("{hash:016x}"))
}

/// Replaces the `const VERSION` and `const PRECACHE` lines; the rest of the script is kept, so
/// the rewrite works on the template and on an already written script alike.
/// Whether a file is fetched only when first used (or when the visitor asks for everything
/// offline) rather than at install: the analyzer's and benchmark's worker and model, the cloud
/// worker, the report worker and the data only it reads (the fit table, the exports), the
/// install icons and the host pages' `embed.js`. `sizes` counts the rest as a first visit.
pub fn on_demand(name: &str) -> bool {
    const HEAVY: [&str; 9] = [
        "worker",
        "cloud_worker",
        "models/",
        "icons/",
        "embed.js",
        "report_worker",
        "fit_worker",
        "data/models.json",
        "data/fleet.json",
    ];
    HEAVY.iter().any(|prefix| name.starts_with(prefix))
}

/// What a wide screen adds to a first view: its device panel is open, and the fit worker writes
/// the fit table there from the model list and the surveys.
pub fn desktop_first_view(name: &str) -> bool {
    ["fit_worker", "data/models.json", "data/fleet.json"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
}

fn rewrite(script: &str, version: &str, files: Option<&[String]>) -> Result<String> {
    let lists = match files {
        Some(files) => {
            let (heavy, light): (Vec<&String>, Vec<&String>) =
                files.iter().partition(|f| on_demand(f));
            (
                serde_json::to_string(&light)?,
                serde_json::to_string(&heavy)?,
            )
        }
        None => ("null".to_owned(), "null".to_owned()),
    };
    let mut found = (false, false, false);
    let mut out = String::with_capacity(script.len() + lists.0.len() + lists.1.len());
    for line in script.lines() {
        if line.starts_with("const VERSION =") {
            out.push_str(&format!("const VERSION = '{version}';"));
            found.0 = true;
        } else if line.starts_with("const PRECACHE =") {
            out.push_str(&format!("const PRECACHE = {};", lists.0));
            found.1 = true;
        } else if line.starts_with("const ON_DEMAND =") {
            out.push_str(&format!("const ON_DEMAND = {};", lists.1));
            found.2 = true;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    if found != (true, true, true) {
        bail!("{SERVICE_WORKER} lacks a `const VERSION =`, `const PRECACHE =` or `const ON_DEMAND =` line");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str =
        "// head\nconst VERSION = 'unbuilt';\nconst PRECACHE = null;\nconst ON_DEMAND = null;\nrest();\n";

    #[test]
    fn the_rewrite_fills_both_lines_and_can_run_again() {
        let files = vec!["index.html".to_owned(), "models/a.onnx".to_owned()];
        let once = rewrite(TEMPLATE, "abc", Some(&files)).unwrap();
        assert!(once.contains("const VERSION = 'abc';"));
        assert!(once.contains(r#"const PRECACHE = ["index.html"];"#));
        assert!(once.contains(r#"const ON_DEMAND = ["models/a.onnx"];"#));
        assert!(once.ends_with("rest();\n"));
        let twice = rewrite(&once, "def", None).unwrap();
        assert!(twice.contains("const VERSION = 'def';"));
        assert!(twice.contains("const PRECACHE = null;"));
        assert!(twice.contains("const ON_DEMAND = null;"));
    }

    #[test]
    fn the_heavy_parts_wait_for_their_first_use() {
        for heavy in [
            "worker.js",
            "worker_bg.wasm",
            "worker_loader.js",
            "models/analyzer.onnx",
        ] {
            assert!(on_demand(heavy), "{heavy}");
        }
        for heavy in ["cloud_worker_bg.wasm", "icons/icon-512.png"] {
            assert!(on_demand(heavy), "{heavy}");
        }
        for light in [
            "index.html",
            "app-1f_bg.wasm",
            "style-2a.css",
            "data/prices.json",
            "sw.js",
        ] {
            assert!(!on_demand(light) && !desktop_first_view(light), "{light}");
        }
        assert!(on_demand("report_worker_bg.wasm") && !desktop_first_view("report_worker_bg.wasm"));
        for wide in ["fit_worker_bg.wasm", "data/models.json", "data/fleet.json"] {
            assert!(on_demand(wide) && desktop_first_view(wide), "{wide}");
        }
    }

    #[test]
    fn a_script_without_the_lines_is_an_error() {
        assert!(rewrite("self.addEventListener('fetch', f);\n", "abc", None).is_err());
    }

    #[test]
    fn the_list_and_version_follow_the_files() {
        let dir = std::env::temp_dir().join(format!("precache-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("models")).unwrap();
        std::fs::create_dir_all(dir.join(".stage")).unwrap();
        for (name, text) in [("index.html", "a"), ("models/m.onnx", "b"), ("sw.js", "c")] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        std::fs::write(dir.join(".stage/x"), "d").unwrap();
        let files = build_files(&dir).unwrap();
        assert_eq!(files, ["index.html", "models/m.onnx"]);
        let before = version(&dir, &files).unwrap();
        std::fs::write(dir.join("index.html"), "a2").unwrap();
        assert_ne!(version(&dir, &files).unwrap(), before);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
