//! `cargo xtask calibrate`: the page's speed estimates beside real llama.cpp runs of the same
//! shapes on this machine. It writes random-weight Q4_0 GGUF files of two catalogue models
//! (`layout`), times them natively (node-llama-cpp) and in WebAssembly (wllama in headless
//! Chromium), runs the page's own "Measure this device" against the existing dist/, and prints
//! estimate ÷ real per model, runtime class and thread count (`table`), also written to
//! target/calibrate.json. On demand only: it takes many minutes, so `cargo xtask test` does not
//! run it.

mod layout;
mod runs;
mod table;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::tools;

/// Where the venv and the GGUF files are kept, outside the clone (the files are 282 and 699 MB).
fn cache_dir() -> Result<PathBuf> {
    let home = std::env::var_os("HOME").context("HOME is not set")?;
    Ok(PathBuf::from(home).join(".cache/local-or-cloud/calibrate"))
}

const USAGE: &str = "usage: cargo xtask calibrate [--runs N] [--wasm-runs N]
  --runs N       native llama.cpp runs per model and thread count (default 5)
  --wasm-runs N  wllama runs per model and thread count (default 2; 0 skips wllama)";

/// The options: how many runs of each reference runtime.
pub fn parse_args(args: &[String]) -> Result<runs::Runs> {
    let mut runs = runs::Runs { native: 5, wasm: 2 };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = |v: Option<&String>| -> Result<u32> {
            v.and_then(|v| v.parse().ok())
                .with_context(|| format!("{flag} needs a number\n\n{USAGE}"))
        };
        match flag.as_str() {
            "--runs" => runs.native = value(it.next())?.max(1),
            "--wasm-runs" => runs.wasm = value(it.next())?,
            _ => bail!("unknown option {flag:?}\n\n{USAGE}"),
        }
    }
    Ok(runs)
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let runs = parse_args(args)?;
    let started = Instant::now();
    let cache = cache_dir()?;
    if !root.join("dist/index.html").exists() {
        bail!(
            "no dist/: run `cargo xtask dist` first (calibrate reads the existing release build)"
        );
    }
    require_program("node", &["--version"])?;
    require_program("npm", &["--version"])?;
    if !Path::new(tools::CHROMIUM).exists() {
        bail!(
            "{} is missing: install Debian's chromium (`apt-get install chromium`)",
            tools::CHROMIUM
        );
    }
    println!(
        "==> random-weight GGUF files in {}",
        cache.join("gguf").display()
    );
    let models = write_models(root, &cache)?;
    let js = root.join("tests/e2e/calibrate");
    tools::npm_ci(&js)?;
    let report = runs::measure_all(root, &js, &cache, &models, runs)?;
    let rows = table::rows(&report.pages, &report.native, &report.wasm);
    let seconds = started.elapsed().as_secs();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    println!(
        "\n## Speed model calibration, {} ({} logical cores; prompt {} tokens, decode after {} cached)\n",
        table::date(now),
        report.cores,
        runs::PROMPT,
        runs::PROMPT
    );
    print!("{}", table::render(&rows));
    if let Some(busy) = table::busy_summary(&[&report.native, &report.wasm]) {
        println!(
            "CPU busy before the reference runs (other work; each waited up to a minute for at most 25 %): {busy}."
        );
    }
    let json = serde_json::json!({
        "date": table::date(now),
        "cores": report.cores,
        "threads_timed": report.threads,
        "prompt_tokens": runs::PROMPT,
        "definitions": {
            "decode": format!("tokens/s generating one token at a time after {p} cached tokens (the page: ?input_tokens={p}&output_tokens=2)", p = runs::PROMPT),
            "prefill": format!("tokens/s evaluating a {}-token prompt in one batch", runs::PROMPT),
            "ratio": "the page's estimate divided by the reference runtime's median; flagged outside 0.7-1.4",
            "references": "native-cpu: llama.cpp natively (node-llama-cpp); browser-cpu: llama.cpp in WebAssembly (wllama in headless Chromium); GPU classes: none on this machine",
        },
        "runs": { "native": runs.native, "wasm": runs.wasm },
        "versions": runs::versions(root, &js),
        "models": models.iter().map(|m| serde_json::json!({
            "name": m.name,
            "file": m.file,
            "bytes": std::fs::metadata(&m.file).map(|f| f.len()).ok(),
        })).collect::<Vec<_>>(),
        "rows": rows,
        "raw": report.raw,
        "seconds": seconds,
    });
    let path = tools::target_dir(root)?.join("calibrate.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&json)?)?;
    println!(
        "calibration written to {} ({} min {} s)",
        path.display(),
        seconds / 60,
        seconds % 60
    );
    Ok(())
}

