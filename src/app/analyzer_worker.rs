//! Spawns the inference worker once per page, loads the analyzer, and sends analysis requests:
//! a request made before the model is ready waits for it, and a worker that never starts or
//! stops answering is reported, so the analyzer never stays "Analyzing…" for good.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use super::analyzer_state::{
    AnalyzerContext, AnalyzerEvent, AnalyzerState, ANALYSIS_TIMEOUT_MS, REPEATS, START_TIMEOUT_MS,
};
use super::urls;
use crate::inference::RemoteWorker;
use crate::protocol::{Request, Response};

const WORKER_PATH: &str = "worker.js";
pub const MODEL_PATH: &str = "models/analyzer.onnx";

/// What the hook keeps between renders. The worker's answers arrive in a callback made once,
/// so what it and the timers need to know lives here rather than in the (render-time) state.
#[derive(Default)]
struct Link {
    bridge: Option<WorkerBridge<RemoteWorker>>,
    loaded: bool,
    /// The worker failed to load, never started or stopped answering: requests go nowhere.
    gone: bool,
    /// The last text asked for before the model was ready; sent once it is.
    queued: Option<String>,
    in_flight: u32,
    /// Fires if the worker does not answer an analysis in time; dropping it cancels it.
    watchdog: Option<Timeout>,
}

type Shared = Rc<RefCell<Link>>;
type Events = UseReducerDispatcher<AnalyzerState>;

/// Sends an analysis now, or keeps it until the model is ready.
fn request(link: &Shared, events: &Events, text: String) {
    let mut l = link.borrow_mut();
    if l.gone {
        return; // The analyzer's status already says why, and the rest of the page works.
    }
    if !l.loaded {
        l.queued = Some(text);
        return;
    }
    let Some(bridge) = l.bridge.as_ref() else {
        return;
    };
    bridge.send(Request::Analyze {
        text: text.clone(),
        repeats: REPEATS,
    });
    l.in_flight += 1;
    l.watchdog = Some(watchdog(link, events));
    drop(l);
    events.dispatch(AnalyzerEvent::Sent(text));
}

fn watchdog(link: &Shared, events: &Events) -> Timeout {
    let (link, events) = (link.clone(), events.clone());
    Timeout::new(ANALYSIS_TIMEOUT_MS, move || {
        link.borrow_mut().gone = true;
        events.dispatch(AnalyzerEvent::AnalysisTimeout);
    })
}

/// Notes what an answer means for later requests, then hands it to the reducer.
fn answered(link: &Shared, events: &Events, response: Response) {
    let mut l = link.borrow_mut();
    let mut queued = None;
    match &response {
        Response::Ready { .. } => {
            l.loaded = true;
            queued = l.queued.take();
        }
        Response::Failed { .. } if !l.loaded => {
            l.gone = true;
            l.queued = None;
        }
        Response::Analysis { .. } | Response::Failed { .. } => {
            l.in_flight = l.in_flight.saturating_sub(1);
            l.watchdog = (l.in_flight > 0).then(|| watchdog(link, events));
        }
        // The device benchmark runs in a worker of its own; its answers never come here.
        Response::Benchmark { .. } => {}
    }
    drop(l);
    events.dispatch(AnalyzerEvent::Worker(response));
    if let Some(text) = queued {
        request(link, events, text);
    }
}

/// The analyzer for the root to provide; the worker goes when the root does.
#[hook]
pub fn use_analyzer_worker() -> AnalyzerContext {
    let state = use_reducer(AnalyzerState::default);
    let link = use_mut_ref(Link::default);
    {
        let events = state.dispatcher();
        let link = link.clone();
        use_effect_with((), move |_| {
            let on_answer = (link.clone(), events.clone());
            let spawned = RemoteWorker::spawner()
                .encoding::<crate::worker_codec::Packed>()
                .callback(move |response| answered(&on_answer.0, &on_answer.1, response))
                .spawn(&urls::resolve(WORKER_PATH));
            spawned.send(Request::Load {
                model_url: urls::resolve(MODEL_PATH),
            });
            link.borrow_mut().bridge = Some(spawned);
            // A worker script that fails to load never answers; the timeout turns that into a
            // message, and drops any request that was waiting for the model.
            let timeout = {
                let link = link.clone();
                Timeout::new(START_TIMEOUT_MS, move || {
                    let mut l = link.borrow_mut();
                    if !l.loaded {
                        l.gone = true;
                        l.queued = None;
                        drop(l);
                        events.dispatch(AnalyzerEvent::StartTimeout);
                    }
                })
            };
            move || {
                drop(timeout);
                // Dropping the bridge ends the worker and the callback that holds this link.
                let mut l = link.borrow_mut();
                l.watchdog = None;
                drop(l.bridge.take());
            }
        });
    }
    let analyze = {
        let events = state.dispatcher();
        use_callback((), move |text: String, _| request(&link, &events, text))
    };
    AnalyzerContext { state, analyze }
}
