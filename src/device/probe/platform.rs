//! Platform probes: WebNN, the built-in Prompt API, memory, storage, isolation and WebAssembly features.

use crate::device::profile::{Probe, StorageEstimate, WasmSupport};
use crate::js::{call, get, get_bool, get_f64, global, navigator, settle};

/// Whether `navigator.ml` exists; creating a context is left to a runtime that needs one.
pub fn webnn() -> Probe<bool> {
    match navigator().and_then(|n| get(&n, "ml")) {
        Some(_) => Probe::Found(true),
        None => Probe::Missing("WebNN (navigator.ml) is not exposed by this browser".into()),
    }
}

/// `LanguageModel.availability()`: whether the browser's own small model can be used.
pub async fn prompt_api() -> Probe<String> {
    let Some(language_model) = get(&global(), "LanguageModel") else {
        return Probe::Missing(
            "the Prompt API (LanguageModel) is not exposed by this browser".into(),
        );
    };
    let answer = match call(&language_model, "availability", &[]) {
        Ok(promise) => settle(promise).await,
        Err(error) => Err(error),
    };
    match answer.map(|v| v.as_string()) {
        Ok(Some(state)) => Probe::Found(state),
        Ok(None) => {
            Probe::Missing("the Prompt API gave an answer this page does not understand".into())
        }
        Err(error) => Probe::Missing(format!("the Prompt API failed: {error}")),
    }
}

/// `navigator.deviceMemory`, in GiB.
pub fn device_memory() -> Probe<f64> {
    match navigator().and_then(|n| get_f64(&n, "deviceMemory")) {
        Some(gb) if gb > 0.0 => Probe::Found(gb),
        _ => Probe::Missing("device memory is not exposed by this browser".into()),
    }
}

/// `navigator.storage.estimate()`.
pub async fn storage() -> Probe<StorageEstimate> {
    let Some(manager) = navigator().and_then(|n| get(&n, "storage")) else {
        return Probe::Missing("the storage manager is not exposed by this browser".into());
    };
    let estimate = match call(&manager, "estimate", &[]) {
        Ok(promise) => settle(promise).await,
        Err(error) => Err(error),
    };
    match estimate {
        Ok(estimate) => match (get_f64(&estimate, "quota"), get_f64(&estimate, "usage")) {
            (Some(quota), Some(usage)) => Probe::Found(StorageEstimate {
                quota: quota as u64,
                usage: usage as u64,
            }),
            _ => Probe::Missing("the storage estimate is incomplete in this browser".into()),
        },
        Err(error) => Probe::Missing(format!("the storage estimate failed: {error}")),
    }
}

/// `crossOriginIsolated`, which decides whether shared memory (and so wasm threads) is usable.
pub fn cross_origin_isolated() -> Probe<bool> {
    match get_bool(&global(), "crossOriginIsolated") {
        Some(isolated) => Probe::Found(isolated),
        None => Probe::Missing("cross-origin isolation is not reported by this browser".into()),
    }
}

/// The smallest module using a SIMD instruction (`i8x16.splat` on a constant), as wasm-feature-detect tests it.
const SIMD_MODULE: &[u8] = &[
    0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253,
    15, 253, 98, 11,
];
/// The smallest module using shared memory and an atomic load.
const THREADS_MODULE: &[u8] = &[
    0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9, 0,
    65, 0, 254, 16, 2, 0, 26, 11,
];

fn validates(bytes: &[u8]) -> bool {
    let module = js_sys::Uint8Array::from(bytes);
    js_sys::WebAssembly::validate(&module).unwrap_or(false)
}

/// Which WebAssembly extensions the engine accepts, and whether shared memory is usable.
pub fn wasm_support() -> Probe<WasmSupport> {
    if get(&global(), "WebAssembly").is_none() {
        return Probe::Missing("WebAssembly is not available".into());
    }
    let shared_memory = get(&global(), "SharedArrayBuffer").is_some()
        && get_bool(&global(), "crossOriginIsolated") == Some(true);
    Probe::Found(WasmSupport {
        simd: validates(SIMD_MODULE),
        threads_validate: validates(THREADS_MODULE),
        shared_memory,
    })
}
