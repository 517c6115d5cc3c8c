//! Local speed per runtime class, from the kernels this device ran: a token's decode is priced
//! by the bytes and the weights it reads, a prompt's prefill by the compute rate.
//!
//! The model, for `T` threads and weights at a precision:
//! - decode seconds per token = the larger of (bytes read ÷ bandwidth) and (weights ÷ kernel
//!   rate), where bytes = active weights and the output layer at the precision's bits, plus the
//!   KV cache, plus each layer's work besides its weights; the browser's rates are this page's
//!   kernels in WebAssembly scaled by how close llama.cpp's WebAssembly build comes to them, a
//!   native app's by its wider SIMD;
//! - prefill tokens per second = the cached 4-bit kernel's rate (16-bit: the 16-bit kernel's)
//!   × threads × the class's factor ÷ the layers' weights.
//!
//! Every factor below says where it comes from; `cargo xtask calibrate` prints each estimate
//! beside llama.cpp's real speed on the same machine.

use serde::{Deserialize, Serialize};

use super::catalogue::ModelShape;
use super::fit::Precision;
use super::runtime::RuntimeClass;
use super::speed::{layer_of, RequestTime, Workload};
use crate::inference::kernel_bench::KernelRates;

/// How a class's speed follows from the kernels: one set of factors per runtime class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassFactors {
    /// The runtime's matrix-vector rate per thread, as a multiple of the page's 4-bit and
    /// 16-bit kernels.
    pub decode_compute: f64,
    /// The share of the measured streaming bandwidth a decode step reaches with one thread.
    pub bandwidth: f64,
    /// How much more bandwidth all threads reach than one (memory is shared by the cores).
    pub bandwidth_threads_cap: f64,
    /// Per layer and token, the work besides the weights (norms, rotary embedding, attention,
    /// the threads' synchronisation), as the time of this many 4-bit weights; shared by threads.
    pub layer_overhead_weights: f64,
    /// Prefill's rate per thread as a multiple of the cached kernel's rate.
    pub prefill_compute: f64,
}

/// llama.cpp compiled to WebAssembly (the wllama class). Its quantized dot products use the
/// same 128-bit SIMD as this page's kernels but reach about a fifth of their rate. Fitted:
/// wllama's speed on Qwen2.5 0.5B at one thread over this page's kernel rates on the same
/// machine (`cargo xtask calibrate`, 2026-12-07): 0.17 for decode (from memory), 0.23 for
/// prefill (in cache). Llama 3.2 1B and two threads check them (README). Decode in WebAssembly
/// is bound by that compute, not by memory.
pub const BROWSER_CPU: ClassFactors = ClassFactors {
    decode_compute: 0.17,
    bandwidth: 1.0,
    bandwidth_threads_cap: 2.0,
    layer_overhead_weights: 0.0,
    prefill_compute: 0.23,
};

/// llama.cpp natively on x86-64 or Arm. Assumed from the instruction sets, not fitted: its
/// compute per thread is 8× this page's kernel (256-bit AVX2 against WebAssembly's 128-bit
/// vectors, 8-bit dot-product instructions against widening multiplies, and a second vector
/// unit per core), so a decode step is bound by memory, read as fast as this page's streaming
/// kernel reads it; prefill is the same 8× on the cached kernel (each loaded weight serves many
/// prompt tokens). Fitted on the same machine (`cargo xtask calibrate`, 2026-12-07): the
/// per-layer work besides the weights, 2.1 M weights' time per layer and token (0.28 ms at one
/// thread there), from llama.cpp on Qwen2.5 0.5B at one thread; and that more threads read
/// memory no faster than one (llama.cpp's decode at two threads was 0.93× one thread's on
/// Qwen2.5 0.5B and 1.31× on Llama 3.2 1B), while they share the per-layer work. Llama 3.2 1B
/// and prefill check them (README).
pub const NATIVE_CPU: ClassFactors = ClassFactors {
    decode_compute: 8.0,
    bandwidth: 1.0,
    bandwidth_threads_cap: 1.0,
    layer_overhead_weights: 2.1e6,
    prefill_compute: 8.0,
};

/// The factors for a class, where the kernels can say anything about it (the GPUs are timed
/// or assumed elsewhere).
pub fn factors(class: RuntimeClass) -> Option<ClassFactors> {
    match class {
        RuntimeClass::BrowserCpu => Some(BROWSER_CPU),
        RuntimeClass::NativeCpu => Some(NATIVE_CPU),
        RuntimeClass::BrowserGpu | RuntimeClass::NativeGpu => None,
    }
}

/// Weights one token multiplies: every layer's active weights and the output layer.
pub fn weights_per_token(model: &ModelShape) -> f64 {
    let layer = layer_of(model);
    f64::from(model.layers) * layer.matrix_weights()
        + f64::from(model.vocab) * f64::from(model.hidden)
}

