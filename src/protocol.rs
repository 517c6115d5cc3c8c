//! The message protocol between the app and the inference worker: the only thing that crosses the worker boundary.

use serde::{Deserialize, Serialize};

/// What the app asks the inference worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Fetch the model at this URL (relative to the page), optimize it and keep it for later runs.
    Load { model_url: String },
    /// Analyze a feature description: featurize it, then run the model `repeats` times (1 to
    /// 100) so that the latency can be given as percentiles.
    Analyze { text: String, repeats: u32 },
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
        ];
        for message in messages {
            let json = serde_json::to_string(&message).expect("serializable");
            let back: Response = serde_json::from_str(&json).expect("deserializable");
            assert_eq!(back, message);
        }
    }
}
