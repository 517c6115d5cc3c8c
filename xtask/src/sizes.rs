//! The size report: raw, gzip and brotli bytes of every shipped file, the app and each worker apart.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::Serialize;

/// The app bundle (its wasm and JS glue, brotli) may not grow past this without a written decision.
pub const APP_BUDGET_BROTLI: u64 = 150_000;

/// What a first view on a wide screen fetches without any interaction (the page, the app, its
/// styles and prices, the service worker's install, and the fit table's worker and data): at
/// most this, brotli; the heavy parts wait for their use. README's *Size budget* gives the
/// decision.
pub const FIRST_VISIT_BUDGET_BROTLI: u64 = 250_000;

#[derive(Debug, Serialize)]
pub struct FileSize {
    pub group: &'static str,
    pub file: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub files: Vec<FileSize>,
    pub app_brotli: u64,
    pub worker_brotli: u64,
    /// The cloud call's worker, started only when the visitor asks for a cloud call.
    pub cloud_worker_brotli: u64,
    /// The exports' worker, started only when the visitor copies or downloads a report.
    pub report_worker_brotli: u64,
    /// The fit table's worker, started when the device panel shows its table.
    pub fit_worker_brotli: u64,
    pub model_brotli: u64,
    /// Every file a first visit fetches with no interaction on a narrow screen: all but the
    /// on-demand ones.
    pub first_visit_brotli: u64,
    /// The same on a wide screen, whose open device panel fetches the report worker and data.
    pub first_visit_wide_brotli: u64,
    /// Every file of the build: what "make available offline" leaves in the cache.
    pub full_offline_brotli: u64,
    pub app_links_tract: bool,
    /// The cloud call's reading of streamed answers found in the app: it belongs in the cloud worker.
    pub app_has_cloud_call: bool,
    /// The report writers (their headings) found in the app: they belong in the report worker.
    pub app_has_report_writer: bool,
}

/// Measures every .wasm, .js, .css and model file under `dist`.
pub fn report(dist: &Path) -> Result<Report> {
    let mut files = Vec::new();
    let mut app_links_tract = false;
    let mut app_has_cloud_call = false;
    let mut app_has_report_writer = false;
    let (mut first_visit_brotli, mut full_offline_brotli, mut wide_extra) = (0, 0, 0);
    for path in walk(dist)? {
        let name = path
            .strip_prefix(dist)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(&path).with_context(|| format!("reading {name}"))?;
        if !name.starts_with('.') {
            let brotli = brotli_len(&bytes)?;
            full_offline_brotli += brotli;
            if !crate::precache::on_demand(&name) {
                first_visit_brotli += brotli;
            } else if crate::precache::desktop_first_view(&name) {
                wide_extra += brotli;
            }
        }
        let Some(group) = group_of(&name) else {
            continue;
        };
        if group == "app" && name.ends_with(".wasm") {
            app_links_tract |= contains(&bytes, b"tract_core") || contains(&bytes, b"tract-core");
            app_has_cloud_call |= contains(&bytes, b"text/event-stream");
            // The report writers, and the words the worker writes for the result panel (the
            // stacks, a hybrid's plan), must stay out of the app.
            app_has_report_writer |= contains(&bytes, b"## What would change the verdict")
                || contains(&bytes, b"# Device capability report")
                || contains(&bytes, b"Recommended stacks")
                || contains(&bytes, b"What it takes to build");
        }
        files.push(FileSize {
            group,
            raw: bytes.len() as u64,
            gzip: gzip_len(&bytes)?,
            brotli: brotli_len(&bytes)?,
            file: name,
        });
    }
    files.sort_by(|a, b| (a.group, &a.file).cmp(&(b.group, &b.file)));
    let total = |group: &str| -> u64 {
        files
            .iter()
            .filter(|f| f.group == group)
            .map(|f| f.brotli)
            .sum()
    };
    Ok(Report {
        app_brotli: total("app"),
        worker_brotli: total("worker"),
        cloud_worker_brotli: total("cloud"),
        report_worker_brotli: total("report"),
        fit_worker_brotli: total("fit"),
        model_brotli: total("model"),
        first_visit_brotli,
        first_visit_wide_brotli: first_visit_brotli + wide_extra,
        full_offline_brotli,
        app_links_tract,
        app_has_cloud_call,
        app_has_report_writer,
        files,
    })
}