/// Bytes one token reads with `context` tokens cached: its weights at the precision, and a
/// 16-bit KV cache.
pub fn bytes_per_token(model: &ModelShape, precision: Precision, context: u32) -> f64 {
    let cache =
        2.0 * f64::from(model.kv_heads * model.head_dim) * 2.0 * model.cached_layer_tokens(context);
    weights_per_token(model) * precision.bits_per_weight() / 8.0 + cache
}

/// Seconds per generated token for a class with `threads` threads.
pub fn decode_seconds(
    f: &ClassFactors,
    k: &KernelRates,
    model: &ModelShape,
    precision: Precision,
    context: u32,
    threads: u32,
) -> f64 {
    let threads = f64::from(threads.max(1));
    let kernel = match precision {
        Precision::Q4 => k.q4_weights_per_s,
        Precision::F16 => k.f16_weights_per_s,
    };
    let compute_s = weights_per_token(model) / (kernel * f.decode_compute * threads);
    let bandwidth = k.stream_gb_s * 1e9 * f.bandwidth * threads.min(f.bandwidth_threads_cap);
    let memory_s = bytes_per_token(model, precision, context) / bandwidth;
    let overhead_s =
        f64::from(model.layers) * f.layer_overhead_weights / (k.q4_weights_per_s * threads);
    compute_s.max(memory_s) + overhead_s
}

/// Prompt tokens per second for a class with `threads` threads: the layers' weights times the
/// tokens, at the cached kernel's rate (the output layer runs once, for the last token).
pub fn prefill_tokens_per_s(
    f: &ClassFactors,
    k: &KernelRates,
    model: &ModelShape,
    precision: Precision,
    threads: u32,
) -> f64 {
    let kernel = match precision {
        Precision::Q4 => k.q4_cached_weights_per_s,
        Precision::F16 => k.f16_weights_per_s,
    };
    let layers = f64::from(model.layers) * layer_of(model).matrix_weights();
    kernel * f.prefill_compute * f64::from(threads.max(1)) / layers
}

/// The visitor's request on a class: the prompt at the prefill rate, then the answer at the
/// decode speed halfway through it.
pub fn class_request(
    f: &ClassFactors,
    k: &KernelRates,
    model: &ModelShape,
    precision: Precision,
    work: Workload,
    threads: u32,
) -> RequestTime {
    let (input, output) = (work.input_tokens as f64, work.output_tokens as f64);
    let first_token_s = input.max(1.0) / prefill_tokens_per_s(f, k, model, precision, threads)
        + decode_seconds(f, k, model, precision, 1, threads);
    let middle = (input + output / 2.0).min(f64::from(u32::MAX)) as u32;
    let per_token = decode_seconds(f, k, model, precision, middle, threads);
    RequestTime {
        first_token_s,
        tokens_per_s: 1.0 / per_token,
        total_s: first_token_s + (output - 1.0).max(0.0) * per_token,
    }
}

/// How a class's figures follow from the kernels, in words, with its factors and threads.
pub fn method_text(class: RuntimeClass, f: &ClassFactors, threads: u32) -> String {
    let runtime = match class {
        RuntimeClass::NativeCpu => "a native llama.cpp-class app",
        _ => "a llama.cpp-class runtime in WebAssembly",
    };
    format!(
        "{}, {threads} thread{}, is estimated as {runtime}: decode seconds per token = the \
         larger of bytes read (active weights and output layer at the weights' bits, plus the \
         KV cache) ÷ (bandwidth × {} × threads, at most × {}) and weights ÷ (kernel rate at \
         those weights × {} × threads), plus layers × {} M weights ÷ (4-bit kernel rate × \
         threads); prompt tokens per second = cached kernel rate × {} × threads ÷ the layers' \
         weights. The factors are checked against llama.cpp (README, \"Can this device run \
         it?\").",
        class.label(),
        if threads == 1 { "" } else { "s" },
        f.bandwidth,
        f.bandwidth_threads_cap,
        f.decode_compute,
        f.layer_overhead_weights / 1e6,
        f.prefill_compute,
    )
}

/// Threads a class gets here: a browser runtime has one unless the page is cross-origin
/// isolated (then shared memory lets it use every core); a native app uses every logical core.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threads {
    pub cores: u32,
    pub isolated: bool,
}

impl Threads {
    /// From the profile: its logical cores (one when hidden), and whether shared memory works.
    pub fn of(profile: &super::DeviceProfile) -> Self {
        Threads {
            cores: profile.cores.found().copied().unwrap_or(1),
            isolated: profile.wasm.found().is_some_and(|w| w.shared_memory),
        }
    }

    pub fn for_class(self, class: RuntimeClass) -> u32 {
        match class {
            RuntimeClass::BrowserCpu if !self.isolated => 1,
            _ => self.cores.max(1),
        }
    }
}
