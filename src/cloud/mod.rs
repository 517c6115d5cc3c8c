//! The cloud contrast's plain-Rust parts: providers and their requests, server-sent events,
//! the completion's prompt and answer (its reasoning preamble kept apart), errors and how each
//! HTTP answer maps to one, retries, and the comparison with the local run.
//!
//! Nothing here knows of the browser; the fetch that sends these requests is browser glue.

pub mod answer;
pub mod compare;
pub mod completion;
pub mod error;
pub mod protocol;
pub mod provider;
pub mod retry;
pub mod sse;
pub mod status;

pub use error::CloudError;
pub use provider::{ApiKey, Endpoint, HttpRequest, Provider};

// Browser glue: the call itself, run only in the cloud worker (the app names the worker's type
// to spawn it, and never calls into it).
#[cfg(any(feature = "app", feature = "cloud-worker"))]
pub mod fetch;
#[cfg(any(feature = "app", feature = "cloud-worker"))]
pub mod worker;
