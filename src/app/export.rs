//! Export: copy the Markdown report, or download it as JSON; neither ever holds an API key.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::state::use_advisor;
use crate::engine::recommend::Recommendation;
use crate::report;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub recommendation: Rc<Recommendation>,
}

#[function_component(Export)]
pub fn export(props: &ExportProps) -> Html {
    let state = use_advisor();
    let status = use_state(String::new);
    let copy = {
        let recommendation = props.recommendation.clone();
        let shared = state.shared.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let markdown = report::markdown(&recommendation, &shared);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match browser::copy_text(&markdown).await {
                    Ok(()) => "Markdown report copied.".into(),
                    Err(error) => format!("Could not copy: {error}."),
                });
            });
        })
    };
    let download = {
        let recommendation = props.recommendation.clone();
        let shared = state.shared.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let json = report::json(&recommendation, &shared);
            status.set(
                match browser::download("local-or-cloud.json", "application/json", &json) {
                    Ok(()) => "JSON report downloaded.".into(),
                    Err(error) => format!("Could not download: {error}."),
                },
            );
        })
    };
    html! {
        <div class="export">
            <button type="button" id="copy-markdown" onclick={ copy }>{ "Copy Markdown report" }</button>
            <button type="button" id="download-json" class="secondary" onclick={ download }>{ "Download JSON" }</button>
            <span id="export-status" role="status">{ (*status).clone() }</span>
        </div>
    }
}
