//! Starts the inference worker, loads the model once and shows that local inference is ready.

use std::rc::Rc;

use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use super::urls;
use crate::inference::RemoteWorker;
use crate::protocol::{Request, Response};

/// The placeholder model and the probe input its expectations were computed for.
const MODEL_PATH: &str = "models/placeholder.onnx";
const PROBE: [f32; 4] = [1.0, 2.0, 3.0, 4.0];
const WORKER_PATH: &str = "worker.js";

/// How far the worker has got.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Status {
    #[default]
    Starting,
    Loaded {
        fetch_ms: f64,
        optimize_ms: f64,
        model_bytes: u64,
    },
    Ready {
        fetch_ms: f64,
        optimize_ms: f64,
        run_ms: f64,
        output: Vec<f32>,
    },
    Failed(String),
}

impl Reducible for Status {
    type Action = Response;

    fn reduce(self: Rc<Self>, response: Response) -> Rc<Self> {
        Rc::new(match (&*self, response) {
            (_, Response::Failed { message }) => Status::Failed(message),
            (
                _,
                Response::Ready {
                    fetch_ms,
                    optimize_ms,
                    model_bytes,
                },
            ) => Status::Loaded {
                fetch_ms,
                optimize_ms,
                model_bytes,
            },
            (
                Status::Loaded {
                    fetch_ms,
                    optimize_ms,
                    ..
                },
                Response::Output { values, run_ms },
            ) => Status::Ready {
                fetch_ms: *fetch_ms,
                optimize_ms: *optimize_ms,
                run_ms,
                output: values,
            },
            (status, Response::Output { .. }) => status.clone(),
        })
    }
}

#[function_component(InferenceStatus)]
pub fn inference_status() -> Html {
    let status = use_reducer(Status::default);
    let bridge = use_mut_ref(|| None::<WorkerBridge<RemoteWorker>>);

    {
        let dispatcher = status.dispatcher();
        let bridge = bridge.clone();
        use_effect_with((), move |_| {
            let spawned = RemoteWorker::spawner()
                .callback(move |response| dispatcher.dispatch(response))
                .spawn(&urls::resolve(WORKER_PATH));
            spawned.send(Request::Load {
                model_url: urls::resolve(MODEL_PATH),
            });
            *bridge.borrow_mut() = Some(spawned);
            // Dropping the bridge terminates the worker when the component goes away.
            move || drop(bridge.borrow_mut().take())
        });
    }

    // Once the model is loaded, run the probe through it; this is an effect, never part of reduce.
    {
        let bridge = bridge.clone();
        let loaded = matches!(*status, Status::Loaded { .. });
        use_effect_with(loaded, move |loaded| {
            if *loaded {
                if let Some(bridge) = bridge.borrow().as_ref() {
                    bridge.send(Request::Run {
                        input: PROBE.to_vec(),
                    });
                }
            }
        });
    }

    let (state, body) = match &*status {
        Status::Starting => (
            "starting",
            html! { { "Starting the local inference worker…" } },
        ),
        Status::Loaded { model_bytes, .. } => (
            "loading",
            html! { { format!("Model loaded ({model_bytes} bytes); running a first inference…") } },
        ),
        Status::Ready {
            fetch_ms,
            optimize_ms,
            run_ms,
            output,
        } => (
            "ready",
            html! {
                <>
                    <strong>{ "local inference ready" }</strong>
                    { format!(
                        " — model fetched in {fetch_ms:.1} ms and optimized in {optimize_ms:.1} ms; one run took {run_ms:.2} ms."
                    ) }
                    <br />
                    { "Placeholder output: " }
                    <code id="inference-output" data-output={ join(output) }>{ format_values(output) }</code>
                </>
            },
        ),
        Status::Failed(message) => (
            "failed",
            html! { { format!("Local inference is unavailable: {message}. The rest of the advisor still works.") } },
        ),
    };

    html! {
        <section id="inference" class="panel" aria-labelledby="inference-title">
            <h2 id="inference-title">{ "Local inference" }</h2>
            <p id="inference-status" data-state={ state } role="status" aria-live="polite">{ body }</p>
        </section>
    }
}

fn join(values: &[f32]) -> String {
    values
        .iter()
        .map(f32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn format_values(values: &[f32]) -> String {
    let parts: Vec<String> = values.iter().map(|v| format!("{v:.4}")).collect();
    format!("[{}]", parts.join(", "))
}
