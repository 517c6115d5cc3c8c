//! "Measure this device": runs the decoder-layer benchmark in a worker of its own, cancellably.
//!
//! The benchmark gets its own worker rather than the analyzer's (the same script, started with
//! the benchmark's name), so that Cancel can simply end that worker without touching the loaded
//! analyzer, and so the page's thread never runs a model: input stays responsive while it measures.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::analyzer_worker::WORKER_PATH;
use super::state::{use_advisor, Action};
use super::worker_link::{LinkError, WorkerLink};
use crate::decimal::Fixed;
use crate::device::speed::Measurement;
use crate::inference::protocol::BenchJob;
use crate::inference::InferenceError;

/// The benchmark's time budget: a few seconds on a slow two-core machine.
pub const BUDGET_MS: u32 = 4_000;
/// How long a run may take in all: the worker's start, the CPU's budget (which a slow machine
/// overruns by its warm-up runs), and the GPU's own 15 s bound.
const WAIT_MS: u32 = 60_000;

/// Why a measurement failed; words only in the view.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BenchError {
    #[error("the benchmark's background worker {0}")]
    Link(LinkError),
    #[error(transparent)]
    Inference(#[from] InferenceError),
}

/// Where the benchmark stands.
#[derive(Debug, Clone, PartialEq)]
pub enum BenchState {
    Idle,
    Running,
    Done(Rc<Measurement>),
    Failed(BenchError),
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

/// Holds the benchmark's worker while it runs; the worker goes with the panel. Each start or
/// cancel ends the worker before, so an older run's answer never arrives (it fails as ended).
#[hook]
pub fn use_device_bench() -> DeviceBench {
    let state = use_state(|| BenchState::Idle);
    let advisor = use_advisor();
    let link = use_memo((), |_| WorkerLink::<BenchJob>::new(WORKER_PATH));
    {
        let link = (*link).clone();
        use_effect_with((), move |_| move || link.end());
    }
    let start = {
        let (state, link) = (state.clone(), (*link).clone());
        let dispatch = advisor.dispatcher();
        use_callback((), move |(), _| {
            link.end();
            let answer = link.ask(&BUDGET_MS, WAIT_MS);
            state.set(BenchState::Running);
            let (state, link, dispatch) = (state.clone(), link.clone(), dispatch.clone());
            spawn_local(async move {
                let answer = answer.await;
                // A run ended by a cancel or a newer start: its worker is already gone.
                if answer == Err(LinkError::Ended) {
                    return;
                }
                // The worker has answered; ending it frees the layers' memory at once.
                link.end();
                let bench = match answer {
                    Ok(Ok(bench)) => bench,
                    Err(error) => return state.set(BenchState::Failed(BenchError::Link(error))),
                    Ok(Err(error)) => return state.set(BenchState::Failed(error.into())),
                };
                let measurement = Rc::new(Measurement::new(bench, browser(), now_iso()));
                // The verdict weighs the feature's local time extrapolated from it.
                dispatch.dispatch(Action::Measured(measurement.clone()));
                state.set(BenchState::Done(measurement));
            });
        })
    };
    let cancel = {
        let (state, link) = (state.clone(), (*link).clone());
        use_callback((), move |(), _| {
            // Ending the worker stops it between two timed runs.
            link.end();
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
            "Measuring memory and arithmetic in a background worker for a few seconds…".into()
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
