//! Installs, pinned and from the package registries only, the tools the build and the tests need.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::process;

/// Trunk's pinned version; 0.22 needs a newer rustc than the machines have.
const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The repository root (the parent of the xtask crate).
pub fn project_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .context("the xtask crate has no parent directory")
}

/// Where cargo puts build output: CARGO_TARGET_DIR when set, else target/ in the repository.
pub fn target_dir(root: &Path) -> Result<PathBuf> {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// Where `ensure_build_tools` installs the npm build tools (wasm-opt).
fn npm_tools(root: &Path) -> PathBuf {
    root.join("xtask/tools")
}

/// Puts ~/.cargo/bin and the npm build tools first on PATH so that they are the ones Trunk finds.
pub fn put_tools_on_path(root: &Path) {
    let mut paths = vec![cargo_bin(), npm_tools(root).join("node_modules/.bin")];
    if let Some(path) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&path));
    }
    if let Ok(joined) = std::env::join_paths(paths) {
        // SAFETY: xtask is single-threaded at this point; no other thread reads the environment.
        unsafe { std::env::set_var("PATH", joined) };
    }
}

/// The wasm-bindgen version Cargo.lock pins; the CLI must be exactly this version.
pub fn locked_wasm_bindgen(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = ")) {
                return Ok(version.trim_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock names no wasm-bindgen")
}

fn trunk_pinned_wasm_bindgen(root: &Path) -> Result<String> {
    let config = std::fs::read_to_string(root.join("Trunk.toml")).context("reading Trunk.toml")?;
    config
        .lines()
        .find_map(|line| line.trim().strip_prefix("wasm_bindgen = "))
        .map(|v| v.trim_matches('"').to_owned())
        .context("Trunk.toml has no [tools] wasm_bindgen pin")
}

fn installed_version(program: &str) -> Option<String> {
    let text = process::output(program, &["--version"])?;
    text.split_whitespace().nth(1).map(str::to_owned)
}

/// The wasm32 target, trunk and wasm-bindgen-cli, each installed only when missing or at the wrong version.
pub fn ensure_build_tools(root: &Path) -> Result<()> {
    let targets = process::output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        process::run("rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }

    let wasm_bindgen = locked_wasm_bindgen(root)?;
    let pinned = trunk_pinned_wasm_bindgen(root)?;
    if pinned != wasm_bindgen {
        bail!(
            "Trunk.toml pins wasm-bindgen {pinned} but Cargo.lock has {wasm_bindgen}; \
             make them equal, or Trunk will try to download its own"
        );
    }
    if installed_version("wasm-bindgen").as_deref() != Some(wasm_bindgen.as_str()) {
        // Not --locked: the CLI's own lockfile pins a crate version the registry no longer serves.
        process::run(
            "cargo",
            &[
                "install",
                "wasm-bindgen-cli",
                "--version",
                &wasm_bindgen,
                "--force",
            ],
        )?;
    }
    npm_ci(&npm_tools(root))?;
    if installed_version("trunk").as_deref() != Some(TRUNK_VERSION) {
        process::run(
            "cargo",
            &[
                "install",
                "trunk",
                "--locked",
                "--version",
                TRUNK_VERSION,
                "--force",
            ],
        )?;
    }
    Ok(())
}

/// Chromium and ChromeDriver from Debian, and the end-to-end packages from npm (no browser download).
pub fn ensure_test_tools(root: &Path) -> Result<()> {
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        let apt = |args: &[&str]| -> Result<()> {
            if is_root() {
                process::run("apt-get", args)
            } else {
                let mut with_sudo = vec!["-n", "apt-get"];
                with_sudo.extend_from_slice(args);
                process::run("sudo", &with_sudo)
                    .context("installing Chromium needs root or password-less sudo")
            }
        };
        apt(&["update", "-qq"])?;
        apt(&["install", "-y", "-qq", "chromium", "chromium-driver"])?;
    }

    npm_ci(&root.join("tests/e2e"))
}

/// Installs a folder's npm packages from its lockfile when they are missing or older than it.
pub fn npm_ci(dir: &Path) -> Result<()> {
    let installed = dir.join("node_modules/.package-lock.json");
    let stale = match (
        modified(&installed),
        modified(&dir.join("package-lock.json")),
    ) {
        (Some(installed), Some(lock)) => installed < lock,
        _ => true,
    };
    if stale {
        let status = std::process::Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .status()
            .context("could not start npm")?;
        if !status.success() {
            bail!("npm ci in {} failed ({status})", dir.display());
        }
    }
    Ok(())
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn is_root() -> bool {
    process::output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0")
}
