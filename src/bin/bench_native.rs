//! Native figures for `cargo xtask bench`: the engine's re-scoring time, and tract running the
//! analyzer outside the browser (cold load and warm runs), and the device benchmark's decoder
//! layer under the same schedule the worker uses. Prints one JSON object.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // the app bundle's size rules (.clippy.toml) do not apply here

use std::time::Instant;

use local_or_cloud::analyzer::features::features;
use local_or_cloud::engine::{recommend, Answers, Factor, Input};
use local_or_cloud::inference::bench::{self, Pace};
use local_or_cloud::inference::{Backend, TractBackend};

const MODEL: &[u8] = include_bytes!("../../models/analyzer.onnx");
const TEXT: &str = "Summarize patient notes on clinic laptops that are often offline. The notes \
    never leave the clinic, nobody else sees the summaries, and a few seconds is fine.";

fn percentile(mut samples: Vec<f64>, p: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * samples.len() as f64).ceil().max(1.0) as usize;
    samples[rank.min(samples.len()) - 1]
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// One re-score per visitor change: each step answers one more factor, as the page does.
fn engine_rescoring_ms() -> (f64, f64) {
    let mut inputs = Vec::new();
    let mut answers = Answers::default();
    for factor in Factor::ALL {
        if let Some(option) = factor.options().last() {
            let _ = answers.set(*factor, option);
        }
        inputs.push(Input {
            answers: answers.clone(),
            ..Input::default()
        });
    }
    let mut samples = Vec::new();
    for _ in 0..2_000 {
        for input in &inputs {
            let start = Instant::now();
            std::hint::black_box(recommend(std::hint::black_box(input)));
            samples.push(ms(start));
        }
    }
    (percentile(samples.clone(), 50.0), percentile(samples, 95.0))
}

/// The native clock; pauses never wait, as there is no event loop to yield to.
struct NativePace(Instant);

impl Pace for NativePace {
    fn now_ms(&self) -> f64 {
        ms(self.0)
    }

    async fn pause(&self) {}
}

fn main() {
    let (engine_p50, engine_p95) = engine_rescoring_ms();

    let mut cold = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let model = TractBackend::load(MODEL);
        cold.push(ms(start));
        if let Err(error) = model {
            eprintln!("the analyzer did not load: {error}");
            std::process::exit(1);
        }
    }
    let Ok(model) = TractBackend::load(MODEL) else {
        std::process::exit(1);
    };
    // The worker featurizes once per analysis; time it apart from the model's runs.
    let mut featurize = Vec::new();
    for _ in 0..1_000 {
        let start = Instant::now();
        std::hint::black_box(features(std::hint::black_box(TEXT)));
        featurize.push(ms(start));
    }
    let input = features(TEXT);
    let mut warm = Vec::new();
    for _ in 0..1_000 {
        let start = Instant::now();
        let _ = std::hint::black_box(model.run(&input));
        warm.push(ms(start));
    }
    let decoder = bench::run_now(bench::measure::<TractBackend>(
        &NativePace(Instant::now()),
        4_000.0,
    ));
    let decoder = match decoder {
        Some(Ok(timings)) => serde_json::to_string(&timings).unwrap_or_else(|_| "null".into()),
        Some(Err(error)) => {
            eprintln!("the decoder layer did not run: {error}");
            std::process::exit(1);
        }
        None => "null".into(),
    };
    println!(
        "{{\"decoder_native\":{decoder},\"engine_rescore_p50_ms\":{engine_p50},\"engine_rescore_p95_ms\":{engine_p95},\
         \"features_p50_ms\":{},\"tract_native_cold_ms\":{},\"tract_native_warm_p50_ms\":{},\"tract_native_warm_p95_ms\":{}}}",
        percentile(featurize, 50.0),
        percentile(cold, 50.0),
        percentile(warm.clone(), 50.0),
        percentile(warm, 95.0)
    );
}
