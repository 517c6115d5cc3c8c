//! The docs generators, pinned and installed once (MkDocs Material and Sphinx with furo in a
//! Python virtual environment, mdBook with `cargo install`), and the site builds.
//!
//! Wheels are downloaded into a wheelhouse first and installed from it without an index, so a
//! virtual environment that has to be made again (a changed Python, a deleted directory) needs
//! no network as long as the wheelhouse holds the pinned files.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// mdBook's pinned version: 0.5.4 needs Rust 1.88 (the machines have 1.95); its install without
/// the `serve` and `watch` features took 3 minutes on 2 cores.
const MDBOOK_VERSION: &str = "0.5.4";

/// The virtual environment with the pinned generators, made or reused; returns its python.
pub fn python_env(root: &Path, work: &Path) -> Result<PathBuf> {
    let requirements = root.join("tests/e2e/docs_sites/requirements.txt");
    let wanted = std::fs::read_to_string(&requirements).context("reading requirements.txt")?;
    let venv = work.join("venv");
    let python = venv.join("bin/python");
    let stamp = venv.join("installed-requirements.txt");
    if python.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(python);
    }
    let wheels = work.join("wheels");
    // Some wheels are built per Python version: a new python3 needs its own download.
    let python_version = crate::process::output("python3", &["--version"]).unwrap_or_default();
    let wheels_wanted = format!("# {}\n{wanted}", python_version.trim());
    download_wheels(&requirements, &wheels_wanted, &wheels, &venv)?;
    let _ = std::fs::remove_dir_all(&venv);
    crate::process::run("python3", &["-m", "venv", &venv.to_string_lossy()])?;
    let install = pip_command(&python.to_string_lossy(), "install")
        .args(["--no-index", "--no-deps", "--find-links"])
        .arg(&wheels)
        .arg("-r")
        .arg(&requirements)
        .output()
        .context("could not start the virtual environment's pip")?;
    if !install.status.success() {
        bail!(
            "installing the docs generators from {} failed:\n{}",
            wheels.display(),
            last_lines(&install.stderr, 6)
        );
    }
    std::fs::write(&stamp, &wanted)?;
    Ok(python)
}

/// The pinned wheels from PyPI into the wheelhouse, unless it already holds this requirements file's.
fn download_wheels(requirements: &Path, wanted: &str, wheels: &Path, venv: &Path) -> Result<()> {
    let wheels_stamp = wheels.join("downloaded-requirements.txt");
    if std::fs::read_to_string(&wheels_stamp).ok().as_deref() != Some(wanted) {
        println!(
            "Downloading the pinned docs generators from PyPI into {}",
            wheels.display()
        );
        std::fs::create_dir_all(wheels)?;
        // --no-deps: the file pins every package the generators need, so nothing unpinned comes in.
        let download = pip_command("python3", "download")
            .args(["--no-deps", "--dest"])
            .arg(wheels)
            .arg("-r")
            .arg(requirements)
            .output()
            .context("could not start python3 -m pip")?;
        if !download.status.success() {
            bail!(
                "could not download the docs generators from PyPI (is PyPI reachable?). The virtual \
                 environment {} is missing or stale, so the judge cannot run offline yet.\npip said: {}",
                venv.display(),
                last_lines(&download.stderr, 4)
            );
        }
        std::fs::write(&wheels_stamp, wanted)?;
    }
    Ok(())
}

/// `python -m pip SUBCOMMAND` with a short timeout and one retry: an unreachable index should be
/// said in seconds, not after pip's five retries with backoff.
fn pip_command(python: &str, subcommand: &str) -> Command {
    let mut command = Command::new(python);
    command
        .args(["-m", "pip", subcommand])
        .args(["--quiet", "--disable-pip-version-check"])
        .args(["--retries", "1", "--timeout", "15"]);
    command
}

fn last_lines(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// mdBook from crates.io into the judge's directory, or None (with the reason printed) when it
/// cannot be installed; the judge then runs without it rather than not at all.
pub fn mdbook(work: &Path) -> Option<PathBuf> {
    let root = work.join("mdbook");
    let binary = root.join("bin/mdbook");
    let version = crate::process::output(&binary.to_string_lossy(), &["--version"]);
    if version.is_some_and(|v| v.trim() == format!("mdbook v{MDBOOK_VERSION}")) {
        return Some(binary);
    }
    println!(
        "Installing mdBook {MDBOOK_VERSION} into {} (about 3 minutes)",
        root.display()
    );
    let status = Command::new("cargo")
        .args(["install", "mdbook", "--locked", "--version", MDBOOK_VERSION])
        .args(["--no-default-features", "--features", "search", "--force"])
        .arg("--root")
        .arg(&root)
        // Its own target directory, so the install never waits on the app's build lock.
        .env("CARGO_TARGET_DIR", work.join("mdbook-build"))
        .status();
    match status {
        Ok(status) if status.success() => {
            let _ = std::fs::remove_dir_all(work.join("mdbook-build"));
            Some(binary)
        }
        _ => {
            eprintln!("mdBook {MDBOOK_VERSION} could not be installed: the judge runs without it");
            None
        }
    }
}

/// Builds one generator's filled-in sources in `source` into `out`.
pub fn build(generator: &str, tools: &Tools, source: &Path, out: &Path) -> Result<()> {
    let _ = std::fs::remove_dir_all(out);
    let python = tools.python.as_os_str();
    let mut command = match generator {
        "mkdocs" => {
            let mut c = Command::new(python);
            c.args([
                "-m",
                "mkdocs",
                "build",
                "--quiet",
                "--clean",
                "--config-file",
            ])
            .arg(source.join("mkdocs.yml"))
            .arg("--site-dir")
            .arg(out);
            c
        }
        "sphinx" => {
            let mut c = Command::new(python);
            c.args(["-m", "sphinx", "-b", "html", "-q", "-E", "-a", "-d"])
                .arg(source.join("_doctrees"))
                .arg(source)
                .arg(out);
            c
        }
        "mdbook" => {
            let mut c = Command::new(tools.mdbook.as_ref().context("mdBook is not installed")?);
            c.arg("build").arg(source).arg("--dest-dir").arg(out);
            c
        }
        other => bail!("no generator called {other}"),
    };
    let built = command
        .output()
        .with_context(|| format!("could not start the {generator} build"))?;
    if !built.status.success() {
        bail!(
            "the {generator} site did not build:\n{}",
            last_lines(&built.stderr, 20)
        );
    }
    Ok(())
}

/// The installed generators.
pub struct Tools {
    pub python: PathBuf,
    pub mdbook: Option<PathBuf>,
}
