//! The device benchmark's method, checked natively: one measured layer against a real stack.
//!
//! The first test holds the extrapolation's arithmetic on counted weights and operations. The
//! second times the benchmark layer with tract, predicts a stack of four Qwen2.5-0.5B layers
//! (a different shape, 5× the weights) from it, times that stack, and prints the error; timings
//! are printed, never asserted, because they depend on the machine and its load.

#![cfg(all(feature = "worker", not(target_arch = "wasm32")))]

use std::sync::Mutex;
use std::time::Instant;

use local_or_cloud::device::speed::{rates, LayerShape, BENCH_LAYER};
use local_or_cloud::inference::bench::LayerTimings;
use local_or_cloud::inference::bench::{self, mean, Pace};
use local_or_cloud::inference::decoder::TractLayer;
use local_or_cloud::inference::TractBackend;

const QWEN05_GRAPH: &[u8] = include_bytes!("../models/decoder_layer_qwen05.onnx");
const QWEN05_LAYER: LayerShape = LayerShape {
    hidden: 896,
    heads: 14,
    kv_heads: 2,
    head_dim: 64,
    intermediate: 4864,
};
const STACK: usize = 4;

/// Held by every test that runs tract: cargo runs a file's tests on parallel threads, and a
/// graph built beside the timing test (two cores) doubled its first decode, which reads as
/// free attention and a decode error of +50% to +100%.
static TRACT: Mutex<()> = Mutex::new(());

struct Native(Instant);

impl Pace for Native {
    fn now_ms(&self) -> f64 {
        self.0.elapsed().as_secs_f64() * 1e3
    }

    async fn pause(&self) {}
}

#[test]
fn the_extrapolation_recovers_the_costs_it_was_given() {
    // Timings made from known costs: 1 ns per weight, 0.5 ns per attention unit, 10 GFLOP/s.
    let (per_weight, per_unit, flops) = (1e-9, 0.5e-9, 10e9);
    let decode = |context: f64| {
        1e3 * (per_weight * BENCH_LAYER.matrix_weights()
            + per_unit * BENCH_LAYER.attention_units(context + 1.0))
    };
    let timings = LayerTimings {
        decode_short_ms: decode(64.0),
        short_context: 64,
        decode_long_ms: decode(1024.0),
        long_context: 1024,
        prefill_ms: 1e3 * BENCH_LAYER.prefill_flops(32.0, 33.0) / flops,
        prefill_tokens: 32,
        runs: 9,
        total_ms: 0.0,
    };
    let r = rates(&timings, &BENCH_LAYER);
    assert!((r.seconds_per_weight / per_weight - 1.0).abs() < 1e-9);
    assert!((r.seconds_per_attention_unit / per_unit - 1.0).abs() < 1e-9);
    assert!((r.prefill_flops_per_s / flops - 1.0).abs() < 1e-9);
    // The benchmark layer: 2·1024·1024 + 2·1024·256 + 3·1024·2816 weights.
    assert_eq!(BENCH_LAYER.matrix_weights(), 11_272_192.0);
    // Noise that makes the long decode faster is read as free attention, not negative cost.
    let noisy = LayerTimings {
        decode_long_ms: timings.decode_short_ms * 0.9,
        ..timings
    };
    let r = rates(&noisy, &BENCH_LAYER);
    assert_eq!(r.seconds_per_attention_unit, 0.0);
    assert!(
        (r.seconds_per_weight * BENCH_LAYER.matrix_weights() * 1e3 - decode(64.0)).abs() < 1e-9
    );
}

#[test]
fn the_graphs_hold_the_shapes_the_counts_assume() {
    let _alone = TRACT.lock().unwrap_or_else(|e| e.into_inner());
    let bench = TractLayer::new(local_or_cloud::inference::decoder::BENCH_GRAPH, 1, 4, 1)
        .expect("the benchmark layer builds");
    assert_eq!(bench.weights as f64, BENCH_LAYER.matrix_weights());
    let qwen = TractLayer::new(QWEN05_GRAPH, 1, 4, 1).expect("the Qwen layer builds");
    assert_eq!(qwen.weights as f64, QWEN05_LAYER.matrix_weights());
    assert!(bench.run_once().expect("runs").is_finite());
}

/// Times `STACK` distinct layers run one after another (the output of each is not fed to the
/// next: the shapes are what cost time, not the values), as a mean over `runs`, as the benchmark
/// times its layer.
fn time_stack(tokens: usize, past: usize, runs: usize) -> f64 {
    let layers: Vec<TractLayer> = (0..STACK as u64)
        .map(|seed| TractLayer::new(QWEN05_GRAPH, tokens, past, 100 + seed).expect("builds"))
        .collect();
    let run_all = || {
        for layer in &layers {
            layer.run_once().expect("runs");
        }
    };
    run_all();
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            run_all();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    mean(&times)
}

#[test]
fn one_measured_layer_predicts_a_stack_of_another_shape() {
    let _alone = TRACT.lock().unwrap_or_else(|e| e.into_inner());
    let pace = Native(Instant::now());
    let timings = bench::run_now(bench::measure::<TractBackend>(&pace, 3_000.0))
        .expect("the native pace never waits")
        .expect("the benchmark runs");
    let r = rates(&timings, &BENCH_LAYER);
    println!("benchmark layer: {timings:?}");
    println!("rates: {r:?}");
    let n = STACK as f64;
    let cases = [
        (
            "decode, 1 token over 64 cached",
            n * (r.seconds_per_weight * QWEN05_LAYER.matrix_weights()
                + r.seconds_per_attention_unit * QWEN05_LAYER.attention_units(65.0)),
            time_stack(1, 64, 15),
        ),
        (
            "decode, 1 token over 1024 cached",
            n * (r.seconds_per_weight * QWEN05_LAYER.matrix_weights()
                + r.seconds_per_attention_unit * QWEN05_LAYER.attention_units(1025.0)),
            time_stack(1, 1024, 15),
        ),
        (
            "prefill, 32 tokens",
            n * QWEN05_LAYER.prefill_flops(32.0, 33.0) / r.prefill_flops_per_s,
            time_stack(32, 1, 5),
        ),
    ];
    for (what, predicted_s, measured_ms) in cases {
        let predicted_ms = predicted_s * 1e3;
        let error = (predicted_ms - measured_ms) / measured_ms * 100.0;
        println!(
            "{STACK} Qwen2.5-0.5B layers, {what}: predicted {predicted_ms:.2} ms, measured {measured_ms:.2} ms, error {error:+.1}%"
        );
        assert!(predicted_ms.is_finite() && measured_ms > 0.0);
    }
}
