//! Starts the cloud worker the first time the visitor needs it and hands its replies to the
//! cloud panel; a worker that never answers (its script failed to load, or it died) is reported
//! as a failed call instead of leaving the panel waiting.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use super::urls;
use crate::cloud::protocol::{CloudReply, CloudRequest};
use crate::cloud::worker::CloudWorker;

const WORKER_PATH: &str = "cloud_worker.js";
/// Seconds a reply may take beyond the call's own timeout: the worker's start and its answer.
const GRACE_S: u32 = 10;
/// Seconds a model list may take, start included.
const MODELS_WAIT_S: u32 = 20;
const NO_ANSWER: &str =
    "The cloud call's background worker did not answer. Reload the page and try again.";

/// What the link keeps between renders: the worker once started, and a watchdog per kind of
/// request in flight (dropping one cancels it).
#[derive(Default)]
struct Link {
    bridge: Option<WorkerBridge<CloudWorker>>,
    call_watchdog: Option<Timeout>,
    models_watchdog: Option<Timeout>,
    /// Model lists asked for and not yet answered: the worker answers them in order, so the
    /// watchdog stands until the last one has come.
    models_waiting: u32,
}

/// The cloud panel's handle on the worker.
#[derive(Clone)]
pub struct CloudLink {
    link: Rc<RefCell<Link>>,
    on_reply: Callback<CloudReply>,
}

impl CloudLink {
    /// Sends a request, starting the worker first if this is the first one.
    pub fn send(&self, request: CloudRequest) {
        let wait_s = match &request {
            CloudRequest::Call { timeout_s, .. } => Some(timeout_s.saturating_add(GRACE_S)),
            CloudRequest::ListModels { .. } => Some(MODELS_WAIT_S),
            CloudRequest::Cancel => None,
        };
        let is_call = matches!(request, CloudRequest::Call { .. });
        let mut l = self.link.borrow_mut();
        if l.bridge.is_none() {
            if matches!(request, CloudRequest::Cancel) {
                return; // Nothing was started, so nothing is in flight.
            }
            let answered = (self.link.clone(), self.on_reply.clone());
            let bridge = CloudWorker::spawner()
                .encoding::<crate::worker_codec::Packed>()
                .callback(move |reply| replied(&answered.0, &answered.1, reply))
                .spawn(&urls::resolve(WORKER_PATH));
            l.bridge = Some(bridge);
        }
        if let Some(bridge) = &l.bridge {
            bridge.send(request);
        }
        if let Some(wait_s) = wait_s {
            let watchdog = self.watchdog(wait_s, is_call);
            if is_call {
                l.call_watchdog = Some(watchdog);
            } else {
                l.models_waiting += 1;
                l.models_watchdog = Some(watchdog);
            }
        }
    }

    /// Gives up on a request that has not been answered in time, and the panel hears a
    /// failure. A late call means a hung worker: it is dropped (which ends it, and any model
    /// list waiting with it) so that the next request starts a fresh one. A late model list
    /// fails alone while a call is running: that call has its own watchdog, and ending the
    /// worker would kill it.
    fn watchdog(&self, wait_s: u32, is_call: bool) -> Timeout {
        let (link, on_reply) = (self.link.clone(), self.on_reply.clone());
        Timeout::new(wait_s.saturating_mul(1000), move || {
            let mut l = link.borrow_mut();
            let call_running = l.call_watchdog.is_some() && !is_call;
            let (call_waits, models_waits) = if call_running {
                l.models_watchdog = None;
                (false, true)
            } else {
                l.bridge = None;
                // This timer is one of the two; the other still pending means its request waits too.
                (
                    l.call_watchdog.take().is_some() || is_call,
                    l.models_watchdog.take().is_some() || !is_call,
                )
            };
            if models_waits {
                l.models_waiting = 0;
            }
            drop(l);
            if call_waits {
                on_reply.emit(CloudReply::Called(Err(NO_ANSWER.into())));
            }
            if models_waits {
                on_reply.emit(CloudReply::Models(Err(NO_ANSWER.into())));
            }
        })
    }
}

fn replied(link: &Rc<RefCell<Link>>, on_reply: &Callback<CloudReply>, reply: CloudReply) {
    let mut l = link.borrow_mut();
    match reply {
        CloudReply::Called(_) => l.call_watchdog = None,
        CloudReply::Models(_) => {
            // An earlier listing's answer leaves the later one's watchdog standing.
            l.models_waiting = l.models_waiting.saturating_sub(1);
            if l.models_waiting == 0 {
                l.models_watchdog = None;
            }
        }
    }
    drop(l);
    on_reply.emit(reply);
}

/// The cloud worker for one panel; it is started on the first request and ends with the panel.
#[hook]
pub fn use_cloud_worker(on_reply: Callback<CloudReply>) -> CloudLink {
    let link = use_mut_ref(Link::default);
    {
        let link = link.clone();
        use_effect_with((), move |_| {
            move || {
                // Dropping the bridge ends the worker; the watchdogs go with it.
                *link.borrow_mut() = Link::default();
            }
        });
    }
    CloudLink { link, on_reply }
}
