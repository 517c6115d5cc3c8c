//! The price file, read once before the app mounts: index.html starts fetching it while the bundle loads.
//!
//! The browser's own `JSON.parse` reads it and the fields are taken one by one: serde_json's
//! parser would cost the app bundle kilobytes for one small file.

use std::rc::Rc;

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::prices::{Dataset, Dated, PriceRow, PricesFile, Shutdown};

/// Why the price file could not be used, worded for the visitor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("it has not been read")]
    NotRead,
    #[error("it could not be fetched: {0}")]
    Unavailable(String),
    #[error("it is not valid JSON")]
    NotJson,
    #[error("its field '{0}' is missing or wrong")]
    Malformed(&'static str),
}

/// What the app starts with: the price file, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceStart(pub Result<Rc<PricesFile>, DataError>);

impl Default for PriceStart {
    fn default() -> Self {
        Self(Err(DataError::NotRead))
    }
}

/// Waits for the fetch index.html started (`window.locOrCloudPrices`, which resolves to
/// `{ text }` or `{ error }`), then reads it.
pub async fn read_at_start() -> PriceStart {
    PriceStart(read().await.map(Rc::new))
}

async fn read() -> Result<PricesFile, DataError> {
    let window = web_sys::window().ok_or(DataError::NotRead)?;
    let started = Reflect::get(&window, &"locOrCloudPrices".into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or(DataError::NotRead)?;
    let outcome = JsFuture::from(started)
        .await
        .map_err(|e| DataError::Unavailable(crate::device::probe::describe(e)))?;
    let Some(text) = field(&outcome, "text").ok().and_then(|t| t.as_string()) else {
        let error = field(&outcome, "error").ok().and_then(|e| e.as_string());
        return Err(DataError::Unavailable(error.unwrap_or_default()));
    };
    let value = JSON::parse(&text).map_err(|_| DataError::NotJson)?;
    read_file(&value)
}

fn read_file(value: &JsValue) -> Result<PricesFile, DataError> {
    let dataset = field(value, "dataset")?;
    let file = PricesFile {
        dataset: Dataset {
            name: string(&dataset, "name")?,
            version: string(&dataset, "version")?,
            released: string(&dataset, "released")?,
            license: string(&dataset, "license")?,
            home: string(&dataset, "home")?,
        },
        default_model: string(value, "default_model")?,
        prices: list(value, "prices")?
            .iter()
            .map(read_row)
            .collect::<Result<_, _>>()?,
    };
    if !file.prices.iter().any(|p| p.id == file.default_model) {
        return Err(DataError::Malformed("default_model"));
    }
    Ok(file)
}

fn read_row(row: &JsValue) -> Result<PriceRow, DataError> {
    let shutdown = field(row, "shutdown")?;
    let shutdown = if shutdown.is_null() || shutdown.is_undefined() {
        None
    } else {
        Some(Shutdown {
            date: string(&shutdown, "date")?,
            replacement: string(&shutdown, "replacement")?,
            source: string(&shutdown, "source")?,
        })
    };
    let history = list(row, "history")?
        .iter()
        .map(|d| {
            Ok(Dated {
                from: optional_string(d, "from")?,
                input: number(d, "input")?,
                output: number(d, "output")?,
            })
        })
        .collect::<Result<Vec<_>, DataError>>()?;
    Ok(PriceRow {
        id: string(row, "id")?,
        name: string(row, "name")?,
        provider: string(row, "provider")?,
        history,
        source: string(row, "source")?,
        legacy: field(row, "legacy")?.as_bool().unwrap_or(false),
        shutdown,
    })
}

fn field(value: &JsValue, key: &'static str) -> Result<JsValue, DataError> {
    if !value.is_object() {
        return Err(DataError::Malformed(key));
    }
    Reflect::get(value, &key.into()).map_err(|_| DataError::Malformed(key))
}

fn string(value: &JsValue, key: &'static str) -> Result<String, DataError> {
    field(value, key)?
        .as_string()
        .ok_or(DataError::Malformed(key))
}

fn optional_string(value: &JsValue, key: &'static str) -> Result<Option<String>, DataError> {
    let v = field(value, key)?;
    if v.is_null() || v.is_undefined() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or(DataError::Malformed(key))
}

fn number(value: &JsValue, key: &'static str) -> Result<f64, DataError> {
    field(value, key)?
        .as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .ok_or(DataError::Malformed(key))
}

fn list(value: &JsValue, key: &'static str) -> Result<Vec<JsValue>, DataError> {
    let v = field(value, key)?;
    if !Array::is_array(&v) {
        return Err(DataError::Malformed(key));
    }
    Ok(Array::from(&v).to_vec())
}
