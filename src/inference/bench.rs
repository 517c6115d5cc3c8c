//! The device benchmark's schedule: which layer shapes to time, how often, and within what budget.
//!
//! The same code runs in the worker (yielding to the event loop between runs, so a cancel can
//! land) and natively (where the pause does nothing), so the browser and the native check time
//! exactly the same thing.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::{Backend, InferenceError};
use serde::{Deserialize, Serialize};

/// The cache length for the short decode: near the start of a conversation.
pub const SHORT_CONTEXT: usize = 64;
/// The cache length for the long decode; the difference between the two prices attention.
pub const LONG_CONTEXT: usize = 1024;
/// The prompt chunk a prefill reads at once.
pub const PREFILL_TOKENS: usize = 32;
/// Each phase times at least this many runs after its warm-up, whatever the budget.
pub(crate) const MIN_RUNS: usize = 3;
/// Enough back-to-back decode runs to span a few of a scheduler's 100 ms quota periods.
pub(crate) const MAX_RUNS: usize = 40;

/// What the device benchmark measured inside the worker: the mean of each phase's back-to-back runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LayerTimings {
    /// One-token decode over a cache of `short_context` tokens.
    pub decode_short_ms: f64,
    pub short_context: u32,
    /// One-token decode over a cache of `long_context` tokens.
    pub decode_long_ms: f64,
    pub long_context: u32,
    /// `prefill_tokens` tokens at once, as a prompt is read.
    pub prefill_ms: f64,
    pub prefill_tokens: u32,
    /// Timed runs in all, and the benchmark's whole time including building the layers.
    pub runs: u32,
    pub total_ms: f64,
}

/// The GPU's measured memory bandwidth from a large matrix-vector product, in GB/s.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GpuBandwidth {
    pub f32_gb_s: f64,
    /// Only where the adapter offers `shader-f16`.
    pub f16_gb_s: Option<f64>,
}

/// A clock and a way to let other work in between runs.
pub trait Pace {
    fn now_ms(&self) -> f64;
    fn pause(&self) -> impl Future<Output = ()>;
}

/// The mean of some timings: the sustained cost of back-to-back runs.
pub fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// Times `tokens` new tokens over a cache of `past`, within `budget_ms` once `MIN_RUNS` are done.
///
/// The phase's figure is the mean, not the median: generating an answer is runs back to back,
/// and a device that is throttled (heat, a CPU quota, a busy machine) stalls some of them. The
/// median would report the unstalled runs and hide the slowdown the visitor would see.
async fn phase<B: Backend>(
    pace: &impl Pace,
    tokens: usize,
    past: usize,
    seed: u64,
    budget_ms: f64,
    runs: &mut u32,
) -> Result<f64, InferenceError> {
    let layer = B::decoder_layer(tokens, past, seed)?;
    pace.pause().await;
    // The first run pays for allocating buffers, so it is not counted.
    layer.step()?;
    let start = pace.now_ms();
    let mut times = Vec::new();
    while times.len() < MIN_RUNS || (times.len() < MAX_RUNS && pace.now_ms() - start < budget_ms) {
        pace.pause().await;
        let t = pace.now_ms();
        layer.step()?;
        times.push(pace.now_ms() - t);
    }
    *runs += times.len() as u32;
    Ok(mean(&times))
}

/// The whole benchmark: decode at two contexts, then a prefill batch; the budget is split
/// 20/20/60 because a prefill run takes tens of decode runs.
pub async fn measure<B: Backend>(
    pace: &impl Pace,
    budget_ms: f64,
) -> Result<LayerTimings, InferenceError> {
    let start = pace.now_ms();
    let mut runs = 0;
    let short = phase::<B>(pace, 1, SHORT_CONTEXT, 1, budget_ms * 0.2, &mut runs).await?;
    let long = phase::<B>(pace, 1, LONG_CONTEXT, 2, budget_ms * 0.2, &mut runs).await?;
    let prefill = phase::<B>(pace, PREFILL_TOKENS, 1, 3, budget_ms * 0.6, &mut runs).await?;
    Ok(LayerTimings {
        decode_short_ms: short,
        short_context: SHORT_CONTEXT as u32,
        decode_long_ms: long,
        long_context: LONG_CONTEXT as u32,
        prefill_ms: prefill,
        prefill_tokens: PREFILL_TOKENS as u32,
        runs,
        total_ms: pace.now_ms() - start,
    })
}

/// Runs a future whose pauses never wait, as the native pace's do, to completion.
pub fn run_now<T>(future: impl Future<Output = T>) -> Option<T> {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}
