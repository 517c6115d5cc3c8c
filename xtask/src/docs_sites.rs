//! `cargo xtask docs-sites`: the embed judged on real docs sites. Builds MkDocs Material, Sphinx
//! with furo and (when it installs) mdBook sites that embed the advisor exactly as README's
//! "Embedding in a docs site" says, serves each on its own loopback origin and dist/ on another,
//! brotli-compressed as a deployment sends it, and measures the embed in headless Chromium
//! (`tests/e2e/docs_sites/docs_sites.spec.js`). Prints a table of the figures per site and width,
//! and exits non-zero when one misses the thresholds, which live in the spec.
//!
//! The judge treats the app as a black box: it reads README and the built dist/, never the app's
//! sources, so that it can judge a layout it was not written beside.

mod generators;
mod sources;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::site_server::Site;
use generators::Tools;
use sources::Embed;

use crate::tools;

/// The generators in the order the table lists them; mdBook is left out when it cannot install.
const GENERATORS: &[&str] = &["mkdocs", "sphinx", "mdbook"];

/// `serve` (`--serve`) builds and serves the sites without judging them, to look at them by hand.
pub fn run(root: &Path, serve: bool) -> Result<()> {
    let started = Instant::now();
    tools::ensure_test_tools(root)?;
    let work = tools::target_dir(root)?.join("docs-sites");
    std::fs::create_dir_all(&work)?;
    let embed = Embed::from_readme(&root.join("README.md"))?;
    let tools = Tools {
        python: generators::python_env(root, &work)?,
        mdbook: generators::mdbook(&work),
    };
    let dist = wait_for_dist(&root.join("dist"))?;
    let advisor = Site::start(dist, &embed.prefix)?;
    let mut hosts = Vec::new();
    for &generator in GENERATORS {
        if generator == "mdbook" && tools.mdbook.is_none() {
            continue;
        }
        let host = build_site(root, &work, generator, &tools, &embed, &advisor)?;
        hosts.push((generator, host));
    }
    println!(
        "the advisor's dist/ is served at {} (brotli, README's cache headers)",
        advisor.url()
    );
    if serve {
        println!("Ctrl-C to stop");
        loop {
            std::thread::park();
        }
    }
    let (ran, tally) = playwright(root, &work, &advisor, &hosts)?;
    drop(hosts);
    drop(advisor);
    let rows = read_rows(&work.join("figures"))?;
    print_table(&rows);
    println!(
        "\ndocs-sites took {:.0} s; heights read from README: data-min-height {}, data-max-height {}",
        started.elapsed().as_secs_f64(),
        embed.height("data-min-height")?,
        embed.height("data-max-height")?
    );
    for failure in &tally.failures {
        println!("  failed: {failure}");
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if !ran || tally.failed > 0 || rows.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}

/// Fills one generator's sources with README's snippet and the advisor's address, builds the
/// site and serves it on its own origin.
fn build_site(
    root: &Path,
    work: &Path,
    generator: &str,
    tools: &Tools,
    embed: &Embed,
    advisor: &Site,
) -> Result<Site> {
    let out = work.join("site").join(generator);
    // The host starts first: MkDocs' instant navigation needs the site's own address.
    let host = Site::start(out.clone(), "/")?;
    let filled = work.join("src").join(generator);
    let _ = std::fs::remove_dir_all(&filled);
    let values = [
        ("SITE_URL", host.url()),
        ("EMBED_JS", format!("{}embed.js", advisor.url())),
        ("PLACEHOLDER", embed.placeholder(&advisor.url())),
        ("SCRIPT", embed.script(&advisor.url())),
        ("RESERVE_CSS", embed.reserve_css()),
    ];
    let source = root.join("tests/e2e/docs_sites").join(generator);
    sources::copy_rendered(&source, &filled, &values)?;
    let started = Instant::now();
    generators::build(generator, tools, &filled, &out)?;
    println!(
        "built the {generator} site in {:.1} s, served at {}",
        started.elapsed().as_secs_f64(),
        host.url()
    );
    Ok(host)
}

/// The existing dist/: a build in progress can leave it missing for a moment while Trunk
/// replaces it, so wait for it rather than fail the judge.
fn wait_for_dist(dist: &Path) -> Result<PathBuf> {
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        if dist.join("index.html").is_file() && dist.join("embed.js").is_file() {
            return Ok(dist.to_owned());
        }
        if Instant::now() > deadline {
            bail!(
                "{} has no index.html and embed.js after 5 minutes: run `cargo xtask dist` first",
                dist.display()
            );
        }
        println!("waiting for dist/ to be built …");
        std::thread::sleep(Duration::from_secs(5));
    }
}

