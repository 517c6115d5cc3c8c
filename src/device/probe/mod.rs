//! Browser glue that fills a [`DeviceProfile`](super::DeviceProfile): each probe has a timeout
//! and turns every failure into a [`Probe::Missing`] with a reason, so nothing throws into the UI.

mod gpu;
mod gpu_bench;
mod network;
mod platform;

use std::future::Future;

use futures::future::{select, Either};
use thiserror::Error;

pub use gpu::{webgl_renderer, webgpu};
pub use gpu_bench::gpu_bandwidth;
pub use network::{network, NetworkWatch};
pub use platform::{
    cross_origin_isolated, device_memory, prompt_api, storage, wasm_support, webnn,
};

use super::profile::{Probe, ProbeResult};

/// How long any one asynchronous probe may take before it is reported as timed out.
pub const PROBE_TIMEOUT_MS: u32 = 3_000;

/// Why a device fact could not be read.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DeviceError {
    #[error("this page has no window (it is running outside a browser tab)")]
    NoWindow,
    #[error("{0} is not exposed by this browser")]
    NotExposed(&'static str),
    #[error("the GPU benchmark failed: {0}")]
    Gpu(String),
}

impl<T> From<DeviceError> for Probe<T> {
    fn from(error: DeviceError) -> Self {
        Probe::Missing(error.to_string())
    }
}

/// The number of logical cores the browser reports (`navigator.hardwareConcurrency`).
pub fn logical_cores() -> Result<u32, DeviceError> {
    let window = web_sys::window().ok_or(DeviceError::NoWindow)?;
    let cores = window.navigator().hardware_concurrency();
    // Browsers report 0 or NaN when they hide the figure; NaN casts to 0 as well.
    if cores >= 1.0 {
        Ok(cores as u32)
    } else {
        Err(DeviceError::NotExposed("the number of CPU cores"))
    }
}

/// Resolves to the probe's answer, or to a timeout notice after `ms` milliseconds.
pub async fn with_timeout<T>(
    what: &str,
    ms: u32,
    probe: impl Future<Output = Probe<T>>,
) -> Probe<T> {
    let timer = gloo_timers::future::TimeoutFuture::new(ms);
    match select(Box::pin(probe), timer).await {
        Either::Left((answer, _)) => answer,
        Either::Right(_) => Probe::Missing(format!(
            "{what} did not answer within {} s",
            crate::decimal::Plain(f64::from(ms) / 1000.0)
        )),
    }
}

/// The probes that answer at once (cores, memory, isolation, wasm features, WebNN, network). The
/// app applies them to its first state, before its first render, so that taking over the page
/// renders once rather than once more for them.
pub fn immediate() -> Vec<ProbeResult> {
    vec![
        ProbeResult::Cores(logical_cores().map_or_else(Probe::from, Probe::Found)),
        ProbeResult::DeviceMemory(device_memory()),
        ProbeResult::CrossOriginIsolated(cross_origin_isolated()),
        ProbeResult::Wasm(wasm_support()),
        ProbeResult::WebNn(webnn()),
        ProbeResult::Network(network()),
    ]
}

/// Runs the probes that must be awaited and reports them in two batches: WebGPU and storage
/// together, then the Prompt API. Each report re-renders the page, so one per probe made the
/// app's start a string of long tasks. The WebGL renderer is not among them: creating a WebGL
/// context takes tens of milliseconds (more with a software renderer), so the app reads it with
/// [`webgl_renderer`] only when the device panel is open.
pub fn run_slow(report: impl Fn(Vec<ProbeResult>) + 'static) {
    // WebGPU decides the device's class, so it is reported before the Prompt API is asked, which
    // can take seconds to say whether its on-device model is available. One after the other: the
    // storage estimate takes a few milliseconds.
    wasm_bindgen_futures::spawn_local(async move {
        let gpu = with_timeout("The WebGPU adapter request", PROBE_TIMEOUT_MS, webgpu()).await;
        let storage = with_timeout("The storage estimate", PROBE_TIMEOUT_MS, storage()).await;
        report(vec![
            ProbeResult::WebGpu(gpu),
            ProbeResult::Storage(storage),
        ]);
        let prompt = with_timeout("The Prompt API", PROBE_TIMEOUT_MS, prompt_api()).await;
        report(vec![ProbeResult::PromptApi(prompt)]);
    });
}
