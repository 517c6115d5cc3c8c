//! `cargo xtask post-build`, Trunk's post_build hook: the app's first screen into the staged
//! index.html, the JS glue and the stylesheet minified (release builds), then the service worker's file list. In that
//! order, because the list's version is a hash of the files and the first two change them.
//!
//! The first screen is rendered by the `prerender` binary: Yew's server renderer run natively on
//! the app's own components, so the HTML and the app can never disagree about the questions.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// The comment in static/index.html that the first screen replaces.
const MARKER: &str =
    "<!-- prerendered: `cargo xtask post-build` puts the app's first screen here -->";

/// Prerenders into Trunk's staging directory, then writes the precache list there.
pub fn post_build() -> Result<()> {
    let dir = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .context("TRUNK_STAGING_DIR is not set: post-build is Trunk's hook")?;
    prerender(&dir)?;
    crate::minify::glue(&dir, &crate::tools::project_root()?)?;
    crate::minify_css::styles(&dir)?;
    crate::precache::run(&[])
}

/// Replaces the marker in `dir/index.html` with the app's first screen.
pub fn prerender(dir: &Path) -> Result<()> {
    let index = dir.join("index.html");
    let page =
        std::fs::read_to_string(&index).with_context(|| format!("reading {}", index.display()))?;
    if !page.contains(MARKER) {
        bail!("{} has no prerender marker: {MARKER}", index.display());
    }
    let screen = render()?;
    std::fs::write(&index, page.replacen(MARKER, &screen, 1))?;
    println!(
        "prerender: the first screen is {} bytes of HTML",
        screen.len()
    );
    Ok(())
}

/// Builds and runs the native `prerender` binary, which prints the HTML.
fn render() -> Result<String> {
    let out = Command::new("cargo")
        .args([
            "run",
            "--quiet",
            "--package",
            "local-or-cloud",
            "--features",
            "prerender",
            "--bin",
            "prerender",
        ])
        .output()
        .context("could not start cargo to prerender the first screen")?;
    if !out.status.success() {
        bail!(
            "the prerender binary failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let html = String::from_utf8(out.stdout).context("the prerendered HTML is not UTF-8")?;
    if !html.contains("id=\"questionnaire\"") {
        bail!("the prerendered HTML has no questionnaire:\n{html}");
    }
    Ok(html)
}
