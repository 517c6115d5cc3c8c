//! The side-by-side table: the same text on this device and in the cloud.

use crate::decimal::Fixed;
use yew::prelude::*;

use super::analyzer_state::Analysis;
use super::cloud_state::CloudResult;
use crate::cloud::compare::{agreement, call_cost};
use crate::cloud::completion::tokens_per_second;
use crate::engine::cost::{CostInputs, PriceTable};
use crate::engine::questions::{option_label, title};

fn label(option: Option<crate::engine::Choice>) -> &'static str {
    option.map_or("can't tell", option_label)
}

fn money(value: f64) -> String {
    if value < 0.01 {
        format!("${}", Fixed(value, 6))
    } else {
        format!("${}", Fixed(value, 2))
    }
}

/// The comparison; `local` is the analyzer's result when it was for the same text.
pub fn comparison(
    result: &CloudResult,
    local: Option<&Analysis>,
    inputs: &CostInputs,
    prices: &PriceTable,
) -> Html {
    let o = &result.call.outcome;
    let rows = local.map(|local| {
        agreement(&local.heads, &result.call.labels)
            .into_iter()
            .map(|row| {
                let agrees = row.agrees();
                html! {
                    <tr data-factor={ row.factor.key() } data-agrees={ agrees.to_string() }>
                        <th scope="row">{ title(row.factor) }</th>
                        <td data-label="On this device">{ label(row.local) }</td>
                        <td data-label="Cloud">{ label(row.cloud) }</td>
                        <td data-label="Agree">{ if agrees { "✓ same" } else { "✗ differs" } }</td>
                    </tr>
                }
            })
            .collect::<Html>()
    });
    let local_ms = local.map_or_else(
        || "run the on-device analysis to compare".to_owned(),
        |l| format!("{} ms (p50 of {} runs)", Fixed(l.p50_ms, 2), l.runs),
    );
    let ms = |at: Option<f64>| {
        at.map_or_else(
            || "none came".to_owned(),
            |ms| format!("{} ms", Fixed(ms, 0)),
        )
    };
    let (first, first_answer) = (ms(o.first_token_ms), ms(o.first_answer_ms));
    // A reasoning model's preamble is timed apart: its time is not the time to the answer.
    let preamble = (o.preamble_chars > 0).then(|| {
        format!(
            "{} characters of reasoning before the answer, ignored for the labels",
            o.preamble_chars
        )
    });
    let speed = o
        .usage
        .zip(o.first_token_ms)
        .and_then(|(u, first)| tokens_per_second(u.completion_tokens, first, o.total_ms))
        .map_or_else(
            || "not reported".to_owned(),
            |t| format!("{} tokens/s", Fixed(t, 0)),
        );
    let tokens = o.usage.map_or_else(
        || "the server did not report usage".to_owned(),
        |u| format!("{} in, {} out", u.prompt_tokens, u.completion_tokens),
    );
    let cost = o
        .usage
        .and_then(|u| call_cost(&result.asked.model, u, inputs, prices));
    let cost = match cost {
        Some(c) => format!(
            "{} a call; {} a month at your volume ({} users × {} a day)",
            money(c.per_call),
            money(c.per_month),
            inputs.users,
            crate::decimal::Plain(inputs.requests_per_user_per_day)
        ),
        None if result.asked.on_this_machine => {
            "nothing per call: the server runs on this machine".into()
        }
        None => format!("the price table has no price for {}", result.asked.model),
    };
    let sent = if result.asked.on_this_machine {
        format!(
            "{} bytes to {}, a server on this machine: nothing left the device",
            result.call.bytes_sent, result.call.host
        )
    } else {
        format!(
            "{} bytes to {} (the text, the prompt and the headers)",
            result.call.bytes_sent, result.call.host
        )
    };
    let attempts = (o.attempts > 1).then(|| format!(" after {} attempts", o.attempts));
    html! {
        <div id="cloud-comparison">
            if let Some(rows) = rows {
                <table id="cloud-agreement">
                    <thead><tr>
                        <th scope="col">{ "Factor" }</th><th scope="col">{ "On this device" }</th>
                        <th scope="col">{ format!("Cloud ({})", result.asked.model) }</th><th scope="col">{ "Agree" }</th>
                    </tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            }
            <dl class="facts" id="cloud-figures">
                <dt>{ "Latency on this device" }</dt><dd id="cloud-local-latency">{ local_ms }</dd>
                <dt>{ "Latency in the cloud" }</dt>
                <dd id="cloud-latency">{ format!("first token {first}, first answer token {first_answer}, total {} ms{}", Fixed(o.total_ms, 0), attempts.unwrap_or_default()) }</dd>
                if let Some(preamble) = preamble {
                    <dt>{ "Reasoning preamble" }</dt><dd id="cloud-preamble">{ preamble }</dd>
                }
                <dt>{ "Cloud output speed" }</dt><dd id="cloud-speed">{ speed }</dd>
                <dt>{ "Tokens used" }</dt><dd id="cloud-tokens">{ tokens }</dd>
                <dt>{ "Cost" }</dt><dd id="cloud-cost">{ cost }</dd>
                <dt>{ "Data sent off the device" }</dt>
                <dd id="cloud-bytes">{ format!("on this device: 0 bytes; cloud: {sent}") }</dd>
                <dt>{ "Works offline" }</dt>
                <dd id="cloud-offline">{ if result.asked.on_this_machine { "on this device: yes; this local server: yes" } else { "on this device: yes; cloud: no" } }</dd>
            </dl>
        </div>
    }
}
