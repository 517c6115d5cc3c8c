//! The price file, read once before the app mounts: index.html starts fetching it while the bundle loads.
//!
//! The browser's own `JSON.parse` reads it (in index.html), and the app takes the few top-level
//! fields by name and each row's cells by position: serde_json's parser, or reading every
//! field by name, cost the app bundle kilobytes for one small file.

use std::rc::Rc;

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::browser;
use crate::engine::cost::PriceTable;
use crate::engine::prices::{Dataset, Dated, PriceRow, Shutdown};

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

/// What the app starts with: the price file's table on this day, or why there is none.
#[derive(Debug, Clone)]
pub struct PriceStart(pub Result<Rc<PriceTable>, DataError>);

impl PriceStart {
    /// The committed file on this day: what the native prerenderer prices the first screen with.
    pub fn committed() -> Self {
        let table = crate::engine::prices::committed().table_on(&browser::today());
        Self(Ok(Rc::new(table)))
    }
}

/// By identity: the file is read once, and comparing it field by field cost the bundle a kilobyte.
impl PartialEq for PriceStart {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Ok(a), Ok(b)) => Rc::ptr_eq(a, b),
            (Err(a), Err(b)) => a == b,
            _ => false,
        }
    }
}

impl Default for PriceStart {
    fn default() -> Self {
        Self(Err(DataError::NotRead))
    }
}

/// Waits for the fetch index.html started (`window.locOrCloudPrices`, which resolves to
/// `{ value }` or `{ error }`), then reads it.
pub async fn read_at_start() -> PriceStart {
    PriceStart(read().await.map(Rc::new))
}

async fn read() -> Result<PriceTable, DataError> {
    let window = web_sys::window().ok_or(DataError::NotRead)?;
    let started = Reflect::get(&window, &"locOrCloudPrices".into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or(DataError::NotRead)?;
    let outcome = JsFuture::from(started)
        .await
        .map_err(|e| DataError::Unavailable(crate::js::describe(e)))?;
    read_outcome(&outcome)
}

/// `{ value }` (the parsed file), `{ error: 'json' }` or `{ error }`, as index.html's fetch
/// resolved. Kept out of the async function, whose state machine would otherwise hold it all.
#[inline(never)]
fn read_outcome(outcome: &JsValue) -> Result<PriceTable, DataError> {
    let value = field(outcome, "value")?;
    if value.is_undefined() {
        return Err(match field(outcome, "error")?.as_string() {
            Some(error) if error == "json" => DataError::NotJson,
            error => DataError::Unavailable(error.unwrap_or_default()),
        });
    }
    read_file(&value)
}

/// The file as priced on this day: rows are read and dated one by one, never kept whole.
fn read_file(value: &JsValue) -> Result<PriceTable, DataError> {
    let dataset = field(value, "dataset")?;
    // The licence and home page are README's to show, not the app's.
    let dataset = Dataset {
        name: string(&dataset, "name")?,
        version: string(&dataset, "version")?,
        released: string(&dataset, "released")?,
        ..Dataset::default()
    };
    let mut table = dataset.empty_table(string(value, "default_model")?);
    let today = browser::today();
    let rows = array(&field(value, "prices")?).ok_or(DataError::Malformed("prices"))?;
    for i in 0..rows.length() {
        let row = read_row(&rows.get(i)).ok_or(DataError::Malformed("prices"))?;
        table
            .prices
            .extend(row.into_price(&dataset.released, &today));
    }
    if table.find(&table.default_model).is_none() {
        return Err(DataError::Malformed("default_model"));
    }
    Ok(table)
}

/// One row's cells, by position (the file's `columns`); None if any is missing or wrong.
fn read_row(row: &JsValue) -> Option<PriceRow> {
    let cells = array(row)?;
    let shutdown = match (text(&cells, 5), text(&cells, 6), text(&cells, 7)) {
        (Some(date), Some(replacement), Some(source)) => Some(Shutdown {
            date,
            replacement,
            source,
        }),
        _ => None,
    };
    let dates = array(&cells.get(8))?;
    let mut history = Vec::new();
    for i in 0..dates.length() {
        let dated = array(&dates.get(i))?;
        history.push(Dated {
            from: text(&dated, 0),
            input: price(&dated, 1)?,
            output: price(&dated, 2)?,
        });
    }
    Some(PriceRow {
        id: text(&cells, 0)?,
        name: String::new(),
        provider: text(&cells, 2)?,
        source: text(&cells, 3)?,
        legacy: cells.get(4).as_bool().unwrap_or(false),
        shutdown,
        history,
    })
}

#[inline(never)]
fn array(value: &JsValue) -> Option<Array> {
    Array::is_array(value).then(|| value.clone().unchecked_into())
}

#[inline(never)]
fn text(cells: &Array, index: u32) -> Option<String> {
    cells.get(index).as_string()
}

#[inline(never)]
fn price(cells: &Array, index: u32) -> Option<f64> {
    cells
        .get(index)
        .as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
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
