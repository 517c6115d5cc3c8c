//! Export the result: copy the Markdown report, or download it as JSON; neither ever holds an API key.

use yew::prelude::*;

use super::export_buttons::ExportButtons;
use super::recommendation::use_recommendation;
use super::state::use_advisor;
use crate::report::protocol::ReportSource;

#[function_component(Export)]
pub fn export() -> Html {
    let state = use_advisor();
    let scored = use_recommendation();
    // The worker re-scores the answers with the measured facts the page used, so the report
    // says what the page says.
    let source = {
        let (measured, shared) = (scored.measured.clone(), state.shared.clone());
        let price = state.prices.row_for(&shared.cost).map(Box::new);
        Callback::from(move |()| ReportSource::Advice {
            shared: shared.clone(),
            measured: measured.clone(),
            price: price.clone(),
        })
    };
    html! {
        <ExportButtons id="report" copy_label="Copy Markdown report" noun="Markdown report"
            file_name="local-or-cloud.json" { source } />
    }
}
