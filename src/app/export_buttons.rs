//! A pair of export buttons: copy a Markdown text, or download a JSON file, with a status line.

use yew::prelude::*;

use super::browser;
use super::clipboard::copy_when_written;
use super::report_worker::{use_report_worker, REPORTS, WAIT_MS};
use crate::report::protocol::{Format, ReportRequest, ReportSource};
use crate::worker_codec::to_bytes;

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    /// The id prefix: the buttons are `{id}-copy` and `{id}-download`, the status `{id}-status`.
    pub id: AttrValue,
    pub copy_label: AttrValue,
    /// What is exported, for the status line: "Markdown report", "Capability report".
    pub noun: AttrValue,
    pub file_name: AttrValue,
    /// What the report is written from, taken only when a button is pressed so that the report
    /// always reflects the current state; the report worker writes it.
    pub source: Callback<(), ReportSource>,
}

/// Saves the JSON as a file; the status line's words.
fn saved(noun: &str, file: &str, json: &str) -> String {
    match browser::download(file, "application/json", json) {
        Ok(()) => format!("{noun} downloaded."),
        Err(error) => format!("Could not download: {error}."),
    }
}

#[function_component(ExportButtons)]
pub fn export_buttons(props: &ExportButtonsProps) -> Html {
    let status = use_state(String::new);
    let worker = use_report_worker(REPORTS);
    let request = {
        let source = props.source.clone();
        move |format| ReportRequest {
            source: source.emit(()),
            format,
        }
    };
    let copy = {
        let (worker, request) = (worker.clone(), request.clone());
        let (noun, status) = (props.noun.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            // The copy starts inside the click, as Safari requires, while the worker writes.
            let copied = copy_when_written(worker.ask(&request(Format::Markdown), WAIT_MS));
            let (noun, status) = (noun.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match copied.await {
                    Ok(()) => format!("{noun} copied."),
                    Err(error) => format!("Could not copy: {error}."),
                });
            });
        })
    };
    // The JSON is written while the pointer or focus reaches the button, so that the click can
    // save it at once, inside the click (Safari refuses a download that starts after an await).
    // The request's bytes stand for its facts: equal bytes, the same report.
    let prepared = use_mut_ref(|| None::<(Vec<u8>, String)>);
    let prepare = {
        let (worker, request, prepared) = (worker.clone(), request.clone(), prepared.clone());
        Callback::from(move |()| {
            let request = request(Format::Json);
            let facts = to_bytes(&request).unwrap_or_default();
            if prepared.borrow().as_ref().is_some_and(|(p, _)| *p == facts) {
                return;
            }
            let written = worker.ask(&request, WAIT_MS);
            let prepared = prepared.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(json) = written.await {
                    *prepared.borrow_mut() = Some((facts, json));
                }
            });
        })
    };
    let download = {
        let (noun, file) = (props.noun.clone(), props.file_name.clone());
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let request = request(Format::Json);
            let facts = to_bytes(&request).unwrap_or_default();
            let ready = prepared
                .borrow()
                .as_ref()
                .and_then(|(p, json)| (*p == facts).then(|| json.clone()));
            if let Some(json) = ready {
                return status.set(saved(&noun, &file, &json));
            }
            // Not written yet (a touch that came at once): saved once it is.
            let written = worker.ask(&request, WAIT_MS);
            let (noun, file, status) = (noun.clone(), file.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match written.await {
                    Ok(json) => saved(&noun, &file, &json),
                    Err(error) => format!(
                        "Could not download: the report's background worker {error}; reload the page and try again."
                    ),
                });
            });
        })
    };
    let id = &props.id;
    html! {
        <div class="export">
            <button type="button" id={ format!("{id}-copy") } onclick={ copy }>{ props.copy_label.clone() }</button>
            <button type="button" id={ format!("{id}-download") } class="secondary"
                onclick={ download } onpointerover={ prepare.reform(|_: PointerEvent| ()) }
                onfocusin={ prepare.reform(|_: FocusEvent| ()) }>{ "Download JSON" }</button>
            <span id={ format!("{id}-status") } role="status">{ (*status).clone() }</span>
        </div>
    }
}
