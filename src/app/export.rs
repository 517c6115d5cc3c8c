//! Export the result: copy the Markdown report, or download it as JSON; neither ever holds an API key.

use std::rc::Rc;

use yew::prelude::*;

use super::export_buttons::ExportButtons;
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
    let markdown = {
        let (recommendation, shared) = (props.recommendation.clone(), state.shared.clone());
        Callback::from(move |()| report::markdown(&recommendation, &shared))
    };
    let json = {
        let (recommendation, shared) = (props.recommendation.clone(), state.shared.clone());
        Callback::from(move |()| report::json(&recommendation, &shared))
    };
    html! {
        <ExportButtons id="report" copy_label="Copy Markdown report" noun="Markdown report"
            file_name="local-or-cloud.json" { markdown } { json } />
    }
}
