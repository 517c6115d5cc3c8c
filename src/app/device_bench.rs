//! "Measure this device": runs the decoder-layer benchmark in a worker of its own, cancellably.
//!
//! The benchmark gets its own worker rather than the analyzer's, so that Cancel can simply end
//! that worker (dropping the bridge) without touching the loaded analyzer, and so the page's
//! thread never runs a model: input stays responsive while it measures.

use crate::decimal::Fixed;
use std::cell::Cell;
use std::rc::Rc;

use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use super::state::{use_advisor, Action};
use super::urls;
use crate::device::speed::Measurement;
use crate::inference::RemoteWorker;
use crate::protocol::{Request, Response};

const WORKER_PATH: &str = "worker.js";
/// The benchmark's time budget: a few seconds on a slow two-core machine.
pub const BUDGET_MS: u32 = 4_000;

/// Where the benchmark stands.
#[derive(Debug, Clone, PartialEq)]
pub enum BenchState {
    Idle,
    Running,
    Done(Rc<Measurement>),
    Failed(String),
    Cancelled,
}

/// The benchmark's state and its two buttons' callbacks.
#[derive(Clone, PartialEq)]
pub struct DeviceBench {
    pub state: UseStateHandle<BenchState>,
    pub start: Callback<()>,
    pub cancel: Callback<()>,
}

fn browser() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_else(|| "unknown browser".into())
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Holds the benchmark worker while it runs; the worker goes with the panel.
#[hook]
pub fn use_device_bench() -> DeviceBench {
    let state = use_state(|| BenchState::Idle);
    let advisor = use_advisor();
    let bridge = use_mut_ref(|| None::<WorkerBridge<RemoteWorker>>);
    // Each start or cancel is a new run; a GPU result that arrives for an older run is dropped.
    let run = use_memo((), |_| Rc::new(Cell::new(0u32)));
    let start = {
        let (state, bridge, run) = (state.clone(), bridge.clone(), (*run).clone());
        let dispatch = advisor.dispatcher();
        use_callback((), move |(), _| {
            run.set(run.get() + 1);
            let this_run = run.get();
            let answer = {
                let (state, bridge, run) = (state.clone(), bridge.clone(), run.clone());
                let dispatch = dispatch.clone();
                move |response: Response| {
                    // The worker has answered; ending it frees the layers' memory at once.
                    bridge.borrow_mut().take();
                    let (timings, gpu) = match response {
                        Response::Benchmark { timings, gpu } => (timings, gpu),
                        Response::Failed { message } => {
                            return state.set(BenchState::Failed(message))
                        }
                        _ => return,
                    };
                    if run.get() == this_run {
                        let mut measurement = Measurement::new(timings, browser(), now_iso());
                        measurement.gpu = gpu;
                        let measurement = Rc::new(measurement);
                        // The verdict weighs the feature's local time extrapolated from it.
                        dispatch.dispatch(Action::Measured(measurement.clone()));
                        state.set(BenchState::Done(measurement));
                    }
                }
            };
            let spawned = RemoteWorker::spawner()
                .encoding::<crate::worker_codec::Packed>()
                .callback(answer)
                .spawn(&urls::resolve(WORKER_PATH));
            spawned.send(Request::Benchmark {
                budget_ms: BUDGET_MS,
            });
            *bridge.borrow_mut() = Some(spawned);
            state.set(BenchState::Running);
        })
    };
    let cancel = {
        let (state, bridge, run) = (state.clone(), bridge.clone(), (*run).clone());
        use_callback((), move |(), _| {
            run.set(run.get() + 1);
            // Dropping the last bridge ends the worker between two timed runs.
            bridge.borrow_mut().take();
            state.set(BenchState::Cancelled);
        })
    };
    DeviceBench {
        state,
        start,
        cancel,
    }
}

/// The button row and status line; a plain function, since components cost bundle bytes.
pub fn bench_controls(bench: &DeviceBench) -> Html {
    let running = matches!(*bench.state, BenchState::Running);
    let start = bench.start.reform(|_: MouseEvent| ());
    let cancel = bench.cancel.reform(|_: MouseEvent| ());
    let status = match &*bench.state {
        BenchState::Idle => {
            "Speeds below are estimates from assumed hardware figures until you measure."
                .to_string()
        }
        BenchState::Running => {
            "Measuring: a decoder layer runs in a background worker for a few seconds…".into()
        }
        BenchState::Done(m) => format!("Measured {}.", m.date),
        BenchState::Failed(message) => format!("The measurement failed: {message}"),
        BenchState::Cancelled => "Measurement cancelled; speeds stay estimated.".into(),
    };
    // The measured timings ride on the element too, for `cargo xtask bench` and the tests.
    let timing = |read: fn(&Measurement) -> f64| match &*bench.state {
        BenchState::Done(m) => Some(Fixed(read(m), 3).to_string()),
        _ => None,
    };
    html! {
        <div class="bench" id="device-bench"
            data-decode-short-ms={ timing(|m| m.timings.decode_short_ms) }
            data-decode-long-ms={ timing(|m| m.timings.decode_long_ms) }
            data-prefill-ms={ timing(|m| m.timings.prefill_ms) }
            data-state={ match &*bench.state {
            BenchState::Idle => "idle",
            BenchState::Running => "running",
            BenchState::Done(_) => "done",
            BenchState::Failed(_) => "failed",
            BenchState::Cancelled => "cancelled",
        } }>
            <button type="button" id="measure-device" onclick={ start } disabled={ running }>
                { "Measure this device" }
            </button>
            if running {
                <button type="button" id="measure-cancel" onclick={ cancel }>{ "Cancel" }</button>
            }
            <p class="muted small" id="bench-status" role="status">{ status }</p>
        </div>
    }
}