/// A catalogue model with the GGUF file written for it.
pub struct Model {
    pub name: &'static str,
    pub file: PathBuf,
    pub vocab: u64,
}

fn write_models(root: &Path, cache: &Path) -> Result<Vec<Model>> {
    let list = std::fs::read_to_string(root.join("static/data/models.json"))
        .context("reading static/data/models.json")?;
    let writer = root.join("xtask/calibrate/write_gguf.py");
    if !writer.exists() {
        bail!("{} is missing", writer.display());
    }
    let dir = cache.join("gguf");
    std::fs::create_dir_all(&dir)?;
    let mut python = None;
    let mut models = Vec::new();
    for (name, arch) in layout::MODELS {
        let shape = layout::shape_from_list(&list, name)?;
        let file = dir.join(layout::file_name(name, &shape));
        let tensors = layout::tensors(&shape, arch);
        let params: u64 = tensors.iter().map(layout::Tensor::params).sum();
        let weights: u64 = tensors.iter().map(layout::Tensor::bytes).sum();
        // A file shorter than its weights is not a whole one: it is written again.
        let whole = std::fs::metadata(&file).is_ok_and(|m| m.len() >= weights);
        if whole {
            println!("{name}: reusing {}", file.display());
        } else {
            println!(
                "{name}: {} tensors, {:.3} B parameters, {:.0} MB of weights at Q4_0",
                tensors.len(),
                params as f64 / 1e9,
                weights as f64 / 1e6
            );
            let python = match &python {
                Some(p) => p,
                None => python.insert(ensure_venv(root, cache)?),
            };
            let spec = layout::spec(name, &shape, arch, &file.to_string_lossy());
            let spec_path = dir.join("spec.json");
            std::fs::write(&spec_path, serde_json::to_vec_pretty(&spec)?)?;
            println!("{name}: writing {}", file.display());
            let status = Command::new(python)
                .arg(&writer)
                .arg(&spec_path)
                .status()
                .context("starting the GGUF writer")?;
            if !status.success() {
                bail!("the GGUF writer failed for {name} ({status})");
            }
        }
        models.push(Model {
            name,
            file,
            vocab: shape.vocab,
        });
    }
    Ok(models)
}

/// The writer's venv with the pinned requirements; reinstalled when requirements.txt is newer.
fn ensure_venv(root: &Path, cache: &Path) -> Result<PathBuf> {
    let venv = cache.join("venv");
    let python = venv.join("bin/python");
    let requirements = root.join("xtask/calibrate/requirements.txt");
    let stamp = venv.join("requirements.installed");
    let stale = match (
        std::fs::metadata(&stamp).and_then(|m| m.modified()),
        std::fs::metadata(&requirements).and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(wanted)) => installed < wanted,
        _ => true,
    };
    if !python.exists() {
        let status = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .context("python3 is needed to write the GGUF files (`python3 -m venv`)")?;
        if !status.success() {
            bail!("`python3 -m venv {}` failed ({status})", venv.display());
        }
    }
    if stale {
        let status = Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "-r"])
            .arg(&requirements)
            .status()
            .context("starting pip")?;
        if !status.success() {
            bail!("installing {} failed ({status})", requirements.display());
        }
        std::fs::write(&stamp, "")?;
    }
    Ok(python)
}

fn require_program(program: &str, args: &[&str]) -> Result<()> {
    match Command::new(program).args(args).output() {
        Ok(out) if out.status.success() => Ok(()),
        _ => bail!("`{program}` is needed for calibrate and was not found on PATH"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn options_set_the_runs_and_anything_else_is_refused() {
        let runs = parse_args(&[]).unwrap();
        assert_eq!((runs.native, runs.wasm), (5, 2));
        let runs = parse_args(&args(&["--runs", "3", "--wasm-runs", "0"])).unwrap();
        assert_eq!((runs.native, runs.wasm), (3, 0));
        assert!(parse_args(&args(&["--runs"])).is_err());
        assert!(parse_args(&args(&["--fast"])).is_err());
    }
}
