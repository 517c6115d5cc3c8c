//! The global scope and the clock of a web worker, shared by the inference and the cloud workers.

use wasm_bindgen::JsCast;
use web_sys::WorkerGlobalScope;

/// The worker's global scope, or None outside a worker.
pub fn scope() -> Option<WorkerGlobalScope> {
    js_sys::global().dyn_into::<WorkerGlobalScope>().ok()
}

/// Milliseconds from the worker's high-resolution clock (0 outside a worker).
pub fn now_ms() -> f64 {
    scope()
        .and_then(|scope| scope.performance())
        .map_or(0.0, |performance| performance.now())
}
