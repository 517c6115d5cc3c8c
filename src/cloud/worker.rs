//! The cloud worker: builds the chat request, makes the call with its timeout and cancel, reads
//! the answer's labels, and lists a server's models, all off the page's thread and bundle.
//!
//! The app spawns it the first time the visitor runs a cloud call or lists models; the page's
//! own bundle holds only the message types (`protocol`).

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;
use web_sys::AbortController;

use super::completion::{parse_labels, request_body};
use super::error::CloudError;
use super::fetch::{self, Abort};
use super::protocol::{CloudCall, CloudJob, CloudReply, CloudRequest, ListedModel};
use super::provider::{chat_request, origin_of};
use super::{ApiKey, Endpoint};
use crate::worker_serve::{Replier, Serve};

/// The worker's state: the latest call's controller, which `Cancel` aborts (aborting a call that
/// has already finished does nothing).
#[derive(Default)]
pub struct CloudWorker {
    latest: Option<AbortController>,
}

impl Serve for CloudWorker {
    type Job = CloudJob;

    fn received(&mut self, request: CloudRequest, reply: Replier<CloudJob>) {
        match request {
            CloudRequest::Call {
                endpoint,
                key,
                text,
                timeout_s,
            } => {
                let key = key.as_deref().and_then(ApiKey::new);
                let Ok(abort) = AbortController::new() else {
                    let error = "This browser cannot stop a request, so none was sent.";
                    return reply.send(&CloudReply::Called(Err(error.into())));
                };
                if let Some(previous) = self.latest.replace(abort.clone()) {
                    previous.abort();
                }
                spawn_local(async move {
                    let result = call(&endpoint, key.as_ref(), &text, timeout_s, abort).await;
                    reply.send(&CloudReply::Called(result.map_err(|e| e.to_string())));
                });
            }
            // Answered by the call it stops, which then fails as cancelled.
            CloudRequest::Cancel => {
                if let Some(abort) = self.latest.take() {
                    abort.abort();
                }
            }
            CloudRequest::ListModels { base, key } => spawn_local(async move {
                let found = fetch::list_models(&base, key.as_deref()).await;
                let labels = found.map(|models| models.iter().map(ListedModel::label).collect());
                reply.send(&CloudReply::Models(labels.map_err(|e| e.to_string())));
            }),
        }
    }
}

/// One call from request to labels; the timer aborts it after `timeout_s` seconds.
async fn call(
    endpoint: &Endpoint,
    key: Option<&ApiKey>,
    text: &str,
    timeout_s: u32,
    abort: AbortController,
) -> Result<CloudCall, CloudError> {
    let request = chat_request(endpoint, key, request_body(text, true))?;
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (abort, timed_out) = (abort.clone(), timed_out.clone());
        Timeout::new(timeout_s.saturating_mul(1000), move || {
            timed_out.set(true);
            abort.abort();
        })
    };
    let signal = abort.signal();
    let stop = Abort {
        signal: &signal,
        timed_out: &timed_out,
        timeout_s,
    };
    let outcome = fetch::call(&request, endpoint, key.map(ApiKey::expose), &stop).await?;
    Ok(CloudCall {
        labels: parse_labels(&outcome.content)?,
        host: origin_of(&request.url),
        bytes_sent: request.size_bytes(),
        outcome,
    })
}
