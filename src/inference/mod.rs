//! The inference worker's two jobs: the analyzer (load a model once, then answer run requests,
//! timing both inside the worker) and the device benchmark.
//!
//! Both are generic over a [`Backend`] so that the schedule and the analysis are tested natively;
//! only the worker bundle instantiates them with [`TractBackend`]. The app links none of this
//! but `protocol`.

pub mod bench;
#[cfg(feature = "worker")]
pub mod decoder;
mod error;
mod fetch;
pub mod kernel_bench;
pub mod kernels;
pub mod protocol;
#[cfg(feature = "worker")]
mod tract_backend;

use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;

pub use error::InferenceError;
#[cfg(feature = "worker")]
pub use tract_backend::TractBackend;

use crate::analyzer::features::features;
use crate::worker_scope::now_ms;
use crate::worker_serve::{Replier, Serve};
use protocol::{AnalyzerJob, AnalyzerReply, AnalyzerRequest, BenchJob, Benchmark};

/// The most runs one analysis request may ask for.
const MAX_REPEATS: u32 = 100;

/// A way to turn model bytes into something that can be run.
pub trait Backend: Sized + 'static {
    /// Parses and optimizes a model; called once per worker.
    fn load(bytes: &[u8]) -> Result<Self, InferenceError>;
    /// Runs the model on one input vector and returns all its outputs, flattened and concatenated in order.
    fn run(&self, input: &[f32]) -> Result<Vec<f32>, InferenceError>;
    /// Builds the benchmark's decoder layer for `tokens` new tokens over a cache of `past`,
    /// with weights generated from `seed`.
    fn decoder_layer(
        tokens: usize,
        past: usize,
        seed: u64,
    ) -> Result<Box<dyn Layer>, InferenceError>;
}

/// One runnable benchmark layer.
pub trait Layer {
    /// Runs once; returns one output value so that the work cannot be optimized away.
    fn step(&self) -> Result<f32, InferenceError>;
}

/// The worker's clock; the pause hands the thread back to the event loop, so a message that
/// ends the worker is handled between two runs.
struct WorkerPace;

impl bench::Pace for WorkerPace {
    fn now_ms(&self) -> f64 {
        now_ms()
    }

    async fn pause(&self) {
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

/// The analyzer's worker: loads the model once, then analyzes texts.
pub struct AnalyzerWorker<B: Backend> {
    /// Set once the load finishes; shared with the load running in the background.
    model: Rc<RefCell<Option<B>>>,
}

impl<B: Backend> Default for AnalyzerWorker<B> {
    fn default() -> Self {
        Self {
            model: Rc::new(RefCell::new(None)),
        }
    }
}

impl<B: Backend> Serve for AnalyzerWorker<B> {
    type Job = AnalyzerJob;

    fn received(&mut self, request: AnalyzerRequest, reply: Replier<AnalyzerJob>) {
        match request {
            AnalyzerRequest::Load { model_url } => {
                let model = self.model.clone();
                spawn_local(async move {
                    let loaded = load::<B>(&model_url).await;
                    reply.send(&loaded.map(|(loaded, ready)| {
                        *model.borrow_mut() = Some(loaded);
                        ready
                    }));
                });
            }
            AnalyzerRequest::Analyze { text, repeats } => {
                let analysis = match &*self.model.borrow() {
                    None => Err(InferenceError::NotLoaded),
                    Some(model) => analyze(model, &text, repeats),
                };
                reply.send(&analysis);
            }
        }
    }
}

/// The device benchmark's worker: the CPU's timings, then the GPU's bandwidth.
pub struct BenchWorker<B: Backend>(PhantomData<B>);

impl<B: Backend> Default for BenchWorker<B> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<B: Backend> Serve for BenchWorker<B> {
    type Job = BenchJob;

    fn received(&mut self, budget_ms: u32, reply: Replier<BenchJob>) {
        spawn_local(async move {
            let measured = match bench::measure::<B>(&WorkerPace, f64::from(budget_ms)).await {
                // Then the GPU, here too, so the page's thread and bundle carry none of it;
                // its failure leaves the CPU's timings standing.
                Ok(timings) => Ok(Benchmark {
                    timings,
                    kernels: kernel_bench::measure_kernels(&WorkerPace, f64::from(budget_ms) / 2.0)
                        .await,
                    gpu: gpu_within_bound().await,
                }),
                Err(error) => Err(error),
            };
            reply.send(&measured);
        });
    }
}

/// Featurizes once, then times each of the runs; the outputs of the last run are returned.
/// How long the GPU half of the benchmark may take. An adapter or device request that never
/// settles would otherwise hold back the CPU timings already measured (a page would wait
/// forever); past this the benchmark answers without a GPU figure.
const GPU_BENCH_TIMEOUT_MS: u32 = 15_000;

async fn gpu_within_bound() -> Option<bench::GpuBandwidth> {
    let timer = gloo_timers::future::TimeoutFuture::new(GPU_BENCH_TIMEOUT_MS);
    let measured = Box::pin(crate::device::probe::gpu_bandwidth());
    match futures::future::select(measured, timer).await {
        futures::future::Either::Left((measured, _)) => measured.ok(),
        futures::future::Either::Right(_) => None,
    }
}

fn analyze<B: Backend>(
    model: &B,
    text: &str,
    repeats: u32,
) -> Result<AnalyzerReply, InferenceError> {
    let input = features(text);
    let mut run_ms = Vec::new();
    let mut outputs = Vec::new();
    let first = now_ms();
    for _ in 0..repeats.clamp(1, MAX_REPEATS) {
        let start = now_ms();
        outputs = model.run(&input)?;
        run_ms.push(now_ms() - start);
    }
    Ok(AnalyzerReply::Analysis {
        outputs,
        run_ms,
        total_ms: now_ms() - first,
    })
}

/// Fetches and optimizes the model, timing both.
async fn load<B: Backend>(model_url: &str) -> Result<(B, AnalyzerReply), InferenceError> {
    let start = now_ms();
    let bytes = fetch::fetch_bytes(model_url).await?;
    let fetched = now_ms();
    let model = B::load(&bytes)?;
    let ready = AnalyzerReply::Ready {
        fetch_ms: fetched - start,
        optimize_ms: now_ms() - fetched,
        model_bytes: bytes.len() as u64,
    };
    Ok((model, ready))
}
