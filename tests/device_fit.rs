//! Native tests for the device profile's pure parts: the memory and speed formulas with figures
//! worked out by hand, the fit verdicts, the device classes, and the capability report.

use local_or_cloud::device::capability_report::CapabilityReport;
use local_or_cloud::device::catalogue::{ModelShape, CATALOGUE};
use local_or_cloud::device::fit::{
    fit, memory, speed_assumption, tokens_per_second, FitVerdict, Precision, GIB,
};
use local_or_cloud::device::profile::{GpuAdapter, Network, WasmSupport, WebGpu};
use local_or_cloud::device::speed::Workload;
use local_or_cloud::device::{classify, DeviceProfile, Probe};

fn model(name: &str) -> &'static ModelShape {
    CATALOGUE
        .iter()
        .find(|m| m.name.starts_with(name))
        .expect("in the catalogue")
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= expected.abs() * 1e-9 + 1e-6,
        "{actual} != {expected}"
    );
}

/// A settled profile: `cores` and `memory` as given, and the WebGPU state given.
fn profile(cores: u32, memory_gib: Option<f64>, webgpu: Probe<WebGpu>) -> DeviceProfile {
    DeviceProfile {
        cores: Probe::Found(cores),
        device_memory_gb: memory_gib.map_or(Probe::Missing("hidden".into()), Probe::Found),
        webgpu,
        wasm: Probe::Found(WasmSupport {
            simd: true,
            threads_validate: true,
            shared_memory: false,
        }),
        network: Probe::Found(Network {
            online: true,
            ..Network::default()
        }),
        ..DeviceProfile::default()
    }
}

fn adapter(vendor: &str, fallback: bool, binding_gib: f64) -> Probe<WebGpu> {
    let limit = (binding_gib * GIB) as u64;
    Probe::Found(WebGpu::Adapter(GpuAdapter {
        vendor: vendor.into(),
        fallback,
        max_buffer_size: limit,
        max_storage_buffer_binding_size: limit,
        ..GpuAdapter::default()
    }))
}

#[test]
fn memory_of_qwen_half_b_at_4_bit_worked_by_hand() {
    // weights 0.49e9 × 4.5 / 8; KV 2 × 24 layers × 2 heads × 64 × 4096 × 2 bytes;
    // overhead 10% of weights + 64 MiB; largest tensor 151936 × 896 × 4.5 / 8.
    let m = memory(model("Qwen2.5 0.5B"), Precision::Q4, 4096);
    close(m.weights, 275_625_000.0);
    close(m.kv_cache, 50_331_648.0);
    close(m.overhead, 27_562_500.0 + 67_108_864.0);
    close(m.total(), 420_628_012.0);
    close(m.largest_buffer, 76_575_744.0);
}

#[test]
fn memory_of_phi_3_5_mini_at_16_bit_worked_by_hand() {
    // No grouped-query attention: 32 KV heads of 96 make a 1.5 GiB cache at 4096 tokens.
    let m = memory(model("Phi-3.5-mini"), Precision::F16, 4096);
    close(m.weights, 7_640_000_000.0);
    close(m.kv_cache, 1_610_612_736.0);
    close(m.total(), 10_081_721_600.0);
}

#[test]
fn the_context_is_capped_at_the_model_maximum() {
    let qwen = model("Qwen2.5 0.5B");
    assert_eq!(
        memory(qwen, Precision::Q4, 1_000_000),
        memory(qwen, Precision::Q4, 32_768)
    );
}

#[test]
fn speed_is_the_slower_of_bandwidth_and_compute_worked_by_hand() {
    // One wasm thread: 10 GB/s and 5 GFLOP/s. Qwen 0.5B at 4 bits: memory allows about
    // 10e9 / 326e6 = 30.7 tokens/s, compute 5e9 / (2 × 494 M active parameters) = 5.06: compute
    // wins. (Active parameters: 24 layers × 14.9 M + 151,936 × 896 for the output layer.)
    let cpu = profile(8, Some(16.0), Probe::Found(WebGpu::NoAdapter));
    let qwen = model("Qwen2.5 0.5B");
    let m = memory(qwen, Precision::Q4, 4096);
    close(
        tokens_per_second(qwen, &m, &speed_assumption(&cpu)),
        5e9 / (2.0 * qwen.active_params()),
    );
    close(
        qwen.active_params(),
        24.0 * 14_909_440.0 + 151_936.0 * 896.0,
    );
    // An integrated GPU at 60 GB/s and 1 TFLOP/s: Llama 3.2 1B is memory-bound,
    // 60e9 / (697.5e6 + 134,217,728) = 72.1 tokens/s.
    let igpu = profile(8, Some(16.0), adapter("intel", false, 2.0));
    let llama = model("Llama 3.2 1B");
    let m = memory(llama, Precision::Q4, 4096);
    close(
        tokens_per_second(llama, &m, &speed_assumption(&igpu)),
        60e9 / 831_717_728.0,
    );
}

