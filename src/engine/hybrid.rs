//! Hybrid as named modes: which side leads, which side falls back, and when each mode applies.

use serde::Serialize;

use super::{Answers, Factor};

/// A named way of splitting a feature between the device and the cloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HybridMode {
    /// The device answers first; the cloud takes what the device cannot.
    LocalFirst,
    /// The cloud answers first; the device keeps the feature working without it.
    CloudFirst,
    /// Sensitive steps run on the device, heavy steps in the cloud on data that is safe to send.
    SplitByData,
}

impl HybridMode {
    pub const fn key(self) -> &'static str {
        match self {
            HybridMode::LocalFirst => "local_first",
            HybridMode::CloudFirst => "cloud_first",
            HybridMode::SplitByData => "split_by_data",
        }
    }

    pub const fn title(self) -> &'static str {
        match self {
            HybridMode::LocalFirst => "Prefer on-device, fall back to the cloud",
            HybridMode::CloudFirst => "Prefer the cloud, fall back to on-device",
            HybridMode::SplitByData => {
                "Split by data: sensitive steps local, heavy steps in the cloud"
            }
        }
    }

    /// How the mode works in practice.
    pub const fn how(self) -> &'static str {
        match self {
            HybridMode::LocalFirst => "Run a small model on the device for every request; send a request to the cloud only when the device lacks the hardware, the local answer is not confident, or the task is too large.",
            HybridMode::CloudFirst => "Call the cloud model by default; keep a small on-device model for when the network is down, slow or metered, accepting simpler results there.",
            HybridMode::SplitByData => "Redact, classify or extract on the device, then send only de-identified or non-sensitive text to a cloud model for the heavy work.",
        }
    }

    /// When this mode is the right one.
    pub const fn when(self) -> &'static str {
        match self {
            HybridMode::LocalFirst => "Most requests fit a small model, latency or connectivity matter, and the cloud is an occasional helper.",
            HybridMode::CloudFirst => "Quality needs a large model most of the time, but the feature must degrade gracefully rather than fail.",
            HybridMode::SplitByData => "The data is sensitive but the task is too demanding for the device alone.",
        }
    }
}

/// Picks the mode for a hybrid verdict from the answers, the score and whether local-only was ruled out.
pub fn choose(answers: &Answers, score: f64, local_ruled_out: bool) -> HybridMode {
    let sensitive =
        answers.is(Factor::Privacy, "personal") || answers.is(Factor::Privacy, "regulated");
    let heavy = local_ruled_out || answers.is(Factor::ModelSize, "large");
    if sensitive && heavy {
        HybridMode::SplitByData
    } else if local_ruled_out {
        HybridMode::CloudFirst
    } else if score <= 0.0
        || answers.is(Factor::Connectivity, "intermittent")
        || answers.is(Factor::Latency, "realtime")
    {
        HybridMode::LocalFirst
    } else {
        HybridMode::CloudFirst
    }
}