/// Which bundle a dist file belongs to, or None for files the report ignores.
fn group_of(name: &str) -> Option<&'static str> {
    let is_code = name.ends_with(".wasm") || name.ends_with(".js");
    if name.starts_with("models/") && name.ends_with(".onnx") {
        Some("model")
    } else if is_code && name.starts_with("cloud_worker") {
        Some("cloud")
    } else if is_code && name.starts_with("fit_worker") {
        Some("fit")
    } else if is_code && name.starts_with("report_worker") {
        Some("report")
    } else if is_code && name.starts_with("worker") {
        Some("worker")
    } else if is_code && name.starts_with("app") {
        Some("app")
    } else if is_code || name.ends_with(".css") {
        Some("other")
    } else {
        None
    }
}

impl Report {
    pub fn print(&self) {
        println!("\nSize report (bytes)");
        println!(
            "{:<8} {:<44} {:>10} {:>10} {:>10}",
            "bundle", "file", "raw", "gzip", "brotli"
        );
        for f in &self.files {
            println!(
                "{:<8} {:<44} {:>10} {:>10} {:>10}",
                f.group, f.file, f.raw, f.gzip, f.brotli
            );
        }
        println!(
            "app (wasm + JS) brotli: {} of a {} budget; worker brotli: {}; worker + model brotli: {}; cloud worker brotli: {}; report worker brotli: {}; fit worker brotli: {}",
            self.app_brotli,
            APP_BUDGET_BROTLI,
            self.worker_brotli,
            self.worker_brotli + self.model_brotli,
            self.cloud_worker_brotli,
            self.report_worker_brotli,
            self.fit_worker_brotli
        );
        println!(
            "first visit, no interaction, brotli: narrow screen {}; wide screen (device panel open) {} of a {} budget; everything offline: {}",
            self.first_visit_brotli,
            self.first_visit_wide_brotli,
            FIRST_VISIT_BUDGET_BROTLI,
            self.full_offline_brotli
        );
    }

    pub fn write_json(&self, path: &Path) -> Result<()> {
        std::fs::write(path, serde_json::to_vec_pretty(self)?)?;
        println!("size report written to {}", path.display());
        Ok(())
    }

    /// Fails when the app is over budget, links tract or holds the cloud call.
    pub fn check_budget(&self) -> Result<()> {
        if self.app_links_tract {
            bail!("the app bundle links tract; tract belongs only in the worker");
        }
        if self.app_has_cloud_call {
            bail!("the app bundle holds the cloud call; it belongs only in the cloud worker");
        }
        if self.app_has_report_writer {
            bail!("the app bundle holds the report writers; they belong only in the report worker");
        }
        if self.app_brotli == 0 {
            bail!("no app bundle found in dist/");
        }
        if self.first_visit_wide_brotli > FIRST_VISIT_BUDGET_BROTLI {
            bail!(
                "a first visit on a wide screen fetches {} bytes brotli, over its {} budget",
                self.first_visit_wide_brotli,
                FIRST_VISIT_BUDGET_BROTLI
            );
        }
        if self.app_brotli > APP_BUDGET_BROTLI {
            bail!(
                "the app bundle is {} bytes brotli, over its {} budget",
                self.app_brotli,
                APP_BUDGET_BROTLI
            );
        }
        Ok(())
    }
}

fn walk(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(walk(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

pub fn brotli_len(bytes: &[u8]) -> Result<u64> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &*bytes, &mut out, &params)?;
    Ok(out.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_fall_into_the_right_bundle() {
        assert_eq!(group_of("app-1a2b_bg.wasm"), Some("app"));
        assert_eq!(group_of("app-1a2b.js"), Some("app"));
        assert_eq!(group_of("worker_bg.wasm"), Some("worker"));
        assert_eq!(group_of("models/analyzer.onnx"), Some("model"));
        assert_eq!(group_of("style-99.css"), Some("other"));
        assert_eq!(group_of("index.html"), None);
    }

    #[test]
    fn compression_shrinks_repetitive_input() {
        let bytes = vec![b'a'; 10_000];
        assert!(brotli_len(&bytes).unwrap_or(u64::MAX) < 100);
        assert!(gzip_len(&bytes).unwrap_or(u64::MAX) < 100);
    }
}
