//! Spawns the inference worker once per page, loads the analyzer, and sends analysis requests.

use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use super::analyzer_state::{
    AnalyzerContext, AnalyzerEvent, AnalyzerState, REPEATS, START_TIMEOUT_MS,
};
use super::urls;
use crate::inference::RemoteWorker;
use crate::protocol::Request;

const WORKER_PATH: &str = "worker.js";
pub const MODEL_PATH: &str = "models/analyzer.onnx";

/// The analyzer for the root to provide; the worker goes when the root does.
#[hook]
pub fn use_analyzer_worker() -> AnalyzerContext {
    let state = use_reducer(AnalyzerState::default);
    let bridge = use_mut_ref(|| None::<WorkerBridge<RemoteWorker>>);
    {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        use_effect_with((), move |_| {
            let worker_events = dispatcher.clone();
            let spawned = RemoteWorker::spawner()
                .callback(move |response| worker_events.dispatch(AnalyzerEvent::Worker(response)))
                .spawn(&urls::resolve(WORKER_PATH));
            spawned.send(Request::Load {
                model_url: urls::resolve(MODEL_PATH),
            });
            *bridge.borrow_mut() = Some(spawned);
            // A worker script that fails to load never answers; the timeout turns that into a message.
            let timeout = gloo_timers::callback::Timeout::new(START_TIMEOUT_MS, move || {
                dispatcher.dispatch(AnalyzerEvent::StartTimeout)
            });
            move || {
                drop(timeout);
                drop(bridge.borrow_mut().take());
            }
        });
    }
    let analyze = {
        let dispatcher = state.dispatcher();
        use_callback((), move |text: String, _| {
            if let Some(bridge) = bridge.borrow().as_ref() {
                dispatcher.dispatch(AnalyzerEvent::Sent(text.clone()));
                bridge.send(Request::Analyze {
                    text,
                    repeats: REPEATS,
                });
            }
        })
    };
    AnalyzerContext { state, analyze }
}
