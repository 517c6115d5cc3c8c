//! Thin browser glue for the advisor: the address bar, local storage, the clipboard and downloads.

use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

use crate::device::probe::describe;

/// Where answers are kept between visits.
const STORAGE_KEY: &str = "local-or-cloud:answers";

/// A failure at the storage or browser boundary, worded for the visitor.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StorageError {
    #[error("this browser does not allow saving on this device")]
    Unavailable,
    #[error("the browser refused to save ({0}); your storage may be full")]
    Refused(String),
    #[error("the browser refused: {0}")]
    Browser(String),
}

/// The page's query string, including the leading `?` when there is one.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Makes the address bar show `query` without a reload or a history entry.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(history) = window.history() {
        // Failing to update the address bar loses nothing: the state lives in the page.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// The saved query string, if any.
pub fn load_saved() -> Option<String> {
    load(STORAGE_KEY)
}

/// Saves the query string, or forgets it when it is empty.
pub fn save(query: &str) -> Result<(), StorageError> {
    store(STORAGE_KEY, query)
}

/// One local-storage item.
pub fn load(item: &str) -> Option<String> {
    storage().ok()?.get_item(item).ok().flatten()
}

/// Stores one local-storage item, or removes it when `value` is empty.
pub fn store(item: &str, value: &str) -> Result<(), StorageError> {
    let storage = storage()?;
    if value.is_empty() {
        storage
            .remove_item(item)
            .map_err(|e| StorageError::Browser(describe(e)))
    } else {
        storage
            .set_item(item, value)
            .map_err(|e| StorageError::Refused(describe(e)))
    }
}

/// Puts text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| StorageError::Browser(describe(e)))
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), StorageError> {
    let browser = |e: JsValue| StorageError::Browser(describe(e));
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(browser)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(browser)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(StorageError::Unavailable)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(browser)?
        .dyn_into()
        .map_err(|_| StorageError::Unavailable)?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Whether the window is wide enough for two columns (56rem at the default 16 px font), read
/// once at start: phones start with the evidence panels folded so the page stays short.
pub fn is_wide_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|width| width.as_f64())
        .is_none_or(|width| width >= 896.0)
}
