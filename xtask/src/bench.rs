//! `cargo xtask bench`: sizes, start-up and inference figures, beside onnxruntime-web; printed
//! as a table and written to target/bench.json. Targets are read from it, never asserted.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use crate::sizes::{self, brotli_len, gzip_len};
use crate::static_server::StaticServer;
use crate::tools;

/// The onnxruntime-web files a page needs for its single-threaded SIMD wasm backend.
const ORT_FILES: [&str; 3] = [
    "ort.wasm.min.mjs",
    "ort-wasm-simd-threaded.mjs",
    "ort-wasm-simd-threaded.wasm",
];

pub fn run(root: &Path) -> Result<()> {
    tools::ensure_build_tools(root)?;
    tools::ensure_test_tools(root)?;
    crate::release_build()?;
    let target = tools::target_dir(root)?;
    let size = sizes::report(&root.join("dist"))?;

    let ort_dir = target.join("bench-ort");
    let _ = std::fs::remove_dir_all(&ort_dir);
    std::fs::create_dir_all(&ort_dir)?;
    let ort_dist = root.join("tests/e2e/node_modules/onnxruntime-web/dist");
    let mut ort_raw = (0, 0, 0);
    for file in ORT_FILES {
        let bytes =
            std::fs::read(ort_dist.join(file)).with_context(|| format!("reading {file}"))?;
        ort_raw = (
            ort_raw.0 + bytes.len() as u64,
            ort_raw.1 + gzip_len(&bytes)?,
            ort_raw.2 + brotli_len(&bytes)?,
        );
        std::fs::write(ort_dir.join(file), bytes)?;
    }
    for file in [
        "analyzer.onnx",
        "analyzer.labels.json",
        "analyzer.vectors.json",
        "decoder_layer.onnx",
    ] {
        std::fs::copy(root.join("models").join(file), ort_dir.join(file))?;
    }
    std::fs::copy(
        root.join("tests/e2e/bench/ort.html"),
        ort_dir.join("index.html"),
    )?;

    println!("\n==> native figures (engine, tract)");
    let native = json_from(
        Command::new("cargo")
            .args(["run", "--quiet", "--release", "--bin", "bench-native"])
            .args(["--no-default-features", "--features", "worker"]),
    )?;

    println!("==> browser figures (start-up x10, tract worker, onnxruntime-web)");
    let app = StaticServer::start(root.join("dist"), 0)?;
    let ort = StaticServer::start(ort_dir, 0)?;
    let browser = json_from(
        Command::new("node")
            .arg("bench/browser.js")
            .args([app.url(), ort.url()])
            .current_dir(root.join("tests/e2e"))
            .env("CHROMIUM_PATH", tools::CHROMIUM),
    )?;
    drop(ort);

    println!("==> Lighthouse (3 runs, the median by performance score)");
    tools::npm_ci(&root.join("xtask/bench"))?;
    let lighthouse = lighthouse_median(root, &app.url(), &target)?;
    drop(app);

    let f = |v: &Value, key: &str| v[key].as_f64().unwrap_or(f64::NAN);
    let sum = |groups: &[&str]| -> (u64, u64, u64) {
        size.files
            .iter()
            .filter(|s| groups.contains(&s.group))
            .fold((0, 0, 0), |a, s| {
                (a.0 + s.raw, a.1 + s.gzip, a.2 + s.brotli)
            })
    };
    let (app_sz, worker_sz) = (sum(&["app"]), sum(&["worker", "model"]));
    let ort_b = &browser["ort"];
    if ort_b.get("error").is_some() {
        bail!("onnxruntime-web failed: {}", ort_b["error"]);
    }
    let result = json!({
        "sizes": {
            "app": { "raw": app_sz.0, "gzip": app_sz.1, "brotli": app_sz.2 },
            "worker_and_model": { "raw": worker_sz.0, "gzip": worker_sz.1, "brotli": worker_sz.2 },
            "onnxruntime_web_wasm": { "raw": ort_raw.0, "gzip": ort_raw.1, "brotli": ort_raw.2 },
        },
        "native": native,
        "browser": browser,
        "lighthouse": lighthouse,
    });

    println!("\n| measure | this project | alternative | ratio |\n|---|---|---|---|");
    let kb = |b: u64| format!("{:.1} KB", b as f64 / 1000.0);
    println!(
        "| app bundle, brotli (raw) | {} ({}) | | |",
        kb(app_sz.2),
        kb(app_sz.0)
    );
    println!(
        "| inference runtime + model, brotli (raw) | tract worker {} ({}) | onnxruntime-web wasm {} ({}) | {:.2} |",
        kb(worker_sz.2), kb(worker_sz.0), kb(ort_raw.2), kb(ort_raw.0),
        worker_sz.2 as f64 / ort_raw.2 as f64
    );
    println!(
        "| first contentful paint, median of {} | {:.0} ms | | |",
        browser["runs"],
        f(&browser, "fcp_ms")
    );
    println!(
        "| questionnaire interactive, median | {:.0} ms | | |",
        f(&browser, "interactive_ms")
    );
    println!(
        "| local inference ready, median | {:.0} ms | | |",
        f(&browser, "inference_ready_ms")
    );
    let (tc, oc) = (
        f(&browser, "tract_wasm_cold_ms"),
        f(ort_b, "fetch_ms") + f(ort_b, "create_ms"),
    );
    println!("| analyzer cold (fetch + optimize / create session) | tract-wasm {tc:.1} ms | onnxruntime-web {oc:.1} ms | {:.2} |", tc / oc);
    for (label, t, o) in [
        (
            "p50",
            f(&browser, "tract_wasm_warm_p50_ms"),
            f(ort_b, "warm_p50_ms"),
        ),
        (
            "p95",
            f(&browser, "tract_wasm_warm_p95_ms"),
            f(ort_b, "warm_p95_ms"),
        ),
        (
            "mean",
            f(&browser, "tract_wasm_warm_mean_ms"),
            f(ort_b, "warm_mean_ms"),
        ),
    ] {
        println!(
            "| analyzer warm {label} | tract-wasm {t:.3} ms | onnxruntime-web {o:.3} ms | {:.2} |",
            t / o
        );
    }
    let (tw, tn) = (
        f(&browser, "tract_wasm_warm_mean_ms"),
        f(&native, "tract_native_warm_p50_ms"),
    );
    println!("| analyzer warm, tract-wasm mean / tract-native p50 | {tw:.3} ms | {tn:.3} ms native | {:.1} |", tw / tn);
    // The device benchmark's decoder layer: the same graph and schedule in all three runtimes.
    let (dw, dn, dort) = (
        &browser["decoder_tract_wasm"],
        &native["decoder_native"],
        &ort_b["decoder"],
    );
    for (label, key) in [
        ("decode, 1 token over 64 cached", "decode_short_ms"),
        ("decode, 1 token over 1024 cached", "decode_long_ms"),
        ("prefill, 32 tokens", "prefill_ms"),
    ] {
        let (w, n, o) = (f(dw, key), f(dn, key), f(dort, key));
        println!(
            "| decoder layer {label} | tract-wasm {w:.2} ms | onnxruntime-web {o:.2} ms; tract-native {n:.2} ms | {:.2} (ort); {:.1} (native) |",
            w / o,
            w / n
        );
    }
    println!(
        "| tract-native cold (parse + optimize), median of 10 | {:.2} ms | | |",
        f(&native, "tract_native_cold_ms")
    );
    println!(
        "| engine re-score per change, native p50 / p95 | {:.4} ms / {:.4} ms | | |",
        f(&native, "engine_rescore_p50_ms"),
        f(&native, "engine_rescore_p95_ms")
    );
    println!(
        "| Lighthouse performance / accessibility / best practices | {} / {} / {} | | |",
        lighthouse["performance"], lighthouse["accessibility"], lighthouse["best_practices"]
    );
    println!(
        "| Lighthouse TBT / LCP / CLS | {:.0} ms / {:.0} ms / {} | | |",
        f(&lighthouse, "tbt_ms"),
        f(&lighthouse, "lcp_ms"),
        lighthouse["cls"]
    );
    let all = |key: &str| -> String {
        let runs = lighthouse["runs"].as_array().cloned().unwrap_or_default();
        let v: Vec<String> = runs.iter().map(|r| format!("{:.0}", f(r, key))).collect();
        v.join(", ")
    };
    println!(
        "| Lighthouse, each run: performance / TBT / CPU benchmark index | {} / {} ms / {} | | |",
        all("performance"),
        all("tbt_ms"),
        all("benchmark_index")
    );
    println!(
        "onnxruntime-web outputs agree with numpy: {}",
        ort_b["agrees_with_numpy"]
    );
    let path = target.join("bench.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&result)?)?;
    println!("bench figures written to {}", path.display());
    Ok(())
}

/// Runs a command that prints one JSON object as its last line of output.
fn json_from(command: &mut Command) -> Result<Value> {
    let output = command.output().context("starting a bench command")?;
    if !output.status.success() {
        bail!("{}", String::from_utf8_lossy(&output.stderr));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().last().unwrap_or_default();
    serde_json::from_str(line).with_context(|| format!("reading bench output {line:?}"))
}

/// Lighthouse's default (mobile, simulated throttling) run three times; the median run by score.
/// Lighthouse simulates a 4x slower phone from the work it observes on this machine, so anything
/// else using the CPU at the time (a build, another browser) inflates its blocking time: each run
/// waits for a quiet machine first, and its CPU benchmark index and the busy share it started
/// from are kept beside its figures, so a reader can tell a slow machine from a slow page.
fn lighthouse_median(root: &Path, url: &str, target: &Path) -> Result<Value> {
    let flags = format!("--chrome-flags={}", crate::test::CHROMIUM_ARGS.join(" "));
    let mut runs = Vec::new();
    for i in 0..3 {
        let busy = wait_for_quiet_cpu();
        let report = target.join(format!("lighthouse-{i}.json"));
        let status = Command::new(root.join("xtask/bench/node_modules/.bin/lighthouse"))
            .args([url, "--quiet", "--output=json"])
            .arg(format!("--output-path={}", report.display()))
            .arg("--only-categories=performance,accessibility,best-practices")
            .arg(&flags)
            .env("CHROME_PATH", tools::CHROMIUM)
            .status()
            .context("starting Lighthouse")?;
        if !status.success() {
            bail!("Lighthouse failed ({status})");
        }
        let r: Value = serde_json::from_slice(&std::fs::read(&report)?)?;
        let score = |c: &str| (r["categories"][c]["score"].as_f64().unwrap_or(0.0) * 100.0).round();
        let audit = |a: &str| r["audits"][a]["numericValue"].as_f64().unwrap_or(f64::NAN);
        let run = json!({
            "performance": score("performance"),
            "accessibility": score("accessibility"),
            "best_practices": score("best-practices"),
            "tbt_ms": audit("total-blocking-time"),
            "lcp_ms": audit("largest-contentful-paint"),
            "cls": audit("cumulative-layout-shift"),
            "benchmark_index": r["environment"]["benchmarkIndex"],
            "cpu_busy_before": busy.map(|b| (b * 100.0).round() / 100.0),
        });
        println!("Lighthouse run {}: {run}", i + 1);
        runs.push(run);
    }
    runs.sort_by(|a, b| {
        a["performance"]
            .as_f64()
            .partial_cmp(&b["performance"].as_f64())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut median = runs[1].clone();
    median["runs"] = Value::Array(runs);
    Ok(median)
}

/// Waits (up to two minutes) until the CPU has been at most a quarter busy over two seconds, and
/// returns the busy share it last saw; None where /proc/stat cannot be read (not Linux).
fn wait_for_quiet_cpu() -> Option<f64> {
    let sample = || -> Option<(u64, u64)> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let cpu: Vec<u64> = stat
            .lines()
            .next()?
            .split_whitespace()
            .skip(1)
            .filter_map(|v| v.parse().ok())
            .collect();
        // user nice system idle iowait ...: idle and iowait are the quiet part.
        let idle = cpu.get(3)? + cpu.get(4).copied().unwrap_or(0);
        Some((cpu.iter().sum(), idle))
    };
    let mut busy = None;
    for _ in 0..60 {
        let (total0, idle0) = sample()?;
        std::thread::sleep(std::time::Duration::from_secs(2));
        let (total1, idle1) = sample()?;
        let share = 1.0 - (idle1 - idle0) as f64 / (total1 - total0).max(1) as f64;
        busy = Some(share);
        if share <= 0.25 {
            break;
        }
    }
    busy
}