#[test]
fn fit_verdicts_follow_memory_buffers_and_the_wasm_limit() {
    let cases: &[(&str, Precision, DeviceProfile, FitVerdict, &str)] = &[
        (
            "Qwen2.5 0.5B",
            Precision::Q4,
            profile(8, Some(8.0), adapter("intel", false, 2.0)),
            FitVerdict::Fits,
            "at most half",
        ),
        (
            "Phi-3.5-mini",
            Precision::F16,
            profile(8, Some(16.0), adapter("intel", false, 4.0)),
            FitVerdict::Tight,
            "over half",
        ),
        (
            "Phi-3.5-mini",
            Precision::F16,
            profile(8, Some(8.0), adapter("intel", false, 4.0)),
            FitVerdict::WontRun,
            "more than the device has",
        ),
        // SwiftShader's 1 GiB binding limit: Qwen 7B's 16-bit embedding table is 1.02 GiB.
        (
            "Qwen2.5 7B",
            Precision::F16,
            profile(2, Some(16.0), adapter("google", true, 1.0)),
            FitVerdict::WontRun,
            "largest weight tensor",
        ),
        (
            "Qwen2.5 7B",
            Precision::Q4,
            profile(2, Some(16.0), adapter("google", true, 1.0)),
            FitVerdict::Fits,
            "at most half",
        ),
        // No adapter: a WebAssembly runtime cannot address more than 4 GiB.
        (
            "Mistral 7B",
            Precision::Q4,
            profile(8, Some(32.0), Probe::Found(WebGpu::NoAdapter)),
            FitVerdict::WontRun,
            "4 GiB",
        ),
        (
            "Llama 3.2 1B",
            Precision::Q4,
            profile(8, None, Probe::Missing("no".into())),
            FitVerdict::Unknown,
            "does not expose",
        ),
    ];
    for (name, precision, device, verdict, reason) in cases {
        let f = fit(model(name), *precision, 4096, device);
        assert_eq!(f.verdict, *verdict, "{name} {precision:?}: {}", f.reason);
        assert!(f.reason.contains(reason), "{name}: {}", f.reason);
    }
}

#[test]
fn device_classes_come_from_cores_memory_and_the_gpu() {
    let cases: &[(DeviceProfile, Option<&str>)] = &[
        (
            profile(2, Some(16.0), Probe::Found(WebGpu::NoAdapter)),
            Some("low_end"),
        ),
        (
            profile(8, Some(2.0), adapter("nvidia", false, 4.0)),
            Some("low_end"),
        ),
        (
            profile(8, Some(16.0), Probe::Found(WebGpu::NoAdapter)),
            Some("mainstream"),
        ),
        (
            profile(8, Some(16.0), adapter("google", true, 1.0)),
            Some("mainstream"),
        ),
        (
            profile(8, Some(16.0), adapter("intel", false, 2.0)),
            Some("mainstream"),
        ),
        (
            profile(8, Some(8.0), adapter("nvidia", false, 4.0)),
            Some("mainstream"),
        ),
        (
            profile(16, Some(32.0), adapter("nvidia", false, 4.0)),
            Some("gpu"),
        ),
        (
            profile(12, Some(16.0), adapter("apple", false, 4.0)),
            Some("gpu"),
        ),
        (profile(8, None, Probe::Pending), None),
    ];
    for (device, expected) in cases {
        let class = classify(device);
        assert_eq!(
            class.as_ref().map(|c| c.resources.key()),
            *expected,
            "{device:?}"
        );
        if let Some(class) = class {
            assert!(class.facts.iter().any(|f| f.contains("logical CPU cores")));
        }
    }
}

