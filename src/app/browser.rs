//! Thin browser glue for the advisor: the address bar, local storage, the clipboard and downloads.

use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

use crate::js::describe;

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

/// The page's window. Natively there is none: the build prerenders the first screen there with
/// Yew's server renderer, and every reader below then answers as on a first visit (no link, no
/// saved answers, a wide screen), which is the state the prerendered page shows.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// What the visitor answered or typed in the prerendered page before the app started, as a
/// query string in the share-link format: its radio buttons are named by the factors' keys, the
/// cost panel's fields by their link parameters (only those changed from the prerendered
/// value count), and "it will run on this device" is `device=this`.
pub fn entered_before_start() -> String {
    let Some(document) = window().and_then(|w| w.document()) else {
        return String::new();
    };
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Ok(checked) = document.query_selector_all("input[type=radio]:checked") {
        for index in 0..checked.length() {
            let input = checked
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input.filter(|input| !input.name().is_empty()) {
                query.append_pair(&input.name(), &input.value());
            }
        }
    }
    if let Ok(fields) = document.query_selector_all("input[type=number][name], select[name]") {
        for index in 0..fields.length() {
            let Some(field) = fields.item(index) else {
                continue;
            };
            let changed = match field.dyn_into::<web_sys::HtmlInputElement>() {
                Ok(input) => {
                    (input.value() != input.default_value()).then(|| (input.name(), input.value()))
                }
                Err(node) => node
                    .dyn_into::<web_sys::HtmlSelectElement>()
                    .ok()
                    .filter(|select| {
                        let default = select
                            .query_selector("option[selected]")
                            .ok()
                            .flatten()
                            .and_then(|option| option.get_attribute("value"));
                        default.is_some_and(|d| d != select.value())
                    })
                    .map(|select| (select.name(), select.value())),
            };
            if let Some((name, value)) = changed.filter(|(name, _)| !name.is_empty()) {
                query.append_pair(&name, &value);
            }
        }
    }
    let this_device = document
        .get_element_by_id("this-device")
        .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked());
    if this_device {
        query.append_pair("device", "this");
    }
    let text = document
        .get_element_by_id("describe-text")
        .and_then(|element| element.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|area| area.value())
        .filter(|text| !text.trim().is_empty());
    if let Some(text) = text {
        query.append_pair("describe", &text);
    }
    query.finish()
}

/// The id of the element that has the keyboard focus, if it has one.
pub fn focused_id() -> Option<String> {
    let active = window()?.document()?.active_element()?;
    Some(active.id()).filter(|id| !id.is_empty())
}

/// Gives the keyboard focus back to the element with id `focused`, which the app has just
/// rendered in place of its twin, unless the visitor has already moved on; once `running`, also
/// marks the page as running (`<html data-app="running">`). Called at the first render, for the
/// questions, and again when the rest of the page is rendered.
pub fn app_started(focused: Option<&str>, running: bool) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element().filter(|_| running) {
        let _ = root.set_attribute("data-app", "running");
    }
    if let Some(id) = focused {
        focus_if_lost(id);
    }
}

/// Puts the keyboard focus on the element with id `id` when a render has just removed the
/// focused element (the focus is then on the body, which has no id).
pub fn focus_if_lost(id: &str) {
    let element = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if focused_id().is_none() {
            let _ = element.focus();
        }
    }
}

/// Today's date (UTC, `YYYY-MM-DD`): by the browser's clock, natively by the system's (the
/// prerenderer prices the first screen on its build day).
pub fn today() -> String {
    // The browser's Date does the calendar: the date arithmetic stays out of the app bundle.
    #[cfg(target_arch = "wasm32")]
    {
        let iso = String::from(js_sys::Date::new_0().to_iso_string());
        iso.get(..10).unwrap_or_default().to_owned()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_millis() as f64);
        crate::engine::prices::civil_date(now_ms)
    }
}

/// The page's query string, including the leading `?` when there is one.
pub fn location_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Makes the address bar show `query` without a reload or a history entry.
pub fn replace_query(query: &str) {
    let Some(window) = window() else {
        return;
    };
    // Replacing the history entry takes milliseconds; at the start the address already holds
    // the answers (a link, or nothing), so an unchanged query is left alone.
    let search = window.location().search().unwrap_or_default();
    if search.trim_start_matches('?') == query {
        return;
    }
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
    window()
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
    // Writing is slower than reading, and at the start the saved answers are usually the ones
    // just read back.
    if storage.get_item(item).ok().flatten().unwrap_or_default() == value {
        return Ok(());
    }
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

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), StorageError> {
    let browser = |e: JsValue| StorageError::Browser(describe(e));
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(browser)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(browser)?;
    let document = window()
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
    // Some browsers read the file from the URL after the click returns (Firefox, Safari): it is
    // revoked a minute later, not at once.
    gloo_timers::callback::Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// How long a download's object URL stays valid after its click.
const REVOKE_AFTER_MS: u32 = 60_000;

/// Whether the window is wide enough for two columns (56rem at the default 16 px font), read
/// once at start: phones start with the evidence panels folded so the page stays short.
pub fn is_wide_screen() -> bool {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|width| width.as_f64())
        .is_none_or(|width| width >= 896.0)
}
