//! The feature's own local time: a model of the answered task size, on this device, for the cost panel's request.
//!
//! This is what the verdict weighs against the measured cloud call, rather than the analyzer's
//! own sub-millisecond timing, which says nothing about the model the feature would run.

use super::catalogue::{ModelShape, CATALOGUE};
use super::fit::{fit_with, FitVerdict, Precision};
use super::speed::{gpu_tokens_per_s, seconds_text, Measurement, Workload};
use super::DeviceProfile;
use crate::engine::factor::ModelSize;
use crate::engine::measured::LocalEstimate;

/// The model that stands for each task size: the one a developer would try first for it.
pub fn model_name_for(size: ModelSize) -> &'static str {
    match size {
        ModelSize::Small => "Llama 3.2 1B",
        ModelSize::Medium => "Phi-4-mini (3.8B)",
        ModelSize::Large => "Qwen2.5 7B",
    }
}

/// The catalogue entry for a task size; every name above is in the catalogue (a test holds it).
pub fn model_for(size: ModelSize) -> Option<&'static ModelShape> {
    let name = model_name_for(size);
    CATALOGUE.iter().find(|m| m.name == name)
}

/// The feature's request on this device, when it was measured and the model fits.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureTime {
    pub model: &'static str,
    pub seconds: f64,
    /// Whether the answer's tokens come faster from the GPU's measured bandwidth.
    pub on_gpu: bool,
    pub verdict: FitVerdict,
}

/// The request (`work`) with the task size's model at 4 bits, extrapolated from this device's
/// measurement: the prompt at the measured CPU prefill rate, then the answer at the faster of
/// the CPU's and (where measured) the GPU's decode speed. `None` when the model will not run
/// here, since a time for a model that does not fit is no latency at all.
pub fn feature_time(
    size: ModelSize,
    profile: &DeviceProfile,
    measurement: &Measurement,
    work: Workload,
) -> Option<FeatureTime> {
    let model = model_for(size)?;
    let context = u32::try_from(work.input_tokens + work.output_tokens).unwrap_or(u32::MAX);
    let fit = fit_with(
        model,
        Precision::Q4,
        context,
        profile,
        Some(&measurement.rates),
        work,
    );
    if fit.verdict == FitVerdict::WontRun {
        return None;
    }
    let cpu = fit.request.total_s;
    let answer_tokens = work.output_tokens.saturating_sub(1) as f64;
    let gpu = measurement.gpu.as_ref().map(|g| {
        let speed = gpu_tokens_per_s(model, Precision::Q4.bits_per_weight(), context, g);
        fit.request.first_token_s + answer_tokens / speed
    });
    let (seconds, on_gpu) = match gpu {
        Some(g) if g < cpu => (g, true),
        _ => (cpu, false),
    };
    Some(FeatureTime {
        model: model.name,
        seconds,
        on_gpu,
        verdict: fit.verdict,
    })
}

impl FeatureTime {
    /// The estimate as the engine takes it: milliseconds and what they are, in words.
    pub fn estimate(&self, work: Workload) -> LocalEstimate {
        LocalEstimate {
            ms: self.seconds * 1e3,
            what: format!(
                "{} at 4 bits would take {} for the request ({} tokens in, {} out), extrapolated \
                 from the decoder layer measured on this device{}",
                self.model,
                seconds_text(self.seconds),
                work.input_tokens,
                work.output_tokens,
                if self.on_gpu {
                    " and the answer's tokens at the GPU's measured bandwidth"
                } else {
                    ""
                }
            ),
        }
    }
}
