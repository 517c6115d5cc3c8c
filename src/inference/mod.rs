//! The inference worker: loads a model once, then answers run requests, timing both inside the worker.
//!
//! The worker is generic over a [`Backend`] so that the app bundle can name the worker type
//! (it needs the type to spawn it) with [`Remote`], a backend that has no values, and so never
//! links tract. Only the worker bundle instantiates it with [`TractBackend`].

pub mod bench;
#[cfg(feature = "worker")]
pub mod decoder;
mod error;
mod fetch;
#[cfg(feature = "worker")]
mod tract_backend;

use std::marker::PhantomData;

use gloo_worker::{HandlerId, Worker, WorkerScope};

pub use error::InferenceError;
#[cfg(feature = "worker")]
pub use tract_backend::TractBackend;

use crate::analyzer::features::features;
use crate::protocol::{Request, Response};
use crate::worker_scope::now_ms;

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

/// The backend the app names the worker with: it has no values, so nothing can run on the app's thread.
pub enum Remote {}

impl Backend for Remote {
    fn load(_bytes: &[u8]) -> Result<Self, InferenceError> {
        Err(InferenceError::NoBackend)
    }

    fn run(&self, _input: &[f32]) -> Result<Vec<f32>, InferenceError> {
        match *self {}
    }

    fn decoder_layer(_: usize, _: usize, _: u64) -> Result<Box<dyn Layer>, InferenceError> {
        Err(InferenceError::NoBackend)
    }
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

/// The worker as the app sees it.
pub type RemoteWorker = InferenceWorker<Remote>;

/// A model that finished loading, with the times the load took.
pub struct Loaded<B> {
    model: Result<B, InferenceError>,
    fetch_ms: f64,
    optimize_ms: f64,
    model_bytes: u64,
    requester: HandlerId,
}

/// Work the worker finished in the background.
pub enum Finished<B> {
    Loaded(Loaded<B>),
    Benchmark(HandlerId, Response),
}

/// The inference worker itself.
pub struct InferenceWorker<B: Backend> {
    model: Option<B>,
    _backend: PhantomData<B>,
}

impl<B: Backend> Worker for InferenceWorker<B> {
    type Message = Finished<B>;
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self {
            model: None,
            _backend: PhantomData,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, finished: Self::Message) {
        let loaded = match finished {
            Finished::Loaded(loaded) => loaded,
            Finished::Benchmark(id, response) => return scope.respond(id, response),
        };
        let response = match loaded.model {
            Ok(model) => {
                self.model = Some(model);
                Response::Ready {
                    fetch_ms: loaded.fetch_ms,
                    optimize_ms: loaded.optimize_ms,
                    model_bytes: loaded.model_bytes,
                }
            }
            Err(error) => Response::Failed {
                message: error.to_string(),
            },
        };
        scope.respond(loaded.requester, response);
    }

    fn received(&mut self, scope: &WorkerScope<Self>, request: Self::Input, id: HandlerId) {
        match request {
            Request::Load { model_url } => {
                scope.send_future(async move { Finished::Loaded(load::<B>(model_url, id).await) })
            }
            Request::Benchmark { budget_ms } => scope.send_future(async move {
                let response = match bench::measure::<B>(&WorkerPace, f64::from(budget_ms)).await {
                    // Then the GPU, here too, so the page's thread and bundle carry none of it;
                    // its failure leaves the CPU's timings standing.
                    Ok(timings) => Response::Benchmark {
                        timings,
                        gpu: gpu_within_bound().await,
                    },
                    Err(error) => Response::Failed {
                        message: error.to_string(),
                    },
                };
                Finished::Benchmark(id, response)
            }),
            Request::Analyze { text, repeats } => {
                let response = match &self.model {
                    None => Response::Failed {
                        message: InferenceError::NotLoaded.to_string(),
                    },
                    Some(model) => analyze(model, &text, repeats),
                };
                scope.respond(id, response);
            }
        }
    }
}

/// Featurizes once, then times each of the runs; the outputs of the last run are returned.
/// How long the GPU half of the benchmark may take. An adapter or device request that never
/// settles would otherwise hold back the CPU timings already measured (a page would wait
/// forever); past this the benchmark answers without a GPU figure.
const GPU_BENCH_TIMEOUT_MS: u32 = 15_000;

async fn gpu_within_bound() -> Option<crate::device::speed::GpuBandwidth> {
    let timer = gloo_timers::future::TimeoutFuture::new(GPU_BENCH_TIMEOUT_MS);
    let measured = Box::pin(crate::device::probe::gpu_bandwidth());
    match futures::future::select(measured, timer).await {
        futures::future::Either::Left((measured, _)) => measured.ok(),
        futures::future::Either::Right(_) => None,
    }
}

fn analyze<B: Backend>(model: &B, text: &str, repeats: u32) -> Response {
    let input = features(text);
    let mut run_ms = Vec::new();
    let mut outputs = Vec::new();
    let first = now_ms();
    for _ in 0..repeats.clamp(1, MAX_REPEATS) {
        let start = now_ms();
        match model.run(&input) {
            Ok(values) => outputs = values,
            Err(error) => {
                return Response::Failed {
                    message: error.to_string(),
                }
            }
        }
        run_ms.push(now_ms() - start);
    }
    Response::Analysis {
        outputs,
        run_ms,
        total_ms: now_ms() - first,
    }
}

async fn load<B: Backend>(model_url: String, requester: HandlerId) -> Loaded<B> {
    let start = now_ms();
    let bytes = fetch::fetch_bytes(&model_url).await;
    let fetched = now_ms();
    let model_bytes = bytes.as_ref().map_or(0, |b| b.len() as u64);
    let model = bytes.and_then(|bytes| B::load(&bytes));
    Loaded {
        model,
        fetch_ms: fetched - start,
        optimize_ms: now_ms() - fetched,
        model_bytes,
        requester,
    }
}
