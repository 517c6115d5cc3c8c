//! The device panel: what this device exposes, what it can run, and the capability report.

use yew::prelude::*;

use super::device_bench::{bench_controls, use_device_bench, BenchState};
use super::export_buttons::ExportButtons;
use super::model_fit::{model_fit_table, use_report_html, FitControls};
use super::report_worker::FIT_TABLES;
use super::state::use_advisor;
use crate::device::built_in::built_in_models;
use crate::device::capability_report::fact_rows;
use crate::device::classify;
use crate::device::fit::Precision;
use crate::device::runtime::RuntimeClass;
use crate::device::speed::Workload;
use crate::report::protocol::{Format, ReportRequest, ReportSource};

/// The context lengths the fit table offers, in tokens.
pub const CONTEXTS: [u32; 4] = [2_048, 4_096, 8_192, 32_768];

#[function_component(DevicePanel)]
pub fn device_panel() -> Html {
    let state = use_advisor();
    let context = use_state(|| 4_096u32);
    let on_context = {
        let context = context.clone();
        Callback::from(move |c| context.set(c))
    };
    let precision = use_state(|| Precision::Q4);
    // None follows the tooling answer (a web feature runs in the browser, an app natively).
    let chosen_runtime = use_state(|| None::<RuntimeClass>);
    let runtime = chosen_runtime.unwrap_or_else(|| {
        RuntimeClass::for_tooling(state.shared.answers.tooling(), &state.device)
    });
    let on_runtime = {
        let chosen_runtime = chosen_runtime.clone();
        Callback::from(move |r| chosen_runtime.set(Some(r)))
    };
    let on_precision = {
        let precision = precision.clone();
        Callback::from(move |p| precision.set(p))
    };
    let bench = use_device_bench();
    let profile = &state.device;
    let measurement = match &*bench.state {
        BenchState::Done(m) => Some(m.clone()),
        _ => None,
    };
    let work = Workload::from(&state.shared.cost);
    // The report is written when a button is pressed, from exactly what the panel shows.
    let source = {
        let (profile, context, measurement) = (profile.clone(), *context, measurement.clone());
        Callback::from(move |()| ReportSource::Capabilities {
            profile: Box::new(profile.clone()),
            context,
            measurement: measurement.as_deref().cloned(),
            workload: work,
        })
    };
    let class = classify(profile);
    // Before the probes report (and in the prerendered page) there is nothing to judge by, so
    // no row may claim that a model will or won't run here: the table is not asked for yet.
    let table = use_report_html(
        FIT_TABLES,
        class.is_some().then(|| ReportRequest {
            source: source.emit(()),
            format: Format::FitTable(*precision, runtime),
        }),
    );
    let rows = fact_rows(profile).into_iter().map(|(label, value)| {
        let id = format!("device-{}", slug(label));
        html! { <><dt>{ label }</dt><dd id={ id }>{ value }</dd></> }
    });
    let class_line = match &class {
        Some(class) => html! {
            <p id="device-class" data-resources={ class.resources.key() }>
                { "For the advisor this is a " }<strong>{ class.resources.key().replace('_', "-") }</strong>
                { format!(" device ({}).", class.facts.join(", ")) }
            </p>
        },
        None => html! { <p id="device-class" class="muted">{ "Still measuring…" }</p> },
    };
    html! {
        <section id="device" class="panel" aria-labelledby="device-title">
            <h2 id="device-title">{ "This device" }</h2>
            <p class="muted">{ "Read from the browser without any permission prompt; nothing leaves this page." }</p>
            <dl class="facts">{ for rows }</dl>
            { class_line }
            <h3>{ "The browser's own model" }</h3>
            <ul id="built-in-models">
                { for built_in_models(profile).into_iter().map(|b| html! {
                    <li data-browser={ b.browser } data-availability={ b.availability.clone() }>
                        <strong>{ format!("{} ({}): ", b.browser, b.model) }</strong>
                        { format!("{}. ", b.availability) }
                        { if b.reasons.is_empty() { String::new() } else { format!("Why: {}. ", b.reasons.join("; ")) } }
                        { format!("What would make it available: {}.", b.would_help) }
                    </li>
                }) }
            </ul>
            { bench_controls(&bench) }
            if class.is_some() {
                { model_fit_table(FitControls {
                    context: *context,
                    on_context,
                    precision: *precision,
                    on_precision,
                    runtime,
                    on_runtime,
                }, &table) }
            } else {
                <p id="fit-pending" class="muted">
                    { "Which local models this device can run appears here once it is measured." }
                </p>
            }
            <ExportButtons id="capabilities" copy_label="Copy capability report" noun="Capability report"
                file_name="device-capabilities.json" { source } />
        </section>
    }
}

/// Turns a label into an id fragment: "Logical CPU cores" becomes "logical-cpu-cores".
fn slug(label: &str) -> String {
    label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}
