//! A pair of export buttons: copy a Markdown text, or download a JSON file, with a status line.

use yew::prelude::*;

use super::browser;
use super::clipboard::copy_when_written;
use super::report_worker::use_report_worker;
use crate::report::protocol::{Format, ReportRequest, ReportSource};

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

#[function_component(ExportButtons)]
pub fn export_buttons(props: &ExportButtonsProps) -> Html {
    let status = use_state(String::new);
    let worker = use_report_worker();
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
            let copied = copy_when_written(worker.write(request(Format::Markdown)));
            let (noun, status) = (noun.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match copied.await {
                    Ok(()) => format!("{noun} copied."),
                    Err(error) => format!("Could not copy: {error}."),
                });
            });
        })
    };
    let download = {
        let (noun, file) = (props.noun.clone(), props.file_name.clone());
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let written = worker.write(request(Format::Json));
            let (noun, file, status) = (noun.clone(), file.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let saved = match written.await {
                    Ok(json) => browser::download(&file, "application/json", &json)
                        .map_err(|error| error.to_string()),
                    Err(error) => Err(error.to_string()),
                };
                status.set(match saved {
                    Ok(()) => format!("{noun} downloaded."),
                    Err(error) => format!("Could not download: {error}."),
                });
            });
        })
    };
    let id = &props.id;
    html! {
        <div class="export">
            <button type="button" id={ format!("{id}-copy") } onclick={ copy }>{ props.copy_label.clone() }</button>
            <button type="button" id={ format!("{id}-download") } class="secondary" onclick={ download }>{ "Download JSON" }</button>
            <span id={ format!("{id}-status") } role="status">{ (*status).clone() }</span>
        </div>
    }
}
