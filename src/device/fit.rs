//! "Can this device run it?": memory and speed estimates for a catalogue model on a profiled device.
//!
//! The formulas are the ones the panel prints, so a reader can check every figure by hand.

use crate::decimal::Fixed;
use serde::{Deserialize, Serialize};

use super::catalogue::ModelShape;
use super::profile::DeviceProfile;
use super::runtime::{native_usable_bytes, RuntimeClass, OS_SHARE_TEXT};
use super::runtime_speed::{class_request, factors, Threads};
use super::speed::{
    assumed_request, gpu_tokens_per_s, Measurement, RequestTime, SpeedSource, Workload,
};

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
    /// The threads the speeds assume for this class here.
    pub threads: u32,
    /// The prompt's tokens per second: the request's input over its first-token time.
    pub prefill_tokens_per_s: f64,
    pub memory: Memory,
    pub tokens_per_second: f64,
    pub speed_source: SpeedSource,
    /// The visitor's request on this device: first token, speed, whole answer.
    pub request: RequestTime,
    pub verdict: FitVerdict,
    pub reason: String,
}

/// What bounds a model's memory for a class on this device.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Limit {
    NoAdapter,
    /// The adapter's largest storage buffer, smaller than the largest weight tensor.
    Buffer(f64),
    /// WebAssembly's 4 GiB, less than the model needs.
    Wasm32,
    /// A share of the device's memory (all of it for a browser, the native app's part
    /// natively); `None` where the browser hides the device's memory.
    Device {
        bytes: Option<f64>,
        native: bool,
    },
    NativeGpu,
}

fn limit(class: RuntimeClass, memory: &Memory, profile: &DeviceProfile) -> Limit {
    let device_bytes = profile.device_memory_gb.found().map(|gb| gb * GIB);
    let browser = Limit::Device {
        bytes: device_bytes,
        native: false,
    };
    match class {
        RuntimeClass::BrowserGpu => match profile.adapter() {
            None => Limit::NoAdapter,
            Some(a) => {
                let buffer = a.max_storage_buffer_binding_size.min(a.max_buffer_size) as f64;
                if memory.largest_buffer > buffer {
                    Limit::Buffer(buffer)
                } else {
                    browser
                }
            }
        },
        RuntimeClass::BrowserCpu if memory.total() > WASM32_MEMORY_BYTES => Limit::Wasm32,
        RuntimeClass::BrowserCpu => browser,
        RuntimeClass::NativeCpu => Limit::Device {
            bytes: device_bytes.map(native_usable_bytes),
            native: true,
        },
        RuntimeClass::NativeGpu => Limit::NativeGpu,
    }
}

/// Whether `memory` fits what `class` may use here: at most half of the limit fits, more is
/// tight, more than all of it won't run. No words, so the page can judge without them.
pub fn fit_verdict(class: RuntimeClass, memory: &Memory, profile: &DeviceProfile) -> FitVerdict {
    verdict_within(limit(class, memory, profile), memory)
}

fn verdict_within(limit: Limit, memory: &Memory) -> FitVerdict {
    match limit {
        Limit::NoAdapter | Limit::Buffer(_) | Limit::Wasm32 => FitVerdict::WontRun,
        Limit::Device { bytes: None, .. } | Limit::NativeGpu => FitVerdict::Unknown,
        Limit::Device {
            bytes: Some(bytes), ..
        } => match memory.total() / bytes {
            share if share > 1.0 => FitVerdict::WontRun,
            share if share > COMFORTABLE_SHARE => FitVerdict::Tight,
            _ => FitVerdict::Fits,
        },
    }
}

