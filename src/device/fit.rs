//! "Can this device run it?": memory and speed estimates for a catalogue model on a profiled device.
//!
//! The formulas are the ones the panel prints, so a reader can check every figure by hand.

use crate::decimal::Fixed;
use serde::{Deserialize, Serialize};

use super::catalogue::ModelShape;
use super::profile::DeviceProfile;
use super::runtime::{native_usable_bytes, RuntimeClass, OS_SHARE_TEXT};
use super::speed::{assumed_request, request_time, CpuRates, RequestTime, SpeedSource, Workload};

pub const GIB: f64 = 1_073_741_824.0;
/// Memory a runtime uses beyond weights and cache: activations, scratch buffers, the runtime
/// itself. 64 MiB puts the estimate within 15% of WebLLM's published figures (see the tests).
const FIXED_OVERHEAD_BYTES: f64 = 64.0 * 1_048_576.0;
const OVERHEAD_SHARE_OF_WEIGHTS: f64 = 0.10;
/// A model may use at most this share of device memory before it counts as tight: the OS, the
/// browser and other apps need the rest.
const COMFORTABLE_SHARE: f64 = 0.5;
/// A 32-bit WebAssembly module cannot address more than this.
const WASM32_MEMORY_BYTES: f64 = 4.0 * GIB;

/// How the weights are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Precision {
    /// 4-bit weights with one 16-bit scale per group of 32: 4.5 bits per weight.
    Q4,
    F16,
}

impl Precision {
    pub const ALL: [Precision; 2] = [Precision::Q4, Precision::F16];

    pub fn bits_per_weight(self) -> f64 {
        match self {
            Precision::Q4 => 4.0 + 16.0 / 32.0,
            Precision::F16 => 16.0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Precision::Q4 => "4-bit",
            Precision::F16 => "16-bit",
        }
    }
}

/// The memory a model needs, by part, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Memory {
    pub weights: f64,
    pub kv_cache: f64,
    pub overhead: f64,
    pub largest_buffer: f64,
}

impl Memory {
    pub fn total(&self) -> f64 {
        self.weights + self.kv_cache + self.overhead
    }
}

/// The formula behind [`memory`], as the panel prints it.
pub const MEMORY_FORMULA: &str =
    "weights = parameters × bits per weight ÷ 8 (4-bit: 4.5 bits with \
its group scales; 16-bit: 16); KV cache = 2 × layers × KV heads × head size × context × 2 bytes (a sliding-window layer caches at most its window); \
overhead = 10% of weights + 64 MiB; needed = weights + KV cache + overhead";

/// Weights, a 16-bit KV cache for `context` tokens, and runtime overhead.
pub fn memory(model: &ModelShape, precision: Precision, context: u32) -> Memory {
    let bytes_per_weight = precision.bits_per_weight() / 8.0;
    let weights = model.params_b * 1e9 * bytes_per_weight;
    let cached = model.cached_layer_tokens(context.min(model.max_context));
    let kv_cache = 2.0 * f64::from(model.kv_heads) * f64::from(model.head_dim) * cached * 2.0;
    Memory {
        weights,
        kv_cache,
        overhead: OVERHEAD_SHARE_OF_WEIGHTS * weights + FIXED_OVERHEAD_BYTES,
        largest_buffer: model.largest_tensor_weights() * bytes_per_weight,
    }
}

/// What the speed estimate assumes about the hardware that would run the model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeedAssumption {
    pub runs_on: String,
    pub bandwidth_gb_s: f64,
    pub gflops: f64,
}

