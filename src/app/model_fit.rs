//! "Can this device run it?": the catalogue's memory needs and speed estimates against this device.

use crate::decimal::{Fixed, Plain};
use yew::prelude::*;

use super::device_panel::CONTEXTS;
use crate::device::catalogue::CATALOGUE;
use crate::device::fit::{fit_with, speed_assumption, speed_text, Precision, GIB, MEMORY_FORMULA};
use crate::device::speed::{gpu_tokens_per_s, seconds_text, Measurement, SpeedSource, Workload};
use crate::device::DeviceProfile;

/// The table for `context` tokens; a plain function rather than a component, because every
/// component costs the app bundle several kilobytes.
pub fn model_fit_table(
    profile: &DeviceProfile,
    context: u32,
    on_context: Callback<u32>,
    measured: Option<&Measurement>,
    work: Workload,
) -> Html {
    let assumption = speed_assumption(profile);
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(context) = select.value().parse() {
            on_context.emit(context);
        }
    });
    let rows = CATALOGUE.iter().flat_map(|model| {
        Precision::ALL.map(|precision| {
            let f = fit_with(model, precision, context, profile, measured.map(|m| &m.rates), work);
            let verdict = f.verdict.label();
            let gpu = measured
                .and_then(|m| m.gpu.as_ref())
                .map(|g| gpu_tokens_per_s(model, precision.bits_per_weight(), context, g));
            let label = match f.speed_source {
                SpeedSource::Measured => " extrapolated",
                SpeedSource::Assumed => " estimated",
            };
            html! {
                <tr data-model={ f.model } data-precision={ precision.label() } data-verdict={ f.verdict.key() }
                    data-tokens-per-s={ Fixed(f.tokens_per_second, 3).to_string() }
                    data-speed-source={ f.speed_source.key() }
                    data-request-s={ Fixed(f.request.total_s, 3).to_string() }
                    data-gpu-tokens-per-s={ gpu.map(|g| Fixed(g, 3).to_string()) }>
                    <th scope="row">{ f.model }</th>
                    <td data-label="Weights">{ precision.label() }</td>
                    <td class="num" data-label="Needs (GiB)">{ Fixed(f.memory.total() / GIB, 1).to_string() }</td>
                    <td class="num" data-label="Tokens/s">{ speed_text(f.tokens_per_second) }<span class="muted small">{ label }</span></td>
                    <td class="num" data-label="Your request">{ seconds_text(f.request.total_s) }<span class="muted small">{ label }</span></td>
                    <td class="num" data-label="GPU tokens/s">{ gpu.map_or_else(|| "—".to_string(), speed_text) }
                        if gpu.is_some() { <span class="muted small">{ " extrapolated" }</span> }</td>
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
                        <th scope="col">{ "Needs (GiB)" }</th><th scope="col">{ "Tokens/s" }</th>
                        <th scope="col">{ format!("Your request ({} in, {} out)", work.input_tokens, work.output_tokens) }</th>
                        <th scope="col">{ "GPU tokens/s" }</th>
                        <th scope="col">{ "Verdict" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="muted small" id="fit-formula">{ format!("Memory: {MEMORY_FORMULA}.") }</p>
            <p class="muted small" id="fit-assumption" data-speed-source={ if measured.is_some() { "measured" } else { "assumed" } }>
                { match measured {
                    Some(m) => m.summary(),
                    None => format!(
                        "Tokens/s is an estimate, not a measurement: it assumes the model runs on {} at {} GB/s and {} GFLOP/s, reading every active weight once per token and doing two operations per active parameter; the slower of the two limits wins. The request time adds the prompt at that compute rate. Measure this device to replace these with figures extrapolated from a real decoder layer run here.",
                        assumption.runs_on, Plain(assumption.bandwidth_gb_s), Plain(assumption.gflops)
                    ),
                } }
            </p>
        </div>
    }
}
