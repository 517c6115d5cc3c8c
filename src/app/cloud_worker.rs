//! The cloud worker's link: started the first time the visitor needs it; each reply goes to the
//! cloud panel, and a request not answered in time fails alone (a late model list leaves a call
//! running beside it alone), instead of leaving the panel waiting.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::worker_link::{LinkError, WorkerLink};
use crate::cloud::protocol::{CloudJob, CloudReply, CloudRequest};

const WORKER_PATH: &str = "cloud_worker_loader.js";
/// Seconds a reply may take beyond the call's own timeout: the worker's start and its answer.
const GRACE_S: u32 = 10;
/// Seconds a model list may take, start included.
const MODELS_WAIT_S: u32 = 20;

/// The cloud panel's handle on the worker.
#[derive(Clone)]
pub struct CloudLink {
    link: WorkerLink<CloudJob>,
    on_reply: Callback<CloudReply>,
}

impl CloudLink {
    /// Sends a request, starting the worker first if this is the first one; its reply, or why
    /// none came, goes to the panel.
    pub fn send(&self, request: CloudRequest) {
        let wait_s = match &request {
            CloudRequest::Call { timeout_s, .. } => timeout_s.saturating_add(GRACE_S),
            CloudRequest::ListModels { .. } => MODELS_WAIT_S,
            // Answered by the call it stops.
            CloudRequest::Cancel => return self.link.tell(&request),
        };
        let is_call = matches!(request, CloudRequest::Call { .. });
        let answer = self.link.ask(&request, wait_s.saturating_mul(1000));
        let on_reply = self.on_reply.clone();
        spawn_local(async move {
            let reply = match answer.await {
                Ok(reply) => reply,
                // The panel went away.
                Err(LinkError::Ended) => return,
                Err(error) => {
                    let message = format!(
                        "The cloud call's background worker {error}. Reload the page and try again."
                    );
                    if is_call {
                        CloudReply::Called(Err(message))
                    } else {
                        CloudReply::Models(Err(message))
                    }
                }
            };
            on_reply.emit(reply);
        });
    }
}

/// The cloud worker for one panel; it is started on the first request and ends with the panel.
#[hook]
pub fn use_cloud_worker(on_reply: Callback<CloudReply>) -> CloudLink {
    let link = use_memo((), |_| WorkerLink::new(WORKER_PATH));
    {
        let link = (*link).clone();
        use_effect_with((), move |_| move || link.end());
    }
    CloudLink {
        link: (*link).clone(),
        on_reply,
    }
}