/// Picks the assumption from what the profile shows; none of these figures is measured.
pub fn speed_assumption(profile: &DeviceProfile) -> SpeedAssumption {
    if let Some(adapter) = profile.adapter().filter(|a| !a.fallback) {
        let discrete = matches!(adapter.vendor.as_str(), "nvidia" | "amd");
        return if discrete {
            SpeedAssumption {
                runs_on: format!("a {} GPU through WebGPU, assumed discrete", adapter.vendor),
                bandwidth_gb_s: 200.0,
                gflops: 10_000.0,
            }
        } else {
            SpeedAssumption {
                runs_on: "an integrated GPU through WebGPU".into(),
                bandwidth_gb_s: 60.0,
                gflops: 1_000.0,
            }
        };
    }
    // Without shared memory a WebAssembly runtime gets one thread, however many cores there are.
    let shared = profile.wasm.found().is_some_and(|w| w.shared_memory);
    let threads = if shared {
        profile.cores.found().copied().unwrap_or(1).max(1)
    } else {
        1
    };
    SpeedAssumption {
        runs_on: format!(
            "the CPU through WebAssembly, {threads} thread{}",
            if threads == 1 { "" } else { "s" }
        ),
        bandwidth_gb_s: 10.0,
        gflops: 5.0 * f64::from(threads),
    }
}

/// Decoding speed in tokens/s: each token reads every active weight and the cache once
/// (memory-bound) and costs two operations per active parameter (compute-bound); the slower
/// of the two wins. A mixture of experts reads only the experts a token is routed to.
pub fn tokens_per_second(model: &ModelShape, memory: &Memory, assumption: &SpeedAssumption) -> f64 {
    let active_share = model.active_params() / model.params_from_shape();
    let read = memory.weights * active_share.min(1.0) + memory.kv_cache;
    let memory_bound = assumption.bandwidth_gb_s * 1e9 / read;
    let compute_bound = assumption.gflops * 1e9 / (2.0 * model.active_params());
    memory_bound.min(compute_bound)
}

/// Whether the model can run here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FitVerdict {
    Fits,
    Tight,
    WontRun,
    /// The browser exposes too little to tell.
    Unknown,
}

impl FitVerdict {
    /// The verdict as a key for markup and tests.
    pub fn key(self) -> &'static str {
        match self {
            FitVerdict::Fits => "fits",
            FitVerdict::Tight => "tight",
            FitVerdict::WontRun => "wont_run",
            FitVerdict::Unknown => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FitVerdict::Fits => "fits",
            FitVerdict::Tight => "tight",
            FitVerdict::WontRun => "won't run",
            FitVerdict::Unknown => "can't tell",
        }
    }
}

/// One row of the "Can this device run it?" table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelFit {
    pub model: &'static str,
    pub runtime: RuntimeClass,
    pub precision: Precision,
    pub context: u32,
    pub memory: Memory,
    pub tokens_per_second: f64,
    pub speed_source: SpeedSource,
    /// The visitor's request on this device: first token, speed, whole answer.
    pub request: RequestTime,
    pub verdict: FitVerdict,
    pub reason: String,
}

/// Whether `memory` fits what `class` may use here, and why.
fn memory_verdict(
    class: RuntimeClass,
    memory: &Memory,
    profile: &DeviceProfile,
) -> (FitVerdict, String) {
    let needed = memory.total();
    let device_bytes = profile.device_memory_gb.found().map(|gb| gb * GIB);
    let buffer_limit = profile
        .adapter()
        .map(|a| a.max_storage_buffer_binding_size.min(a.max_buffer_size) as f64);
    match class {
        RuntimeClass::BrowserGpu => match buffer_limit {
            None => (
                FitVerdict::WontRun,
                "this browser gives no WebGPU adapter here".into(),
            ),
            Some(limit) if memory.largest_buffer > limit => (
                FitVerdict::WontRun,
                format!(
                    "its largest weight tensor ({}) exceeds this GPU's largest storage buffer ({})",
                    gib(memory.largest_buffer),
                    gib(limit)
                ),
            ),
            Some(_) => share_verdict(needed, device_bytes, "", "the device has"),
        },
        RuntimeClass::BrowserCpu if needed > WASM32_MEMORY_BYTES => (
            FitVerdict::WontRun,
            format!(
                "needs {}; with no WebGPU adapter it would run in WebAssembly, whose memory stops at 4 GiB (a native app has no such limit)",
                gib(needed)
            ),
        ),
        RuntimeClass::BrowserCpu => share_verdict(needed, device_bytes, "", "the device has"),
        RuntimeClass::NativeCpu => {
            let usable = device_bytes.map(native_usable_bytes);
            let (verdict, reason) = share_verdict(
                needed,
                usable,
                " a native app may use",
                "a native app may use here",
            );
            (verdict, format!("{reason} ({OS_SHARE_TEXT})"))
        }
        RuntimeClass::NativeGpu => (
            FitVerdict::Unknown,
            format!(
                "needs {} of video memory or the NPU's share; browsers expose neither",
                gib(needed)
            ),
        ),
    }
}

