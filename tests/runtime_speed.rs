//! The speed model per runtime class: properties over the catalogue and a table of devices.
#![cfg(not(target_arch = "wasm32"))]

use local_or_cloud::device::catalogue::CATALOGUE;
use local_or_cloud::device::fit::{fit_on, FitVerdict, Precision};
use local_or_cloud::device::runtime::RuntimeClass;
use local_or_cloud::device::runtime_speed::{
    bytes_per_token, decode_seconds, factors, prefill_tokens_per_s, BROWSER_CPU, NATIVE_CPU,
};
use local_or_cloud::device::speed::{Measurement, SpeedSource, Workload};
use local_or_cloud::device::{DeviceProfile, Probe};
use local_or_cloud::inference::bench::LayerTimings;
use local_or_cloud::inference::kernel_bench::KernelRates;
use local_or_cloud::inference::protocol::Benchmark;

/// Kernel rates of a fast desktop, this project's test machine, and a slow phone.
const DEVICES: [KernelRates; 3] = [
    rates(40.0, 2.0e10, 2.2e10, 6e9),
    rates(24.0, 1.0e10, 1.1e10, 3e9),
    rates(6.0, 1.5e9, 1.7e9, 4e8),
];

const fn rates(stream: f64, q4: f64, cached: f64, f16: f64) -> KernelRates {
    KernelRates {
        stream_gb_s: stream,
        q4_weights_per_s: q4,
        q4_cached_weights_per_s: cached,
        f16_weights_per_s: f16,
        runs: 30,
        total_ms: 2_000.0,
    }
}

#[test]
fn four_bit_weights_decode_faster_than_sixteen_bit_on_every_class() {
    for k in &DEVICES {
        for f in [BROWSER_CPU, NATIVE_CPU] {
            for model in CATALOGUE {
                for threads in [1, 2, 8] {
                    let q4 = decode_seconds(&f, k, model, Precision::Q4, 512, threads);
                    let f16 = decode_seconds(&f, k, model, Precision::F16, 512, threads);
                    assert!(q4 < f16, "{} {threads}: {q4} vs {f16}", model.name);
                }
            }
        }
    }
}

#[test]
fn a_model_that_reads_more_never_decodes_faster() {
    for k in &DEVICES {
        for f in [BROWSER_CPU, NATIVE_CPU] {
            for a in CATALOGUE {
                for b in CATALOGUE {
                    let (ba, bb) = (
                        bytes_per_token(a, Precision::Q4, 512),
                        bytes_per_token(b, Precision::Q4, 512),
                    );
                    let (ta, tb) = (
                        decode_seconds(&f, k, a, Precision::Q4, 512, 4),
                        decode_seconds(&f, k, b, Precision::Q4, 512, 4),
                    );
                    // Weights and bytes grow together in the catalogue, but not exactly; a model
                    // with 10% more bytes per token must never be faster.
                    if ba > 1.1 * bb {
                        assert!(ta >= tb, "{} vs {}", a.name, b.name);
                    }
                }
            }
        }
    }
}

#[test]
fn longer_contexts_and_slower_kernels_never_speed_anything_up() {
    let model = &CATALOGUE[2];
    for f in [BROWSER_CPU, NATIVE_CPU] {
        let mut last = 0.0;
        for context in [1, 512, 4096, 32_768] {
            let t = decode_seconds(&f, &DEVICES[1], model, Precision::Q4, context, 2);
            assert!(t >= last);
            last = t;
        }
        // Halving every measured rate doubles the time: the figures follow the measurement.
        let k = &DEVICES[1];
        let half = rates(
            k.stream_gb_s / 2.0,
            k.q4_weights_per_s / 2.0,
            k.q4_cached_weights_per_s / 2.0,
            k.f16_weights_per_s / 2.0,
        );
        let (full_t, half_t) = (
            decode_seconds(&f, k, model, Precision::Q4, 512, 2),
            decode_seconds(&f, &half, model, Precision::Q4, 512, 2),
        );
        assert!((half_t / full_t - 2.0).abs() < 1e-9);
        let (full_p, half_p) = (
            prefill_tokens_per_s(&f, k, model, Precision::Q4, 2),
            prefill_tokens_per_s(&f, &half, model, Precision::Q4, 2),
        );
        assert!((full_p / half_p - 2.0).abs() < 1e-9);
    }
}

#[test]
fn a_native_app_outruns_one_webassembly_thread_and_more_threads_never_slow_it() {
    for k in &DEVICES {
        for model in CATALOGUE {
            let browser = decode_seconds(&BROWSER_CPU, k, model, Precision::Q4, 512, 1);
            let mut last = f64::INFINITY;
            for threads in [1, 2, 4, 8, 16] {
                let native = decode_seconds(&NATIVE_CPU, k, model, Precision::Q4, 512, threads);
                assert!(
                    native < browser && native <= last,
                    "{} {threads}",
                    model.name
                );
                last = native;
            }
        }
    }
    assert!(factors(RuntimeClass::NativeGpu).is_none());
    assert!(factors(RuntimeClass::BrowserGpu).is_none());
}

fn measurement(kernels: KernelRates) -> Measurement {
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
    let bench = Benchmark {
        timings,
        kernels,
        gpu: None,
    };
    Measurement::new(bench, "TestBrowser/1".into(), "2026-12-07T20:00:00Z".into())
}

#[test]
fn a_windows_laptop_with_16_gb_runs_a_4_bit_7b_model_natively_and_is_timed_for_it() {
    let laptop = DeviceProfile {
        device_memory_gb: Probe::Found(16.0),
        cores: Probe::Found(8),
        ..DeviceProfile::default()
    };
    let mistral = CATALOGUE
        .iter()
        .find(|m| m.name == "Mistral 7B")
        .expect("in the catalogue");
    let m = measurement(DEVICES[0]);
    let work = Workload::default();
    let class = RuntimeClass::NativeCpu;
    let native = fit_on(class, mistral, Precision::Q4, 4096, &laptop, Some(&m), work);
    assert_ne!(native.verdict, FitVerdict::WontRun, "{}", native.reason);
    assert_eq!(native.speed_source, SpeedSource::Measured);
    assert_eq!(native.threads, 8);
    assert!(
        native.tokens_per_second > 3.0,
        "{}",
        native.tokens_per_second
    );
    // Before a measurement a native CPU row has no speed rather than a browser's.
    let unmeasured = fit_on(class, mistral, Precision::Q4, 4096, &laptop, None, work);
    assert_eq!(unmeasured.speed_source, SpeedSource::NotEstimated);
    // In the browser's WebAssembly it would not run: 4 GiB is all wasm32 can address.
    let browser = RuntimeClass::BrowserCpu;
    let web = fit_on(
        browser,
        mistral,
        Precision::Q4,
        4096,
        &laptop,
        Some(&m),
        work,
    );
    assert_eq!(web.verdict, FitVerdict::WontRun);
}
