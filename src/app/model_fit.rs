//! "Can this device run it?": the catalogue's memory needs and speed estimates against this device.

use yew::prelude::*;

use super::device_panel::CONTEXTS;
use crate::device::catalogue::CATALOGUE;
use crate::device::fit::{fit, speed_assumption, speed_text, Precision, GIB, MEMORY_FORMULA};
use crate::device::DeviceProfile;

/// The table for `context` tokens; a plain function rather than a component, because every
/// component costs the app bundle several kilobytes.
pub fn model_fit_table(profile: &DeviceProfile, context: u32, on_context: Callback<u32>) -> Html {
    let assumption = speed_assumption(profile);
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(context) = select.value().parse() {
            on_context.emit(context);
        }
    });
    let rows = CATALOGUE.iter().flat_map(|model| {
        Precision::ALL.map(|precision| {
            let f = fit(model, precision, context, profile);
            let verdict = f.verdict.label();
            html! {
                <tr data-model={ f.model } data-precision={ precision.label() } data-verdict={ f.verdict.key() }>
                    <th scope="row">{ f.model }</th>
                    <td data-label="Weights">{ precision.label() }</td>
                    <td class="num" data-label="Needs (GiB)">{ format!("{:.1}", f.memory.total() / GIB) }</td>
                    <td class="num" data-label="Est. tokens/s">{ speed_text(f.tokens_per_second) }</td>
                    <td data-label="Verdict"><span class={ classes!("fit", f.verdict.key()) }>{ verdict }</span>
                        <span class="muted">{ format!(" — {}", f.reason) }</span></td>
                </tr>
            }
        })
    });
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
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Which local models fit this device">
                <table id="fit-table">
                    <thead><tr>
                        <th scope="col">{ "Model" }</th><th scope="col">{ "Weights" }</th>
                        <th scope="col">{ "Needs (GiB)" }</th><th scope="col">{ "Est. tokens/s" }</th>
                        <th scope="col">{ "Verdict" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="muted small" id="fit-formula">{ format!("Memory: {MEMORY_FORMULA}.") }</p>
            <p class="muted small" id="fit-assumption">
                { format!(
                    "Tokens/s is an estimate, not a measurement: it assumes the model runs on {} at {} GB/s and {} GFLOP/s, reading every weight once per token and doing two operations per parameter; the slower of the two limits wins.",
                    assumption.runs_on, assumption.bandwidth_gb_s, assumption.gflops
                ) }
            </p>
        </div>
    }
}
