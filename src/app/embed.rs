//! The embedded advisor's half of the embed protocol: it tells the host page its height and verdict.
//!
//! Messages go only to the origin the host named with `host=` (checked in `share`), never to
//! `*`, so a page that frames the advisor under another name hears nothing; `static/embed.js`
//! checks the other direction. The protocol is documented in README.md; its version is bumped
//! whenever a message changes shape.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::engine::recommend::Recommendation;

const PROTOCOL: &str = "local-or-cloud";
const VERSION: u32 = 1;

/// Posts one message to the framing page. Without a parent (the page is not framed) or when
/// the parent has gone there is nobody to tell, so nothing is reported. The message is built
/// as a plain object field by field: serde_json's `Value` would cost the bundle kilobytes.
fn post(host: &str, kind: &str, fields: &[(&str, JsValue)]) {
    let Some(window) = super::browser::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let message = js_sys::Object::new();
    let head = [
        ("protocol", JsValue::from_str(PROTOCOL)),
        ("version", JsValue::from(VERSION)),
        ("type", JsValue::from_str(kind)),
    ];
    for (key, value) in head.iter().chain(fields) {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
    }
    let _ = parent.post_message(&message, host);
}

/// Reports the page's height whenever it changes, so the host sizes the frame to the content
/// instead of showing a scroll bar inside its page.
#[hook]
pub fn use_embed_resize(host: Option<String>) {
    use_effect_with(host, |host| {
        let observer = host.clone().and_then(|host| {
            let body = super::browser::window()?.document()?.body()?;
            let measured = body.clone();
            let callback = Closure::<dyn FnMut()>::new(move || {
                let height = measured.scroll_height();
                post(&host, "resize", &[("height", JsValue::from(height))]);
            });
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
            observer.observe(&body);
            Some((observer, callback))
        });
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// Posts a `result` message whenever the verdict, its confidence or the hybrid mode changes.
#[hook]
pub fn use_result_message(host: Option<String>, recommendation: &Recommendation) {
    let percent = (recommendation.confidence * 100.0).round() as u32;
    let summary = (
        host,
        recommendation.verdict.key(),
        percent,
        recommendation.hybrid.as_ref().map(|h| h.mode.key()),
        recommendation.answered,
    );
    use_effect_with(summary, |(host, verdict, percent, hybrid, answered)| {
        if let Some(host) = host {
            let hybrid = hybrid.map_or(JsValue::NULL, JsValue::from_str);
            let fields = [
                ("verdict", JsValue::from_str(verdict)),
                ("confidence", JsValue::from(f64::from(*percent) / 100.0)),
                ("hybrid", hybrid),
                ("answered", JsValue::from(*answered as u32)),
            ];
            post(host, "result", &fields);
        }
    });
}
