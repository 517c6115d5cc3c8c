//! Small, total helpers for reading browser objects by name (a missing or throwing property is
//! `None`), and any thrown value as a message: used by the probes, the app's glue and the workers.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `object[key]`, or `None` when it is missing, null, undefined or throws.
pub fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

pub fn get_string(object: &JsValue, key: &str) -> Option<String> {
    get(object, key)?.as_string()
}

pub fn get_f64(object: &JsValue, key: &str) -> Option<f64> {
    get(object, key)?.as_f64()
}

pub fn get_bool(object: &JsValue, key: &str) -> Option<bool> {
    get(object, key)?.as_bool()
}

/// Calls `object.method(...args)`; an exception becomes its message.
pub fn call(object: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let function: Function = get(object, method)
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("{method} is not available"))?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(object, &args).map_err(describe)
}

/// Awaits a value that should be a promise; a rejection becomes its message.
pub async fn settle(value: JsValue) -> Result<JsValue, String> {
    let promise: Promise = value
        .dyn_into()
        .map_err(|_| "the browser did not return a promise".to_string())?;
    JsFuture::from(promise).await.map_err(describe)
}

/// A readable message for anything JavaScript threw.
pub fn describe(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "an unknown error".into())
}

/// The global object: the window on the page.
pub fn global() -> JsValue {
    js_sys::global().into()
}

pub fn navigator() -> Option<JsValue> {
    get(&global(), "navigator")
}
