//! `cargo xtask refresh-data`: the price and model files in `static/data/`, from pinned public datasets.
//!
//! Prices come from genai-prices (PyPI, pinned in `xtask/data/requirements.txt`), the local
//! model list from WebLLM's prebuilt model list (npm, pinned in `xtask/data/package.json`). What
//! the page offers, the retirements and the model shapes are the hand-kept parts, each row with
//! its source, in `xtask/data/*.json`; the joining rules are in `refresh_data/join.rs`.

mod join;
mod models;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

pub use join::{prices_file, CloudSources};
pub use models::{models_file, ShapeSources};

/// Where the generated files live, relative to the repository root.
pub const PRICES: &str = "static/data/prices.json";
pub const MODELS: &str = "static/data/models.json";

/// The providers whose models the price export keeps (the page offers a few of each).
const PROVIDERS: &str = "openai,azure,google,anthropic,deepseek,mistral";

/// Writes both files from the pinned datasets.
pub fn run(root: &Path) -> Result<()> {
    let (prices, models) = generate(root)?;
    write(&root.join(PRICES), &prices)?;
    write(&root.join(MODELS), &models)?;
    println!("wrote {PRICES} and {MODELS}");
    Ok(())
}

/// Whether the committed files equal what the pinned datasets produce now.
pub fn is_current(root: &Path) -> Result<bool> {
    let (prices, models) = generate(root)?;
    let mut current = true;
    for (path, fresh) in [(PRICES, &prices), (MODELS, &models)] {
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if committed != *fresh {
            eprintln!("{path} differs from what the pinned datasets produce: run `cargo xtask refresh-data` and commit it");
            current = false;
        }
    }
    Ok(current)
}

fn generate(root: &Path) -> Result<(String, String)> {
    let data = root.join("xtask/data");
    let cloud: CloudSources = read_json(&data.join("cloud.json"))?;
    let shapes: ShapeSources = read_json(&data.join("shapes.json"))?;
    let dataset: serde_json::Value = serde_json::from_str(&export_prices(root, &data)?)
        .context("reading genai-prices' export")?;
    let webllm: serde_json::Value =
        serde_json::from_str(&export_webllm(&data)?).context("reading WebLLM's export")?;
    let prices = prices_file(&cloud, &dataset)?;
    let models = models_file(&shapes, &webllm)?;
    Ok((prices.to_json()?, pretty(&models)?))
}

fn pretty(value: &impl serde::Serialize) -> Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// A virtual environment with the pinned genai-prices, made once in the build directory.
fn python(root: &Path, data: &Path) -> Result<PathBuf> {
    let venv = crate::tools::target_dir(root)?.join("data-sources-venv");
    let python = venv.join("bin/python");
    let stamp = venv.join("requirements.txt");
    let wanted = std::fs::read_to_string(data.join("requirements.txt"))?;
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(python);
    }
    crate::process::run("python3", &["-m", "venv", &venv.to_string_lossy()])?;
    let requirements = data.join("requirements.txt");
    crate::process::run(
        &python.to_string_lossy(),
        &[
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "-r",
            &requirements.to_string_lossy(),
        ],
    )?;
    std::fs::write(stamp, wanted)?;
    Ok(python)
}

fn export_prices(root: &Path, data: &Path) -> Result<String> {
    let python = python(root, data)?;
    let script = data.join("export_prices.py");
    captured(Command::new(python).arg(script).arg(PROVIDERS))
}

fn export_webllm(data: &Path) -> Result<String> {
    crate::tools::npm_ci(data)?;
    captured(
        Command::new("node")
            .arg("export_webllm.mjs")
            .current_dir(data),
    )
}

fn captured(command: &mut Command) -> Result<String> {
    let out = command
        .output()
        .with_context(|| format!("could not start {:?}", command.get_program()))?;
    if !out.status.success() {
        bail!(
            "{:?} failed: {}",
            command.get_program(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8(out.stdout)?)
}
