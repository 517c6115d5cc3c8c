//! The message protocol between the app and the inference worker: the only thing that crosses the worker boundary.

use serde::{Deserialize, Serialize};

use crate::device::speed::GpuBandwidth;

/// What the app asks the inference worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Fetch the model at this URL (relative to the page), optimize it and keep it for later runs.
    Load { model_url: String },
    /// Analyze a feature description: featurize it, then run the model `repeats` times (1 to
    /// 100) so that the latency can be given as percentiles.
    Analyze { text: String, repeats: u32 },
    /// Time the benchmark decoder layer (one-token decode at two contexts, then a prefill
    /// batch) within about `budget_ms`; the app sends this to a worker of its own, so dropping
    /// that worker cancels it.
    Benchmark { budget_ms: u32 },
}

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

/// What the inference worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
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
    /// The device benchmark finished: the CPU's timings, and the GPU's bandwidth where the
    /// worker could measure one (no WebGPU adapter, or a failed run, leaves it out).
    Benchmark {
        timings: LayerTimings,
        gpu: Option<GpuBandwidth>,
    },
    /// A request failed; the message is meant for the user.
    Failed { message: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_survive_a_json_round_trip() {
        let messages = [
            Response::Ready {
                fetch_ms: 1.5,
                optimize_ms: 2.0,
                model_bytes: 252,
            },
            Response::Analysis {
                outputs: vec![0.25, 0.75],
                run_ms: vec![0.1, 0.2],
                total_ms: 0.3,
            },
            Response::Failed {
                message: "the model file is corrupt".into(),
            },
            Response::Benchmark {
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
                gpu: Some(GpuBandwidth {
                    f32_gb_s: 40.0,
                    f16_gb_s: None,
                }),
            },
        ];
        for message in messages {
            let json = serde_json::to_string(&message).expect("serializable");
            let back: Response = serde_json::from_str(&json).expect("deserializable");
            assert_eq!(back, message);
        }
    }
}
