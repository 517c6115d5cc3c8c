//! The feature's own local time: a model of the answered task size, on this device, for the cost panel's request.
//!
//! This is what the verdict weighs against the measured cloud call, rather than the analyzer's
//! own sub-millisecond timing, which says nothing about the model the feature would run.

use super::catalogue::{ModelShape, CATALOGUE};
use super::fit::{class_speed, fit_verdict, memory, FitVerdict, Precision};
use super::runtime::RuntimeClass;
use super::runtime_speed::Threads;
use super::speed::{seconds_text, Measurement, SpeedSource, Workload};
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
    /// The runtime class the time assumes, and its threads.
    pub runtime: RuntimeClass,
    pub threads: u32,
    pub verdict: FitVerdict,
}

/// The request (`work`) with the task size's model at 4 bits on the runtime class the feature
/// ships on (`class`), extrapolated from this device's measurement. `None` when the model will
/// not run there or nothing estimates the class, since a time for a model that does not fit is
/// no latency at all.
pub fn feature_time(
    size: ModelSize,
    class: RuntimeClass,
    profile: &DeviceProfile,
    measurement: &Measurement,
    work: Workload,
) -> Option<FeatureTime> {
    let model = model_for(size)?;
    let context = u32::try_from(work.input_tokens + work.output_tokens).unwrap_or(u32::MAX);
    // The verdict and the speed without the table's words, which the page need not carry.
    let memory = memory(model, Precision::Q4, context.min(model.max_context));
    let verdict = fit_verdict(class, &memory, profile);
    if verdict == FitVerdict::WontRun {
        return None;
    }
    let measured = Some(measurement);
    let (request, source) = class_speed(
        class,
        model,
        Precision::Q4,
        &memory,
        profile,
        measured,
        work,
    )?;
    (source == SpeedSource::Measured).then_some(FeatureTime {
        model: model.name,
        seconds: request.total_s,
        runtime: class,
        threads: Threads::of(profile).for_class(class),
        verdict,
    })
}

impl FeatureTime {
    /// The estimate as the engine takes it: milliseconds and what they are, in words.
    pub fn estimate(&self, work: Workload) -> LocalEstimate {
        LocalEstimate {
            ms: self.seconds * 1e3,
            what: format!(
                "{} at 4 bits would take {} for the request ({} tokens in, {} out) in a {} \
                 runtime with {} thread(s), extrapolated from the kernels measured on this device",
                self.model,
                seconds_text(self.seconds),
                work.input_tokens,
                work.output_tokens,
                self.runtime.label(),
                self.threads,
            ),
        }
    }
}
