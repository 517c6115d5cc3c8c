//! What "Measure this device" measured, and the speed figures that do not depend on a runtime
//! class: a layer's weight counts, the assumed-hardware estimate and the GPU's decode.
//!
//! The per-class speeds from the measured kernels are in `runtime_speed`; the tract decoder
//! layer's timings (`models/decoder_layer.py`) are kept in the record, and no figure rests on
//! them.

use crate::decimal::Fixed;
use serde::{Deserialize, Serialize};

use super::catalogue::ModelShape;
use super::fit::{tokens_per_second, Memory, SpeedAssumption};
pub use crate::inference::bench::{GpuBandwidth, LayerTimings};
pub use crate::inference::kernel_bench::KernelRates;
use crate::inference::protocol::Benchmark;

/// One decoder layer's dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LayerShape {
    pub hidden: u32,
    pub heads: u32,
    pub kv_heads: u32,
    pub head_dim: u32,
    pub intermediate: u32,
}

/// The benchmark layer the worker runs; `models/decoder_layer.py` writes the same shape.
pub const BENCH_LAYER: LayerShape = LayerShape {
    hidden: 1024,
    heads: 16,
    kv_heads: 4,
    head_dim: 64,
    intermediate: 2816,
};

impl LayerShape {
    /// Weights in the attention projections and the gated MLP (norms are negligible).
    pub fn matrix_weights(&self) -> f64 {
        let h = f64::from(self.hidden);
        let q_and_o = 2.0 * h * f64::from(self.heads * self.head_dim);
        let k_and_v = 2.0 * h * f64::from(self.kv_heads * self.head_dim);
        q_and_o + k_and_v + 3.0 * h * f64::from(self.intermediate)
    }
}

/// A catalogue model's layer shape.
pub fn layer_of(model: &ModelShape) -> LayerShape {
    LayerShape {
        hidden: model.hidden,
        heads: model.heads,
        kv_heads: model.kv_heads,
        head_dim: model.head_dim,
        intermediate: model.active_intermediate(),
    }
}

/// How long one request takes on this device, by part.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RequestTime {
    pub first_token_s: f64,
    pub tokens_per_s: f64,
    /// First token, then the rest of the output at the speed halfway through it.
    pub total_s: f64,
}

/// The request the time column is for: the cost panel's tokens per request.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Workload {
    pub input_tokens: u64,
    pub output_tokens: u64,
}

impl Default for Workload {
    fn default() -> Self {
        Workload {
            input_tokens: 500,
            output_tokens: 200,
        }
    }
}

/// The cost panel's tokens per request are the request the device is timed for.
impl From<&crate::engine::cost::CostInputs> for Workload {
    fn from(cost: &crate::engine::cost::CostInputs) -> Self {
        Workload {
            input_tokens: cost.input_tokens,
            output_tokens: cost.output_tokens,
        }
    }
}

/// Where a row's speed comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeedSource {
    /// Extrapolated from the decoder layer this device ran.
    Measured,
    /// From the bandwidth and compute assumed for the hardware found.
    Assumed,
    /// Nothing here says how fast this class runs (a native GPU or NPU; a native CPU before a
    /// measurement).
    NotEstimated,
}

impl SpeedSource {
    pub fn key(self) -> &'static str {
        match self {
            SpeedSource::Measured => "measured",
            SpeedSource::Assumed => "assumed",
            SpeedSource::NotEstimated => "not_estimated",
        }
    }
}

/// The request's time from the assumption: the prompt at the compute rate, then the answer at
/// the assumed decoding speed.
pub fn assumed_request(
    model: &ModelShape,
    memory: &Memory,
    assumption: &SpeedAssumption,
    work: Workload,
) -> RequestTime {
    let tokens_per_s = tokens_per_second(model, memory, assumption);
    let first_token_s =
        2.0 * model.active_params() * work.input_tokens as f64 / (assumption.gflops * 1e9);
    RequestTime {
        first_token_s,
        tokens_per_s,
        total_s: first_token_s + work.output_tokens.saturating_sub(1) as f64 / tokens_per_s,
    }
}

