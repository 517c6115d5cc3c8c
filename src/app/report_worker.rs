//! Starts the report worker the first time a report is asked for and hands each reply to the
//! request waiting for it; a worker that never answers fails the waiting requests instead of
//! leaving them pending.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::rc::{Rc, Weak};

use futures::channel::oneshot;
use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use super::urls;
use crate::report::protocol::ReportRequest;
use crate::report::worker::ReportWorker;
use crate::worker_codec::Packed;

const WORKER_PATH: &str = "report_worker.js";
/// Seconds the oldest waiting request may take, the worker's start included.
const WAIT_S: u32 = 20;

/// The report worker did not answer in time (its script failed to load, or it died).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the report's background worker did not answer; reload the page and try again")]
pub struct NoAnswer;

/// What the link keeps between renders.
#[derive(Default)]
struct Link {
    bridge: Option<WorkerBridge<ReportWorker>>,
    /// The requests in flight, oldest first: the worker answers in the order it was asked.
    waiting: VecDeque<oneshot::Sender<String>>,
    /// Armed while a request waits; dropping it cancels it.
    watchdog: Option<Timeout>,
}

/// A component's handle on the report worker.
#[derive(Clone)]
pub struct ReportLink(Rc<RefCell<Link>>);

impl ReportLink {
    /// Sends a request, starting the worker first if this is the first one; the future is the
    /// report's text.
    pub fn write(&self, request: ReportRequest) -> impl Future<Output = Result<String, NoAnswer>> {
        let (sender, receiver) = oneshot::channel();
        let mut l = self.0.borrow_mut();
        if l.bridge.is_none() {
            // Weak: the worker's callback must not keep alive the link that owns the worker.
            let link = Rc::downgrade(&self.0);
            let bridge = ReportWorker::spawner()
                .encoding::<Packed>()
                .callback(move |text| answered(&link, text))
                .spawn(&urls::resolve(WORKER_PATH));
            l.bridge = Some(bridge);
        }
        if let Some(bridge) = &l.bridge {
            bridge.send(request);
        }
        l.waiting.push_back(sender);
        if l.watchdog.is_none() {
            l.watchdog = Some(watchdog(Rc::downgrade(&self.0)));
        }
        // A dropped sender (the watchdog gave up, or the component went away) means no answer.
        async move { receiver.await.map_err(|_| NoAnswer) }
    }
}

fn answered(link: &Weak<RefCell<Link>>, text: String) {
    let Some(link) = link.upgrade() else {
        return;
    };
    let mut l = link.borrow_mut();
    if let Some(sender) = l.waiting.pop_front() {
        // The receiver may be gone with its component; the report is then not needed.
        let _ = sender.send(text);
    }
    // The next request's time starts now.
    l.watchdog = (!l.waiting.is_empty()).then(|| watchdog(Rc::downgrade(&link)));
}

/// Gives up on a worker that has not answered in time: every waiting request fails, and the
/// worker is dropped (which ends it) so that the next request starts a fresh one.
fn watchdog(link: Weak<RefCell<Link>>) -> Timeout {
    Timeout::new(WAIT_S.saturating_mul(1000), move || {
        if let Some(link) = link.upgrade() {
            stop(&link);
        }
    })
}

/// Ends the worker and fails every waiting request (their senders are dropped). The parts are
/// taken out first and dropped once the borrow has ended.
fn stop(link: &RefCell<Link>) {
    let stopped = std::mem::take(&mut *link.borrow_mut());
    drop(stopped);
}

/// The report worker for one component; it is started on the first report and ends with the
/// component.
#[hook]
pub fn use_report_worker() -> ReportLink {
    let link = use_mut_ref(Link::default);
    {
        let link = link.clone();
        use_effect_with((), move |_| move || stop(&link));
    }
    ReportLink(link)
}
