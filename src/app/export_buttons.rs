//! A pair of export buttons: copy a Markdown text, or download a JSON file, with a status line.

use yew::prelude::*;

use super::browser;

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    /// The id prefix: the buttons are `{id}-copy` and `{id}-download`, the status `{id}-status`.
    pub id: AttrValue,
    pub copy_label: AttrValue,
    /// What is exported, for the status line: "Markdown report", "Capability report".
    pub noun: AttrValue,
    pub file_name: AttrValue,
    /// Built only when a button is pressed, so the texts always reflect the current state.
    pub markdown: Callback<(), String>,
    pub json: Callback<(), String>,
}

#[function_component(ExportButtons)]
pub fn export_buttons(props: &ExportButtonsProps) -> Html {
    let status = use_state(String::new);
    let copy = {
        let (make, noun, status) = (props.markdown.clone(), props.noun.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let text = make.emit(());
            let (noun, status) = (noun.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match browser::copy_text(&text).await {
                    Ok(()) => format!("{noun} copied."),
                    Err(error) => format!("Could not copy: {error}."),
                });
            });
        })
    };
    let download = {
        let (make, noun, file) = (
            props.json.clone(),
            props.noun.clone(),
            props.file_name.clone(),
        );
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(
                match browser::download(&file, "application/json", &make.emit(())) {
                    Ok(()) => format!("{noun} downloaded."),
                    Err(error) => format!("Could not download: {error}."),
                },
            );
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
