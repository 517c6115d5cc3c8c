//! Thin glue for the worker: fetching the model bytes.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use super::InferenceError;
use crate::worker_scope::scope;

/// Downloads a file relative to the worker's location.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, InferenceError> {
    let scope = scope().ok_or_else(|| InferenceError::Fetch("not inside a worker".into()))?;
    let describe = |value: wasm_bindgen::JsValue| {
        InferenceError::Fetch(value.as_string().unwrap_or_else(|| format!("{value:?}")))
    };
    let response: Response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    if !response.ok() {
        return Err(InferenceError::Fetch(format!(
            "HTTP {} for {url}",
            response.status()
        )));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
