//! The device profile: what this device can run, probed in the browser and judged in plain Rust.
//!
//! `profile`, `catalogue`, `fit`, `speed`, `runtime_speed`, `feature_time`, `classify` and `capability_report` are pure and tested natively;
//! `probe` is the thin browser glue that fills a profile, and never throws into the UI.

pub mod built_in;
pub mod capability_report;
pub mod catalogue;
pub mod classify;
pub mod feature_time;
pub mod fit;
pub mod fit_table;
pub mod fleet;
pub mod model_list;
pub mod probe;
pub mod profile;
pub mod runtime;
pub mod runtime_speed;
pub mod speed;

pub use classify::classify;
pub use profile::{DeviceProfile, Probe, ProbeResult};
