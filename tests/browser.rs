//! Browser glue tests: wasm-bindgen-test runs these in headless Chromium (`cargo xtask test`),
//! once without a WebGPU adapter and once with SwiftShader's (`LOC_EXPECT_WEBGPU` says which).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // the app bundle's size rules (.clippy.toml) do not apply here

use std::cell::RefCell;
use std::rc::Rc;

use local_or_cloud::device::probe::{self, NetworkWatch};
use local_or_cloud::device::profile::{Probe, WebGpu};
use local_or_cloud::device::{DeviceProfile, ProbeResult};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// What the runner launched Chromium with; plain `cargo test` launches it without WebGPU.
const EXPECT_WEBGPU: Option<&str> = option_env!("LOC_EXPECT_WEBGPU");

fn navigator_number(key: &str) -> Option<f64> {
    let navigator = web_sys::window().expect("a browser window").navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str(key))
        .ok()?
        .as_f64()
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

#[wasm_bindgen_test]
fn logical_cores_are_what_the_navigator_reports() {
    let reported = navigator_number("hardwareConcurrency").expect("Chromium exposes cores");
    assert!(reported >= 1.0);
    assert_eq!(probe::logical_cores(), Ok(reported as u32));
}

#[wasm_bindgen_test]
async fn the_webgpu_probe_matches_how_chromium_was_started() {
    let found = probe::with_timeout("WebGPU", 10_000, probe::webgpu()).await;
    match EXPECT_WEBGPU.unwrap_or("none") {
        "adapter" => {
            let Probe::Found(WebGpu::Adapter(adapter)) = found else {
                panic!("expected SwiftShader's adapter, got {found:?}");
            };
            assert!(adapter.fallback, "SwiftShader is a fallback adapter");
            assert!(!adapter.vendor.is_empty());
            assert!(adapter.max_buffer_size >= 256 * 1024 * 1024);
            assert!(adapter.max_storage_buffer_binding_size >= 128 * 1024 * 1024);
            assert!(adapter.max_compute_workgroup_storage_size >= 16_384);
            assert!(adapter.max_storage_buffers_per_shader_stage >= 8);
            assert!(adapter.features.iter().any(|f| f == "timestamp-query"));
            let mut sorted = adapter.features.clone();
            sorted.sort();
            assert_eq!(sorted, adapter.features);
        }
        _ => assert_eq!(found, Probe::Found(WebGpu::NoAdapter)),
    }
}

#[wasm_bindgen_test]
async fn the_gpu_benchmark_measures_bandwidth_where_there_is_an_adapter() {
    let measured = probe::gpu_bandwidth().await;
    match EXPECT_WEBGPU.unwrap_or("none") {
        "adapter" => {
            let bandwidth = measured.expect("SwiftShader runs the WGSL matrix-vector product");
            wasm_bindgen_test::console_log!("SwiftShader bandwidth: {bandwidth:?}");
            assert!(bandwidth.f32_gb_s > 0.0 && bandwidth.f32_gb_s.is_finite());
            // SwiftShader has no shader-f16, so there is no f16 figure.
            assert_eq!(bandwidth.f16_gb_s, None);
        }
        _ => assert!(measured.is_err(), "no adapter, no bandwidth: {measured:?}"),
    }
}

#[wasm_bindgen_test]
fn memory_isolation_and_wasm_features_are_read() {
    let memory = navigator_number("deviceMemory").expect("Chromium exposes deviceMemory");
    assert_eq!(probe::device_memory(), Probe::Found(memory));
    // wasm-bindgen-test's server sends the isolation headers; Chromium then offers shared memory.
    let isolated =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crossOriginIsolated"))
            .ok()
            .and_then(|v| v.as_bool())
            .expect("Chromium reports crossOriginIsolated");
    assert_eq!(probe::cross_origin_isolated(), Probe::Found(isolated));
    let Probe::Found(wasm) = probe::wasm_support() else {
        panic!("WebAssembly is available, it is running this test");
    };
    assert!(wasm.simd && wasm.threads_validate, "{wasm:?}");
    assert_eq!(wasm.shared_memory, isolated, "{wasm:?}");
    assert_eq!(
        probe::webnn(),
        Probe::Missing("WebNN (navigator.ml) is not exposed by this browser".into())
    );
}

#[wasm_bindgen_test]
fn the_webgl_renderer_names_the_gpu() {
    let Probe::Found(renderer) = probe::webgl_renderer() else {
        panic!("headless Chromium renders WebGL with SwiftShader");
    };
    assert!(renderer.contains("SwiftShader"), "{renderer}");
}

