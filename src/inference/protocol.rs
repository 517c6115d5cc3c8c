//! The inference worker's two jobs and their messages: the analyzer (load the model, analyze
//! texts) and the device benchmark (time a decoder layer, then the GPU). One script serves
//! both; the worker's name picks the job, so each side handles only its own replies.

use serde::{Deserialize, Serialize};

use super::bench::{GpuBandwidth, LayerTimings};
use super::kernel_bench::KernelRates;
use super::InferenceError;
use crate::worker_serve::Job;

/// The analyzer's job: `worker.js` started with the name "analyzer".
pub struct AnalyzerJob;

impl Job for AnalyzerJob {
    type Request = AnalyzerRequest;
    type Reply = Result<AnalyzerReply, InferenceError>;
    const NAME: &'static str = "analyzer";
}

/// What the app asks the analyzer to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AnalyzerRequest {
    /// Fetch the model at this URL (relative to the page), optimize it and keep it for later runs.
    Load { model_url: String },
    /// Analyze a feature description: featurize it, then run the model `repeats` times (1 to
    /// 100) so that the latency can be given as percentiles.
    Analyze { text: String, repeats: u32 },
}

/// What the analyzer answers to each request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AnalyzerReply {
    /// The model is loaded and optimized; the times are measured inside the worker.
    Ready {
        fetch_ms: f64,
        optimize_ms: f64,
        model_bytes: u64,
    },
    /// The model's outputs (all heads, concatenated), how long each run took inside the worker,
    /// and the whole loop's time, which stays exact where the browser coarsens its clock.
    Analysis {
        outputs: Vec<f32>,
        run_ms: Vec<f64>,
        total_ms: f64,
    },
}

/// The device benchmark's job: `worker.js` started with the name "bench", in a worker of its
/// own, so that a cancel ends that worker without touching the loaded analyzer.
pub struct BenchJob;

impl Job for BenchJob {
    /// Time the benchmark decoder layer (one-token decode at two contexts, then a prefill
    /// batch) within about this many milliseconds.
    type Request = u32;
    type Reply = Result<Benchmark, InferenceError>;
    const NAME: &'static str = "bench";
}

/// The benchmark's result: the CPU's timings, and the GPU's bandwidth where the worker could
/// measure one (no WebGPU adapter, or a failed run, leaves it out).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    pub timings: LayerTimings,
    /// Memory bandwidth and the 4-bit and 16-bit kernels' rates, in one thread.
    pub kernels: KernelRates,
    pub gpu: Option<GpuBandwidth>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker_codec::{from_bytes, to_bytes};

    #[test]
    fn replies_and_their_errors_survive_the_wire() {
        let replies: [<AnalyzerJob as Job>::Reply; 3] = [
            Ok(AnalyzerReply::Ready {
                fetch_ms: 1.5,
                optimize_ms: 2.0,
                model_bytes: 252,
            }),
            Ok(AnalyzerReply::Analysis {
                outputs: vec![0.25, 0.75],
                run_ms: vec![0.1, 0.2],
                total_ms: 0.3,
            }),
            Err(InferenceError::Corrupt("bad magic".into())),
        ];
        for reply in replies {
            let bytes = to_bytes(&reply).expect("encodes");
            assert_eq!(from_bytes::<<AnalyzerJob as Job>::Reply>(&bytes), Ok(reply));
        }
        let bench: <BenchJob as Job>::Reply = Ok(Benchmark {
            timings: LayerTimings {
                decode_short_ms: 4.0,
                short_context: 64,
                decode_long_ms: 5.0,
                long_context: 1024,
                prefill_ms: 90.0,
                prefill_tokens: 32,
                runs: 12,
                total_ms: 900.0,
            },
            kernels: KernelRates {
                stream_gb_s: 20.0,
                q4_weights_per_s: 1e10,
                q4_cached_weights_per_s: 1.1e10,
                f16_weights_per_s: 3e9,
                runs: 12,
                total_ms: 2000.0,
            },
            gpu: Some(GpuBandwidth {
                f32_gb_s: 40.0,
                f16_gb_s: None,
            }),
        });
        let bytes = to_bytes(&bench).expect("encodes");
        assert_eq!(from_bytes::<<BenchJob as Job>::Reply>(&bytes), Ok(bench));
    }
}
