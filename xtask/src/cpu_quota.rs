//! `cargo xtask cpu-quota`: proof that the device benchmark measures, not assumes. It runs
//! "Measure this device" in headless Chromium twice against the existing dist/: once as is,
//! once with Chromium inside a CPU cgroup capped at a quarter of one CPU, and fails unless the
//! capped run's tokens/s is at most half the free run's. On demand only (it takes a minute or
//! more and needs a writable cgroup), so `cargo xtask test` does not run it.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::static_server::StaticServer;
use crate::tools;

const GROUP: &str = "loc-or-cloud-cpu-quota";
/// A quarter of one CPU: 25 ms of every 100 ms.
const QUOTA_US: u32 = 25_000;
const PERIOD_US: u32 = 100_000;

/// A CPU cgroup made for the run and removed after it; v2 (`cpu.max`) or v1 (`cfs_quota_us`).
struct Cgroup(PathBuf);

impl Cgroup {
    fn create() -> Result<Self> {
        let v2 = Path::new("/sys/fs/cgroup/cgroup.controllers");
        let dir = if v2.exists() {
            PathBuf::from("/sys/fs/cgroup").join(GROUP)
        } else {
            PathBuf::from("/sys/fs/cgroup/cpu").join(GROUP)
        };
        std::fs::create_dir_all(&dir).with_context(|| {
            format!(
                "creating {} (a writable CPU cgroup is needed)",
                dir.display()
            )
        })?;
        let group = Cgroup(dir);
        if v2.exists() {
            std::fs::write(group.0.join("cpu.max"), format!("{QUOTA_US} {PERIOD_US}"))?;
        } else {
            std::fs::write(group.0.join("cpu.cfs_period_us"), PERIOD_US.to_string())?;
            std::fs::write(group.0.join("cpu.cfs_quota_us"), QUOTA_US.to_string())?;
        }
        Ok(group)
    }

    fn procs(&self) -> PathBuf {
        self.0.join("cgroup.procs")
    }
}

impl Drop for Cgroup {
    fn drop(&mut self) {
        // Every process in it has exited by now, so the empty group can go.
        let _ = std::fs::remove_dir(&self.0);
    }
}

fn measure(root: &Path, url: &str, cgroup: Option<&Cgroup>) -> Result<Value> {
    // The shell moves itself into the group before it becomes node, so node and every Chromium
    // process it starts are inside from their first instruction.
    let enter = cgroup.map_or(String::new(), |g| {
        format!("echo $$ > '{}' && ", g.procs().display())
    });
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("{enter}exec node bench/measure.js '{url}'"))
        .current_dir(root.join("tests/e2e"))
        .env("CHROMIUM_PATH", tools::CHROMIUM)
        .output()?;
    if !output.status.success() {
        bail!(
            "the measurement failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().last().unwrap_or_default();
    serde_json::from_str(line).with_context(|| format!("reading {line:?}"))
}

pub fn run(root: &Path) -> Result<()> {
    tools::ensure_test_tools(root)?;
    if !root.join("dist/index.html").exists() {
        bail!("no dist/: run `cargo xtask dist` (or `cargo xtask test`) first");
    }
    let server = StaticServer::start(root.join("dist"), 0)?;
    println!("==> measuring with the whole machine");
    let free = measure(root, &server.url(), None)?;
    println!("{free}");
    println!("==> measuring inside a cgroup capped at {QUOTA_US}/{PERIOD_US} µs of CPU");
    let group = Cgroup::create()?;
    let capped = measure(root, &server.url(), Some(&group))?;
    drop(group);
    println!("{capped}");
    let speed = |v: &Value| v["tokens_per_s"].as_f64().unwrap_or(f64::NAN);
    let ratio = speed(&capped) / speed(&free);
    println!(
        "Llama 3.2 1B 4-bit, extrapolated: {:.3} tokens/s free, {:.3} capped; capped / free = {ratio:.2}",
        speed(&free),
        speed(&capped)
    );
    // A NaN ratio (a failed reading) fails too.
    if ratio.is_nan() || ratio > 0.5 {
        bail!("a quarter CPU should at least halve the measured speed; it gave {ratio:.2}");
    }
    println!("cpu-quota: passed (at most half the speed under a quarter CPU)");
    Ok(())
}