#[wasm_bindgen_test]
async fn storage_and_the_prompt_api_answer() {
    let Probe::Found(storage) = probe::with_timeout("storage", 10_000, probe::storage()).await
    else {
        panic!("Chromium estimates storage");
    };
    assert!(storage.quota > 0 && storage.usage <= storage.quota);
    match probe::with_timeout("Prompt API", 10_000, probe::prompt_api()).await {
        Probe::Found(state) => assert!(
            ["unavailable", "downloadable", "downloading", "available"].contains(&state.as_str()),
            "{state}"
        ),
        Probe::Missing(why) => assert!(why.contains("Prompt API"), "{why}"),
        Probe::Pending => panic!("a finished probe is never pending"),
    }
}

#[wasm_bindgen_test]
async fn a_probe_that_never_answers_times_out_with_a_reason() {
    let never = futures::future::pending::<Probe<u32>>();
    let answer = probe::with_timeout("The slow probe", 50, never).await;
    assert_eq!(
        answer,
        Probe::Missing("The slow probe did not answer within 0.05 s".into())
    );
}

#[wasm_bindgen_test]
async fn the_probes_fill_every_part_of_the_profile() {
    let profile = Rc::new(RefCell::new(DeviceProfile::default()));
    probe::immediate()
        .into_iter()
        .for_each(|r| profile.borrow_mut().apply(r));
    let sink = profile.clone();
    probe::run_slow(move |results: Vec<ProbeResult>| {
        results.into_iter().for_each(|r| sink.borrow_mut().apply(r))
    });
    for _ in 0..200 {
        let p = profile.borrow().clone();
        let pending = [
            p.webgpu.is_pending(),
            p.prompt_api.is_pending(),
            p.storage.is_pending(),
        ];
        if !pending.contains(&true) {
            break;
        }
        sleep(50).await;
    }
    let p = profile.borrow();
    assert!(!p.webgpu.is_pending() && !p.prompt_api.is_pending() && !p.storage.is_pending());
    assert!(!p.cores.is_pending() && !p.device_memory_gb.is_pending() && !p.webnn.is_pending());
    assert!(!p.cross_origin_isolated.is_pending());
    // The WebGL renderer is read apart, when the device panel opens (a WebGL context is slow).
    assert!(p.webgl_renderer.is_pending());
    assert!(!p.wasm.is_pending());
    assert!(p.network.found().is_some_and(|n| n.online));
}

#[wasm_bindgen_test]
fn the_network_watch_reports_changes_until_dropped() {
    let calls = Rc::new(RefCell::new(0));
    let counter = calls.clone();
    let watch = NetworkWatch::start(move |network| {
        assert!(network.found().is_some());
        *counter.borrow_mut() += 1;
    });
    let window = web_sys::window().expect("a browser window");
    let fire = |name: &str| {
        let event = web_sys::Event::new(name).expect("an event");
        window.dispatch_event(&event).expect("dispatched");
    };
    fire("offline");
    fire("online");
    assert_eq!(*calls.borrow(), 2);
    drop(watch);
    fire("offline");
    assert_eq!(*calls.borrow(), 2, "no listener is left behind");
}

#[wasm_bindgen_test]
fn the_simd_kernels_compute_what_the_scalar_ones_do() {
    use local_or_cloud::inference::kernels::*;
    let m = Q4Matrix::generated(37, 4096, 3);
    let x = Q8Vector::generated(4096, 4);
    let (mut simd, mut scalar) = (vec![0.0; 37], vec![0.0; 37]);
    q4_matvec(&m, &x, &mut simd);
    q4_matvec_scalar(&m, &x, &mut scalar);
    for (a, b) in simd.iter().zip(&scalar) {
        assert!((a - b).abs() <= 1e-3 * b.abs().max(1.0), "{a} vs {b}");
    }
    let h = F16Matrix::generated(9, 1000, 5);
    let xf: Vec<f32> = (0..h.cols).map(|i| (i % 7) as f32 - 3.0).collect();
    let (mut simd, mut scalar) = (vec![0.0; 9], vec![0.0; 9]);
    f16_matvec(&h, &xf, &mut simd);
    f16_matvec_scalar(&h, &xf, &mut scalar);
    for (a, b) in simd.iter().zip(&scalar) {
        assert!((a - b).abs() <= 1e-3 * b.abs().max(1.0), "{a} vs {b}");
    }
    // The checksum reads every byte: changing the last one changes it.
    let mut bytes = vec![7u8; 1000];
    let before = stream_sum(&bytes);
    bytes[999] = 8;
    assert_ne!(before, stream_sum(&bytes));
}
