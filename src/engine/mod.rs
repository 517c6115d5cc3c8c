//! The decision engine: plain Rust that knows nothing of the browser, so it is tested natively.
//!
//! Hard rules come first (data that must stay on the device, offline use, hardware that cannot
//! run the task); then every answered factor adds its weighted pull from the table in
//! `weights.rs`, and the mean pull decides between local, hybrid and cloud.

pub mod answers;
pub mod cost;
pub mod factor;
pub mod hybrid;
pub mod measured;
pub mod questions;
pub mod recommend;
pub mod rules;
pub mod stacks;
pub mod weights;

pub use answers::{AnswerError, Answers};
pub use factor::Factor;
pub use measured::{DeviceClass, Measured};
pub use recommend::{recommend, Direction, FactorResult, Input, Recommendation, Verdict};
