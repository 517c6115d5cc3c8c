//! Local or Cloud: an advisor that tells app developers where an AI feature should run.
//!
//! The crate is split by concern so that each bundle links only what it needs:
//! the pure decision engine, the worker message protocol, the inference worker
//! (tract behind the `worker` feature), thin browser probes, and the Yew app
//! (behind the `app` feature). ARCHITECTURE.md has the map and the invariants.

pub mod analyzer;
pub mod cloud;
pub mod decimal;
pub mod device;
pub mod engine;
pub mod html_text;
pub mod inference;
pub mod js;
pub mod report;
pub mod share;
pub mod small_sort;
pub mod worker_codec;
pub mod worker_scope;
pub mod worker_serve;

#[cfg(feature = "app")]
pub mod app;
