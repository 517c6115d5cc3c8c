//! The decision engine: plain Rust that knows nothing of the browser, so it is tested natively.
//!
//! Hard rules come first (data that must stay on the device, offline use, hardware that cannot
//! run the task); then every answered factor adds its weighted pull from `weights.rs`; then
//! `hybrid.rs` names a hybrid architecture where its explicit conditions hold; otherwise the
//! sign of the weighted lean decides between local and cloud. `flips.rs` finds the smallest
//! answer changes that would give another verdict.

pub mod answers;
pub mod cost;
pub mod factor;
pub mod factor_map;
pub mod flips;
pub mod hybrid;
pub mod measured;
pub mod platform;
pub mod prices;
pub mod questions;
pub mod recommend;
pub mod rules;
pub mod stacks;
pub mod starter;
pub mod weights;

pub use answers::{AnswerError, Answers};
pub use factor::{Choice, Factor};
pub use measured::{DeviceClass, LocalEstimate, Measured};
pub use recommend::{recommend, Direction, FactorResult, Input, Recommendation, Verdict};