/// Why: the verdict of [`fit_verdict`] in words.
fn memory_reason(limit: Limit, verdict: FitVerdict, memory: &Memory) -> String {
    let needed = gib(memory.total());
    match limit {
        Limit::NoAdapter => "this browser gives no WebGPU adapter here".into(),
        Limit::Buffer(buffer) => format!(
            "its largest weight tensor ({}) exceeds this GPU's largest storage buffer ({})",
            gib(memory.largest_buffer),
            gib(buffer)
        ),
        Limit::Wasm32 => format!(
            "needs {needed}; with no WebGPU adapter it would run in WebAssembly, whose memory stops at 4 GiB (a native app has no such limit)"
        ),
        Limit::NativeGpu => format!(
            "needs {needed} of video memory or the NPU's share; browsers expose neither"
        ),
        Limit::Device { bytes: None, .. } => {
            format!("needs {needed}; this browser does not expose the device's memory")
        }
        Limit::Device {
            bytes: Some(bytes),
            native,
        } => {
            let (of, over) = if native {
                (" a native app may use", "a native app may use here")
            } else {
                ("", "the device has")
            };
            let summary = format!("needs {needed} of about {}{of}", gib(bytes));
            let why = match verdict {
                FitVerdict::WontRun => format!("{summary}: more than {over}"),
                FitVerdict::Tight => {
                    format!("{summary}: over half, leaving little for the OS and other apps")
                }
                _ => format!("{summary}: at most half"),
            };
            if native {
                format!("{why} ({OS_SHARE_TEXT})")
            } else {
                why
            }
        }
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
/// it gives a WebGPU adapter, else in WebAssembly); with a measurement its speeds are
/// extrapolated from this device's kernels instead of assumed.
pub fn fit_with(
    model: &ModelShape,
    precision: Precision,
    context: u32,
    profile: &DeviceProfile,
    measured: Option<&Measurement>,
    work: Workload,
) -> ModelFit {
    let class = RuntimeClass::for_tooling(None, profile);
    fit_on(class, model, precision, context, profile, measured, work)
}

/// One row of the table for a runtime class: its memory verdict, and its speeds.
pub fn fit_on(
    class: RuntimeClass,
    model: &ModelShape,
    precision: Precision,
    context: u32,
    profile: &DeviceProfile,
    measured: Option<&Measurement>,
    work: Workload,
) -> ModelFit {
    let context = context.min(model.max_context);
    let memory = memory(model, precision, context);
    let limit = limit(class, &memory, profile);
    let verdict = verdict_within(limit, &memory);
    let reason = memory_reason(limit, verdict, &memory);
    let threads = Threads::of(profile).for_class(class);
    let speed = class_speed(class, model, precision, &memory, profile, measured, work);
    let (request, speed_source) = speed.unwrap_or((
        RequestTime {
            first_token_s: f64::NAN,
            tokens_per_s: f64::NAN,
            total_s: f64::NAN,
        },
        SpeedSource::NotEstimated,
    ));
    ModelFit {
        model: model.name,
        runtime: class,
        precision,
        context,
        threads,
        prefill_tokens_per_s: work.input_tokens.max(1) as f64 / request.first_token_s,
        tokens_per_second: request.tokens_per_s,
        speed_source,
        request,
        memory,
        verdict,
        reason,
    }
}

/// A class's request time and where it comes from: the CPU classes from the measured kernels,
/// the browser's GPU from its measured bandwidth (its prompt at the CPU's rate), and before a
/// measurement the browser classes from assumed figures; `None` where nothing says anything.
pub fn class_speed(
    class: RuntimeClass,
    model: &ModelShape,
    precision: Precision,
    memory: &Memory,
    profile: &DeviceProfile,
    measured: Option<&Measurement>,
    work: Workload,
) -> Option<(RequestTime, SpeedSource)> {
    let threads = Threads::of(profile);
    let Some(m) = measured else {
        return class.is_browser().then(|| {
            let assumed = assumed_request(model, memory, &speed_assumption(profile), work);
            (assumed, SpeedSource::Assumed)
        });
    };
    let on = |class| {
        factors(class).map(|f| {
            let threads = threads.for_class(class);
            class_request(&f, &m.kernels, model, precision, work, threads)
        })
    };
    let request = match (class, &m.gpu) {
        (RuntimeClass::BrowserGpu, Some(gpu)) => {
            let cpu = on(RuntimeClass::BrowserCpu)?;
            let context = (work.input_tokens + work.output_tokens / 2).min(u64::from(u32::MAX));
            let speed = gpu_tokens_per_s(model, precision.bits_per_weight(), context as u32, gpu);
            let answer = work.output_tokens.saturating_sub(1) as f64 / speed;
            RequestTime {
                first_token_s: cpu.first_token_s,
                tokens_per_s: speed,
                total_s: cpu.first_token_s + answer,
            }
        }
        (RuntimeClass::BrowserGpu, None) => on(RuntimeClass::BrowserCpu)?,
        _ => on(class)?,
    };
    Some((request, SpeedSource::Measured))
}