/// Runs the spec with its own config (never part of `cargo xtask e2e`); returns whether
/// Playwright succeeded and its counts.
fn playwright(
    root: &Path,
    work: &Path,
    advisor: &Site,
    hosts: &[(&str, Site)],
) -> Result<(bool, crate::tally::Tally)> {
    let figures = work.join("figures");
    let _ = std::fs::remove_dir_all(&figures);
    std::fs::create_dir_all(&figures)?;
    let sites: serde_json::Map<String, serde_json::Value> = hosts
        .iter()
        .map(|(name, host)| (name.to_string(), host.url().into()))
        .collect();
    let report = work.join("playwright-report.json");
    let _ = std::fs::remove_file(&report);
    let status = Command::new("npx")
        .args(["--no-install", "playwright", "test"])
        .args(["--config", "docs_sites/playwright.config.js"])
        .current_dir(root.join("tests/e2e"))
        .env("DOCS_SITES", serde_json::Value::Object(sites).to_string())
        .env("ADVISOR_URL", advisor.url())
        .env("DOCS_SITES_FIGURES", &figures)
        .env("DOCS_SITES_OUTPUT", work.join("test-results"))
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report)
        .env("CHROMIUM_PATH", tools::CHROMIUM)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .status()
        .context("could not start Playwright (npx)")?;
    let tally = std::fs::read_to_string(&report)
        .ok()
        .and_then(|json| crate::tally::from_playwright(&json))
        .unwrap_or_default();
    Ok((status.success(), tally))
}

/// One row of the table as the spec wrote it: its cells in column order, and which missed.
struct Row {
    cells: Vec<(String, String, bool)>,
}

/// The spec's rows, in the order of the generators and then the widths.
fn read_rows(dir: &Path) -> Result<Vec<Row>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    let order = |p: &PathBuf| {
        let name = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let generator = GENERATORS.iter().position(|g| name.starts_with(g));
        let width: u32 = name
            .rsplit('-')
            .next()
            .and_then(|w| w.parse().ok())
            .unwrap_or(0);
        (generator, std::cmp::Reverse(width))
    };
    files.sort_by_key(order);
    let mut rows = Vec::new();
    for file in files {
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file)?)
            .with_context(|| format!("reading {}", file.display()))?;
        let cells = json["cells"]
            .as_array()
            .map(|cells| {
                cells
                    .iter()
                    .map(|c| {
                        let text = match &c["value"] {
                            serde_json::Value::String(s) => s.clone(),
                            serde_json::Value::Null => "-".into(),
                            other => other.to_string(),
                        };
                        let title = c["title"].as_str().unwrap_or("?").to_owned();
                        (title, text, c["ok"].as_bool() != Some(false))
                    })
                    .collect()
            })
            .unwrap_or_default();
        rows.push(Row { cells });
    }
    Ok(rows)
}

/// A plain-text table; a value that misses its threshold is marked with `✗`.
fn print_table(rows: &[Row]) {
    let Some(first) = rows.first() else {
        println!("\nThe spec wrote no figures.");
        return;
    };
    let titles: Vec<&str> = first.cells.iter().map(|(t, _, _)| t.as_str()).collect();
    let text = |(_, value, ok): &(String, String, bool)| {
        if *ok {
            value.clone()
        } else {
            format!("{value} ✗")
        }
    };
    let widths: Vec<usize> = titles
        .iter()
        .enumerate()
        .map(|(i, title)| {
            rows.iter()
                .filter_map(|r| r.cells.get(i).map(|c| text(c).chars().count()))
                .chain([title.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.chars().count()))))
            .collect();
        println!("| {} |", padded.join(" | "));
    };
    println!("\nThe embed on real docs sites (✗: misses the threshold in docs_sites.spec.js)");
    line(titles.iter().map(|t| t.to_string()).collect());
    line(widths.iter().map(|w| "-".repeat(*w)).collect());
    for row in rows {
        line(row.cells.iter().map(text).collect());
    }
}
