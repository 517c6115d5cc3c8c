//! "Can this device run it?": the context and weights the visitor chooses, and the table the
//! report worker writes from the model list for them (the app links neither the list's parser
//! nor the table's rows).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::device_panel::CONTEXTS;
use super::markup::raw;
use super::report_worker::{use_report_worker, WAIT_MS};
use super::worker_link::LinkError;
use crate::device::fit::Precision;
use crate::device::runtime::RuntimeClass;
use crate::report::protocol::ReportRequest;

/// The table's HTML once written, or why it was not.
pub type Written = Option<Result<String, LinkError>>;

/// Asks the report worker for an HTML part (the fit table, the reach) whenever what it is
/// written from changes; an answer to an older request than the last is dropped.
#[hook]
pub fn use_report_html(
    loader: &'static str,
    request: Option<ReportRequest>,
) -> UseStateHandle<Written> {
    let written = use_state(|| None);
    let link = use_report_worker(loader);
    let last = use_memo((), |_| Rc::new(Cell::new(0u32)));
    {
        let (written, last) = (written.clone(), (*last).clone());
        use_effect_with(request, move |request| {
            if let Some(request) = request {
                last.set(last.get().wrapping_add(1));
                let (this, answer) = (last.get(), link.ask(request, WAIT_MS));
                spawn_local(async move {
                    let answer = answer.await;
                    if last.get() == this && answer != Err(LinkError::Ended) {
                        written.set(Some(answer));
                    }
                });
            }
        });
    }
    written
}

/// What the table is chosen by, with the callbacks that change it.
pub struct FitControls {
    pub context: u32,
    pub on_context: Callback<u32>,
    pub precision: Precision,
    pub on_precision: Callback<Precision>,
    pub runtime: RuntimeClass,
    pub on_runtime: Callback<RuntimeClass>,
}

/// A select over `options` (each with its value and its label), emitting the one picked.
fn picker<T: Copy + PartialEq + 'static>(
    id: &'static str,
    options: &'static [T],
    chosen: T,
    value_and_label: fn(T) -> (String, String),
    on: Callback<T>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(picked) = usize::try_from(select.selected_index())
            .ok()
            .and_then(|i| options.get(i))
        {
            on.emit(*picked);
        }
    });
    html! {
        <select id={ id } { onchange }>
            { for options.iter().map(|o| {
                let (value, label) = value_and_label(*o);
                html! { <option { value } selected={ *o == chosen }>{ label }</option> }
            }) }
        </select>
    }
}

/// The controls and the written table; a plain function rather than a component, because every
/// component costs the app bundle several kilobytes.
pub fn model_fit_table(c: FitControls, written: &Written) -> Html {
    let table = match written {
        None => html! { <p id="fit-rows" class="muted">{ "Checking the models…" }</p> },
        Some(Ok(html)) => raw(html.clone()),
        Some(Err(error)) => html! {
            <p id="fit-rows" class="error" role="alert">
                { format!("The table's background worker {error}; reload the page to try again.") }
            </p>
        },
    };
    html! {
        <div class="model-fit">
            <h3>{ "Can this device run it?" }</h3>
            <p class="fit-controls">
                <label for="fit-runtime">{ "Runs in " }</label>
                { picker("fit-runtime", &RuntimeClass::ALL, c.runtime, |r| (r.key().into(), r.label().into()), c.on_runtime) }
                <label for="fit-context">{ " Context " }</label>
                { picker("fit-context", &CONTEXTS, c.context, |n| (n.to_string(), format!("{n} tokens")), c.on_context) }
                <label for="fit-weights">{ " Weights " }</label>
                { picker("fit-weights", &Precision::ALL, c.precision, |p| (p.label().into(), p.label().into()), c.on_precision) }
            </p>
            { table }
        </div>
    }
}
