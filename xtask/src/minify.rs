//! Minifies a release build's wasm-bindgen output: the app's import names (`import_names`),
//! then every JS glue file with terser (npm, pinned in xtask/tools).
//!
//! Trunk copies the glue as wasm-bindgen writes it: readable, with long names and comments.
//! terser makes the app's glue about 55% smaller raw and 1.7 KB smaller brotli, which counts
//! against the app's budget; the workers' glue shrinks the same way. The hand-written scripts
//! (the service worker, its registration, the embed helper) are left as they are.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

/// The glue Trunk stages for each bundle: the app's is an ES module, the workers' are classic
/// scripts whose global `wasm_bindgen` Trunk's loader shim (`*_loader.js`) calls, so top-level
/// names stay; the shims are one line each and stay as they are.
fn glue_kind(name: &str) -> Option<Kind> {
    if !name.ends_with(".js") {
        return None;
    }
    if name.starts_with("app-") {
        Some(Kind::Module)
    } else if [
        "worker.js",
        "cloud_worker.js",
        "report_worker.js",
        "fit_worker.js",
    ]
    .contains(&name)
    {
        Some(Kind::Script)
    } else {
        None
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Module,
    Script,
}

/// Minifies every glue file in `dir`, in place; a debug build (`trunk serve`) is left readable.
pub fn glue(dir: &Path, root: &Path) -> Result<()> {
    if std::env::var("TRUNK_PROFILE").as_deref() != Ok("release") {
        return Ok(());
    }
    let terser = root.join("xtask/tools/node_modules/.bin/terser");
    if !terser.exists() {
        bail!(
            "{} is missing: cargo xtask installs it (npm ci in xtask/tools) before building",
            terser.display()
        );
    }
    shorten_app_imports(dir)?;
    for (path, name) in staged(dir)? {
        let Some(kind) = glue_kind(&name) else {
            continue;
        };
        let before = std::fs::metadata(&path)?.len();
        let mut command = Command::new(&terser);
        command
            .arg(&path)
            .args(["--compress", "--mangle", "--output"])
            .arg(&path);
        if let Kind::Module = kind {
            command.arg("--module");
        }
        let status = command
            .status()
            .with_context(|| format!("could not start {}", terser.display()))?;
        if !status.success() {
            bail!("terser failed on {name} ({status})");
        }
        let after = std::fs::metadata(&path)?.len();
        println!("minify: {name} {before} -> {after} bytes");
    }
    Ok(())
}

/// The files Trunk staged in `dir`, each with its name.
pub fn staged(dir: &Path) -> Result<Vec<(std::path::PathBuf, String)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push((path, name));
    }
    Ok(files)
}

/// Shortens the app's import names in its wasm and its glue together.
fn shorten_app_imports(dir: &Path) -> Result<()> {
    let glue = staged(dir)?
        .into_iter()
        .find(|(_, name)| name.starts_with("app-") && name.ends_with(".js"))
        .map(|(path, name)| (path, dir.join(name.replace(".js", "_bg.wasm"))));
    let Some((js_path, wasm_path)) = glue else {
        bail!("no app glue (app-*.js) in {}", dir.display());
    };
    let wasm =
        std::fs::read(&wasm_path).with_context(|| format!("reading {}", wasm_path.display()))?;
    let js = std::fs::read_to_string(&js_path)?;
    let (wasm, js, renamed) = crate::import_names::shorten(&wasm, &js)
        .with_context(|| format!("shortening the import names of {}", wasm_path.display()))?;
    std::fs::write(&wasm_path, wasm)?;
    std::fs::write(&js_path, js)?;
    println!("minify: {renamed} app import names shortened");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_generated_glue_is_minified() {
        assert!(matches!(
            glue_kind("app-444b8c685967fdee.js"),
            Some(Kind::Module)
        ));
        for worker in [
            "worker.js",
            "cloud_worker.js",
            "report_worker.js",
            "fit_worker.js",
        ] {
            assert!(matches!(glue_kind(worker), Some(Kind::Script)), "{worker}");
        }
        for other in ["sw.js", "pwa-8e3fb0b7b3c7039.js", "embed.js", "app-1.wasm"] {
            assert!(glue_kind(other).is_none(), "{other}");
        }
    }
}
