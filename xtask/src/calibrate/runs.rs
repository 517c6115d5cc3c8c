//! The three measurements, each a Node script in tests/e2e/calibrate/ that prints one JSON
//! object: the page's own estimates (`page.mjs`, twice), llama.cpp natively (`native.mjs`) and
//! llama.cpp in WebAssembly (`wllama.mjs`).

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use super::table::{PageRun, Reference};
use super::Model;
use crate::static_server::StaticServer;
use crate::tools;

/// Tokens in the prompt (prefill) and cached before the decode is timed, as the page is asked.
pub const PROMPT: u32 = 512;

/// How many times each reference runtime is timed (medians are reported).
#[derive(Debug, Clone, Copy)]
pub struct Runs {
    pub native: u32,
    /// wllama prefills slowly (about 2 tokens/s for Llama 3.2 1B on one thread), so it gets
    /// fewer prefill runs; its decode is timed twice per run (once after a fresh prompt, once
    /// on the cached one).
    pub wasm: u32,
}

pub struct Report {
    pub cores: u32,
    pub threads: Vec<u32>,
    pub pages: Vec<PageRun>,
    pub native: Vec<Reference>,
    pub wasm: Vec<Reference>,
    /// Every script's whole output, for target/calibrate.json.
    pub raw: Value,
}

/// The thread counts timed: one, and every logical core the machine offers.
pub fn thread_counts(cores: u32) -> Vec<u32> {
    if cores > 1 {
        vec![1, cores]
    } else {
        vec![1]
    }
}

pub fn measure_all(
    root: &Path,
    js: &Path,
    cache: &Path,
    models: &[Model],
    runs: Runs,
) -> Result<Report> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    let threads = thread_counts(cores);
    let names: Vec<&str> = models.iter().map(|m| m.name).collect();

    // The page first: it takes seconds, and a page that cannot be measured stops the run
    // before the long ones.
    let app = StaticServer::start(root.join("dist"), 0)?;
    let mut pages = Vec::new();
    let mut page_raw = Vec::new();
    for mode in ["as-is", "one-thread"] {
        println!("==> the page's estimates ({mode}), \"Measure this device\" on dist/");
        let mut args = vec![app.url(), mode.to_owned()];
        args.extend(names.iter().map(|n| (*n).to_owned()));
        let raw = node_json(js, "page.mjs", &args)?;
        pages.push(typed::<PageRun>(&raw, "page.mjs")?);
        page_raw.push(raw);
    }
    drop(app);

    let spec = |runs: u32, decode: u32| {
        json!({
            "models": models.iter().map(|m| json!({
                "name": m.name,
                "file": m.file,
                "vocab": m.vocab,
            })).collect::<Vec<_>>(),
            "threads": threads,
            "prompt": PROMPT,
            "decode": decode,
            "runs": runs,
        })
    };
    println!(
        "==> llama.cpp natively (node-llama-cpp), threads {threads:?}, {} runs",
        runs.native
    );
    let native_spec = cache.join("native-spec.json");
    std::fs::write(&native_spec, serde_json::to_vec(&spec(runs.native, 16))?)?;
    let native_raw = node_json(
        js,
        "native.mjs",
        &[native_spec.to_string_lossy().into_owned()],
    )?;
    let native = typed::<Vec<Reference>>(&native_raw["results"], "native.mjs")?;

    let (wasm, wasm_raw) = if runs.wasm == 0 {
        println!("==> wllama skipped (--wasm-runs 0)");
        (Vec::new(), Value::Null)
    } else {
        println!(
            "==> llama.cpp in WebAssembly (wllama in Chromium), threads {threads:?}, {} runs; \
             slow: minutes per run for Llama 3.2 1B",
            runs.wasm
        );
        let wasm_spec = cache.join("wasm-spec.json");
        std::fs::write(&wasm_spec, serde_json::to_vec(&spec(runs.wasm, 8))?)?;
        let raw = node_json(
            js,
            "wllama.mjs",
            &[wasm_spec.to_string_lossy().into_owned()],
        )?;
        (typed::<Vec<Reference>>(&raw["results"], "wllama.mjs")?, raw)
    };

    Ok(Report {
        cores,
        threads,
        pages,
        native,
        wasm,
        raw: json!({ "page": page_raw, "native": native_raw, "wasm": wasm_raw }),
    })
}

/// Runs a script of tests/e2e/calibrate/ with its progress on the terminal (stderr) and reads
/// the one JSON object it prints last on stdout.
fn node_json(js: &Path, script: &str, args: &[String]) -> Result<Value> {
    let output = Command::new("node")
        .arg(script)
        .args(args)
        .current_dir(js)
        .env("CHROMIUM_PATH", tools::CHROMIUM)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("starting node {script}"))?;
    if !output.status.success() {
        bail!(
            "node {script} failed ({}); its messages are above",
            output.status
        );
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().last().unwrap_or_default();
    serde_json::from_str(line).with_context(|| format!("reading what {script} printed: {line:?}"))
}

fn typed<T: DeserializeOwned>(value: &Value, script: &str) -> Result<T> {
    serde_json::from_value(value.clone()).with_context(|| format!("reading {script}'s figures"))
}

/// The versions the figures come from: the npm packages as installed, the pinned PyPI writer,
/// Chromium and Node.
pub fn versions(root: &Path, js: &Path) -> Value {
    let package = |name: &str| -> Value {
        std::fs::read(js.join("node_modules").join(name).join("package.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
            .map_or(Value::Null, |p| p["version"].clone())
    };
    let gguf = std::fs::read_to_string(root.join("xtask/calibrate/requirements.txt"))
        .ok()
        .and_then(|r| {
            r.lines()
                .find_map(|l| l.strip_prefix("gguf==").map(|v| v.trim().to_owned()))
        });
    let first_line = |program: &str| {
        crate::process::output(program, &["--version"]).map(|v| v.trim().to_owned())
    };
    json!({
        "node-llama-cpp": package("node-llama-cpp"),
        "@wllama/wllama": package("@wllama/wllama"),
        "playwright-core": package("playwright-core"),
        "gguf (PyPI)": gguf,
        "chromium": first_line(tools::CHROMIUM),
        "node": first_line("node"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_thread_and_every_core_are_timed_once_each() {
        assert_eq!(thread_counts(1), vec![1]);
        assert_eq!(thread_counts(2), vec![1, 2]);
        assert_eq!(thread_counts(16), vec![1, 16]);
    }
}
