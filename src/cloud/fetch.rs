//! Browser glue for the cloud call, run inside the cloud worker: sends a prepared request with
//! fetch, retries what may pass on a second try, and reads the streamed answer as it arrives,
//! timing the first token and the first token of the answer itself (after any reasoning preamble).

use std::cell::Cell;

use gloo_net::http::{Request, RequestBuilder, Response};
use wasm_bindgen::JsCast;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, RequestMode};

use super::answer::{Answer, StreamedAnswer};
use super::completion::parse_completion;
use super::error::CloudError;
use super::protocol::{ListedModel, Outcome};
use super::provider::origin_of;
use super::sse::SseParser;
use super::status::from_status;
use super::{retry, Endpoint, HttpRequest, Provider};
use crate::worker_scope::{now_ms, scope};

/// How a call can be stopped: the signal both the cancel button and the timeout abort, and
/// which of the two did it (the timeout sets `timed_out` before aborting).
pub struct Abort<'a> {
    pub signal: &'a AbortSignal,
    pub timed_out: &'a Cell<bool>,
    pub timeout_s: u32,
}

impl Abort<'_> {
    fn error(&self) -> CloudError {
        if self.timed_out.get() {
            CloudError::Timeout(self.timeout_s)
        } else {
            CloudError::Cancelled
        }
    }
}

/// Sends `request` to `endpoint`, retrying rate limits and server errors as `retry` allows.
pub async fn call(
    request: &HttpRequest,
    endpoint: &Endpoint,
    key: Option<&str>,
    abort: &Abort<'_>,
) -> Result<Outcome, CloudError> {
    let signal = abort.signal;
    let started = now_ms();
    let mut attempt = 1;
    loop {
        let sent_at = now_ms();
        let response = match send(request, signal) {
            Ok(pending) => pending.send().await,
            Err(error) => return Err(CloudError::Config(error.to_string())),
        };
        let response = match response {
            Ok(response) => response,
            Err(error) => return Err(network_error(error, &request.url, abort).await),
        };
        let status = response.status();
        if (200..300).contains(&status) {
            let (answer, times) = read_answer(response, sent_at, abort).await?;
            return Ok(Outcome {
                content: answer.content,
                usage: answer.usage,
                first_token_ms: times.first_token_ms,
                first_answer_ms: times.first_answer_ms,
                preamble_chars: answer.preamble_chars,
                total_ms: now_ms() - started,
                attempts: attempt,
            });
        }
        let headers = response.headers();
        let wait_s = retry::wait_from_headers(|name| headers.get(name));
        let body = response.text().await.unwrap_or_default();
        let error = from_status(
            status,
            wait_s,
            &body,
            endpoint.provider,
            &endpoint.model,
            key,
        );
        let Some(wait) = retry::delay_ms(&error, attempt) else {
            return Err(retry::with_attempts(error, attempt));
        };
        // Cancel (or the call's timeout) ends the wait at once, not when the wait is over.
        let waited = gloo_timers::future::TimeoutFuture::new(wait);
        futures::future::select(waited, aborted(signal)).await;
        if signal.aborted() {
            return Err(abort.error());
        }
        attempt += 1;
    }
}

fn send(request: &HttpRequest, signal: &AbortSignal) -> Result<Request, gloo_net::Error> {
    let mut builder = RequestBuilder::new(&request.url)
        .method(gloo_net::http::Method::POST)
        .abort_signal(Some(signal));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    builder.body(request.body.as_str())
}

/// Resolves when `signal` aborts (at once if it already has).
fn aborted(signal: &AbortSignal) -> wasm_bindgen_futures::JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if signal.aborted() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        } else {
            // The listener holds only `resolve`; the signal drops it with itself.
            let _ = signal.add_event_listener_with_callback("abort", &resolve);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}

/// A fetch that failed without an HTTP answer: aborted, offline, refused by CORS, or unreachable.
/// Browsers report CORS refusals and dead servers alike, so a `no-cors` request tells them apart:
/// it succeeds (with an unreadable answer) only when the server is there.
async fn network_error(error: gloo_net::Error, url: &str, abort: &Abort<'_>) -> CloudError {
    if let gloo_net::Error::JsError(js) = &error {
        if js.name == "AbortError" || abort.signal.aborted() {
            return abort.error();
        }
    }
    let online = scope().is_none_or(|scope| scope.navigator().on_line());
    if !online {
        return CloudError::Offline;
    }
    let probe = RequestBuilder::new(url)
        .mode(RequestMode::NoCors)
        .send()
        .await;
    match probe {
        Ok(_) => CloudError::Cors,
        Err(_) => CloudError::Unreachable(origin_of(url)),
    }
}

/// When the first text and the first answer text came, in milliseconds after the request.
#[derive(Default)]
struct Times {
    first_token_ms: Option<f64>,
    first_answer_ms: Option<f64>,
}

/// Reads a 2xx answer, server-sent events as they arrive or a whole JSON completion, noting
/// when its first text and its first answer text came (milliseconds after `sent_at`).
async fn read_answer(
    response: Response,
    sent_at: f64,
    abort: &Abort<'_>,
) -> Result<(Answer, Times), CloudError> {
    let streamed = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.contains("text/event-stream"));
    if !streamed {
        let text = response.text().await.map_err(|_| CloudError::StreamCut)?;
        let answer = Answer::whole(&parse_completion(&text)?)?;
        let at = Some(now_ms() - sent_at);
        let times = Times {
            first_token_ms: at,
            first_answer_ms: at,
        };
        return Ok((answer, times));
    }
    let body = response
        .body()
        .ok_or_else(|| CloudError::Malformed("the answer was empty".into()))?;
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut parser = SseParser::new();
    let mut answer = StreamedAnswer::new();
    let mut times = Times::default();
    loop {
        let result = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| {
                if abort.signal.aborted() {
                    abort.error()
                } else {
                    CloudError::StreamCut
                }
            })?;
        let finished = js_sys::Reflect::get(&result, &"done".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if finished {
            break;
        }
        let value = js_sys::Reflect::get(&result, &"value".into()).unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&value).to_vec();
        for event in parser.push(&bytes) {
            let progress = answer.event(&event)?;
            let at = || Some(now_ms() - sent_at);
            if progress.first_token {
                times.first_token_ms = at();
            }
            if progress.first_answer_token {
                times.first_answer_ms = at();
            }
        }
    }
    Ok((answer.finish(parser.is_mid_event())?, times))
}

/// Asks a server which models it has (`GET {base}/models`): how the visitor finds the port
/// Foundry Local chose, and the names a local server will answer to.
pub async fn list_models(base: &str, key: Option<&str>) -> Result<Vec<ListedModel>, CloudError> {
    let url = super::provider::models_url(base)?;
    let mut builder = RequestBuilder::new(&url);
    if let Some(key) = key {
        builder = builder.header("Authorization", &format!("Bearer {key}"));
    }
    let response = match builder.send().await {
        Ok(response) => response,
        Err(_) => return Err(CloudError::Unreachable(origin_of(&url))),
    };
    if !response.ok() {
        let body = response.text().await.unwrap_or_default();
        return Err(from_status(
            response.status(),
            None,
            &body,
            Provider::Custom,
            "",
            key,
        ));
    }
    let text = response.text().await.map_err(|_| CloudError::StreamCut)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|_| CloudError::Malformed("the model list was not JSON".into()))?;
    Ok(ListedModel::from_list(&value))
}
