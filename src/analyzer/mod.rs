//! The feature analyzer's plain-Rust parts: text to features, and model outputs to suggested answers.
//!
//! The model itself runs in the inference worker; nothing here knows of tract or the browser.

pub mod features;
pub mod labels;
pub mod latency;

pub use labels::{decode, HeadResult, HEADS, THRESHOLDS};
