//! Export the result: copy the Markdown report, or download it as JSON; neither ever holds an API key.

use yew::prelude::*;

use super::export_buttons::ExportButtons;
use super::recommendation::use_recommendation;
use super::state::use_advisor;
use crate::report;

#[function_component(Export)]
pub fn export() -> Html {
    let state = use_advisor();
    let recommendation = use_recommendation();
    let markdown = {
        let (recommendation, shared) = (recommendation.clone(), state.shared.clone());
        Callback::from(move |()| report::markdown(&recommendation, &shared))
    };
    let json = {
        let (recommendation, shared) = (recommendation.clone(), state.shared.clone());
        Callback::from(move |()| report::json(&recommendation, &shared))
    };
    html! {
        <ExportButtons id="report" copy_label="Copy Markdown report" noun="Markdown report"
            file_name="local-or-cloud.json" { markdown } { json } />
    }
}
