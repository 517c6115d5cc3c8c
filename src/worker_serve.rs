//! The worker half of every link: a job's types, and the loop that reads its requests and posts
//! its replies with the request's id. The app's half is `app::worker_link`.

use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;

use js_sys::Uint8Array;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::worker_codec::{framed, from_bytes, unframed, READY_ID};

/// What one kind of worker does: the requests it reads and the replies it writes. Both halves
/// name the same `Job`, so the app and the worker cannot disagree about the messages.
pub trait Job: 'static {
    type Request: Serialize + DeserializeOwned;
    type Reply: Serialize + DeserializeOwned;
    /// The worker's name (`new Worker(url, { name })`): where one script serves several jobs,
    /// the name picks the job.
    const NAME: &'static str;
}

/// A job's worker: handles each request, replying now or later through the `Replier`.
pub trait Serve: 'static {
    type Job: Job;
    fn received(&mut self, request: <Self::Job as Job>::Request, reply: Replier<Self::Job>);
}

/// Posts the one reply to one request; a request answered by none (a cancel) just drops it.
pub struct Replier<J: Job> {
    id: u32,
    _job: PhantomData<J>,
}

impl<J: Job> Replier<J> {
    pub fn send(self, reply: &J::Reply) {
        post(&framed(self.id, reply));
    }
}

fn scope() -> Option<DedicatedWorkerGlobalScope> {
    js_sys::global().dyn_into().ok()
}

fn post(bytes: &[u8]) {
    if let Some(scope) = scope() {
        let _ = scope.post_message(&Uint8Array::from(bytes));
    }
}

/// This worker's name, as the page gave it (empty outside a worker).
pub fn name() -> String {
    scope().map(|scope| scope.name()).unwrap_or_default()
}

/// Serves requests until the page ends the worker, then tells the page it is ready (messages
/// that came before the handler was set are lost, so the page holds its requests until then).
pub fn serve<S: Serve>(server: S) {
    let Some(scope) = scope() else {
        return;
    };
    let server = Rc::new(RefCell::new(server));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = Uint8Array::new(&event.data()).to_vec();
        let Some((id, body)) = unframed(&bytes) else {
            return;
        };
        let replier = Replier {
            id,
            _job: PhantomData,
        };
        match from_bytes(body) {
            Ok(request) => server.borrow_mut().received(request, replier),
            // A page from another build: an empty reply, which the page reads as garbled.
            Err(_) => post(&id.to_le_bytes()),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&READY_ID.to_le_bytes());
}
