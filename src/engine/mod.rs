//! The decision engine: plain Rust that knows nothing of the browser, so it is tested natively.

pub mod factor;

pub use factor::Factor;