#[test]
fn the_capability_report_holds_the_panel_and_nothing_else() {
    let device = profile(2, Some(16.0), adapter("google", true, 1.0));
    let report = CapabilityReport::new(CATALOGUE.iter(), &device, 4096, None, Workload::default());
    let md = report.markdown();
    assert!(md.contains("- **Logical CPU cores**: 2"));
    assert!(md.contains("(fallback adapter)"));
    assert!(md.contains("Hardware class for the advisor: `low_end`"));
    // Both weights, in the browser and in a native app on the same device.
    assert_eq!(md.matches("| Qwen2.5 7B |").count(), 4);
    assert!(md.contains("| Qwen2.5 7B | Native app, CPU, 2 threads | 4-bit |"));
    assert!(md.contains("Speed is an estimate, not a measurement"));
    let json: serde_json::Value = serde_json::from_str(&report.json()).expect("valid JSON");
    assert_eq!(
        json["fits"].as_array().map(Vec::len),
        Some(CATALOGUE.len() * 4)
    );
    assert_eq!(json["profile"]["cores"]["value"], 2);
    let keys: Vec<&String> = json.as_object().expect("an object").keys().collect();
    assert_eq!(
        keys,
        [
            "class",
            "context",
            "fits",
            "measurement",
            "memory_formula",
            "profile",
            "speed_assumption",
            "workload"
        ]
    );
}

/// WebLLM's published VRAM for its 4-bit (q4f16_1) builds at a 4,096-token context, in MB.
const WEBLLM_4BIT_4K_MB: [(&str, f64); 4] = [
    ("Llama 3.2 1B", 879.0),
    ("Llama 3.2 3B", 2_264.0),
    ("Phi-4-mini", 3_438.0),
    ("Qwen2.5 7B", 5_107.0),
];

#[test]
fn memory_is_within_15_percent_of_webllms_published_figures() {
    for (name, published_mb) in WEBLLM_4BIT_4K_MB {
        let estimate_mb = memory(model(name), Precision::Q4, 4096).total() / 1e6;
        let error = (estimate_mb - published_mb) / published_mb;
        println!(
            "{name}: estimate {estimate_mb:.0} MB, WebLLM {published_mb} MB, {:+.1}%",
            error * 100.0
        );
        assert!(error.abs() <= 0.15, "{name}: {:+.1}%", error * 100.0);
    }
}

#[test]
fn sliding_window_layers_cache_only_their_window() {
    // Gemma 3 1B: 4 full layers × 4096 + 22 sliding layers × 512, one KV head of 256, 2 bytes.
    let gemma = model("Gemma 3 1B");
    let m = memory(gemma, Precision::Q4, 4096);
    close(
        m.kv_cache,
        2.0 * 256.0 * 2.0 * (4.0 * 4096.0 + 22.0 * 512.0),
    );
}

#[test]
fn a_measured_speed_replaces_the_assumption_and_is_reported() {
    use local_or_cloud::device::fit::fit_with;
    use local_or_cloud::device::runtime_speed::BROWSER_CPU;
    use local_or_cloud::device::speed::{Measurement, SpeedSource};
    use local_or_cloud::inference::bench::LayerTimings;
    use local_or_cloud::inference::kernel_bench::KernelRates;
    use local_or_cloud::inference::protocol::Benchmark;
    let device = profile(2, Some(16.0), Probe::Found(WebGpu::NoAdapter));
    let timings = LayerTimings {
        decode_short_ms: 20.0,
        short_context: 64,
        decode_long_ms: 24.0,
        long_context: 1024,
        prefill_ms: 150.0,
        prefill_tokens: 32,
        runs: 20,
        total_ms: 3_000.0,
    };
    let kernels = KernelRates {
        stream_gb_s: 20.0,
        q4_weights_per_s: 1e10,
        q4_cached_weights_per_s: 1.1e10,
        f16_weights_per_s: 3e9,
        runs: 30,
        total_ms: 2_000.0,
    };
    let bench = Benchmark {
        timings,
        kernels,
        gpu: None,
    };
    let m = Measurement::new(bench, "TestBrowser/1".into(), "2026-12-01T20:00:00Z".into());
    let work = Workload::default();
    let llama = model("Llama 3.2 1B");
    let measured = fit_with(llama, Precision::Q4, 4096, &device, Some(&m), work);
    assert_eq!(measured.speed_source, SpeedSource::Measured);
    // Llama 3.2 1B multiplies 16 × 60.8 M + 262.7 M weights per token; one WebAssembly thread
    // is compute-bound here, at the 4-bit kernel's rate × the browser class's factor.
    let seconds = 1.2355e9 / (1e10 * BROWSER_CPU.decode_compute);
    assert!(
        (1.0 / measured.tokens_per_second / seconds - 1.0).abs() < 0.01,
        "{}",
        measured.tokens_per_second
    );
    assert_eq!(measured.threads, 1);
    assert!(measured.request.total_s > measured.request.first_token_s);
    let report = CapabilityReport::new(CATALOGUE.iter(), &device, 4096, Some(&m), work);
    let md = report.markdown();
    assert!(md.contains("TestBrowser/1") && md.contains("2026-12-01T20:00:00Z"));
    assert!(md.contains("(extrapolated)"));
    let json: serde_json::Value = serde_json::from_str(&report.json()).expect("valid JSON");
    assert_eq!(json["measurement"]["timings"]["decode_short_ms"], 20.0);
    assert_eq!(json["fits"][0]["speed_source"], "measured");
}

