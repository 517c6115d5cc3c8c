//! `cargo xtask test`: every check and test layer in order, then one `N passed, M failed` line.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::Result;

use crate::mock_cloud::MockCloud;
use crate::sizes;
use crate::static_server::StaticServer;
use crate::tally::{self, Tally};
use crate::tools;

/// Chromium's flags for tests: headless, no sandbox (CI runs as root), and no calls home.
pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
];

/// The outcome of one step: its name, how long it took and what it counted.
struct Step {
    name: &'static str,
    seconds: f64,
    tally: Tally,
}

/// Runs every layer; a failed layer is reported and the rest still run where they can.
pub fn run_all(root: &Path) -> Result<()> {
    let started = Instant::now();
    // Read now: the native tests may rebuild this very binary, after which the running
    // process's path reads "…/xtask (deleted)" and the PWA test could not start it again.
    let xtask = std::env::current_exe()?;
    tools::ensure_build_tools(root)?;
    tools::ensure_test_tools(root)?;
    let target = tools::target_dir(root)?;
    crate::build_cache::prune(&target)?;
    let mut steps = Vec::new();

    steps.push(check("cargo fmt --check", || {
        cargo(&["fmt", "--all", "--", "--check"])
    }));
    steps.push(check(
        "static/data equals what the pinned datasets produce",
        || crate::refresh_data::is_current(root),
    ));
    steps.push(check("clippy (native)", || {
        cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ])
    }));
    steps.push(check("clippy (wasm32)", || {
        clippy_wasm32(&["--lib", "--bins", "--tests", "--all-features"])
    }));
    // The worker bundles build without the app feature: lint each as it is built.
    steps.push(check("clippy (wasm32, worker bundle)", || {
        clippy_wasm32(&[
            "--bin",
            "worker",
            "--no-default-features",
            "--features",
            "worker",
        ])
    }));
    steps.push(check("clippy (wasm32, cloud worker bundle)", || {
        clippy_wasm32(&[
            "--bin",
            "cloud_worker",
            "--no-default-features",
            "--features",
            "cloud-worker",
        ])
    }));
    steps.push(check("clippy (wasm32, report worker bundle)", || {
        clippy_wasm32(&[
            "--bin",
            "report_worker",
            "--bin",
            "fit_worker",
            "--no-default-features",
            "--features",
            "report-worker",
        ])
    }));
    steps.push(check("the app does not depend on tract", || {
        let tree = Command::new("cargo")
            .args([
                "tree",
                "--package",
                "local-or-cloud",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .args(["--edges", "normal", "--prefix", "none"])
            .output()?;
        let text = String::from_utf8_lossy(&tree.stdout);
        Ok(tree.status.success() && !text.lines().any(|l| l.starts_with("tract")))
    }));
    steps.push(counted("native tests", || {
        let mut command = Command::new("cargo");
        command.args(["test", "--workspace", "--all-features"]);
        libtest(command)
    }));
    // Twice: headless Chromium has no WebGPU adapter unless `--enable-unsafe-webgpu` gives it
    // SwiftShader's, and the probes must be right both ways.
    for (name, webgpu) in [
        (
            "browser tests (wasm-bindgen-test, no WebGPU adapter)",
            false,
        ),
        (
            "browser tests (wasm-bindgen-test, SwiftShader WebGPU)",
            true,
        ),
    ] {
        steps.push(counted(name, || browser_tests(&target, webgpu)));
    }
    let build = check("release build (trunk)", crate::release_build_ok);
    let built = build.tally.failed == 0;
    steps.push(build);
    if built {
        steps.push(counted("end-to-end tests (Playwright)", || {
            end_to_end(root, &target, &xtask)
        }));
        steps.push(check("size report and app budget", || {
            let report = sizes::report(&root.join("dist"))?;
            report.print();
            report.write_json(&target.join("size-report.json"))?;
            Ok(report.check_budget().map_err(|e| eprintln!("{e}")).is_ok())
        }));
    } else {
        steps.push(skipped("end-to-end tests (Playwright)"));
        steps.push(skipped("size report and app budget"));
    }

    let mut total = Tally::default();
    println!("\nSummary");
    for step in &steps {
        total.add(&step.tally);
        let verdict = if step.tally.failed == 0 {
            "ok"
        } else {
            "FAILED"
        };
        println!(
            "  {verdict:<6} {:<56} {:>4} passed {:>3} failed {:>7.1} s",
            step.name, step.tally.passed, step.tally.failed, step.seconds
        );
    }
    println!("  total time {:.1} s", started.elapsed().as_secs_f64());
    for flaky in &total.flaky {
        println!("  flaky (failed, then passed on a retry): {flaky}");
    }
    for failure in &total.failures {
        println!("  failed: {failure}");
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// A step that passes or fails as a whole and counts as one.
fn check(name: &'static str, body: impl FnOnce() -> Result<bool>) -> Step {
    banner(name);
    let start = Instant::now();
    let ok = body().unwrap_or_else(|error| {
        eprintln!("{name}: {error:#}");
        false
    });
    Step {
        name,
        seconds: start.elapsed().as_secs_f64(),
        tally: if ok {
            Tally::counts(1, 0)
        } else {
            Tally {
                failures: vec![name.to_owned()],
                ..Tally::counts(0, 1)
            }
        },
    }
}

/// A step whose tests are counted one by one; a runner that fails without counting a failure counts as one failure.
fn counted(name: &'static str, body: impl FnOnce() -> Result<(bool, Tally)>) -> Step {
    banner(name);
    let start = Instant::now();
    let tally = match body() {
        Ok((true, tally)) if tally.passed > 0 => tally,
        Ok((true, tally)) => {
            eprintln!("{name}: no test ran");
            Tally {
                failed: 1,
                failures: vec![format!("{name}: no test ran")],
                ..tally
            }
        }
        Ok((false, tally)) if tally.failed == 0 => Tally {
            failed: 1,
            failures: vec![format!("{name}: the runner failed without naming a test")],
            ..tally
        },
        Ok((false, tally)) => tally,
        Err(error) => {
            eprintln!("{name}: {error:#}");
            Tally {
                failures: vec![format!("{name}: {error:#}")],
                ..Tally::counts(0, 1)
            }
        }
    };
    Step {
        name,
        seconds: start.elapsed().as_secs_f64(),
        tally,
    }
}

fn skipped(name: &'static str) -> Step {
    eprintln!("{name}: skipped because the release build failed");
    Step {
        name,
        seconds: 0.0,
        tally: Tally {
            failures: vec![format!("{name}: skipped")],
            ..Tally::counts(0, 1)
        },
    }
}

fn banner(name: &str) {
    println!("\n==> {name}");
}

/// Clippy for the browser target, warnings denied; `selection` picks the targets and features.
fn clippy_wasm32(selection: &[&str]) -> Result<bool> {
    let mut args = vec!["clippy", "--package", "local-or-cloud"];
    args.extend(["--target", "wasm32-unknown-unknown"]);
    args.extend(selection);
    args.extend(["--", "-D", "warnings"]);
    cargo(&args)
}

fn cargo(args: &[&str]) -> Result<bool> {
    Ok(Command::new("cargo").args(args).status()?.success())
}

fn libtest(command: Command) -> Result<(bool, Tally)> {
    let (ok, output) = crate::process::run_teed(command)?;
    Ok((ok, tally::from_libtest(&output)))
}

/// Runs `tests/browser.rs` in headless Chromium; `LOC_EXPECT_WEBGPU` tells the tests which adapter to expect.
fn browser_tests(target: &Path, webgpu: bool) -> Result<(bool, Tally)> {
    let capabilities = target.join("webdriver.json");
    std::fs::write(&capabilities, webdriver_capabilities(target, webgpu)?)?;
    let mut command = Command::new("cargo");
    command
        .args(["test", "--package", "local-or-cloud"])
        .args(["--target", "wasm32-unknown-unknown", "--test", "browser"])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &capabilities)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "60")
        .env("LOC_EXPECT_WEBGPU", if webgpu { "adapter" } else { "none" });
    libtest(command)
}

/// Chromium's WebDriver capabilities: Debian's binary, the test flags and a fresh profile.
fn webdriver_capabilities(target: &Path, webgpu: bool) -> Result<String> {
    let profile = target.join("chromium-profile-wasm");
    let _ = std::fs::remove_dir_all(&profile);
    let mut args: Vec<String> = CHROMIUM_ARGS
        .iter()
        .map(|a| a.trim_start_matches("--").to_owned())
        .collect();
    args.push(format!("user-data-dir={}", profile.display()));
    if webgpu {
        args.push("enable-unsafe-webgpu".into());
    }
    Ok(serde_json::json!({
        "goog:chromeOptions": { "binary": tools::CHROMIUM, "args": args }
    })
    .to_string())
}

/// Serves the build on loopback the ways the end-to-end tests need, and runs Playwright:
/// dist/ at `/` (BASE_URL) and under a sub-path (SUBPATH_URL); a copy the offline and update
/// tests may redeploy (PWA_URL, PWA_DIR, with LOC_XTASK to rewrite its service worker); and a
/// documentation page on its own origin that embeds the advisor (HOST_URL); and the
/// OpenAI-compatible test server (MOCK_CLOUD_URL).
fn end_to_end(root: &Path, target: &Path, xtask: &Path) -> Result<(bool, Tally)> {
    end_to_end_with(root, target, xtask, &[])
}

/// `cargo xtask e2e [playwright args]`: only the end-to-end tests, against the dist/ there is.
pub fn end_to_end_only(root: &Path, args: &[String]) -> Result<()> {
    tools::ensure_test_tools(root)?;
    let target = tools::target_dir(root)?;
    let (ok, tally) = end_to_end_with(root, &target, &std::env::current_exe()?, args)?;
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if !ok {
        std::process::exit(1);
    }
    Ok(())
}

/// `xtask` is this program's path as read at start: the redeploy test runs it again.
fn end_to_end_with(
    root: &Path,
    target: &Path,
    xtask: &Path,
    args: &[String],
) -> Result<(bool, Tally)> {
    let dist = root.join("dist");
    let server = StaticServer::start(dist.clone(), 0)?;
    let sub_path = StaticServer::start_at(dist.clone(), 0, "/tools/advisor/")?;
    let pwa_dir = target.join("e2e-pwa-dist");
    copy_dir(&dist, &pwa_dir)?;
    let pwa = StaticServer::start(pwa_dir.clone(), 0)?;
    let host = StaticServer::start(root.join("tests/e2e/host"), 0)?;
    let cloud = MockCloud::start(0)?;
    let report = target.join("playwright-report.json");
    let _ = std::fs::remove_file(&report);
    let status = Command::new("npx")
        .args(["--no-install", "playwright", "test"])
        .args(args)
        .current_dir(root.join("tests/e2e"))
        .env("BASE_URL", server.url())
        .env("SUBPATH_URL", sub_path.url())
        .env("PWA_URL", pwa.url())
        .env("PWA_DIR", &pwa_dir)
        .env("LOC_XTASK", xtask)
        .env("HOST_URL", host.url())
        .env("MOCK_CLOUD_URL", cloud.url())
        .env("CHROMIUM_PATH", tools::CHROMIUM)
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .status()?;
    drop((server, sub_path, pwa, host, cloud));
    let tally = std::fs::read_to_string(&report)
        .ok()
        .and_then(|json| tally::from_playwright(&json))
        .unwrap_or_default();
    Ok((status.success(), tally))
}

/// Replaces `to` with a copy of `from` (hidden entries such as Trunk's .stage are left out).
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    if to.exists() {
        std::fs::remove_dir_all(to)?;
    }
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &to.join(&name))?;
        } else {
            std::fs::copy(entry.path(), to.join(&name))?;
        }
    }
    Ok(())
}