/// A duration as the panel prints it: milliseconds below a second, then seconds.
pub fn seconds_text(seconds: f64) -> String {
    if seconds < 1.0 {
        format!("{} ms", Fixed(seconds * 1e3, 0))
    } else if seconds < 10.0 {
        format!("{} s", Fixed(seconds, 1))
    } else {
        format!("{} s", Fixed(seconds, 0))
    }
}

/// Decode tokens/s on the GPU: one token reads every active weight (at `bits_per_weight`) and
/// the KV cache once, at the bandwidth measured; the f16 figure is used where there is one, as
/// a runtime would read its 4-bit and 16-bit weights with 16-bit arithmetic.
pub fn gpu_tokens_per_s(
    model: &ModelShape,
    bits_per_weight: f64,
    context: u32,
    gpu: &GpuBandwidth,
) -> f64 {
    let weights = model.active_params() * bits_per_weight / 8.0;
    let cache =
        2.0 * f64::from(model.kv_heads * model.head_dim) * 2.0 * model.cached_layer_tokens(context);
    gpu.f16_gb_s.unwrap_or(gpu.f32_gb_s) * 1e9 / (weights + cache)
}

/// One run of "Measure this device": what was timed, the rates read from it, where and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub timings: LayerTimings,
    /// Memory bandwidth and the kernels' rates: what the runtime classes' speeds rest on.
    pub kernels: KernelRates,
    /// The browser's user-agent string, as it reported itself.
    pub browser: String,
    /// When the benchmark finished, as an ISO 8601 date and time.
    pub date: String,
    /// The GPU's bandwidth, when there is an adapter and its benchmark ran.
    pub gpu: Option<GpuBandwidth>,
}

impl Measurement {
    pub fn new(bench: Benchmark, browser: String, date: String) -> Self {
        Measurement {
            timings: bench.timings,
            kernels: bench.kernels,
            browser,
            date,
            gpu: bench.gpu,
        }
    }

    /// The method and the measured figures, in words, as the panel and the report print them.
    pub fn summary(&self) -> String {
        let gpu = match &self.gpu {
            Some(g) => format!(
                " GPU: {} GB/s in f32{} measured by a 4096 × 4096 matrix-vector product in \
                 WGSL; decode on the GPU = that bandwidth ÷ bytes read per token (active \
                 weights at their precision + KV cache).",
                Fixed(g.f32_gb_s, 1),
                g.f16_gb_s
                    .map_or(String::new(), |f| format!(", {} GB/s in f16", Fixed(f, 1)))
            ),
            None => " No GPU figure: this browser gave no WebGPU adapter, or its benchmark failed."
                .into(),
        };
        let k = &self.kernels;
        let cpu = format!(
            "Measured here in WebAssembly, one thread, on generated data: memory streams at {} \
             GB/s (reads over 64 MiB); 4-bit (Q4_0 × Q8_0) matrix-vector products run at {} G \
             weights/s from memory and {} G in cache; 16-bit at {} G weights/s ({} runs, {} s). \
             A decoder layer of {} M weights in tract (f32): one token {} ms over {} cached \
             tokens, {} ms over {}; a {}-token prefill {} ms.",
            Fixed(k.stream_gb_s, 1),
            Fixed(k.q4_weights_per_s / 1e9, 2),
            Fixed(k.q4_cached_weights_per_s / 1e9, 2),
            Fixed(k.f16_weights_per_s / 1e9, 2),
            k.runs,
            Fixed(k.total_ms / 1e3, 1),
            Fixed(BENCH_LAYER.matrix_weights() / 1e6, 1),
            Fixed(self.timings.decode_short_ms, 1),
            self.timings.short_context,
            Fixed(self.timings.decode_long_ms, 1),
            self.timings.long_context,
            self.timings.prefill_tokens,
            Fixed(self.timings.prefill_ms, 0),
        );
        cpu + &gpu
    }
}
