//! Copies a text that is still being written, from inside the click that asked for it.
//!
//! Safari lets a page write the clipboard only within the click, and the report comes from a
//! worker a moment later, so the text goes to the clipboard as a promise the browser waits for
//! (a `ClipboardItem`). A browser without `ClipboardItem` gets the text once it is ready.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use super::browser::window;
use super::worker_link::LinkError;
use crate::js::describe;

/// Why a text did not reach the clipboard.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CopyError {
    #[error("the report's background worker {0}; reload the page and try again")]
    NoReport(#[from] LinkError),
    #[error("this browser offers no clipboard to this page")]
    Unavailable,
    #[error("the browser refused: {0}")]
    Browser(String),
}

/// Starts the copy now, synchronously, and returns its outcome as a future.
pub fn copy_when_written<F>(text: F) -> impl Future<Output = Result<(), CopyError>>
where
    F: Future<Output = Result<String, LinkError>> + 'static,
{
    let started = start(text);
    async move {
        match started {
            Started::Writing { written, failed } => JsFuture::from(written)
                .await
                .map(|_| ())
                .map_err(|e| match failed.get() {
                    Some(no_answer) => CopyError::NoReport(no_answer),
                    None => CopyError::Browser(describe(e)),
                }),
            Started::Later(text) => {
                let text = text.await?;
                let clipboard = clipboard().ok_or(CopyError::Unavailable)?;
                JsFuture::from(clipboard.write_text(&text))
                    .await
                    .map(|_| ())
                    .map_err(|e| CopyError::Browser(describe(e)))
            }
            Started::Failed(error) => Err(error),
        }
    }
}

enum Started<F> {
    /// The clipboard holds a promise of the text; `failed` says whether the report never came.
    Writing {
        written: js_sys::Promise,
        failed: Rc<Cell<Option<LinkError>>>,
    },
    /// No `ClipboardItem`: the text is written once it is ready.
    Later(F),
    Failed(CopyError),
}

fn start<F>(text: F) -> Started<F>
where
    F: Future<Output = Result<String, LinkError>> + 'static,
{
    let Some(clipboard) = clipboard() else {
        return Started::Failed(CopyError::Unavailable);
    };
    let has_item = js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("ClipboardItem"))
        .unwrap_or(false);
    if !has_item {
        return Started::Later(text);
    }
    let failed = Rc::new(Cell::new(None));
    let blob = {
        let failed = failed.clone();
        future_to_promise(async move {
            match text.await {
                Ok(text) => text_blob(&text),
                Err(no_answer) => {
                    failed.set(Some(no_answer));
                    Err(JsValue::from_str("the report was not written"))
                }
            }
        })
    };
    let record = js_sys::Object::new();
    let item = js_sys::Reflect::set(&record, &JsValue::from_str("text/plain"), &blob)
        .and_then(|_| web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record));
    match item {
        Ok(item) => Started::Writing {
            written: clipboard.write(&js_sys::Array::of1(&item)),
            failed,
        },
        Err(e) => Started::Failed(CopyError::Browser(describe(e))),
    }
}

fn clipboard() -> Option<web_sys::Clipboard> {
    window().map(|w| w.navigator().clipboard())
}

/// The text as a `text/plain` blob, the one form every `ClipboardItem` accepts.
fn text_blob(text: &str) -> Result<JsValue, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map(JsValue::from)
}
