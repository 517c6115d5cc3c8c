//! The feature's local time: which model stands for each task size, and how the measured layer carries to it.
#![cfg(not(target_arch = "wasm32"))]

use local_or_cloud::device::feature_time::{feature_time, model_for};
use local_or_cloud::device::profile::{GpuAdapter, WebGpu};
use local_or_cloud::device::runtime::RuntimeClass;
use local_or_cloud::device::speed::{GpuBandwidth, Measurement, Workload};
use local_or_cloud::device::{DeviceProfile, Probe};
use local_or_cloud::engine::factor::ModelSize;
use local_or_cloud::inference::bench::LayerTimings;
use local_or_cloud::inference::kernel_bench::KernelRates;
use local_or_cloud::inference::protocol::Benchmark;

const CPU: RuntimeClass = RuntimeClass::BrowserCpu;

/// A device with this much memory and a WebGPU adapter that takes 4 GiB buffers, so that only
/// memory decides what fits.
fn device(memory_gib: f64) -> DeviceProfile {
    let limit = 4 << 30;
    DeviceProfile {
        device_memory_gb: Probe::Found(memory_gib),
        webgpu: Probe::Found(WebGpu::Adapter(GpuAdapter {
            max_buffer_size: limit,
            max_storage_buffer_binding_size: limit,
            ..GpuAdapter::default()
        })),
        ..DeviceProfile::default()
    }
}

/// A measurement whose runs took `scale` times the reference timings.
fn measured(scale: f64) -> Measurement {
    let bench = Benchmark {
        timings: LayerTimings {
            decode_short_ms: 20.0 * scale,
            short_context: 64,
            decode_long_ms: 24.0 * scale,
            long_context: 1024,
            prefill_ms: 150.0 * scale,
            prefill_tokens: 32,
            runs: 20,
            total_ms: 3_000.0,
        },
        kernels: KernelRates {
            stream_gb_s: 20.0 / scale,
            q4_weights_per_s: 1e10 / scale,
            q4_cached_weights_per_s: 1.1e10 / scale,
            f16_weights_per_s: 3e9 / scale,
            runs: 30,
            total_ms: 2_000.0,
        },
        gpu: None,
    };
    Measurement::new(bench, "TestBrowser/1".into(), "2026-12-01T20:00:00Z".into())
}

const SIZES: [ModelSize; 3] = [ModelSize::Small, ModelSize::Medium, ModelSize::Large];

#[test]
fn every_task_size_has_a_catalogue_model_and_bigger_tasks_take_longer() {
    let work = Workload::default();
    let times: Vec<f64> = SIZES
        .iter()
        .map(|&size| {
            assert!(model_for(size).is_some(), "{size:?}");
            feature_time(
                size,
                RuntimeClass::NativeCpu,
                &device(32.0),
                &measured(1.0),
                work,
            )
            .expect("fits in 32 GiB")
            .seconds
        })
        .collect();
    assert!(times[0] < times[1] && times[1] < times[2], "{times:?}");
}

#[test]
fn the_time_follows_the_measurement() {
    // The proof that a figure is measured: a device twice as slow takes twice as long.
    let work = Workload::default();
    let fast =
        feature_time(ModelSize::Small, CPU, &device(16.0), &measured(1.0), work).expect("fits");
    let slow =
        feature_time(ModelSize::Small, CPU, &device(16.0), &measured(2.0), work).expect("fits");
    assert!(
        (slow.seconds / fast.seconds - 2.0).abs() < 0.05,
        "{} vs {}",
        slow.seconds,
        fast.seconds
    );
    let estimate = fast.estimate(work);
    assert!((estimate.ms - fast.seconds * 1e3).abs() < 1e-9);
    assert!(estimate
        .what
        .starts_with("Llama 3.2 1B at 4 bits would take"));
    assert!(estimate.what.contains("500 tokens in, 200 out"));
}

#[test]
fn a_model_that_does_not_fit_has_no_time() {
    let work = Workload::default();
    assert!(feature_time(ModelSize::Large, CPU, &device(2.0), &measured(1.0), work).is_none());
}

#[test]
fn the_browser_gpu_carries_the_answer_at_its_measured_bandwidth() {
    let work = Workload::default();
    let medium = ModelSize::Medium;
    let cpu = feature_time(medium, CPU, &device(16.0), &measured(1.0), work).expect("fits");
    let mut with_gpu = measured(1.0);
    with_gpu.gpu = Some(GpuBandwidth {
        f32_gb_s: 100.0,
        f16_gb_s: None,
    });
    let gpu_class = RuntimeClass::BrowserGpu;
    let gpu = feature_time(medium, gpu_class, &device(16.0), &with_gpu, work).expect("fits");
    assert!(
        gpu.seconds < cpu.seconds,
        "{} vs {}",
        gpu.seconds,
        cpu.seconds
    );
    assert!(gpu.estimate(work).what.contains("Browser, GPU (WebGPU)"));
}

#[test]
fn a_native_app_is_timed_on_the_native_class_and_says_so() {
    // A Windows feature on a 16 GiB, 8-core device: the native class, every core, faster
    // than one WebAssembly thread.
    let work = Workload::default();
    let mut device = device(16.0);
    device.cores = Probe::Found(8);
    let native = RuntimeClass::NativeCpu;
    let app = feature_time(ModelSize::Medium, native, &device, &measured(1.0), work).expect("fits");
    let web = feature_time(ModelSize::Medium, CPU, &device, &measured(1.0), work).expect("fits");
    assert!(
        app.seconds < web.seconds / 4.0,
        "{} vs {}",
        app.seconds,
        web.seconds
    );
    assert_eq!((app.threads, web.threads), (8, 1));
    assert!(app
        .estimate(work)
        .what
        .contains("Native app, CPU runtime with 8 thread(s)"));
    // The native GPU has no estimate, so no time.
    let gpu = RuntimeClass::NativeGpu;
    assert!(feature_time(ModelSize::Medium, gpu, &device, &measured(1.0), work).is_none());
}
