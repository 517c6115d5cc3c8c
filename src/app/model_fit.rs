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
use crate::report::protocol::ReportRequest;

/// The table's HTML once written, or why it was not.
pub type Written = Option<Result<String, LinkError>>;

/// Asks the report worker for the table whenever what it is written from changes; an answer
/// to an older request than the last is dropped.
#[hook]
pub fn use_fit_table(request: Option<ReportRequest>) -> UseStateHandle<Written> {
    let written = use_state(|| None);
    let link = use_report_worker();
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

/// The controls and the written table; a plain function rather than a component, because every
/// component costs the app bundle several kilobytes.
pub fn model_fit_table(
    context: u32,
    on_context: Callback<u32>,
    precision: Precision,
    on_precision: Callback<Precision>,
    written: &Written,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(context) = select.value().parse() {
            on_context.emit(context);
        }
    });
    let on_weights = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        on_precision.emit(Precision::ALL[select.selected_index().max(0) as usize % 2]);
    });
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
            <p>
                <label for="fit-context">{ "Context length " }</label>
                <select id="fit-context" { onchange }>
                    { for CONTEXTS.iter().map(|c| html! {
                        <option value={ c.to_string() } selected={ *c == context }>{ format!("{c} tokens") }</option>
                    }) }
                </select>
                <label for="fit-weights">{ " Weights " }</label>
                <select id="fit-weights" onchange={ on_weights }>
                    { for Precision::ALL.iter().map(|p| html! {
                        <option value={ p.label() } selected={ *p == precision }>{ p.label() }</option>
                    }) }
                </select>
            </p>
            { table }
        </div>
    }
}