#[test]
fn the_built_in_models_say_why_not_from_the_published_rules() {
    use local_or_cloud::device::built_in::built_in_models;
    let mut device = profile(2, Some(4.0), Probe::Found(WebGpu::NoAdapter));
    device.prompt_api = Probe::Found("unavailable".into());
    let models = built_in_models(&device);
    let chrome = &models[0];
    assert_eq!((chrome.browser, chrome.model), ("Chrome", "Gemini Nano"));
    assert_eq!(chrome.availability, "unavailable");
    let why = chrome.reasons.join("; ");
    assert!(why.contains("no hardware GPU"), "{why}");
    assert!(why.contains("2 CPU cores, fewer than the 4"), "{why}");
    assert!(why.contains("under the 16 GB"), "{why}");
    assert!(chrome.would_help.contains("22 GB free disk"));
    // Edge's model is Aion Instruct now, with only its operating systems published.
    let edge = &models[1];
    assert_eq!(edge.model, "Aion Instruct 2.3B");
    assert!(edge
        .reasons
        .iter()
        .any(|r| r.contains("publishes no disk, memory or GPU figures")));
    assert!(
        edge.would_help.contains("macOS 13.3"),
        "{}",
        edge.would_help
    );
    device.prompt_api = Probe::Found("downloadable".into());
    assert!(built_in_models(&device)[0]
        .would_help
        .contains("LanguageModel.create()"));
}

/// Issue 30: only a browser runtime has WebAssembly's 4 GiB; a Windows app on a 16 GB laptop
/// runs a 4-bit 7B model natively.
#[test]
fn each_runtime_class_has_its_own_memory_limit() {
    use local_or_cloud::device::fit::fit_on;
    use local_or_cloud::device::runtime::RuntimeClass;
    use local_or_cloud::engine::factor::Tooling;
    let mistral = model("Mistral 7B");
    let fit = |class, device: &DeviceProfile| {
        fit_on(
            class,
            mistral,
            Precision::Q4,
            4096,
            device,
            None,
            Workload::default(),
        )
    };
    let laptop = profile(8, Some(16.0), Probe::Found(WebGpu::NoAdapter));
    let browser = fit(RuntimeClass::BrowserCpu, &laptop);
    assert_eq!(browser.verdict, FitVerdict::WontRun);
    assert!(browser.reason.contains("4 GiB"), "{}", browser.reason);
    let native = fit(RuntimeClass::NativeCpu, &laptop);
    assert_eq!(native.verdict, FitVerdict::Fits, "{}", native.reason);
    assert!(
        native.reason.contains("a native app may use"),
        "{}",
        native.reason
    );
    // A browser reports at most 8 GB: 6 GiB usable, so 4.7 GiB is tight, not "won't run".
    let reported = profile(8, Some(8.0), Probe::Found(WebGpu::NoAdapter));
    assert_eq!(
        fit(RuntimeClass::NativeCpu, &reported).verdict,
        FitVerdict::Tight
    );
    // No adapter: the browser's GPU class cannot run it; a native GPU's memory is not exposed.
    assert_eq!(
        fit(RuntimeClass::BrowserGpu, &laptop).verdict,
        FitVerdict::WontRun
    );
    assert_eq!(
        fit(RuntimeClass::NativeGpu, &laptop).verdict,
        FitVerdict::Unknown
    );
    // The verdict's class follows the tooling answer.
    assert_eq!(
        RuntimeClass::for_tooling(Some(Tooling::Windows), &laptop),
        RuntimeClass::NativeCpu
    );
    assert_eq!(native.runtime, RuntimeClass::NativeCpu);
}
