//! The one way the app talks to its workers: started on the first request, each request with an
//! id and a watchdog of its own, answers as typed results, and cancel.
//!
//! The link core moves bytes and is not generic, so the whole mechanism is in the app bundle
//! once; only the thin `WorkerLink<J>` that encodes a job's requests and decodes its replies is
//! per job. The worker half is `crate::worker_serve`; the frames are `worker_codec::framed`.

use std::cell::RefCell;
use std::future::Future;
use std::marker::PhantomData;
use std::rc::{Rc, Weak};

use futures::channel::oneshot;
use gloo_timers::callback::Timeout;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions};

use super::urls;
use crate::worker_codec::{framed, from_bytes, unframed, READY_ID};
use crate::worker_serve::Job;

/// Why a request got no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// Nothing came within the request's time (the worker never started, or hung).
    #[error("did not answer")]
    NoAnswer,
    /// The worker's script failed to load, or it stopped with an uncaught error.
    #[error("stopped with an error")]
    Crashed,
    /// The link was ended (a cancel, or the page part that owned it went away).
    #[error("was stopped")]
    Ended,
    /// The answer did not decode: the page and the worker come from different builds.
    #[error("sent an answer this page cannot read")]
    Garbled,
}

type Answer = Result<Vec<u8>, LinkError>;

/// A request waiting for its answer.
struct Pending {
    id: u32,
    answer: oneshot::Sender<Answer>,
    /// Dropping it cancels it.
    _watchdog: Timeout,
}

/// A running worker and the handlers it calls; dropping it ends the worker.
struct Running {
    worker: Worker,
    ready: bool,
    /// Frames sent before the worker said it was ready (its handler was not set yet).
    queued: Vec<Vec<u8>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

struct Core {
    script: &'static str,
    /// The worker's name, which picks its job where one script serves several.
    name: &'static str,
    running: Option<Running>,
    last_id: u32,
    pending: Vec<Pending>,
}

/// A link's shared core; components clone the handle.
#[derive(Clone)]
struct Shared(Rc<RefCell<Core>>);

impl Shared {
    fn start(&self, core: &mut Core) {
        if core.running.is_some() {
            return;
        }
        let options = WorkerOptions::new();
        options.set_name(core.name);
        let Ok(worker) = Worker::new_with_options(&urls::resolve(core.script), &options) else {
            return; // Every request fails by its watchdog, with the usual message.
        };
        let weak = Rc::downgrade(&self.0);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            received(&weak, Uint8Array::new(&event.data()).to_vec());
        });
        let weak = Rc::downgrade(&self.0);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            if let Some(core) = weak.upgrade() {
                end(&core, LinkError::Crashed);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        core.running = Some(Running {
            worker,
            ready: false,
            queued: Vec::new(),
            _on_message: on_message,
            _on_error: on_error,
        });
    }

    /// Sends a frame, starting the worker first; the id lets the answer find its request.
    fn post(&self, frame: impl FnOnce(u32) -> Vec<u8>) -> u32 {
        let mut core = self.0.borrow_mut();
        self.start(&mut core);
        core.last_id = core.last_id.wrapping_add(1).max(READY_ID + 1);
        let id = core.last_id;
        if let Some(running) = core.running.as_mut() {
            let bytes = frame(id);
            if running.ready {
                let _ = running
                    .worker
                    .post_message(&Uint8Array::from(bytes.as_slice()));
            } else {
                running.queued.push(bytes);
            }
        }
        id
    }

    fn ask(&self, frame: impl FnOnce(u32) -> Vec<u8>, wait_ms: u32) -> oneshot::Receiver<Answer> {
        let (answer, receiver) = oneshot::channel();
        let id = self.post(frame);
        let weak = Rc::downgrade(&self.0);
        let watchdog = Timeout::new(wait_ms, move || timed_out(&weak, id));
        self.0.borrow_mut().pending.push(Pending {
            id,
            answer,
            _watchdog: watchdog,
        });
        receiver
    }
}