/// Fits at most half of `limit`, tight above, won't run above all of it; `of` and `over` name
/// the limit in the reasons.
fn share_verdict(needed: f64, limit: Option<f64>, of: &str, over: &str) -> (FitVerdict, String) {
    let Some(limit) = limit else {
        return (
            FitVerdict::Unknown,
            format!(
                "needs {}; this browser does not expose the device's memory",
                gib(needed)
            ),
        );
    };
    let summary = format!("needs {} of about {}{of}", gib(needed), gib(limit));
    let share = needed / limit;
    if share > 1.0 {
        (FitVerdict::WontRun, format!("{summary}: more than {over}"))
    } else if share > COMFORTABLE_SHARE {
        (
            FitVerdict::Tight,
            format!("{summary}: over half, leaving little for the OS and other apps"),
        )
    } else {
        (FitVerdict::Fits, format!("{summary}: at most half"))
    }
}

/// Tokens per second as the panel prints them: one decimal below ten, whole numbers above.
pub fn speed_text(tokens_per_second: f64) -> String {
    if tokens_per_second < 10.0 {
        Fixed(tokens_per_second, 1).to_string()
    } else {
        Fixed(tokens_per_second, 0).to_string()
    }
}

fn gib(bytes: f64) -> String {
    format!("{} GiB", Fixed(bytes / GIB, 1))
}

/// Judges one model at one precision and context against the profile, with assumed speeds.
pub fn fit(
    model: &ModelShape,
    precision: Precision,
    context: u32,
    profile: &DeviceProfile,
) -> ModelFit {
    fit_with(
        model,
        precision,
        context,
        profile,
        None,
        Workload::default(),
    )
}

/// Judges one model against the profile for the browser this page runs in (on its GPU where
/// it gives a WebGPU adapter, else in WebAssembly); with `measured` rates its speeds are
/// extrapolated from this device's benchmark instead of assumed.
pub fn fit_with(
    model: &ModelShape,
    precision: Precision,
    context: u32,
    profile: &DeviceProfile,
    measured: Option<&CpuRates>,
    work: Workload,
) -> ModelFit {
    let class = RuntimeClass::for_tooling(None, profile);
    fit_on(class, model, precision, context, profile, measured, work)
}

/// One row of the table for a runtime class: its memory verdict, and the browser's speeds.
pub fn fit_on(
    class: RuntimeClass,
    model: &ModelShape,
    precision: Precision,
    context: u32,
    profile: &DeviceProfile,
    measured: Option<&CpuRates>,
    work: Workload,
) -> ModelFit {
    let context = context.min(model.max_context);
    let memory = memory(model, precision, context);
    let (verdict, reason) = memory_verdict(class, &memory, profile);
    let (request, speed_source) = match measured {
        Some(rates) => (
            request_time(model, work.input_tokens, work.output_tokens, rates),
            SpeedSource::Measured,
        ),
        None => (
            assumed_request(model, &memory, &speed_assumption(profile), work),
            SpeedSource::Assumed,
        ),
    };
    ModelFit {
        model: model.name,
        runtime: class,
        precision,
        context,
        tokens_per_second: request.tokens_per_s,
        speed_source,
        request,
        memory,
        verdict,
        reason,
    }
}
