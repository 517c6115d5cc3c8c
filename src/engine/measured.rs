//! Facts measured in the browser that the engine may use in place of, or on top of, answers.

use serde::{Deserialize, Serialize};

use super::factor::{Latency, Resources};

/// What the device panel and the inference timings measured; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    /// The hardware class the device profile supports, standing in for the resources answer.
    pub device: Option<DeviceClass>,
    /// The feature's own request, estimated for a model of the answered size on this device.
    pub local: Option<LocalEstimate>,
    /// The cloud call's total latency in milliseconds.
    pub cloud_latency_ms: Option<f64>,
}

/// A local time the device measurement implies for the feature, with what it is in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalEstimate {
    pub ms: f64,
    /// The model, the request and where the speed came from, as the result lists it.
    pub what: String,
}

/// A `resources` option derived from measurements, with the facts it was derived from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceClass {
    pub resources: Resources,
    pub facts: Vec<String>,
}

/// The time budget each latency answer allows, in milliseconds; batch work has none.
pub fn latency_budget_ms(latency: Latency) -> Option<f64> {
    match latency {
        Latency::Realtime => Some(100.0),
        Latency::Interactive => Some(1_000.0),
        Latency::Relaxed => Some(5_000.0),
        Latency::Batch => None,
    }
}