/// An answer (or the worker's "ready") arrived.
fn received(core: &Weak<RefCell<Core>>, bytes: Vec<u8>) {
    let Some(core) = core.upgrade() else {
        return;
    };
    let Some((id, body)) = unframed(&bytes) else {
        return;
    };
    let mut c = core.borrow_mut();
    if id == READY_ID {
        if let Some(running) = c.running.as_mut() {
            running.ready = true;
            for frame in running.queued.drain(..) {
                let _ = running
                    .worker
                    .post_message(&Uint8Array::from(frame.as_slice()));
            }
        }
        return;
    }
    let Some(at) = c.pending.iter().position(|p| p.id == id) else {
        return; // Its request was given up or cancelled: the answer is stale.
    };
    let pending = c.pending.remove(at);
    drop(c);
    // The receiver may be gone with its component; the answer is then not needed.
    let _ = pending.answer.send(Ok(body.to_vec()));
}

/// A request's time ran out: it fails alone. A worker that no live request waits on any more is
/// ended, so the next request starts a fresh one.
fn timed_out(core: &Weak<RefCell<Core>>, id: u32) {
    let Some(core) = core.upgrade() else {
        return;
    };
    let mut c = core.borrow_mut();
    let Some(at) = c.pending.iter().position(|p| p.id == id) else {
        return;
    };
    let pending = c.pending.remove(at);
    let idle = c.pending.iter().all(|p| p.answer.is_canceled());
    let stopped = if idle { c.running.take() } else { None };
    drop(c);
    drop(stopped);
    let _ = pending.answer.send(Err(LinkError::NoAnswer));
}

/// Ends the worker and fails every waiting request with `why`. The parts are taken out first
/// and dropped once the borrow has ended, since a waiting task may use the link again at once.
fn end(core: &RefCell<Core>, why: LinkError) {
    let (running, pending) = {
        let mut c = core.borrow_mut();
        (c.running.take(), std::mem::take(&mut c.pending))
    };
    drop(running);
    for p in pending {
        let _ = p.answer.send(Err(why));
    }
}

/// One job's link: its requests go out encoded, its replies come back decoded.
pub struct WorkerLink<J: Job> {
    shared: Shared,
    _job: PhantomData<J>,
}

impl<J: Job> Clone for WorkerLink<J> {
    fn clone(&self) -> Self {
        Self {
            shared: self.shared.clone(),
            _job: PhantomData,
        }
    }
}

impl<J: Job> PartialEq for WorkerLink<J> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shared.0, &other.shared.0)
    }
}

impl<J: Job> WorkerLink<J> {
    /// A link to `script` (a path the page's base resolves); nothing starts until the first request.
    pub fn new(script: &'static str) -> Self {
        let core = Core {
            script,
            name: J::NAME,
            running: None,
            last_id: READY_ID,
            pending: Vec::new(),
        };
        Self {
            shared: Shared(Rc::new(RefCell::new(core))),
            _job: PhantomData,
        }
    }

    /// Asks for one reply, which must come within `wait_ms` (the worker's start included).
    pub fn ask(
        &self,
        request: &J::Request,
        wait_ms: u32,
    ) -> impl Future<Output = Result<J::Reply, LinkError>> + 'static {
        let answer = self.shared.ask(|id| framed(id, request), wait_ms);
        async move {
            let bytes = answer.await.map_err(|_| LinkError::Ended)??;
            from_bytes(&bytes).map_err(|_| LinkError::Garbled)
        }
    }

    /// Sends a request that gets no reply of its own (a cancel).
    pub fn tell(&self, request: &J::Request) {
        if self.shared.0.borrow().running.is_some() {
            self.shared.post(|id| framed(id, request));
        }
    }

    /// Ends the worker: every waiting request fails with `LinkError::Ended`, and the next
    /// request starts a fresh worker.
    pub fn end(&self) {
        end(&self.shared.0, LinkError::Ended);
    }
}
